"""Places, custody events and the sessions' custody fields travel in bundles and merge field by
field; a bundle from an older version (bodies without the new fields) and one from a newer
version (fields this version does not know) still open (issue 17, point 1)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from lawyers import Lawyer

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
from lawnotebook.services import detention
from lawnotebook.vault import case_rows

OLD_SESSION_FIELDS = {  # what an interrogation body held before schema 9
    "start", "end", "place", "interrogator_ids", "recorded_on_video", "rights_read",
    "client_account", "evidence_ids",
}  # fmt: skip


@pytest.fixture
def pair(lawyers):  # type: ignore[no-untyped-def]
    a, b = lawyers("anna"), lawyers("bao")
    a.knows(b)
    b.knows(a)
    return a, b


def _view(lawyer: Lawyer, case_id: str) -> dict:
    rows = case_rows.records(lawyer.files.conn, case_id)
    return {r["id"]: (r["kind"], r["body"], r["hlc"]) for r in rows}


def _custody_case(a: Lawyer):  # type: ignore[no-untyped-def]
    case = a.files.new_case("张某故意杀人案", charges=["故意杀人罪"])
    house = detention.add_place(a.files, case, "市第一看守所", PlaceKind.DETENTION_HOUSE)
    station = detention.add_place(a.files, case, "城关派出所", PlaceKind.POLICE_STATION)
    event = detention.add_custody_event(
        a.files, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=house.id
    )
    session = a.files.add_interrogation(
        case,
        "2024-05-20 23:00",
        end="2024-05-21 09:00",
        place_id=station.id,
        recording=Recording.NONE,
        transcript_pages="卷2 第15-18页",
        outcome=Outcome.CONFESSED,
    )
    return case, house, station, event, session


def test_custody_records_travel_and_parallel_edits_merge_field_by_field(pair):
    a, b = pair
    case, house, station, event, session = _custody_case(a)
    opened = b.open(a.seal(case.id, b)[0])
    assert opened.applied and opened.plan.count("add") == 5
    assert _view(a, case.id) == _view(b, case.id)
    got = b.files.record(session.id, Interrogation)
    assert got.place_id == station.id and got.recording is Recording.NONE
    assert b.files.record(event.id, CustodyEvent).place_id == house.id

    # In parallel: A classifies the place and sets the outcome; B adds the address and that
    # the transcript was not signed. Each field changed on one side only: no conflict.
    a.files.update(replace(a.files.record(station.id, Place), place_kind=PlaceKind.OTHER))
    a.files.update(replace(a.files.record(session.id, Interrogation), outcome=Outcome.RETRACTED))
    b.files.update(replace(b.files.record(station.id, Place), address="城关路1号"))
    b.files.update(
        replace(b.files.record(session.id, Interrogation), transcript_signed=Tristate.NO)
    )
    b.files.update(replace(b.files.record(event.id, CustodyEvent), notes="入所登记表"))
    a_path, _ = a.seal(case.id, b, since_last=True)
    b_path, _ = b.seal(case.id, a, since_last=True)
    assert not a.open(b_path).plan.conflicts
    assert not b.open(a_path).plan.conflicts
    assert _view(a, case.id) == _view(b, case.id)
    place = a.files.record(station.id, Place)
    assert (place.place_kind, place.address) == (PlaceKind.OTHER, "城关路1号")
    merged = a.files.record(session.id, Interrogation)
    assert (merged.outcome, merged.transcript_signed) == (Outcome.RETRACTED, Tristate.NO)
    assert merged.transcript_pages == "卷2 第15-18页"
    assert a.files.record(event.id, CustodyEvent).notes == "入所登记表"


def _rewrite_bodies(lawyer: Lawyer, record_id: str, change) -> None:  # type: ignore[no-untyped-def]
    """Make a record's stored bodies what another version would have written."""
    conn = lawyer.vault.connection
    for table, key in (("records", "id"), ("revisions", "record_id")):
        rows = conn.execute(
            f"SELECT hlc, body FROM {table} WHERE {key} = ?",  # noqa: S608
            (record_id,),
        ).fetchall()
        for hlc, text in rows:
            body = json.dumps(change(json.loads(text)), ensure_ascii=False, sort_keys=True)
            conn.execute(
                f"UPDATE {table} SET body = ? WHERE {key} = ? AND hlc = ?",  # noqa: S608
                (body, record_id, hlc),
            )


def test_an_older_versions_session_opens_and_its_edit_keeps_our_new_fields(pair):
    a, b = pair
    case = a.files.new_case("李某案")
    session = a.files.add_interrogation(case, "2024-05-20 23:00", place="派出所", client_account="")
    b.open(a.seal(case.id, b)[0])
    # B (this version) links the session to a Place; A runs an older version: its bodies carry
    # only the old fields, and it edits the client's account.
    b_case = b.files.case(case.id)
    place = detention.add_place(b.files, b_case, "派出所", PlaceKind.POLICE_STATION)
    b.files.update(
        replace(
            b.files.record(session.id, Interrogation), place_id=place.id, rights_read=Tristate.NO
        )
    )
    old = lambda body: {k: v for k, v in body.items() if k in OLD_SESSION_FIELDS}  # noqa: E731
    _rewrite_bodies(a, session.id, old)
    edited = a.files.record(session.id, Interrogation)
    a.files.update(replace(edited, client_account="被打了"))
    _rewrite_bodies(a, session.id, old)
    got = b.open(a.seal(case.id, b, since_last=True)[0])
    assert got.applied and not got.plan.conflicts
    merged = b.files.record(session.id, Interrogation)
    assert merged.client_account == "被打了"  # the older version's edit
    assert merged.place_id == place.id and merged.rights_read is Tristate.NO  # ours, kept
    assert merged.recording is Recording.UNKNOWN  # a field neither side set: its default


def test_a_newer_versions_fields_are_carried_without_harm(pair):
    a, b = pair
    case, _house, station, event, session = _custody_case(a)
    newer = lambda body: {**body, "seat_restraint": "tiger chair", "future": [1, 2]}  # noqa: E731
    for rid in (station.id, event.id, session.id):
        _rewrite_bodies(a, rid, newer)
    got = b.open(a.seal(case.id, b)[0])
    assert got.applied
    assert b.files.record(session.id, Interrogation).place_id == station.id
    assert b.files.record(station.id, Place).place_kind is PlaceKind.POLICE_STATION
    assert b.files.record(event.id, CustodyEvent).event_kind is CustodyEventKind.COMMITTAL


def test_a_malformed_rest_break_is_refused(pair):
    from lawnotebook.bundle.errors import BundleTampered

    a, b = pair
    case, *_rest, session = _custody_case(a)
    _rewrite_bodies(a, session.id, lambda body: {**body, "rest_breaks": [{"start": "tea"}]})
    before = b.digest()
    with pytest.raises(BundleTampered):
        b.open(a.seal(case.id, b)[0])
    assert b.digest() == before
