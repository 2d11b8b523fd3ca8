"""Every failure the window can meet, as one plain, translatable sentence (the only such table).

Lower layers raise typed exceptions with English details for logs; the user sees only these
sentences. An unexpected exception becomes a calm "internal error" sentence, never a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.dates import InvalidDate
from lawnotebook.core.errors import InvalidInput, LawnotebookError
from lawnotebook.crypto.recovery import RecoveryKeyMalformed
from lawnotebook.vault import errors as v


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def explain(exc: BaseException) -> str:
    """The sentence to show for ``exc`` (most specific class first)."""
    if isinstance(exc, v.WrongPassphrase):
        return _t("That passphrase does not unlock this vault. Check Caps Lock and try again.")
    if isinstance(exc, v.WrongRecoveryKey):
        return _t("That recovery key belongs to another vault.")
    if isinstance(exc, RecoveryKeyMalformed):
        return _t(
            "That is not a valid recovery key: a character is wrong or missing. "
            "Compare it with your printed copy, group by group."
        )
    if isinstance(exc, v.VaultNotFound):
        return _t("There is no vault at this location.")
    if isinstance(exc, v.VaultExists):
        return _t("A vault cannot be created there: the folder is not empty.")
    if isinstance(exc, v.VaultAlreadyOpen):
        return _t(
            "This vault is already open in another Lawnotebook window or program. "
            "Close it there first."
        )
    if isinstance(exc, v.VaultDamaged):
        return _t(
            "The vault's files are damaged or incomplete, so it was not opened. "
            "Nothing was changed; restore the vault folder from a backup."
        )
    if isinstance(exc, v.VaultTooNew):
        return _t("This vault was written by a newer Lawnotebook. Please update the app.")
    if isinstance(exc, v.MigrationFailed):
        return _t("Upgrading the vault failed; it was left exactly as it was.")
    if isinstance(exc, v.DeviceKeyUnavailable):
        return _t("This computer's keychain could not be used to remember the vault.")
    if isinstance(exc, v.NotRemembered):
        return _t("This vault is not remembered on this computer. Type your passphrase.")
    if isinstance(exc, v.StaleRecord):
        return _t(
            "This item was changed elsewhere in the meantime. "
            "Close and reopen the case (Ctrl+W), then make your change again."
        )
    if isinstance(exc, v.RecordNotFound):
        return _t("That item no longer exists.")
    if isinstance(exc, InvalidDate):
        return _t(
            "Not a date Lawnotebook understands. Write for example 2016-07-15, 2016-07-15 14:30, "
            "2016-07, before 2016-06-15, about 1997, or between 2016-07 and 2016-09."
        )
    if isinstance(exc, InvalidInput):
        return _t("This cannot be saved: {detail}.").format(detail=str(exc))
    if isinstance(exc, OSError):
        return _t(
            "The computer refused to read or write a file ({detail}). Nothing was changed."
        ).format(detail=exc.strerror or type(exc).__name__)
    if isinstance(exc, LawnotebookError):
        return _t("This did not work: {detail}.").format(detail=str(exc))
    return _t("Something went wrong inside Lawnotebook ({name}). Nothing was changed.").format(
        name=type(exc).__name__
    )
