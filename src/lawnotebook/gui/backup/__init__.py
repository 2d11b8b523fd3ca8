"""Backups from the window: back up now, verify a backup, test it against the vault."""
