"""The window's sharing, reporting and backup commands on the unlocked desk: colleagues, share the
open case, open a bundle (menu, drop, or ``lawnotebook FILE.lnb``), resolve conflicts, reports,
back up now.

Each runs its dialog with :func:`_run`: the dialog is deleted once closed (a hidden dialog would
keep the case's text in memory until the next lock), and nothing is done after it if the window
locked meanwhile (locking closes every dialog, then the vault behind it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog
from shiboken6 import isValid

from lawnotebook.gui.parts.file_dialogs import open_file
from lawnotebook.services.colleagues import Colleagues

if TYPE_CHECKING:
    from lawnotebook.gui.desk.desk import Desk


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _run(desk: Desk, dialog: QDialog) -> bool:
    """Show ``dialog`` until it closes and delete it; whether the desk is still unlocked."""
    try:
        dialog.exec()
    finally:
        if isValid(dialog):  # a lock may have deleted it with the desk already
            dialog.deleteLater()
    return desk.case_file.vault.is_open


def open_colleagues(desk: Desk) -> None:
    from lawnotebook.gui.sharing.colleagues_window import ColleaguesWindow

    _run(desk, ColleaguesWindow(Colleagues(desk.case_file.vault), desk))


def back_up(desk: Desk) -> None:
    """Back up now (and verify or test a backup); the desk's "Last backup" follows."""
    from lawnotebook.gui.backup.backup_dialog import BackupDialog

    desk.save_pending()  # what is being typed goes into this backup
    dialog = BackupDialog(desk.case_file.vault, desk.worker, desk)
    dialog.backed_up.connect(lambda _result: desk.backup_age.read(desk.case_file.vault))
    _run(desk, dialog)


def share_case(desk: Desk) -> None:
    from lawnotebook.gui.sharing.share_wizard import ShareWizard

    if desk.workspace is None:
        desk.problem.emit(translate("DeskActions", "Open the case you want to share first."))
        return
    desk.workspace.save_pending()
    wizard = ShareWizard(
        desk.case_file, desk.workspace.case, Colleagues(desk.case_file.vault), desk.worker, desk
    )
    sealed = _run(desk, wizard) and wizard.result_ is not None
    if sealed and desk.workspace is not None:
        desk.workspace.parts["custody"].load()  # the export is in the custody log


def choose_bundle(desk: Desk) -> None:
    path = open_file(
        desk,
        translate("DeskActions", "Open a bundle"),
        translate("DeskActions", "Lawnotebook bundles (*.lnb);;All files (*)"),
    )
    if path is not None:
        open_bundle(desk, path)


def open_bundle(desk: Desk, path: Path) -> None:
    """Check ``path``, show the sender and the plan, apply on the user's word."""
    from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog

    dialog = BundleOpenDialog(desk.case_file, desk.worker, Path(path), desk)
    dialog.applied.connect(lambda case_id, _n: _after_apply(desk, case_id))
    dialog.resolve_button.clicked.connect(
        lambda: resolve_conflicts(desk, dialog.opened.manifest.case_id)  # type: ignore[union-attr]
    )
    if dialog.start():
        _run(desk, dialog)
    else:  # the bundle's passphrase was not given
        dialog.deleteLater()


def _after_apply(desk: Desk, case_id: str) -> None:
    if desk.workspace is not None and desk.workspace.case.id == case_id:
        desk.close_case()  # its tabs show the old state: reopen
    desk.refresh()
    desk.open_case(case_id)


def resolve_conflicts(desk: Desk, case_id: str | None = None) -> None:
    from lawnotebook.gui.sharing.conflict_view import ConflictView

    if case_id is None:
        if desk.workspace is None:
            desk.problem.emit(translate("DeskActions", "Open a case first."))
            return
        case_id = desk.workspace.case.id
    view = ConflictView(desk.case_file, desk.case_file.case(case_id), desk)
    if not _run(desk, view):
        return
    if desk.workspace is not None and desk.workspace.case.id == case_id:
        desk.workspace.parts["notes"].load()


def show_reports(desk: Desk) -> None:
    from lawnotebook.gui.reports.report_dialog import ReportDialog

    if desk.workspace is None:
        desk.problem.emit(translate("DeskActions", "Open the case to report on first."))
        return
    desk.workspace.save_pending()
    _run(desk, ReportDialog(desk.case_file, desk.workspace.case, desk))
