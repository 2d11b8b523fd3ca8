"""Tell the lawyer, once, when unlocking moved evidence packs to quarantine or back, and when it
finished a change of the vault's key that a crash had interrupted (its new recovery key may
never have been shown).

The open's pack sweep (``Vault.pack_sweep``) never deletes a pack a record might need: a pack
no record names is moved to ``packs-quarantine/`` inside the vault. That means an older copy of
the database was put back (or adding a file was cut off at its very end); the lawyer should
know, and know that putting the newer database back brings the files back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lawnotebook.services.vault_access import PackSweep


def pack_notice_text(sweep: PackSweep) -> str:
    """The sentence to show, or "" when the open moved nothing."""
    parts = []
    if sweep.quarantined:
        parts.append(
            QCoreApplication.translate(
                "PackNotice",
                "{n} evidence file part(s) that this vault's database does not know were moved "
                "to the folder packs-quarantine inside the vault. Nothing was deleted and they "
                "stay encrypted. This happens when an older copy of the database (vault.db) was "
                "put back, by a restore or a sync tool, or when adding a file was cut off at its "
                "very end. If you have a newer copy of vault.db, lock, put it back and unlock: "
                "the files return by themselves.",
            ).format(n=sweep.quarantined)
        )
    if sweep.restored:
        parts.append(
            QCoreApplication.translate(
                "PackNotice",
                "{n} evidence file part(s) kept in quarantine belong to this database and were "
                "put back in place.",
            ).format(n=sweep.restored)
        )
    return "\n\n".join(parts)


def key_change_notice_text() -> str:
    return QCoreApplication.translate(
        "PackNotice",
        "An interrupted change of the vault's key has now been completed. Its new recovery key "
        "may never have been shown to you, and the old one no longer works: change the key "
        "again in Settings to get a recovery key you have written down.",
    )


def rollback_notice_text() -> str:
    return QCoreApplication.translate(
        "PackNotice",
        "This vault is OLDER than one this computer or a backup drive has seen. Its folder "
        "may have been replaced by an older copy, a backup restored, or the database put back "
        "by a sync tool. Work done after that copy is not in it. If you have a newer copy, "
        "compare it before going on. A check of the vault keeps reporting this.",
    )


def show_open_notices(
    parent: QWidget, sweep: PackSweep, *, finished_key_change: bool, rolled_back: bool = False
) -> QMessageBox | None:
    """What the open did that the lawyer must know, in one non-blocking box; None if nothing."""
    parts = [rollback_notice_text() if rolled_back else "", pack_notice_text(sweep)]
    if finished_key_change:
        parts.append(key_change_notice_text())
    text = "\n\n".join(p for p in parts if p)
    if not text:
        return None
    if rolled_back:
        title = QCoreApplication.translate("PackNotice", "This vault is older than expected")
    elif parts[1]:
        title = QCoreApplication.translate("PackNotice", "Evidence files moved aside")
    else:
        title = QCoreApplication.translate("PackNotice", "The vault's key was changed")
    return _show(parent, title, text)


def _show(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Shown without blocking: a lock closes it like every dialog."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
