"""The case file's record types on their own (``core/records.py``): a record turned into its
stored body and back is the same record, whatever the lawyer typed; a malformed body is refused
with the error a caller can tell apart; labels and durations as the lists show them."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.core.dates import FuzzyDate, InvalidDate
from lawnotebook.core.errors import InvalidInput, LawnotebookError
from lawnotebook.core.ids import is_id
from lawnotebook.core.records import (
    META_FIELDS,
    RECORD_TYPES,
    Case,
    CaseStatus,
    ChronologyEvent,
    CustodyEvent,
    CustodyEventKind,
    Deadline,
    DeadlineKind,
    Evidence,
    FindingReview,
    Interrogation,
    Note,
    Outcome,
    Person,
    PersonRole,
    Place,
    PlaceKind,
    Record,
    Recording,
    ReviewState,
    Tristate,
    from_body,
    rest_break,
    to_body,
)

META = {
    "id": "5f0c3a52-8d1e-4a7b-9c2d-3e4f5a6b7c8d",
    "case_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
    "author": "ana",
    "created_at": "2016-06-15T22:00:00.000Z",
    "updated_at": "2016-06-16T06:30:00.000Z",
    "hlc": "0155e1b2c3d4-0001-a1",
}


def stored(record: Record) -> dict[str, Any]:
    """The body as the vault keeps it: JSON text, read back (vault/case_rows.py)."""
    return json.loads(json.dumps(to_body(record), ensure_ascii=False, sort_keys=True))


def reopened(record: Record) -> Record:
    meta = {name: getattr(record, name) for name in META_FIELDS}
    return from_body(record.KIND, stored(record), **meta)


# One record of every kind with every field away from its default.
EVERY_KIND = [
    Case(
        title="People v. Zhang Wei",
        client="Zhang Wei",
        case_number="(2019)沪01刑初7号",
        court="Shanghai No. 1 Intermediate People's Court",
        charges=["fraud", "诈骗罪"],
        stage="trial",
        status=CaseStatus.ON_HOLD,
        tags=["urgent"],
        archived=True,
        **META,
    ),
    Person(
        name="Li Qiang",
        role=PersonRole.INTERROGATOR,
        aliases=["Officer Li", "李强"],
        contact_notes="Station 3",
        **META,
    ),
    Note(
        title="Meeting",
        text="会见时当事人称遭到刑讯逼供。\n\n**Second** paragraph",
        conflicts=[{"text": "older text", "author": "bo", "hlc": "0155e1b2c3d4-0000-b2"}],
        **META,
    ),
    ChronologyEvent(
        date=FuzzyDate.parse("before 2016-06-15"),
        title="Detained",
        description="At the police station",
        person_ids=["p1", "p2"],
        evidence_ids=["e1"],
        **META,
    ),
    Interrogation(
        start=FuzzyDate.parse("2016-06-15 22:00"),
        end=FuzzyDate.parse("2016-06-16 06:30"),
        place="Interrogation room 3",
        interrogator_ids=["p1"],
        recorded_on_video=Tristate.NO,
        rights_read=Tristate.YES,
        client_account="No sleep for three days.",
        evidence_ids=["e1"],
        place_id="pl1",
        recording=Recording.PARTIAL,
        recording_evidence_id="e2",
        recording_start=FuzzyDate.parse("2016-06-16 01:00"),
        recording_end=FuzzyDate.parse("2016-06-16 06:30"),
        transcript_evidence_id="e3",
        transcript_pages="卷2 第15-18页",
        transcript_start=FuzzyDate.parse("2016-06-16 00:30"),
        transcript_end=FuzzyDate.parse("2016-06-16 06:00"),
        transcript_signed=Tristate.NO,
        transcript_corrections="改了两处",
        rest_breaks=[rest_break(FuzzyDate.parse("2016-06-16 03:00"), None)],
        meals=[FuzzyDate.parse("2016-06-16")],
        interpreter_needed=Tristate.NO,
        interpreter_present=Tristate.NO,
        guardian_needed=Tristate.NO,
        guardian_present=Tristate.NO,
        outcome=Outcome.CONFESSED,
        injuries_seen="bruises",
        health_check_evidence_id="e4",
        **META,
    ),
    Place(
        name="市第一看守所",
        place_kind=PlaceKind.DETENTION_HOUSE,
        address="城关路1号",
        notes="入所体检",
        **META,
    ),
    CustodyEvent(
        event_kind=CustodyEventKind.SUMMONS,
        time=FuzzyDate.parse("2016-06-15 09:00"),
        end=FuzzyDate.parse("2016-06-15 21:00"),
        place_id="pl1",
        person_ids=["p1"],
        evidence_ids=["e1"],
        notes="传唤证",
        **META,
    ),
    FindingReview(
        finding_key="CPL118-TWO-INVESTIGATORS|s1|",
        fingerprint="CPL118-TWO-INVESTIGATORS|s1||violated|0123456789ab",
        state=ReviewState.DISMISSED,
        reason="两名侦查人员见录像",
        ruleset="2026.1",
        **META,
    ),
    Deadline(
        due=FuzzyDate.parse("between 2016-07 and 2016-09-30"),
        title="File the motion to exclude",
        kind=DeadlineKind.FILING,
        done=True,
        notes="Ask for the video",
        **META,
    ),
    Evidence(
        file_name="record.pdf",
        sha256="ab" * 32,
        size=12345,
        media_type="application/pdf",
        source="the court file",
        description="interrogation record",
        added_by="ana",
        added_at="2016-06-20T10:00:00.000Z",
        person_ids=["p1"],
        **META,
    ),
]


def test_there_is_one_record_type_per_kind():
    assert RECORD_TYPES == {type(r).KIND: type(r) for r in EVERY_KIND}
    assert len(RECORD_TYPES) == 10


@pytest.mark.parametrize("record", EVERY_KIND, ids=lambda r: r.KIND)
def test_every_kind_comes_back_from_its_stored_body_unchanged(record):
    again = reopened(record)
    assert again == record
    assert type(again) is type(record)
    for f in dataclasses.fields(record):  # the same types, not just equal values
        assert type(getattr(again, f.name)) is type(getattr(record, f.name)), f.name


@pytest.mark.parametrize("record", EVERY_KIND, ids=lambda r: r.KIND)
def test_the_body_holds_the_lawyers_fields_and_no_bookkeeping(record):
    body = to_body(record)
    assert not set(body) & set(META_FIELDS)
    expected = {f.name for f in dataclasses.fields(record)} - set(META_FIELDS)
    assert set(body) == expected
    json.dumps(body)  # plain JSON, no objects left


def test_dates_and_choices_are_stored_as_their_text():
    event, interrogation = EVERY_KIND[3], EVERY_KIND[4]
    assert to_body(event)["date"] == "before 2016-06-15"
    body = to_body(interrogation)
    assert (body["start"], body["end"]) == ("2016-06-15 22:00", "2016-06-16 06:30")
    assert (body["recorded_on_video"], body["rights_read"]) == ("no", "yes")
    assert to_body(EVERY_KIND[0])["status"] == "on_hold"
    assert to_body(EVERY_KIND[1])["role"] == "interrogator"


def test_an_interrogation_without_an_end_comes_back_without_one():
    session = Interrogation(start=FuzzyDate.parse("2016-06-15"), **META)
    assert to_body(session)["end"] is None
    again = reopened(session)
    assert again.end is None and again == session


def test_a_newer_versions_extra_fields_are_ignored_and_missing_ones_take_defaults():
    note = from_body("note", {"text": "hello", "colour": "red", "pinned": True}, **META)
    assert note == Note(text="hello", **META)
    person = from_body("person", {"name": "Li"})
    assert (person.role, person.aliases, person.contact_notes) == (PersonRole.OTHER, [], "")


def test_the_bookkeeping_comes_from_beside_the_body():
    note = from_body("note", {"text": "x"}, **META)
    assert {name: getattr(note, name) for name in META_FIELDS} == META
    assert is_id(from_body("note", {"text": "x"}).id)  # none given: a fresh id


def test_defaults_are_not_shared_between_records():
    a, b = Person(name="A"), Person(name="B")
    a.aliases.append("alias")
    assert b.aliases == []
    assert a.id != b.id


def test_records_compare_by_their_fields():
    note = Note(text="same", **META)
    assert note == Note(text="same", **META)
    assert note != Note(text="other", **META)
    assert note != Note(text="same", **{**META, "hlc": "0155e1b2c3d4-0002-a1"})


# -- malformed bodies --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["yesterday", "2016-13-01", "2016-02-30", ""])
def test_a_body_with_a_date_that_is_not_a_date_is_refused(text):
    with pytest.raises(InvalidDate) as caught:
        from_body("event", {"date": text, "title": "t"})
    assert isinstance(caught.value, InvalidInput) and isinstance(caught.value, LawnotebookError)


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("person", {"name": "Li", "role": "sheriff"}),
        ("case", {"title": "t", "status": "OPEN"}),  # the stored value, not the enum's name
        ("interrogation", {"start": "2016", "rights_read": "maybe"}),
        ("deadline", {"due": "2016", "title": "t", "kind": "appeal"}),
    ],
)
def test_a_body_with_an_unknown_choice_is_refused(kind, body):
    with pytest.raises(ValueError):
        from_body(kind, body)


def test_a_body_without_a_required_field_is_refused():
    with pytest.raises(TypeError):
        from_body("person", {"role": "witness"})


def test_an_unknown_kind_is_refused():
    with pytest.raises(KeyError):
        from_body("invoice", {"title": "t"})


# -- what the lists show -----------------------------------------------------------------------


def test_a_note_without_a_title_is_listed_by_its_first_line():
    assert Note(title="Visit", text="body").title_text() == "Visit"
    assert Note(text="\n  First line\nsecond").title_text() == "First line"
    assert Note(text="x" * 200).title_text() == "x" * 80
    assert Note().title_text() == ""


def test_what_search_finds_each_record_by():
    case, person, note = EVERY_KIND[0], EVERY_KIND[1], EVERY_KIND[2]
    assert case.title_text() == "People v. Zhang Wei"
    assert "诈骗罪" in case.search_text() and "urgent" in case.search_text()
    assert person.title_text() == "Li Qiang"
    assert "李强" in person.search_text() and "interrogator" in person.search_text()
    assert note.search_text() == note.text


@pytest.mark.parametrize(
    ("start", "end", "minutes"),
    [
        ("2016-06-15 22:00", "2016-06-16 06:30", 510),
        ("2016-06-15 22:00", "2016-06-15 22:00", 0),
        ("2016-06-15", "2016-06-16 06:30", None),  # the start is a day, not a minute
        ("2016-06-15 22:00", None, None),
    ],
)
def test_an_interrogations_duration_needs_both_times(start, end, minutes):
    session = Interrogation(start=FuzzyDate.parse(start), end=FuzzyDate.parse(end) if end else None)
    assert session.duration_minutes() == minutes


# -- whatever the lawyer typed -----------------------------------------------------------------

# Any text but lone surrogates (which no editor produces), with the characters that line-based
# formats trip over drawn often.
SPECIAL = "\u2028\u2029\u0085\x00\r\n\x1f\ufdd0\ufeff\u200b"
typed = st.text(
    st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(SPECIAL)),
    max_size=40,
)
words = st.lists(typed, max_size=3)


@settings(max_examples=200, deadline=None)
@given(
    st.tuples(typed, typed, typed, typed, words, words),
    st.tuples(typed, typed, typed),
    st.sampled_from(SPECIAL),
)
def test_any_typed_text_comes_back_unchanged(case_fields, note_fields, special):
    title, client, number, court, charges, tags = case_fields
    records = [
        Case(
            title=title + special,
            client=client,
            case_number=number,
            court=court,
            charges=charges,
            tags=tags,
            **META,
        ),
        Note(
            title=note_fields[0],
            text=special + note_fields[1] + special,
            conflicts=[{"text": note_fields[2], "author": "bo", "hlc": META["hlc"]}],
            **META,
        ),
        Person(name=note_fields[0], aliases=charges, contact_notes=special, **META),
        ChronologyEvent(
            date=FuzzyDate.parse("2016"), title=title, description=note_fields[1], **META
        ),
    ]
    for record in records:
        assert reopened(record) == record
