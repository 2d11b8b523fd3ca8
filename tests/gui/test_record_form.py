"""Interrogations, events and people edited in a form beside a read-only table, driven as a
lawyer does it (double-click, Enter, typing, Chinese from an input method, Ctrl+S, Esc), with
what the vault holds checked after each step; and their history, restorable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit

from lawnotebook.core.records import ChronologyEvent, Interrogation, Person, PersonRole, Tristate
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.parts import i18n
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

ACCOUNT = "讯问从晚上八点持续到次日上午十点，共十四小时，不让睡觉，没有录像。"
OTHER = "第二次讯问，律师不在场。"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("form") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def files(session):
    return session.case_file


class Answers:
    """Answers every "unsaved changes" question with the button whose text holds ``word``,
    and counts the questions."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.asked: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        self.asked.append(box.text())
        for button in box.buttons():
            if self.word in button.text().replace("&", ""):
                button.click()
                return

    def stop(self) -> None:
        self.timer.stop()


def _sessions(qtbot, files, title="14 hours"):
    case = files.new_case(title)
    first = files.add_interrogation(
        case, "2024-05-20 20:00", end="2024-05-21 10:00", place="讯问室", client_account=ACCOUNT
    )
    second = files.add_interrogation(case, "2024-05-22 14:00", place="看守所", client_account=OTHER)
    workspace = CaseWorkspace(files, case)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 850)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    tab = workspace.show_tab("interrogations")
    return case, first, second, tab


def _typing_goes_to(qtbot, tab) -> object:
    """Where keys typed now land (offscreen, a closed dialog leaves no window active)."""
    window = tab.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def _cell(tab, row: int, column: int) -> QPoint:
    table = tab.view.table
    return table.visualRect(table.model().index(row, column)).center()


def _double_click(qtbot, tab, row: int, column: int) -> None:
    table = tab.view.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_cell(tab, row, column))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_cell(tab, row, column))


def _account(files, record) -> str:
    return files.record(record.id, Interrogation).client_account


def test_a_double_click_on_another_row_after_an_edit_never_replaces_the_first_account(qtbot, files):
    """The bug as met: typing into the account of session 1, then a double-click on session 2.
    In the editable table the typing replaced session 1's account with no question asked."""
    _case, first, second, tab = _sessions(qtbot, files)
    answers = Answers("Stay")
    try:
        _double_click(qtbot, tab, 0, 8)  # the client's account of the 14-hour session
        qtbot.keyClicks(_typing_goes_to(qtbot, tab), "x")
        _double_click(qtbot, tab, 1, 8)
        qtbot.keyClicks(_typing_goes_to(qtbot, tab), "y")
        qtbot.keyClick(_typing_goes_to(qtbot, tab), Qt.Key.Key_Tab)  # leave the field
        qtbot.wait(100)
    finally:
        answers.stop()
    assert _account(files, first) == ACCOUNT  # nothing saved without the lawyer saying so
    assert _account(files, second) == OTHER
    assert len(answers.asked) == 1 and "讯问室" in answers.asked[0]  # asked once, naming it
    form = tab.form
    assert form.record.id == first.id  # stayed on the session being edited, its typing kept
    assert tab.account.toPlainText() == ACCOUNT + "xy"
    assert tab.current_record_id() == first.id


def test_the_table_is_for_reading_enter_opens_the_row_in_the_form(qtbot, files):
    _case, first, _second, tab = _sessions(qtbot, files, "read only")
    table = tab.view.table
    model = table.model()
    assert not any(
        model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )
    tab.select_record(first.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(table, "abc")  # any key in the table: no editor opens, nothing changes
    assert table.state() != table.State.EditingState
    assert _account(files, first) == ACCOUNT
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tab.form.field("Start")
    assert tab.form.title.text() == "Session of 2024-05-20 20:00 — 讯问室"


def test_chinese_typed_in_the_form_is_saved_with_ctrl_s_and_logged(qtbot, ui, files):
    case, first, _second, tab = _sessions(qtbot, files, "save")
    tab.select_record(first.id)
    form = tab.form
    assert isinstance(tab.account, QPlainTextEdit) and tab.account.toPlainText() == ACCOUNT
    form.focus_field(8)
    ui.commit(tab.account, "他要求见律师被拒绝。")
    assert form.state.isVisible() and form.save_button.isEnabled()
    rights = form.field("Rights read")
    assert isinstance(rights, QComboBox)
    rights.setCurrentIndex(rights.findData(Tristate.NO))
    qtbot.keyClick(tab.account, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = files.record(first.id, Interrogation)
    assert stored.client_account == ACCOUNT + "他要求见律师被拒绝。"
    assert stored.rights_read == Tristate.NO
    assert not form.state.isVisible() and not form.save_button.isEnabled()
    assert tab.model.index(tab.model.row_of(first.id), 6).data() == "No"  # the table shows it
    entry = files.log(case)[-1]
    assert entry.action == "edit" and entry.details["fields"] == ["client_account", "rights_read"]


def test_cancel_and_escape_bring_back_what_is_stored_and_store_nothing(qtbot, ui, files):
    _case, first, _second, tab = _sessions(qtbot, files, "cancel")
    tab.select_record(first.id)
    form = tab.form
    place = form.field("Place")
    place.setFocus()
    place.selectAll()
    qtbot.keyClicks(place, "Room 9")
    qtbot.keyClick(place, Qt.Key.Key_Escape)
    assert place.text() == "讯问室" and not form.is_dirty()
    ui.commit(tab.account, "错")
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert tab.account.toPlainText() == ACCOUNT
    tab.account.undo()  # cancelling a long text is itself undoable in the field
    assert tab.account.toPlainText().endswith("错")
    assert files.record(first.id, Interrogation).place == "讯问室"
    assert _account(files, first) == ACCOUNT


@pytest.mark.parametrize("word", ["Save", "Discard"])
def test_leaving_a_row_with_unsaved_edits_saves_or_discards_as_answered(qtbot, ui, files, word):
    _case, first, second, tab = _sessions(qtbot, files, word)
    tab.select_record(first.id)
    ui.commit(tab.account, "补充")
    answers = Answers(word)
    try:
        tab.view.table.selectRow(1)
        qtbot.waitUntil(lambda: tab.form.record.id == second.id)
    finally:
        answers.stop()
    assert len(answers.asked) == 1
    expected = ACCOUNT + "补充" if word == "Save" else ACCOUNT
    assert _account(files, first) == expected
    assert tab.account.toPlainText() == OTHER and _account(files, second) == OTHER


def test_a_bad_date_is_explained_and_kept_and_a_save_answer_stays_on_the_row(qtbot, files):
    _case, first, second, tab = _sessions(qtbot, files, "bad date")
    tab.select_record(first.id)
    form = tab.form
    start = form.field("Start")
    start.setText("the night of the 15th")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.error.isVisible() and form.error.text().startswith("Start: ")
    assert "2016-07-15" in form.error.text()
    assert start.text() == "the night of the 15th"
    answers = Answers("Save")
    try:
        tab.view.table.selectRow(1)
        qtbot.wait(200)
    finally:
        answers.stop()
    assert answers.asked and form.record.id == first.id  # the save failed: still here
    assert tab.current_record_id() == first.id
    assert str(files.record(first.id, Interrogation).start) == "2024-05-20 20:00"
    start.setText("2024-05-20 21:00")
    assert form.save()
    assert str(files.record(first.id, Interrogation).start) == "2024-05-20 21:00"
    assert _account(files, second) == OTHER


def test_history_lists_local_times_and_restores_the_overwritten_account(
    qtbot, ui, files, monkeypatch
):
    monkeypatch.setenv("LAWNOTEBOOK_TZ", "Asia/Shanghai")
    case, first, _second, tab = _sessions(qtbot, files, "history")
    tab.select_record(first.id)
    form = tab.form
    tab.account.clear()
    ui.commit(tab.account, "x")
    assert form.save() and _account(files, first) == "x"
    qtbot.mouseClick(form.history_button, Qt.MouseButton.LeftButton)
    history = form.history
    assert history.isVisible() and history.model.rowCount() == 2
    revisions = files.history(files.record(first.id, Interrogation))
    newest = history.model.index(0).data()
    assert newest.startswith(i18n.time_text(revisions[-1].updated_at))
    assert "+08:00" not in newest and "Client's account" in newest
    assert history.model.index(1).data().endswith("created")
    history.list.setCurrentIndex(history.model.index(0))
    assert not history.restore.isEnabled()  # the newest is the session as it is
    history.list.setCurrentIndex(history.model.index(1))
    assert ACCOUNT in history.view.toPlainText()
    qtbot.mouseClick(history.restore, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert _account(files, first) == ACCOUNT and tab.account.toPlainText() == ACCOUNT
    assert history.model.rowCount() == 3  # the restore is a version of its own
    assert len(files.history(files.record(first.id, Interrogation))) == 3
    entry = files.log(case)[-1]
    assert entry.action == "edit" and entry.details["restored"] == revisions[0].updated_at


def test_people_and_events_are_edited_in_their_forms(qtbot, ui, files):
    case = files.new_case("people and events")
    person = files.add_person(case, "王警官", PersonRole.POLICE)
    event = files.add_event(case, "2024-05", "拘留")
    workspace = CaseWorkspace(files, case)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    people = workspace.show_tab("people")
    people.select_record(person.id)
    role = people.form.field("Role")
    role.setCurrentIndex(role.findData(PersonRole.INTERROGATOR))
    ui.commit(people.form.field("Contact and notes"), "刑警大队")
    qtbot.mouseClick(people.form.save_button, Qt.MouseButton.LeftButton)
    stored = files.record(person.id, Person)
    assert stored.role == PersonRole.INTERROGATOR and stored.contact_notes == "刑警大队"

    events = workspace.show_tab("chronology")
    events.select_record(event.id)
    date = events.form.field("Date")
    date.clear()
    ui.commit(date, "2024年5月3日")
    ui.commit(events.form.field("Details"), "在派出所被带走")
    qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not events.form.error.isVisible(), events.form.error.text()
    saved = files.record(event.id, ChronologyEvent)
    assert str(saved.date) == "2024-05-03" and saved.description == "在派出所被带走"
    assert events.timeline.events[0].description == "在派出所被带走"
    assert len(files.history(saved)) == 2


def test_locking_or_closing_saves_what_the_form_holds(qtbot, ui, files):
    _case, first, _second, tab = _sessions(qtbot, files, "pending")
    tab.select_record(first.id)
    ui.commit(tab.account, "（未保存）")
    tab.parent().parent().parent().save_pending()  # the workspace, as lock and close do
    assert _account(files, first) == ACCOUNT + "（未保存）"
