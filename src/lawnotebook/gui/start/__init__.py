"""The locked window: create a vault, unlock it, recover it with the recovery key."""
