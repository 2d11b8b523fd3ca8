"""Back up now, verify, test this backup, and the desk's "Last backup", through the real widgets
on a real vault (issue 18: the GUI flows of backups)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from lawnotebook.core.records import Note
from lawnotebook.gui.backup import backup_dialog
from lawnotebook.gui.backup.backup_dialog import BAR_STEPS, BackupDialog
from lawnotebook.gui.desk.backup_age import BackupAge
from lawnotebook.gui.parts import drives
from lawnotebook.gui.parts.background import Worker
from lawnotebook.services.backup import back_up, generations_at, unlock_with, verify_backup
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

WAIT_MS = 30_000


@pytest.fixture
def session(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def worker():
    worker = Worker()
    yield worker
    worker.cancel_all()
    worker.wait()


@pytest.fixture(autouse=True)
def no_usb_sticks(monkeypatch):
    monkeypatch.setattr(drives, "removable_drives", lambda: [])


def _dialog(qtbot, session, worker, dest) -> BackupDialog:  # type: ignore[no-untyped-def]
    dialog = BackupDialog(session.vault, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.add_place(dest)
    return dialog


def _wait_idle(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog._busy, timeout=WAIT_MS)


def _filled(session):  # type: ignore[no-untyped-def]
    files = session.case_file
    case = files.new_case("刘志强故意伤害案")
    files.add_note(case, "会见笔录：当事人称被连续讯问十八小时。")
    add_evidence(files, case, io.BytesIO(b"scan " * 200_000), file_name="讯问笔录.pdf")
    return case


def test_back_up_to_a_folder_reaches_the_end_and_verifies(qtbot, session, worker, tmp_path):
    _filled(session)
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    assert dialog.start.isEnabled()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.cancel.isVisible() and not dialog.close_button.isEnabled()
    _wait_idle(qtbot, dialog)
    assert dialog.result_ is not None, dialog.error.text()
    assert dialog.bar.value() == BAR_STEPS
    summary = dialog.status.text()
    assert "generation 1" in summary and "Evidence files copied: 1" in summary
    assert " s." in summary or " min " in summary  # how long it took
    assert not dialog.cancel.isVisible()
    report, generation = verify_backup(dest, unlock_with(passphrase=PASSPHRASE))
    assert report.ok and generation == 1 and report.evidence_checked == 1

    qtbot.mouseClick(dialog.verify, Qt.MouseButton.LeftButton)  # the dialog's own verify
    _wait_idle(qtbot, dialog)
    assert dialog.verified is not None and dialog.verified.ok
    assert "generation 1 is sound" in dialog.status.text()
    assert not dialog.error.isVisible()


def test_cancel_mid_way_leaves_no_new_generation(qtbot, session, worker, tmp_path, monkeypatch):
    _filled(session)
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    assert generations_at(dest) == [1]
    files = session.case_file
    add_evidence(files, files.cases()[0], io.BytesIO(b"more " * 300_000), file_name="录像.mp4")

    real = backup_dialog.back_up

    def slow_start(vault, where, *, progress, cancel):  # type: ignore[no-untyped-def]
        def on_progress(done, total):  # type: ignore[no-untyped-def]
            progress(done, total)
            dialog._flag.set()  # Cancel pressed while the new evidence is being copied

        return real(vault, where, progress=on_progress, cancel=cancel)

    monkeypatch.setattr(backup_dialog, "back_up", slow_start)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    assert dialog.result_.generation == 1  # the first run's result, no new one
    assert "cancelled" in dialog.status.text() and not dialog.error.isVisible()
    assert generations_at(dest) == [1]
    assert not [p for p in next(dest.iterdir()).iterdir() if p.name.endswith(".partial")]
    report, generation = verify_backup(dest, unlock_with(passphrase=PASSPHRASE))
    assert report.ok and generation == 1


def test_cancel_button_stops_a_run(qtbot, session, worker, tmp_path):
    _filled(session)
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    assert dialog.result_ is None
    assert generations_at(dest) == []


def test_a_folder_that_is_gone_is_said_in_words(qtbot, session, worker, tmp_path):
    dialog = _dialog(qtbot, session, worker, tmp_path / "unplugged")
    qtbot.mouseClick(dialog.verify, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    assert "no Lawnotebook backup" in dialog.error.text()


def test_the_drill_shows_same_then_newer_in_the_vault(qtbot, session, worker, tmp_path):
    case = _filled(session)
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(dialog, "drill_dialog"), timeout=WAIT_MS)
    drill = dialog.drill_dialog
    assert drill.newer_column() == ["The same"]
    assert drill.model.index(0, 0).data() == "刘志强故意伤害案"
    assert "everything this vault holds" in drill.verdict_label.text()
    drill.close()

    session.case_file.add_note(case, "补充：申请调取同步录音录像。")
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.drill_dialog is not drill, timeout=WAIT_MS)
    assert dialog.drill_dialog.newer_column() == ["Newer in the vault"]
    assert "back up again" in dialog.drill_dialog.verdict_label.text()


def test_the_desk_label_says_never_then_today_then_warns(qtbot, session, worker, tmp_path):
    label = BackupAge(7)
    qtbot.addWidget(label)
    label.read(session.vault)
    assert label.text() == "Last backup: never" and label.warning
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    dialog.backed_up.connect(lambda _r: label.read(session.vault))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot, dialog)
    assert label.text() == "Last backup: today" and not label.warning
    assert label.styleSheet() == ""
    in_eight_days = datetime.now(UTC) + timedelta(days=8)
    label.read(session.vault, now=in_eight_days)
    assert label.text() == "Last backup: 8 days ago" and label.warning
    assert label.styleSheet()  # the warning style
    label.show_age(8, warn_after_days=10)  # the lawyer allows ten days in Settings
    assert not label.warning


def test_the_desk_shows_the_backup_age_and_the_setting_is_kept(make_window, ui, tmp_path):
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    assert window.desk.backup_age.text() == "Last backup: never"
    assert window.desk.backup_age.warning
    assert window.backup_action.isEnabled()
    assert window.settings.backup_warning_days == 7
    window.settings.backup_warning_days = 3
    assert window.settings.backup_warning_days == 3


# -- restore from a backup, on the start page -------------------------------------------------


@pytest.fixture
def backed_up(tmp_path):
    """A vault with a case and its note, backed up to a drive; closed (the laptop is gone)."""
    session, _ = create_vault(tmp_path / "old-laptop", PASSPHRASE, kdf=FAST_KDF)
    try:
        case = _filled(session)
        drive = tmp_path / "drive"
        drive.mkdir()
        back_up(session.vault, drive)
    finally:
        session.close()
    return drive, case


def _case_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.desk.case_list.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_restore_from_the_start_page_opens_the_restored_vault(
    make_window, qtbot, tmp_path, backed_up
):
    drive, case = backed_up
    window = make_window(tmp_path / "new-laptop")
    assert window.pages.currentWidget() is window.create_page
    qtbot.mouseClick(window.create_page.restore, Qt.MouseButton.LeftButton)
    page = window.restore_page
    assert window.pages.currentWidget() is page
    assert str(tmp_path / "new-laptop") in page.target_label.text()
    page.picker.add_place(drive)
    page.secret.setText("not the passphrase at all")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=WAIT_MS)
    assert "passphrase" in page.error.text().lower()
    assert not (tmp_path / "new-laptop").exists()  # nothing half-restored is left

    page.secret.setText(PASSPHRASE)
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=WAIT_MS)
    assert window.vault_dir == tmp_path / "new-laptop"
    assert _case_titles(window) == [case.title]
    notes = window.session.case_file.list(Note, window.session.case_file.case(case.id))
    assert [n.text for n in notes] == ["会见笔录：当事人称被连续讯问十八小时。"]
    window.lock()  # the lock screen now unlocks the restored vault
    assert str(tmp_path / "new-laptop") in window.unlock_page.where.text()


def test_restore_beside_an_existing_vault_asks_where(make_window, ui, qtbot, tmp_path, backed_up):
    drive, case = backed_up
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    window.lock()
    qtbot.mouseClick(window.unlock_page.restore, Qt.MouseButton.LeftButton)
    page = window.restore_page
    page.picker.add_place(drive)
    page.secret.setText(PASSPHRASE)
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert "empty folder" in page.error.text()  # never over the vault already here
    page.set_target(tmp_path / "restored")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=WAIT_MS)
    assert _case_titles(window) == [case.title]
    assert window.vault_dir == tmp_path / "restored"


def test_the_backup_warning_is_set_in_settings(qtbot, desk_settings):
    from lawnotebook.gui.settings.settings_dialog import SettingsDialog

    assert desk_settings.backup_warning_days == 7
    dialog = SettingsDialog(desk_settings, "")
    qtbot.addWidget(dialog)
    assert dialog.backup_days.value() == 7
    dialog.backup_days.setValue(3)
    dialog.accept()
    assert desk_settings.backup_warning_days == 3
    label = BackupAge(desk_settings.backup_warning_days)
    qtbot.addWidget(label)
    label.show_age(4)
    assert label.warning and label.text() == "Last backup: 4 days ago"


def test_closing_the_dialog_mid_run_cancels_the_run(qtbot, session, worker, tmp_path):
    _filled(session)
    dest = tmp_path / "drive"
    dest.mkdir()
    dialog = _dialog(qtbot, session, worker, dest)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    dialog.reject()  # what locking does to every dialog
    assert not dialog.isVisible()
    worker.wait()
    assert generations_at(dest) == []
