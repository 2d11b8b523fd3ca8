"""Every failure the window can meet, as one plain, translatable sentence (the only such table).

Lower layers raise typed exceptions with English details for logs; the user sees only these
sentences. An unexpected exception becomes a calm "internal error" sentence, never a traceback.
Adding an error type is one line in :data:`SENTENCES` (and one in ``cli/exit_codes.py``);
``tests/test_error_tables.py`` fails for an error type of the lower layers that has neither.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lawnotebook.services import errors
from lawnotebook.services.errors import backup as k
from lawnotebook.services.errors import bundle as b
from lawnotebook.services.errors import evidence as e
from lawnotebook.services.errors import vault as v

translate = QCoreApplication.translate


class Cancelled(Exception):
    """Raised from a progress callback when the user pressed Cancel (seal, open, export)."""


# One sentence, several failures the user cannot tell apart or act on differently.
_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages",
    "The vault's files are damaged or incomplete, so it was not opened. "
    "Nothing was changed; restore the vault folder from a backup.",
)
_BLOB_MISSING = QT_TRANSLATE_NOOP(
    "Messages",
    "Part of this evidence file is missing from the vault folder. Restore the vault from a backup.",
)

# A dict walked along ``type(exc).__mro__`` rather than a most-specific-first list: the nearest
# class with an entry wins whatever the order here, so a subclass can never be shadowed by a
# base listed above it, and the walk always ends at BaseException. The sentences are marked for
# lupdate (context "Messages") and translated at lookup; each may use {detail} (the exception's
# English text, or an OSError's strerror) and {name} (the exception's class name).
SENTENCES: dict[type[BaseException], str] = {
    BaseException: QT_TRANSLATE_NOOP(
        "Messages", "Something went wrong inside Lawnotebook ({name}). Nothing was changed."
    ),
    OSError: QT_TRANSLATE_NOOP(
        "Messages",
        "The computer refused to read or write a file ({detail}). Nothing was changed.",
    ),
    Cancelled: QT_TRANSLATE_NOOP("Messages", "Cancelled. Nothing was written."),
    # -- core
    errors.LawnotebookError: QT_TRANSLATE_NOOP("Messages", "This did not work: {detail}."),
    errors.InvalidInput: QT_TRANSLATE_NOOP("Messages", "This cannot be saved: {detail}."),
    errors.MalformedJson: QT_TRANSLATE_NOOP(
        "Messages", "This data is damaged or not in a form Lawnotebook reads ({detail})."
    ),
    errors.InvalidDate: QT_TRANSLATE_NOOP(
        "Messages",
        "Not a date Lawnotebook understands. Write for example 2016-07-15, 2016-07-15 14:30, "
        "2016-07, before 2016-06-15, about 1997, or between 2016-07 and 2016-09.",
    ),
    # -- key cards, recovery keys and the owner's own keys
    errors.KeyCardError: QT_TRANSLATE_NOOP(
        "Messages", "This key card cannot be used, so it was not added."
    ),
    errors.KeyCardForged: QT_TRANSLATE_NOOP(
        "Messages",
        "This key card was altered after it was made (its signature does not match), "
        "so it was not added. Ask your colleague for a fresh copy.",
    ),
    errors.KeyCardMalformed: QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a Lawnotebook key card, or part of it is missing. Copy the whole card, "
        "from its first line to its last.",
    ),
    errors.RecoveryKeyMalformed: QT_TRANSLATE_NOOP(
        "Messages",
        "That is not a valid recovery key: a character is wrong or missing. "
        "Compare it with your printed copy, group by group.",
    ),
    # -- recovery shares (issue 18)
    errors.ShareError: QT_TRANSLATE_NOOP(
        "Messages", "These recovery shares do not open the vault. Nothing was changed."
    ),
    errors.ShareMalformed: QT_TRANSLATE_NOOP(
        "Messages",
        "A recovery share does not read: a word is mistyped, missing or extra. "
        "Compare each word with the printed sheet.",
    ),
    errors.SharesTooFew: QT_TRANSLATE_NOOP(
        "Messages",
        "Not enough recovery shares: this set needs more of them. "
        "Ask another colleague who holds one.",
    ),
    errors.SharesDuplicate: QT_TRANSLATE_NOOP(
        "Messages", "The same recovery share was typed twice. Each share counts only once."
    ),
    errors.SharesMismatched: QT_TRANSLATE_NOOP(
        "Messages",
        "These recovery shares are not from the same set. Use shares that were made together.",
    ),
    errors.SharesForAnotherVault: QT_TRANSLATE_NOOP(
        "Messages",
        "A recovery share is for another vault. Compare the vault id printed on its sheet.",
    ),
    errors.SharesForOlderKey: QT_TRANSLATE_NOOP(
        "Messages",
        "These shares are for an older recovery key of this vault: they were made before the "
        "vault's key was changed, and no longer open it.",
    ),
    errors.ShareFileMalformed: QT_TRANSLATE_NOOP(
        "Messages", "This file is not a sealed recovery share, or it is damaged."
    ),
    errors.ShareFileNotForYou: QT_TRANSLATE_NOOP(
        "Messages",
        "This recovery share is sealed to another colleague. Only they can open it.",
    ),
    errors.SecretIdentityMalformed: QT_TRANSLATE_NOOP(
        "Messages",
        "Your own keys, kept inside this vault, are damaged, so nothing can be sealed or "
        "opened with them. Restore the vault from a backup.",
    ),
    errors.ContactExists: QT_TRANSLATE_NOOP("Messages", "This colleague is already in your list."),
    # -- the vault
    v.VaultError: QT_TRANSLATE_NOOP(  # raised as itself only when the vault was locked meanwhile
        "Messages", "The vault was locked before this could finish. Unlock it and try again."
    ),
    v.WrongPassphrase: QT_TRANSLATE_NOOP(
        "Messages", "That passphrase does not unlock this vault. Check Caps Lock and try again."
    ),
    v.WrongRecoveryKey: QT_TRANSLATE_NOOP(
        "Messages", "That recovery key belongs to another vault."
    ),
    v.VaultNotFound: QT_TRANSLATE_NOOP("Messages", "There is no vault at this location."),
    v.VaultExists: QT_TRANSLATE_NOOP(
        "Messages", "A vault cannot be created there: the folder is not empty."
    ),
    v.VaultAlreadyOpen: QT_TRANSLATE_NOOP(
        "Messages",
        "This vault is already open in another Lawnotebook window or program. "
        "Close it there first.",
    ),
    v.VaultDamaged: _DAMAGED,
    v.HeaderMissing: _DAMAGED,
    v.HeaderCorrupt: _DAMAGED,
    v.DatabaseMissing: _DAMAGED,
    v.DatabaseNotOurs: _DAMAGED,
    v.VaultTooNew: QT_TRANSLATE_NOOP(
        "Messages", "This vault was written by a newer Lawnotebook. Please update the app."
    ),
    v.MigrationFailed: QT_TRANSLATE_NOOP(
        "Messages", "Upgrading the vault failed; it was left exactly as it was."
    ),
    v.DeviceKeyUnavailable: QT_TRANSLATE_NOOP(
        "Messages", "This computer's keychain could not be used to remember the vault."
    ),
    v.NotRemembered: QT_TRANSLATE_NOOP(
        "Messages", "This vault is not remembered on this computer. Type your passphrase."
    ),
    v.StaleRecord: QT_TRANSLATE_NOOP(
        "Messages",
        "This item was changed elsewhere in the meantime. "
        "Close and reopen the case (Ctrl+W), then make your change again.",
    ),
    v.RecordNotFound: QT_TRANSLATE_NOOP("Messages", "That item no longer exists."),
    v.DeletionShared: QT_TRANSLATE_NOOP(
        "Messages",
        "This deletion cannot be undone: it was already sent to a colleague in a bundle, "
        "and there the item is deleted too. Add it again if it is still needed.",
    ),
    v.DeletedFileGone: QT_TRANSLATE_NOOP(
        "Messages",
        "This evidence file cannot be brought back: its file was erased from the vault when "
        "the vault was locked. Add the file again from its source.",
    ),
    # -- bundles: every sentence ends by saying nothing changed
    b.BundleError: QT_TRANSLATE_NOOP(
        "Messages", "This bundle was refused, and nothing was changed."
    ),
    b.NotABundle: QT_TRANSLATE_NOOP(
        "Messages", "This file is not a Lawnotebook bundle, or its beginning is damaged."
    ),
    b.NotForThisRecipient: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle was not sealed for you (or the bundle passphrase is wrong), "
        "so it cannot be opened here. Nothing was changed.",
    ),
    b.BundleTampered: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle was altered or damaged after it was sealed, so it was refused. "
        "Nothing was changed; ask the sender for a new copy.",
    ),
    b.SenderMismatch: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle claims to come from a colleague, but it was not sealed with that "
        "colleague's key. It was refused and nothing was changed.",
    ),
    b.UntrustedSender: QT_TRANSLATE_NOOP(
        "Messages",
        "The sender is not a colleague you have verified, so the bundle was not opened. "
        "Compare fingerprints first, or confirm that you trust this sender.",
    ),
    b.BundleReplayed: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle (or a newer one from the same colleague) was already opened here. "
        "Nothing was changed.",
    ),
    b.BundleOutOfOrder: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle only carries changes since an earlier bundle that was never opened "
        "here. Open the earlier bundle first; nothing was changed.",
    ),
    b.BundleTooLarge: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle is larger than Lawnotebook accepts, so it was refused. Nothing was changed.",
    ),
    b.WrongCase: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle tries to change a case it does not carry, so it was refused. "
        "Nothing was changed.",
    ),
    b.OuterLayerMismatch: QT_TRANSLATE_NOOP(
        "Messages",
        "This bundle was re-wrapped by someone other than its sender (for a passphrase "
        "instead of keys, or the other way round), so it was refused. Nothing was changed; "
        "ask the sender for a copy sealed for you.",
    ),
    # -- backups
    k.BackupError: QT_TRANSLATE_NOOP("Messages", "The backup could not be used."),
    k.BackupNotFound: QT_TRANSLATE_NOOP(
        "Messages", "There is no Lawnotebook backup of this vault in that folder or drive."
    ),
    k.BackupDamaged: QT_TRANSLATE_NOOP(
        "Messages",
        "That backup is damaged or incomplete. Nothing was changed; use your other backup "
        "drive, or an older generation on this one.",
    ),
    k.BackupOfAnotherVault: QT_TRANSLATE_NOOP(
        "Messages", "That backup belongs to another vault, so it cannot be compared with this one."
    ),
    k.BackupCancelled: QT_TRANSLATE_NOOP(
        "Messages", "The backup was cancelled. The previous backup on the drive is untouched."
    ),
    # -- evidence files
    e.EvidenceError: QT_TRANSLATE_NOOP("Messages", "The evidence file could not be used."),
    e.IntakeCancelled: QT_TRANSLATE_NOOP(
        "Messages", "Adding the file was cancelled; nothing was stored."
    ),
    e.SourceUnreadable: QT_TRANSLATE_NOOP(
        "Messages", "That file could not be read (is it a folder, or not yours to read?)."
    ),
    e.SourceChanged: QT_TRANSLATE_NOOP(
        "Messages",
        "The file changed while it was being added, so nothing was stored. "
        "Wait until it is complete, then add it again.",
    ),
    e.StorageFull: QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Nothing was stored; free some space and try again."
    ),
    e.BlobCorrupt: QT_TRANSLATE_NOOP(
        "Messages",
        "This evidence file no longer matches what was stored: it was altered or damaged "
        "on disk. Run a deep check of the vault and restore it from a backup.",
    ),
    e.BlobMissing: _BLOB_MISSING,
    e.BlobNotFound: _BLOB_MISSING,
    e.DuplicateEvidence: QT_TRANSLATE_NOOP(
        "Messages", "This file is already in the case, so it was not added again."
    ),
    e.DuplicateSource: QT_TRANSLATE_NOOP(
        "Messages",
        "This file is already in the case. A second record of it is kept only for a source "
        "that no record of it gives yet: type where this copy came from.",
    ),
}


def sentence_for(cls: type[BaseException]) -> str:
    """The untranslated sentence of the nearest class in ``cls``'s MRO that has one."""
    return next(SENTENCES[c] for c in cls.__mro__ if c in SENTENCES)


def explain(exc: BaseException) -> str:
    """The translated sentence to show for ``exc``."""
    if isinstance(exc, OSError):
        detail = exc.strerror or type(exc).__name__
    else:
        detail = str(exc)
    sentence = translate("Messages", sentence_for(type(exc)))
    return sentence.format(detail=detail, name=type(exc).__name__)


def cancelled(exc: BaseException) -> bool:
    """Whether ``exc`` only says the user cancelled (show no error for it)."""
    return isinstance(exc, e.IntakeCancelled | Cancelled)
