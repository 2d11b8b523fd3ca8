"""Exit codes (documented in README and docs/cli.md) and the one-sentence message per failure."""

from __future__ import annotations

from lawnotebook.services import errors
from lawnotebook.services.errors import backup as k
from lawnotebook.services.errors import bundle as b
from lawnotebook.services.errors import evidence as e
from lawnotebook.services.errors import vault as v

OK = 0
INTERNAL_ERROR = 1
USAGE = 2
WRONG_SECRET = 3
VAULT_MISSING = 4
VAULT_BUSY = 5
VAULT_DAMAGED = 6
VAULT_TOO_NEW = 7
DEVICE_KEY = 8
VAULT_EXISTS = 9
NOT_FOUND = 10
BAD_INPUT = 11
INTEGRITY = 12
BUNDLE_REFUSED = 13
DUPLICATE = 14

# Rows several failures share, word for word.
_AS_IS = (BAD_INPUT, "{detail}")  # the error's own English text says it all
_REFUSED = (BUNDLE_REFUSED, "Bundle refused: {detail}. Nothing was changed.")
_KEY_CARD = (BAD_INPUT, "That is not a valid key card ({detail}).")

# Walked along ``type(exc).__mro__`` (as the window's table in gui/parts/messages.py is): the
# nearest class with a row decides, whatever the order here, and BaseException ends every walk.
# A sentence may use {detail} (the error's text) and {name} (its class name).
TABLE: dict[type[BaseException], tuple[int, str]] = {
    BaseException: (INTERNAL_ERROR, "Internal error ({name}); nothing was changed."),
    # -- core
    errors.LawnotebookError: _AS_IS,
    errors.MalformedJson: (BAD_INPUT, "That data cannot be read ({detail})."),
    errors.InvalidInput: _AS_IS,
    errors.InvalidDate: (
        BAD_INPUT,
        "{detail}. Dates look like 2016-07-15, 2016-07, "
        "'before 2016-06-15' or 'between 2016-07 and 2016-09'.",
    ),
    # -- key cards, recovery keys and the owner's own keys
    errors.KeyCardError: _KEY_CARD,
    errors.KeyCardForged: _KEY_CARD,
    errors.KeyCardMalformed: _KEY_CARD,
    errors.RecoveryKeyMalformed: (
        WRONG_SECRET,
        "That is not a valid recovery key ({detail}); check each character.",
    ),
    errors.SecretIdentityMalformed: _AS_IS,
    # -- recovery shares (issue 18)
    errors.ShareError: (WRONG_SECRET, "These recovery shares do not open the vault ({detail})."),
    errors.ShareMalformed: (
        WRONG_SECRET,
        "A recovery share does not read ({detail}); check its words against the sheet.",
    ),
    errors.SharesTooFew: (
        WRONG_SECRET,
        "Not enough recovery shares: {detail}. Ask another colleague for theirs.",
    ),
    errors.SharesDuplicate: (
        WRONG_SECRET,
        "The same recovery share was given twice ({detail}); each share counts once.",
    ),
    errors.SharesMismatched: (
        WRONG_SECRET,
        "These recovery shares are not from the same set ({detail}); use shares made together.",
    ),
    errors.SharesForAnotherVault: (
        WRONG_SECRET,
        "A recovery share is for another vault ({detail}); compare the vault id on its sheet.",
    ),
    errors.SharesForOlderKey: (
        WRONG_SECRET,
        "These shares are for an older recovery key of this vault: they were made before "
        "the vault's key was changed and no longer open it.",
    ),
    errors.ShareFileMalformed: (BAD_INPUT, "That is not a sealed recovery share ({detail})."),
    errors.ShareFileNotForYou: (
        WRONG_SECRET,
        "That recovery share is sealed to another colleague; only they can open it.",
    ),
    errors.ContactExists: (BAD_INPUT, "{detail}."),
    # -- the vault
    v.VaultError: _AS_IS,
    v.WrongPassphrase: (WRONG_SECRET, "That passphrase does not unlock this vault."),
    v.WrongRecoveryKey: (WRONG_SECRET, "That recovery key does not belong to this vault."),
    v.VaultNotFound: (
        VAULT_MISSING,
        "There is no vault here ({detail}). Create one with 'lawnotebook init'.",
    ),
    v.VaultExists: (VAULT_EXISTS, "Cannot create a vault there: {detail}."),
    v.VaultAlreadyOpen: (
        VAULT_BUSY,
        "The vault is already open in another Lawnotebook window or process; close it first.",
    ),
    v.VaultDamaged: (
        VAULT_DAMAGED,
        "The vault's files are damaged ({detail}); restore them from a backup.",
    ),
    v.HeaderMissing: (
        VAULT_DAMAGED,
        "The vault's key header (vault.header) is missing; restore it from a backup.",
    ),
    v.HeaderCorrupt: (
        VAULT_DAMAGED,
        "The vault's key header is damaged ({detail}); restore it from a backup.",
    ),
    v.DatabaseMissing: (
        VAULT_DAMAGED,
        "The vault's database (vault.db) is missing; restore it from a backup.",
    ),
    v.DatabaseNotOurs: (
        VAULT_DAMAGED,
        "The vault's database is damaged or belongs to another vault ({detail}).",
    ),
    v.VaultTooNew: (
        VAULT_TOO_NEW,
        "This vault was written by a newer Lawnotebook ({detail}); please update the app.",
    ),
    v.MigrationFailed: (
        VAULT_DAMAGED,
        "Upgrading the vault failed and it was left unchanged ({detail}).",
    ),
    v.DeviceKeyUnavailable: (DEVICE_KEY, "{detail}"),
    v.NotRemembered: (DEVICE_KEY, "This vault is not remembered on this device."),
    v.RecordNotFound: (NOT_FOUND, "Not found: {detail}."),
    v.StaleRecord: (BAD_INPUT, "{detail}."),
    v.DeletionShared: (
        BAD_INPUT,
        "{detail}: it is in a colleague's vault already, so it cannot be undone here.",
    ),
    v.DeletedFileGone: (NOT_FOUND, "{detail}; the deleted item cannot be brought back."),
    # -- backups
    k.BackupError: _AS_IS,
    k.BackupNotFound: (NOT_FOUND, "No backup found: {detail}."),
    k.BackupDamaged: (
        INTEGRITY,
        "That backup is damaged ({detail}); use another drive or an older generation.",
    ),
    k.BackupOfAnotherVault: (BAD_INPUT, "That backup is of another vault ({detail})."),
    k.BackupCancelled: (BAD_INPUT, "Backup cancelled; the previous backup on the drive stands."),
    # -- bundles
    b.BundleError: _REFUSED,
    b.NotABundle: _REFUSED,
    b.NotForThisRecipient: (BUNDLE_REFUSED, "Refused: {detail}. Nothing was changed."),
    b.BundleTampered: _REFUSED,
    b.SenderMismatch: _REFUSED,
    b.UntrustedSender: _REFUSED,
    b.BundleReplayed: (BUNDLE_REFUSED, "Already done: {detail}. Nothing was changed."),
    b.BundleOutOfOrder: _REFUSED,
    b.BundleTooLarge: _REFUSED,
    b.WrongCase: _REFUSED,
    b.OuterLayerMismatch: _REFUSED,
    # -- evidence files
    e.EvidenceError: _AS_IS,
    e.IntakeCancelled: _AS_IS,
    e.SourceUnreadable: _AS_IS,
    e.SourceChanged: _AS_IS,
    e.StorageFull: _AS_IS,
    e.BlobCorrupt: _AS_IS,
    e.BlobMissing: _AS_IS,
    e.BlobNotFound: _AS_IS,
    e.DuplicateEvidence: (DUPLICATE, "Not added: {detail}."),
    e.DuplicateSource: (DUPLICATE, "Not added: {detail}."),
}


def classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and plain sentence for a failure (an unexpected one is an internal error)."""
    code, sentence = next(TABLE[c] for c in type(exc).__mro__ if c in TABLE)
    return code, sentence.format(detail=str(exc), name=type(exc).__name__)
