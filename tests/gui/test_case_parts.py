"""The parts of a case on their own: form edits, bad dates, filters, highlights, the timeline."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from lawnotebook.core.records import CaseStatus, Interrogation, Tristate
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.desk.desk import Desk
from lawnotebook.gui.parts.background import Worker
from lawnotebook.services.agenda import Urgency, agenda, urgency
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("parts") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def case_file(session):
    return session.case_file


def test_interrogation_edited_in_the_form_and_bad_dates_keep_their_text(qtbot, case_file):
    case = case_file.new_case("Interrogations")
    officer = case_file.add_person(case, "Wang Gang")
    session = case_file.add_interrogation(case, "2016-06-15 22:00", place="Room 3")
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    tab = workspace.show_tab("interrogations")
    tab.select_record(session.id)
    form = tab.form
    rights = form.field("Rights read")
    rights.setCurrentIndex(rights.findData(Tristate.NO))
    form.field("Interrogators").setText("wang gang")  # by name, any case
    form.field("End").setText("2016-06-16 07:15")
    assert form.save()
    (stored,) = case_file.list(Interrogation, case)
    assert stored.rights_read == Tristate.NO and stored.interrogator_ids == [officer.id]
    assert tab.model.index(0, 2).data() == "9 h 15 min"
    assert form.field("Duration").text() == "9 h 15 min"

    form.field("Start").setText("the night of the 15th")
    assert not form.save()
    assert form.field("Start").text() == "the night of the 15th"  # still on screen
    assert form.error.isVisibleTo(tab) and "2016-07-15" in form.error.text()
    assert str(case_file.list(Interrogation, case)[0].start) == "2016-06-15 22:00"

    form.cancel()
    form.field("Interrogators").setText("Nobody Known")
    assert not form.save()
    assert "nobody called Nobody Known" in form.error.text()


def test_bad_date_in_add_form_is_explained_and_kept(qtbot, case_file):
    case = case_file.new_case("Dates")
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    tab = workspace.show_tab("chronology")
    tab.date.edit.setText("2016-13-01")
    tab.title.setText("Arrest")
    tab.add.click()
    assert tab.date.text() == "2016-13-01" and tab.title.text() == "Arrest"
    assert "Not a date" in tab.date.error.text()
    tab.date.edit.setText("2016年7月之前")
    tab.add.click()
    assert tab.model.index(0, 0).data() == "before 2016-07"
    tab.timeline.resize(600, 200)
    assert not tab.timeline.grab().isNull()


def test_case_list_filters_sorts_and_counts(qtbot, case_file, session):
    for i, status in enumerate([CaseStatus.OPEN, CaseStatus.CLOSED, CaseStatus.ON_HOLD]):
        case_file.new_case(f"Filter case {i}", status=status, tags=["torture" if i else "appeal"])
    archived = case_file.new_case("Filter archived", tags=["torture"])
    case_file.archive_case(archived.id)
    desk = Desk(session, Worker())
    qtbot.addWidget(desk)
    cases = desk.case_list
    total = len(case_file.cases())  # archived ones are hidden until asked for
    assert cases.proxy.rowCount() == total
    assert cases.count.text() == f"{total} of {total + 1} cases"
    cases.tag.setText("TORT")
    assert cases.proxy.rowCount() == 2 and cases.count.text() == f"2 of {total + 1} cases"
    cases.archived.setChecked(True)
    assert cases.proxy.rowCount() == 3
    cases.status.setCurrentIndex(cases.status.findText("Closed"))
    assert cases.proxy.rowCount() == 1
    assert cases.proxy.index(0, 0).data() == "Filter case 1"


def test_deadlines_highlight_overdue_and_this_week(qtbot, case_file, session):
    case = case_file.new_case("Deadlines")
    now = datetime.now()
    late = case_file.add_deadline(case, (now - timedelta(days=2)).strftime("%Y-%m-%d"), "Late")
    soon = case_file.add_deadline(case, (now + timedelta(days=3)).strftime("%Y-%m-%d"), "Soon")
    later = case_file.add_deadline(case, (now + timedelta(days=40)).strftime("%Y-%m-%d"), "Later")
    assert [urgency(d, now) for d in (late, soon, later)] == [
        Urgency.OVERDUE,
        Urgency.THIS_WEEK,
        Urgency.LATER,
    ]
    assert {"Late", "Soon", "Later"} <= {i.deadline.title for i in agenda(case_file)}
    desk = Desk(session, Worker())
    qtbot.addWidget(desk)
    model = desk.agenda.model
    tones = {
        model.record(r).title: model.index(r, 2).data(Qt.ItemDataRole.BackgroundRole)
        for r in range(model.rowCount())
    }
    assert tones["Late"] is not None and tones["Soon"] is not None and tones["Later"] is None
    assert tones["Late"] != tones["Soon"]
    assert "overdue" in desk.agenda.summary.text()
    late_row = model.row_of(late.id)
    model.setData(
        model.index(late_row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert case_file.record(late.id, type(late)).done
