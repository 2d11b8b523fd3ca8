"""Issue 17, point 1 in the window: a place and a custody event added through the widgets of
the case's 'Custody and places' tab, and a session linked to the place and given its custody
fields in the interrogations form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lawnotebook.core.records import (
    CustodyEvent,
    CustodyEventKind,
    Interrogation,
    Outcome,
    Place,
    PlaceKind,
    Recording,
    Tristate,
)
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def case_file(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session.case_file
    session.close()


def _choose(box, value) -> None:  # type: ignore[no-untyped-def]
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def test_a_place_and_a_custody_event_added_through_the_widgets(qtbot, case_file):
    case = case_file.new_case("张某故意杀人案")
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    tab = workspace.show_tab("detention")
    places, events = tab.places, tab.events

    places.name.setText("市第一看守所")  # keyClicks types ASCII only
    _choose(places.kind, PlaceKind.DETENTION_HOUSE)
    qtbot.mouseClick(places.add, Qt.MouseButton.LeftButton)
    (house,) = case_file.list(Place, case)
    assert (house.name, house.place_kind) == ("市第一看守所", PlaceKind.DETENTION_HOUSE)
    assert places.model.rowCount() == 1 and places.name.text() == ""
    assert places.model.index(0, 1).data() == "Detention house"

    # The new place is offered to the custody events at once.
    _choose(events.kind, CustodyEventKind.COMMITTAL)
    qtbot.keyClicks(events.time.edit, "2024-05-19 21:10")
    _choose(events.place, house.id)
    qtbot.keyClick(events.time.edit, Qt.Key.Key_Return)
    (event,) = case_file.list(CustodyEvent, case)
    assert event.event_kind is CustodyEventKind.COMMITTAL and event.place_id == house.id
    assert str(event.time) == "2024-05-19 21:10"
    assert events.model.index(0, 3).data() == "市第一看守所"
    assert events.model.index(0, 2).data() == "Committal to the detention house"

    # Edited in its form: a note, and a place typed by a name that is not a Place is refused.
    assert events.select_record(event.id)
    form = events.form
    form.field("Notes").setPlainText("入所健康检查表")
    assert form.save()
    assert case_file.record(event.id, CustodyEvent).notes == "入所健康检查表"
    form.field("Place").setText("某宾馆")
    assert not form.save()
    assert "no place called 某宾馆" in form.error.text()
    assert case_file.record(event.id, CustodyEvent).place_id == house.id
    form.cancel()

    # A summons whose release is not known yet: added without an end.
    _choose(events.kind, CustodyEventKind.SUMMONS)
    events.time.edit.setText("2024-05-17 09:00")
    qtbot.mouseClick(events.add, Qt.MouseButton.LeftButton)
    assert len(case_file.list(CustodyEvent, case)) == 2
    assert workspace.show_record("place", house.id)
    assert workspace.current_tab() is tab


def test_a_session_gets_its_place_and_custody_fields_in_the_form(qtbot, case_file):
    case = case_file.new_case("李某案")
    from lawnotebook.services import detention

    station = detention.add_place(case_file, case, "城关派出所", PlaceKind.POLICE_STATION)
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    tab = workspace.show_tab("interrogations")
    tab.start.edit.setText("2024-05-20 23:00")
    tab.place.setText("城关派出所")
    qtbot.keyClick(tab.place, Qt.Key.Key_Return)
    (session,) = case_file.list(Interrogation, case)
    assert session.place_id == station.id and session.place == "城关派出所"
    assert tab.model.index(0, 3).data() == "城关派出所"
    # The table shows its nine columns and the findings; the custody fields are the form's.
    shown = [i for i in range(tab.model.columnCount()) if not tab.view.table.isColumnHidden(i)]
    assert shown == list(range(10))

    assert tab.select_record(session.id)
    form = tab.form
    _choose(form.field("Recording"), Recording.NONE)
    _choose(form.field("Outcome"), Outcome.CONFESSED)
    _choose(form.field("Transcript signed by the client"), Tristate.NO)
    form.field("Start written on the transcript").setText("2024-05-21 01:00")
    form.field("Rest breaks (start..end; …)").setText("2024-05-21 03:00..2024-05-21 03:20")
    form.field("Meals (times; …)").setText("2024-05-21 07:00")
    form.field("Injuries seen").setText("左臂淤青")
    assert form.save(), form.error.text()
    stored = case_file.record(session.id, Interrogation)
    assert (stored.recording, stored.outcome) == (Recording.NONE, Outcome.CONFESSED)
    assert stored.transcript_signed is Tristate.NO
    assert str(stored.transcript_start) == "2024-05-21 01:00"
    assert stored.rest_breaks == [{"start": "2024-05-21 03:00", "end": "2024-05-21 03:20"}]
    assert [str(m) for m in stored.meals] == ["2024-05-21 07:00"]
    assert stored.injuries_seen == "左臂淤青"

    form.field("Rest breaks (start..end; …)").setText("after tea")
    assert not form.save()
    assert form.field("Rest breaks (start..end; …)").text() == "after tea"  # kept on screen
    form.field("Transcript file").setText("missing.pdf")
    assert not form.save() and "no evidence file called missing.pdf" in form.error.text()
