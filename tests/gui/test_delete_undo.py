"""Delete and Undo on the real case tabs, driven by the keys and menus a lawyer uses; what is
asserted is what the vault holds."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lawnotebook.core.records import (
    ChronologyEvent,
    Deadline,
    Evidence,
    Interrogation,
    Note,
    Person,
    PersonRole,
    to_body,
)
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.parts import undo
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("undo") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def workspace(qtbot, session):
    case = session.case_file.new_case("State v. Li 李某")
    workspace = CaseWorkspace(session.case_file, case)
    qtbot.addWidget(workspace)
    workspace.show()
    yield workspace
    undo.forget_all()


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _select_row(table, row: int) -> None:
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _ctrl_z(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _answer(button_text: str) -> list[str]:
    """Click ``button_text`` in the next question box; returns the text it showed."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(0, click)
    return seen


KINDS = [
    ("people", Person, lambda f, c: f.add_person(c, "王五", PersonRole.WITNESS)),
    ("chronology", ChronologyEvent, lambda f, c: f.add_event(c, "2024-05-01", "Arrest")),
    (
        "interrogations",
        Interrogation,
        lambda f, c: f.add_interrogation(c, "2024-05-02 09:00", client_account="打了我十四小时"),
    ),
    ("deadlines", Deadline, lambda f, c: f.add_deadline(c, "2026-12-01", "Filing")),
]


@pytest.mark.parametrize(("key", "kind", "make"), KINDS, ids=[k[0] for k in KINDS])
def test_delete_key_then_ctrl_z_on_each_record_tab(qtbot, workspace, key, kind, make):
    files = workspace.parts[key].case_file
    record = make(files, workspace.case)
    tab = workspace.show_tab(key)
    tab.load()
    table = tab.view.table
    _select_row(table, 0)
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert files.list(kind, workspace.case) == []
    assert tab.model.rowCount() == 0
    assert files.is_deleted(record.id)

    _ctrl_z(qtbot, table)
    (back,) = files.list(kind, workspace.case)
    assert back.id == record.id and to_body(back) == to_body(record)
    assert tab.model.rowCount() == 1
    actions = [e.action for e in files.log(workspace.case) if e.record_id == record.id]
    assert actions == ["create", "delete", "restore"]

    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo
    assert files.list(kind, workspace.case) == []


def test_context_menu_deletes_selected_rows_and_undo_restores_them(qtbot, workspace):
    files = workspace.parts["people"].case_file
    made = [files.add_person(workspace.case, n) for n in ("张三", "李四", "王五")]
    tab = workspace.show_tab("people")
    tab.load()
    table = tab.view.table
    _select_row(table, 0)
    table.selectionModel().select(
        table.model().index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    menu = tab.record_actions.context_menu()
    (delete,) = [a for a in menu.actions() if a.text().startswith("Delete")]
    assert delete.isEnabled()
    delete.trigger()
    left = {p.name for p in files.list(Person, workspace.case)}
    assert len(left) == 1 and left < {p.name for p in made}

    menu = tab.record_actions.context_menu()
    (undo_entry,) = [a for a in menu.actions() if a.text().startswith("Undo")]
    undo_entry.trigger()  # one action deleted two rows: one undo brings both back
    assert {p.id for p in files.list(Person, workspace.case)} == {p.id for p in made}


def test_ctrl_z_undoes_an_edit_and_an_add(qtbot, workspace):
    tab = workspace.show_tab("interrogations")
    files = tab.case_file
    session = files.add_interrogation(workspace.case, "2024-05-02", client_account="原话")
    tab.load()
    table = tab.view.table
    _select_row(table, 0)
    account = tab.form.field("Client's account")
    account.setPlainText("被覆盖的文字")  # the 14-hour account overwritten by mistake
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    assert files.record(session.id, Interrogation).client_account == "被覆盖的文字"
    _focus(qtbot, table)
    _ctrl_z(qtbot, table)
    assert files.record(session.id, Interrogation).client_account == "原话"
    assert tab.form.field("Client's account").toPlainText() == "原话"

    people = workspace.show_tab("people")
    people.name.setText("赵六")
    qtbot.mouseClick(people.add, Qt.MouseButton.LeftButton)
    assert [p.name for p in files.list(Person, workspace.case)] == ["赵六"]
    _focus(qtbot, people.view.table)
    _ctrl_z(qtbot, people.view.table)
    assert files.list(Person, workspace.case) == []
    _ctrl_z(qtbot, people.view.table)  # nothing left: the add dropped the edit's redo
    assert files.record(session.id, Interrogation).client_account == "原话"
    assert files.list(Person, workspace.case) == []


def test_ctrl_z_in_a_text_field_undoes_typing_not_records(qtbot, workspace):
    files = workspace.parts["people"].case_file
    tab = workspace.show_tab("people")
    tab.name.setText("钱七")
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.name, "abc")
    _focus(qtbot, tab.name)
    _ctrl_z(qtbot, tab.name)
    assert [p.name for p in files.list(Person, workspace.case)] == ["钱七"]


def test_deleting_cited_evidence_asks_and_names_the_citing_records(qtbot, workspace):
    files = workspace.parts["evidence"].case_file
    item = add_evidence(files, workspace.case, io.BytesIO(b"video" * 200), file_name="审讯录像.mp4")
    files.add_interrogation(workspace.case, "2024-05-02", place="看守所", evidence_ids=[item.id])
    files.add_event(workspace.case, "2024-05-01", "Arrest", evidence_ids=[item.id])
    tab = workspace.show_tab("evidence")
    tab.load()
    table = tab.view.table
    _select_row(table, 0)
    _focus(qtbot, table)
    seen = _answer("Keep")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "Arrest" in seen[0] and "看守所" in seen[0] and "审讯录像.mp4" in seen[0]
    assert "locked" in seen[0]  # what happens to the file is said
    assert [e.id for e in files.list(Evidence, workspace.case)] == [item.id]

    _select_row(table, 0)
    _focus(qtbot, table)  # offscreen, a closed box leaves no window active
    seen = _answer("Delete")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert seen and files.list(Evidence, workspace.case) == []
    _focus(qtbot, table)
    _ctrl_z(qtbot, table)
    (back,) = files.list(Evidence, workspace.case)
    assert back.id == item.id and back.sha256 == item.sha256


def test_notes_delete_key_and_undo(qtbot, workspace):
    tab = workspace.show_tab("notes")
    files = tab.case_file
    note = files.add_note(workspace.case, "会见笔录：十四小时")
    tab.load()
    assert tab.select_record(note.id)
    _focus(qtbot, tab.list)
    qtbot.keyClick(tab.list, Qt.Key.Key_Delete)
    assert files.list(Note, workspace.case) == []
    assert tab.model.rowCount() == 0
    _ctrl_z(qtbot, tab.list)
    (back,) = files.list(Note, workspace.case)
    assert back.id == note.id and back.text == note.text


def test_undo_switches_to_the_tab_of_the_undone_step(qtbot, workspace):
    files = workspace.parts["people"].case_file
    files.add_deadline(workspace.case, "2026-12-01", "Filing")
    deadlines = workspace.show_tab("deadlines")
    deadlines.load()
    _select_row(deadlines.view.table, 0)
    _focus(qtbot, deadlines.view.table)
    qtbot.keyClick(deadlines.view.table, Qt.Key.Key_Delete)
    people = workspace.show_tab("people")
    _focus(qtbot, people.view.table)
    _ctrl_z(qtbot, people.view.table)
    assert workspace.current_tab() is deadlines
    assert deadlines.model.rowCount() == 1 and len(files.list(Deadline, workspace.case)) == 1


def test_the_stack_keeps_at_least_twenty_steps(qtbot, workspace):
    files = workspace.parts["people"].case_file
    tab = workspace.show_tab("people")
    for i in range(25):
        tab.name.setText(f"Person {i}")
        qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert len(files.list(Person, workspace.case)) == 25
    _focus(qtbot, tab.view.table)
    for _ in range(25):
        _ctrl_z(qtbot, tab.view.table)
    assert files.list(Person, workspace.case) == []


def test_edit_menu_deletes_and_undoes_and_lock_forgets_the_steps(qtbot, ui, make_window, tmp_path):
    window = make_window(tmp_path / "window-vault")
    ui.create_vault(window)
    files = window.session.case_file
    case = files.new_case("State v. Osei")
    files.add_person(case, "Kwame Osei", PersonRole.CLIENT)
    window.desk.refresh()
    window.desk.open_case(case.id, "people")
    tab = window.desk.workspace.current_tab()
    _select_row(tab.view.table, 0)
    assert [a.iconText() for a in window.edit_menu.actions()] == [
        "Undo",
        "Redo",
        "Delete selected",
    ]
    window.delete_action.trigger()
    assert files.list(Person, case) == []
    window.undo_action.trigger()
    assert [p.name for p in files.list(Person, case)] == ["Kwame Osei"]
    window.delete_action.trigger()
    assert undo._stacks  # the steps (plaintext records) are held while unlocked
    window.lock()
    assert not undo._stacks  # and gone at lock


def test_edit_menu_greys_out_what_would_do_nothing(qtbot, ui, make_window, tmp_path):
    window = make_window(tmp_path / "menu-vault")
    ui.create_vault(window)
    case = window.session.case_file.new_case("State v. Osei")
    window.desk.refresh()
    window.desk.open_case(case.id, "people")
    window.edit_menu.aboutToShow.emit()
    assert not window.undo_action.isEnabled() and not window.delete_action.isEnabled()
    window.edit_menu.aboutToHide.emit()
    assert window.undo_action.isEnabled()  # the toolbar's buttons are the same actions
