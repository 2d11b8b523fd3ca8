"""Tell the lawyer, once, when unlocking moved evidence packs to quarantine or back.

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


def show_pack_notice(parent: QWidget, sweep: PackSweep) -> QMessageBox | None:
    """Show the notice without blocking (a lock closes it like every dialog); None if none."""
    text = pack_notice_text(sweep)
    if not text:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PackNotice", "Evidence files moved aside"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
