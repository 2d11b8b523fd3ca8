"""Every failure the window can meet, as one plain, translatable sentence (the only such table).

Lower layers raise typed exceptions with English details for logs; the user sees only these
sentences. An unexpected exception becomes a calm "internal error" sentence, never a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.bundle import errors as b
from lawnotebook.core.dates import InvalidDate
from lawnotebook.core.errors import InvalidInput, LawnotebookError
from lawnotebook.crypto.identity import KeyCardForged, KeyCardMalformed
from lawnotebook.crypto.recovery import RecoveryKeyMalformed
from lawnotebook.vault import errors as v
from lawnotebook.vault import evidence as e
from lawnotebook.vault.contacts import ContactExists

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def explain(exc: BaseException) -> str:
    """The sentence to show for ``exc`` (most specific class first)."""
    if isinstance(exc, Cancelled):
        return translate("Messages", "Cancelled. Nothing was written.")
    if isinstance(exc, b.BundleError):
        return _bundle(exc)
    if isinstance(exc, e.EvidenceError):
        return _evidence(exc)
    if isinstance(exc, KeyCardForged):
        return translate(
            "Messages",
            "This key card was altered after it was made (its signature does not match), "
            "so it was not added. Ask your colleague for a fresh copy.",
        )
    if isinstance(exc, KeyCardMalformed):
        return translate(
            "Messages",
            "This is not a Lawnotebook key card, or part of it is missing. Copy the whole card, "
            "from its first line to its last.",
        )
    if isinstance(exc, ContactExists):
        return translate("Messages", "This colleague is already in your list.")
    if isinstance(exc, v.WrongPassphrase):
        return translate(
            "Messages", "That passphrase does not unlock this vault. Check Caps Lock and try again."
        )
    if isinstance(exc, v.WrongRecoveryKey):
        return translate("Messages", "That recovery key belongs to another vault.")
    if isinstance(exc, RecoveryKeyMalformed):
        return translate(
            "Messages",
            "That is not a valid recovery key: a character is wrong or missing. "
            "Compare it with your printed copy, group by group.",
        )
    if isinstance(exc, v.VaultNotFound):
        return translate("Messages", "There is no vault at this location.")
    if isinstance(exc, v.VaultExists):
        return translate("Messages", "A vault cannot be created there: the folder is not empty.")
    if isinstance(exc, v.VaultAlreadyOpen):
        return translate(
            "Messages",
            "This vault is already open in another Lawnotebook window or program. "
            "Close it there first.",
        )
    if isinstance(exc, v.VaultDamaged):
        return translate(
            "Messages",
            "The vault's files are damaged or incomplete, so it was not opened. "
            "Nothing was changed; restore the vault folder from a backup.",
        )
    if isinstance(exc, v.VaultTooNew):
        return translate(
            "Messages", "This vault was written by a newer Lawnotebook. Please update the app."
        )
    if isinstance(exc, v.MigrationFailed):
        return translate("Messages", "Upgrading the vault failed; it was left exactly as it was.")
    if isinstance(exc, v.DeviceKeyUnavailable):
        return translate(
            "Messages", "This computer's keychain could not be used to remember the vault."
        )
    if isinstance(exc, v.NotRemembered):
        return translate(
            "Messages", "This vault is not remembered on this computer. Type your passphrase."
        )
    if isinstance(exc, v.StaleRecord):
        return translate(
            "Messages",
            "This item was changed elsewhere in the meantime. "
            "Close and reopen the case (Ctrl+W), then make your change again.",
        )
    if isinstance(exc, v.RecordNotFound):
        return translate("Messages", "That item no longer exists.")
    if isinstance(exc, InvalidDate):
        return translate(
            "Messages",
            "Not a date Lawnotebook understands. Write for example 2016-07-15, 2016-07-15 14:30, "
            "2016-07, before 2016-06-15, about 1997, or between 2016-07 and 2016-09.",
        )
    if isinstance(exc, InvalidInput):
        return translate("Messages", "This cannot be saved: {detail}.").format(detail=str(exc))
    if isinstance(exc, OSError):
        return translate(
            "Messages",
            "The computer refused to read or write a file ({detail}). Nothing was changed.",
        ).format(detail=exc.strerror or type(exc).__name__)
    if isinstance(exc, LawnotebookError):
        return translate("Messages", "This did not work: {detail}.").format(detail=str(exc))
    return translate(
        "Messages", "Something went wrong inside Lawnotebook ({name}). Nothing was changed."
    ).format(name=type(exc).__name__)


def _bundle(exc: BaseException) -> str:
    """Why a bundle was refused; every sentence ends by saying nothing changed."""
    if isinstance(exc, b.NotABundle):
        return translate(
            "Messages", "This file is not a Lawnotebook bundle, or its beginning is damaged."
        )
    if isinstance(exc, b.NotForThisRecipient):
        return translate(
            "Messages",
            "This bundle was not sealed for you (or the bundle passphrase is wrong), "
            "so it cannot be opened here. Nothing was changed.",
        )
    if isinstance(exc, b.BundleTampered):
        return translate(
            "Messages",
            "This bundle was altered or damaged after it was sealed, so it was refused. "
            "Nothing was changed; ask the sender for a new copy.",
        )
    if isinstance(exc, b.SenderMismatch):
        return translate(
            "Messages",
            "This bundle claims to come from a colleague, but it was not sealed with that "
            "colleague's key. It was refused and nothing was changed.",
        )
    if isinstance(exc, b.UntrustedSender):
        return translate(
            "Messages",
            "The sender is not a colleague you have verified, so the bundle was not opened. "
            "Compare fingerprints first, or confirm that you trust this sender.",
        )
    if isinstance(exc, b.BundleReplayed):
        return translate(
            "Messages",
            "This bundle (or a newer one from the same colleague) was already opened here. "
            "Nothing was changed.",
        )
    if isinstance(exc, b.BundleOutOfOrder):
        return translate(
            "Messages",
            "This bundle only carries changes since an earlier bundle that was never opened "
            "here. Open the earlier bundle first; nothing was changed.",
        )
    if isinstance(exc, b.BundleTooLarge):
        return translate(
            "Messages",
            "This bundle is larger than Lawnotebook accepts, so it was refused. "
            "Nothing was changed.",
        )
    if isinstance(exc, b.WrongCase):
        return translate(
            "Messages",
            "This bundle tries to change a case it does not carry, so it was refused. "
            "Nothing was changed.",
        )
    return translate("Messages", "This bundle was refused, and nothing was changed.")


def _evidence(exc: BaseException) -> str:
    if isinstance(exc, e.IntakeCancelled):
        return translate("Messages", "Adding the file was cancelled; nothing was stored.")
    if isinstance(exc, e.SourceChanged):
        return translate(
            "Messages",
            "The file changed while it was being added, so nothing was stored. "
            "Wait until it is complete, then add it again.",
        )
    if isinstance(exc, e.SourceUnreadable):
        return translate(
            "Messages", "That file could not be read (is it a folder, or not yours to read?)."
        )
    if isinstance(exc, e.StorageFull):
        return translate(
            "Messages", "The disk is full. Nothing was stored; free some space and try again."
        )
    if isinstance(exc, e.BlobCorrupt):
        return translate(
            "Messages",
            "This evidence file no longer matches what was stored: it was altered or damaged "
            "on disk. Run a deep check of the vault and restore it from a backup.",
        )
    if isinstance(exc, e.BlobMissing | e.BlobNotFound):
        return translate(
            "Messages",
            "Part of this evidence file is missing from the vault folder. "
            "Restore the vault from a backup.",
        )
    return translate("Messages", "The evidence file could not be used.")


def cancelled(exc: BaseException) -> bool:
    """Whether ``exc`` only says the user cancelled (show no error for it)."""
    return isinstance(exc, e.IntakeCancelled | Cancelled)


class Cancelled(Exception):
    """Raised from a progress callback when the user pressed Cancel (seal, open, export)."""
