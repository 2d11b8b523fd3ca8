"""Vault failures a caller must tell apart. Each maps to one plain sentence in the CLI and GUI."""

from lawnotebook.core.errors import LawnotebookError


class VaultError(LawnotebookError):
    """Base class for vault failures."""


class VaultNotFound(VaultError):
    """No vault at the given location."""


class VaultExists(VaultError):
    """A vault (or other files) already occupy the location chosen for a new vault."""


class VaultAlreadyOpen(VaultError):
    """Another process (or window) has this vault open."""


class WrongPassphrase(VaultError):
    """The passphrase does not unlock this vault."""


class WrongRecoveryKey(VaultError):
    """A well-formed recovery key, but not this vault's."""


class VaultDamaged(VaultError):
    """The vault's files are missing pieces or are not readable as a vault."""


class HeaderMissing(VaultDamaged):
    """The database is there but the key header beside it is gone."""


class HeaderCorrupt(VaultDamaged):
    """The key header cannot be read: truncated, edited or not a header at all."""


class DatabaseMissing(VaultDamaged):
    """The key header is there but the database file is gone."""


class DatabaseNotOurs(VaultDamaged):
    """The database does not open with this vault's key, or is not a Lawnotebook database."""


class VaultTooNew(VaultError):
    """The vault was written by a newer Lawnotebook; this version must not touch it."""


class MigrationFailed(VaultError):
    """Upgrading the schema failed; the database was left as it was (a backup exists too)."""


class DeviceKeyUnavailable(VaultError):
    """This device has no usable OS keyring, so "remember on this device" is not offered."""


class NotRemembered(VaultError):
    """This vault is not remembered on this device (or the keyring entry is gone)."""


class RecordNotFound(VaultError):
    """No record (case, person, note, ...) with that id in this vault."""


class StaleRecord(VaultError):
    """The record changed since it was read (another edit won); reload and edit again."""


class DeletionShared(VaultError):
    """A deletion cannot be undone here: it already went to a colleague in a bundle (or came
    from one), and a deletion that travelled wins over the record in every vault."""


class DeletedFileGone(VaultError):
    """A deleted evidence record cannot come back: its file was already erased from the
    vault (erasing happens when the vault locks, closes or opens)."""
