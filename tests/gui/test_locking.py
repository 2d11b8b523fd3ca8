"""Locking: idle timeout, autosave of what is being typed, clipboard, where the user was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from lawnotebook.core.records import Note

NOTE = "The client says the interrogators kept him awake for three nights"


def _window_with_case(ui, make_window, vault_dir, **kw):  # type: ignore[no-untyped-def]
    window = make_window(vault_dir, **kw)
    ui.create_vault(window)
    case_file = window.session.case_file
    case = case_file.new_case("State v. Osei", client="Kwame Osei")
    window.desk.refresh()
    window.desk.open_case(case.id, "notes")
    return window, case_file, case


def test_idle_timeout_locks_and_activity_postpones_it(
    qtbot, ui, make_window, vault_dir, visible_text
):
    window, _, _ = _window_with_case(ui, make_window, vault_dir)
    window.idle.set_timeout(400)
    for _ in range(4):  # keep typing: no lock
        qtbot.wait(150)
        qtbot.keyClick(window.desk.search, Qt.Key.Key_A)
    assert not window.is_locked
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    assert "State v. Osei" not in visible_text()


def test_typing_survives_a_lock_mid_sentence(qtbot, ui, make_window, vault_dir):
    window, _, case = _window_with_case(ui, make_window, vault_dir)
    notes = window.desk.workspace.current_tab()
    qtbot.mouseClick(notes.new, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notes.editor.text, NOTE)
    assert notes.editor._autosave.isActive()  # not yet saved by the timer
    window.lock()  # e.g. Ctrl+L pressed mid-sentence
    ui.unlock(window)
    (saved,) = window.session.case_file.list(Note, case)
    assert saved.text == NOTE
    assert window.desk.workspace.current_tab().key == "notes"
    assert window.desk.workspace.current_tab().editor.text.toPlainText() == NOTE


def test_focus_change_saves_the_note(qtbot, ui, make_window, vault_dir):
    window, case_file, case = _window_with_case(ui, make_window, vault_dir)
    notes = window.desk.workspace.current_tab()
    notes.new.click()
    notes.editor.text.setFocus()
    qtbot.keyClicks(notes.editor.text, "Meeting at the detention centre")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    notes.editor.title.setFocus()
    qtbot.waitUntil(lambda: case_file.list(Note, case)[0].text == "Meeting at the detention centre")


def test_lock_clears_our_clipboard_text(qtbot, ui, make_window, vault_dir):
    window, _, _ = _window_with_case(ui, make_window, vault_dir)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Kwame Osei")
    window.lock()
    assert clipboard.text() == ""


def test_settings_keep_no_case_data(ui, make_window, vault_dir, desk_settings, tmp_path):
    window, _, _ = _window_with_case(ui, make_window, vault_dir)
    window.close()
    stored = (tmp_path / "settings.ini").read_bytes()
    assert b"geometry" in stored
    assert b"Osei" not in stored and b"State" not in stored
