"""Backups of a vault on folders and removable drives: generations, verify, restore, and the
generation counter that notices a rollback (``docs/vault-format.md``, "Backups")."""
