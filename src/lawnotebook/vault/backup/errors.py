"""Backup failures a caller must tell apart."""

from lawnotebook.vault.errors import VaultError


class BackupError(VaultError):
    """Base class for backup, backup-verify and restore failures."""


class BackupNotFound(BackupError):
    """No Lawnotebook backup at the folder given (or several vaults' backups and none chosen)."""


class BackupDamaged(BackupError):
    """The backup's newest generation cannot be read as a backup (files missing or edited)."""


class BackupOfAnotherVault(BackupError):
    """The backup belongs to another vault than the one it is compared with."""


class BackupCancelled(BackupError):
    """The lawyer cancelled the backup; the previous generation is untouched."""
