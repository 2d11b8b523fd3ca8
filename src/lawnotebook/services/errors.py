"""Every failure a caller of the services may need to tell apart, in one place.

The window and the command line import error types from here, never from the storage or format
layers, so those can change under them. Whole error modules are re-exported under a short name
(``errors.vault.WrongPassphrase``, ``errors.bundle.BundleTampered``); single classes that live
beside their code (a key card, a recovery key, a date) are re-exported by name.
"""

from __future__ import annotations

from lawnotebook.bundle import errors as bundle
from lawnotebook.core.bounded_json import MalformedJson
from lawnotebook.core.clock import ClockDrift
from lawnotebook.core.dates import InvalidDate
from lawnotebook.core.errors import InvalidInput, LawnotebookError
from lawnotebook.crypto.age import errors as age
from lawnotebook.crypto.age.source import LineTooLong
from lawnotebook.crypto.identity import (
    KeyCardError,
    KeyCardForged,
    KeyCardMalformed,
    SecretIdentityMalformed,
)
from lawnotebook.crypto.keywrap import KdfParametersRejected, KeyUnwrapFailed
from lawnotebook.crypto.recovery import RecoveryKeyMalformed
from lawnotebook.crypto.shares import (
    ShareError,
    ShareMalformed,
    SharesDuplicate,
    SharesMismatched,
    SharesTooFew,
)
from lawnotebook.crypto.signing import BadSignature

# Recovery shares that read but are not this vault's (or not its current key's), and sealed
# share files: defined beside their use case, which knows the vault.
from lawnotebook.services.recovery_shares import (
    ShareFileMalformed,
    ShareFileNotForYou,
    SharesForAnotherVault,
    SharesForOlderKey,
)
from lawnotebook.vault import errors as vault
from lawnotebook.vault.backup import errors as backup
from lawnotebook.vault.contacts import ContactExists
from lawnotebook.vault.evidence import errors as evidence
from lawnotebook.vault.extract import model as extraction
from lawnotebook.vault.ocr.ppocr import OcrUnavailable

__all__ = [
    "BadSignature",
    "ClockDrift",
    "ContactExists",
    "InvalidDate",
    "InvalidInput",
    "KdfParametersRejected",
    "KeyCardError",
    "KeyCardForged",
    "KeyCardMalformed",
    "KeyUnwrapFailed",
    "LawnotebookError",
    "LineTooLong",
    "MalformedJson",
    "OcrUnavailable",
    "RecoveryKeyMalformed",
    "SecretIdentityMalformed",
    "ShareError",
    "ShareFileMalformed",
    "ShareFileNotForYou",
    "ShareMalformed",
    "SharesDuplicate",
    "SharesForAnotherVault",
    "SharesForOlderKey",
    "SharesMismatched",
    "SharesTooFew",
    "age",
    "backup",
    "bundle",
    "evidence",
    "extraction",
    "vault",
]
