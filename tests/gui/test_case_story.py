"""The whole story a new user walks through, on the real widgets: create a vault, open a case,
fill every part of it (Chinese typed through an input method), find it, lock, come back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from lawnotebook.core.records import ChronologyEvent, Deadline, Interrogation, Note, Person
from lawnotebook.gui.desk.new_case_dialog import NewCaseDialog

TITLE = "People v. Zhang Wei"
CHINESE_NOTE = "会见时当事人称遭到刑讯逼供，连续三天不让睡觉。"


def _new_case_through_dialog(qtbot, ui, window):
    def fill():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, NewCaseDialog) and w.isVisible()
        )
        dialog.title.setText(TITLE)
        dialog.client.setText("Zhang Wei")
        dialog.number.setText("(2019)沪01刑初7号")
        dialog.accept()

    # Ctrl+N works once the desk is on screen with its actions live (ui.shortcut activates).
    qtbot.waitUntil(
        lambda: window.pages.currentWidget() is window.desk and window.new_case_action.isEnabled()
    )
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, fill)
    ui.shortcut(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.desk.workspace is not None)


def test_create_fill_search_lock_and_return(qtbot, ui, make_window, vault_dir, visible_text):
    window = make_window(vault_dir)
    assert window.pages.currentWidget() is window.create_page
    key = ui.create_vault(window)
    assert len(key) == 41
    assert window.key_page.key_label.text() == ""  # shown once, then forgotten

    _new_case_through_dialog(qtbot, ui, window)
    desk = window.desk
    workspace = desk.workspace
    assert workspace.case.title == TITLE
    assert desk.case_list.model.rowCount() == 1
    case_file = window.session.case_file

    people = workspace.show_tab("people")
    people.name.setText("Officer Li Qiang")
    people.role.setCurrentIndex(people.role.findText("Interrogator"))
    qtbot.mouseClick(people.add, Qt.MouseButton.LeftButton)
    assert [p.name for p in case_file.list(Person, workspace.case)] == ["Officer Li Qiang"]

    chronology = workspace.show_tab("chronology")
    chronology.date.edit.setText("before 2016-06-15")
    chronology.title.setText("Detained at the police station")
    qtbot.mouseClick(chronology.add, Qt.MouseButton.LeftButton)
    events = case_file.list(ChronologyEvent, workspace.case)
    assert [str(e.date) for e in events] == ["before 2016-06-15"]
    assert chronology.timeline.events[0].id == events[0].id

    sessions = workspace.show_tab("interrogations")
    sessions.start.edit.setText("2016-06-15 22:00")
    sessions.end.edit.setText("2016-06-16 06:30")
    sessions.place.setText("Interrogation room 3")
    qtbot.mouseClick(sessions.add, Qt.MouseButton.LeftButton)
    (session,) = case_file.list(Interrogation, workspace.case)
    assert session.duration_minutes() == 510
    assert sessions.model.index(0, 2).data() == "8 h 30 min"

    deadlines = workspace.show_tab("deadlines")
    deadlines.due.edit.setText("2016-07-01")
    deadlines.title.setText("File the motion to exclude the confession")
    qtbot.mouseClick(deadlines.add, Qt.MouseButton.LeftButton)
    (deadline,) = case_file.list(Deadline, workspace.case)
    assert deadlines.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None  # overdue

    notes = workspace.show_tab("notes")
    qtbot.mouseClick(notes.new, Qt.MouseButton.LeftButton)
    ui.commit(notes.editor.text, CHINESE_NOTE)
    assert notes.editor.text.toPlainText() == CHINESE_NOTE
    qtbot.waitUntil(
        lambda: case_file.list(Note, workspace.case)[0].text == CHINESE_NOTE, timeout=4000
    )
    assert "刑讯逼供" in notes.editor.preview.toPlainText()

    # Search: Ctrl+K, a two-character Chinese query typed through the input method, Enter.
    workspace.show_tab("overview")
    ui.shortcut(window, Qt.Key.Key_K)
    assert desk.search.hasFocus()
    ui.commit(desk.search, "逼供")
    qtbot.waitUntil(lambda: desk.results.model.rowCount() == 1, timeout=4000)
    shown = desk.results.model.index(0).data()
    assert "逼供</span>" in shown and "Note" in shown
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.workspace.current_tab().key == "notes")
    assert (
        desk.workspace.current_tab().current_record_id()
        == case_file.list(Note, workspace.case)[0].id
    )

    # Lock with Ctrl+L: no case text anywhere in any widget.
    ui.shortcut(window, Qt.Key.Key_L)
    assert window.is_locked and window.pages.currentWidget() is window.unlock_page
    QApplication.processEvents()
    text = visible_text()
    for secret in (TITLE, "Zhang Wei", "刑讯逼供", "Officer Li Qiang", "Interrogation room 3"):
        assert secret not in text
    assert not window.session and not window.desk
    assert not window.toolbar.isVisible()

    # Unlock: back in the same case, same tab, same note.
    ui.unlock(window)
    assert window.desk is not None
    assert window.desk.workspace.case.title == TITLE
    assert window.desk.workspace.current_tab().key == "notes"
    assert window.desk.workspace.current_tab().editor.text.toPlainText() == CHINESE_NOTE
    assert deadline.id in {d.id for d in window.desk.agenda.model.records()}


def test_lock_closes_dialogs(qtbot, ui, make_window, vault_dir):
    from PySide6.QtCore import QTimer

    window = make_window(vault_dir)
    ui.create_vault(window)
    seen = []

    def lock_while_open():
        seen.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        )
        window.lock()

    QTimer.singleShot(100, lock_while_open)
    window.desk.new_case()  # modal; the lock must end it
    assert seen and not any(w.isVisible() for w in seen)
    assert window.is_locked
