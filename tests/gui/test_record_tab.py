"""RecordTab on its own: a minimal concrete tab over a real vault, driven through the add row,
the Enter key and the table's own editor, as a user would."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from lawnotebook.core.records import Case, Deadline, DeadlineKind
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


class HearingsTab(RecordTab):
    """The smallest useful tab: a due date, a title and a kind; the title edits in place."""

    record_type = Deadline
    record_kind = "deadline"
    widths = (150,)

    def __init__(self, case_file: CaseFile, case: Case) -> None:
        super().__init__(case_file, case)
        self.due = DateField("Due")
        self.title = QLineEdit()
        self.kind = QComboBox()
        for label, value in labels.choices(DeadlineKind, labels.deadline_kind):
            self.kind.addItem(label, value)
        fields = [(self.due, 1), (self.title, 2), (self.kind, 0)]
        self.add_form(fields, "Add hearing", enter=self.title)

    def columns(self) -> list[Column]:
        return [
            Column("Due", lambda d: str(d.due)),
            Column("Hearing", lambda d: d.title, edit=lambda d, v: replace(d, title=str(v))),
        ]

    def table_name(self) -> str:
        return "Hearings"

    def new_record(self) -> Deadline | None:
        due = self.due.parsed()
        if not self.title.text().strip():
            self.error.show_text("Say which hearing.")
            return None
        kind = DeadlineKind(self.kind.currentData())
        return self.case_file.add_deadline(self.case, due, self.title.text().strip(), kind)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("rtab") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def tab(qtbot, session):
    tab = HearingsTab(session.case_file, session.case_file.new_case("Hearings"))
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    return tab


def _stored(tab: HearingsTab) -> list[Deadline]:
    return tab.case_file.list(Deadline, tab.case)


def test_add_row_stores_selects_and_clears_what_was_typed(qtbot, tab):
    tab.due.edit.setText("2016-08-01")
    qtbot.keyClicks(tab.title, "Bail hearing")
    tab.kind.setCurrentIndex(tab.kind.findData(DeadlineKind.HEARING))
    with qtbot.waitSignal(tab.changed) as changed:
        qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert changed.args == ["deadline"]
    (stored,) = _stored(tab)
    assert (str(stored.due), stored.title, stored.kind) == (
        "2016-08-01",
        "Bail hearing",
        DeadlineKind.HEARING,
    )
    assert tab.model.rowCount() == 1 and tab.current_record_id() == stored.id
    assert tab.due.text() == "" and tab.title.text() == ""
    assert tab.kind.currentData() == DeadlineKind.HEARING  # a choice stays for the next one
    assert not tab.error.isVisible()

    tab.due.edit.setText("2016-09-01")
    qtbot.keyClicks(tab.title, "Trial")
    qtbot.keyClick(tab.title, Qt.Key.Key_Return)  # Enter in the title adds too
    assert sorted(d.title for d in _stored(tab)) == ["Bail hearing", "Trial"]
    assert tab.model.record(tab.model.row_of(tab.current_record_id())).title == "Trial"


def test_a_bad_date_or_a_missing_title_stores_nothing_and_keeps_the_text(qtbot, tab):
    tab.due.edit.setText("2016-13-01")
    qtbot.keyClicks(tab.title, "Appeal")
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert "Not a date" in tab.due.error.text() and tab.due.error.isVisible()
    assert not tab.error.isVisible()  # said once, beside the date, not twice
    assert tab.due.text() == "2016-13-01" and tab.title.text() == "Appeal"

    tab.due.edit.setText("2016-10-01")
    tab.title.clear()
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    assert tab.error.isVisible() and tab.error.text() == "Say which hearing."
    assert _stored(tab) == [] and tab.model.rowCount() == 0
    assert tab.due.text() == "2016-10-01"


def test_an_edit_in_the_table_is_saved_and_announced(qtbot, tab):
    hearing = tab.case_file.add_deadline(tab.case, "2016-08-01", "Bail hearing")
    tab.load()
    assert tab.select_record(hearing.id) and not tab.select_record("no-such-id")
    table = tab.view.table
    index = table.model().index(0, 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Bail hearing (moved)")
    with qtbot.waitSignal(tab.changed) as changed:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert changed.args == ["deadline"]
    assert [d.title for d in _stored(tab)] == ["Bail hearing (moved)"]
    assert index.data() == "Bail hearing (moved)"
    assert table.model().index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag(0)


def test_people_tab_shows_the_vaults_refusal_on_the_error_line(qtbot, session):
    workspace = CaseWorkspace(session.case_file, session.case_file.new_case("Nameless"))
    qtbot.addWidget(workspace)
    workspace.show()
    people = workspace.show_tab("people")
    qtbot.mouseClick(people.add, Qt.MouseButton.LeftButton)  # no name typed
    assert people.error.isVisible() and "needs a name" in people.error.text()
    assert people.model.rowCount() == 0
