"""Exit codes (documented in README and docs/cli.md) and the one-sentence message per failure."""

from __future__ import annotations

from lawnotebook.bundle import errors as b
from lawnotebook.core.dates import InvalidDate
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.crypto.identity import KeyCardError
from lawnotebook.crypto.recovery import RecoveryKeyMalformed
from lawnotebook.vault import errors as v
from lawnotebook.vault.contacts import ContactExists

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

# Most specific first: the first matching class decides the code and the sentence.
_TABLE: list[tuple[type[BaseException], int, str]] = [
    (v.WrongPassphrase, WRONG_SECRET, "That passphrase does not unlock this vault."),
    (v.WrongRecoveryKey, WRONG_SECRET, "That recovery key does not belong to this vault."),
    (
        RecoveryKeyMalformed,
        WRONG_SECRET,
        "That is not a valid recovery key ({detail}); check each character.",
    ),
    (
        v.VaultNotFound,
        VAULT_MISSING,
        "There is no vault here ({detail}). Create one with 'lawnotebook init'.",
    ),
    (v.VaultExists, VAULT_EXISTS, "Cannot create a vault there: {detail}."),
    (
        v.VaultAlreadyOpen,
        VAULT_BUSY,
        "The vault is already open in another Lawnotebook window or process; close it first.",
    ),
    (
        v.HeaderMissing,
        VAULT_DAMAGED,
        "The vault's key header (vault.header) is missing; restore it from a backup.",
    ),
    (
        v.HeaderCorrupt,
        VAULT_DAMAGED,
        "The vault's key header is damaged ({detail}); restore it from a backup.",
    ),
    (
        v.DatabaseMissing,
        VAULT_DAMAGED,
        "The vault's database (vault.db) is missing; restore it from a backup.",
    ),
    (
        v.DatabaseNotOurs,
        VAULT_DAMAGED,
        "The vault's database is damaged or belongs to another vault ({detail}).",
    ),
    (
        v.VaultTooNew,
        VAULT_TOO_NEW,
        "This vault was written by a newer Lawnotebook ({detail}); please update the app.",
    ),
    (
        v.MigrationFailed,
        VAULT_DAMAGED,
        "Upgrading the vault failed and it was left unchanged ({detail}).",
    ),
    (v.DeviceKeyUnavailable, DEVICE_KEY, "{detail}"),
    (v.NotRemembered, DEVICE_KEY, "This vault is not remembered on this device."),
    (v.RecordNotFound, NOT_FOUND, "Not found: {detail}."),
    (b.NotForThisRecipient, BUNDLE_REFUSED, "Refused: {detail}. Nothing was changed."),
    (b.BundleReplayed, BUNDLE_REFUSED, "Already done: {detail}. Nothing was changed."),
    (b.BundleError, BUNDLE_REFUSED, "Bundle refused: {detail}. Nothing was changed."),
    (KeyCardError, BAD_INPUT, "That is not a valid key card ({detail})."),
    (ContactExists, BAD_INPUT, "{detail}."),
    (v.StaleRecord, BAD_INPUT, "{detail}."),
    (
        InvalidDate,
        BAD_INPUT,
        "{detail}. Dates look like 2016-07-15, 2016-07, "
        "'before 2016-06-15' or 'between 2016-07 and 2016-09'.",
    ),
]


def classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and plain sentence for an expected failure."""
    for cls, code, sentence in _TABLE:
        if isinstance(exc, cls):
            return code, sentence.format(detail=str(exc))
    if isinstance(exc, LawnotebookError):
        return BAD_INPUT, str(exc)
    return INTERNAL_ERROR, f"Internal error ({type(exc).__name__}); nothing was changed."
