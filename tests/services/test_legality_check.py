"""The adapter from the vault's custody model to the rule engine's facts, on a real vault."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lawnotebook import legality as lg
from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import (
    CustodyEvent,
    CustodyEventKind,
    FindingReview,
    Outcome,
    PersonRole,
    PlaceKind,
    Recording,
    ReviewState,
    Tristate,
    rest_break,
)
from lawnotebook.services import custody_text, detention
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.legality_check import (
    DEFAULT_SERIOUS_CHARGES,
    END_SUFFIX,
    RULESET_VERSION,
    Certainty,
    articles,
    checked_findings,
    cite_text,
    facts_for,
    find_finding,
    findings_for,
    mark,
    record_ids,
    review_id,
    security_or_terrorism,
)
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def d(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def test_places_and_charges_map(files):
    case = files.new_case("张某故意杀人案", charges=["故意杀人罪", " "])
    house = detention.add_place(files, case, "第一看守所", PlaceKind.DETENTION_HOUSE)
    facts = facts_for(files, case)
    assert facts.charges == ("故意杀人罪",)
    assert facts.serious_charges == ("故意杀人罪",)  # the charges the lawyer's list matched
    assert facts.places == (lg.Place(house.id, "第一看守所", lg.PlaceKind.DETENTION_HOUSE),)
    assert facts.security_or_terrorism == lg.Answer.NO
    assert facts_for(files, case, serious_charges=["盗窃"]).serious_charges == ()
    english = files.new_case("State v. X", charges=["Murder", "Theft"])
    assert facts_for(files, english).serious_charges == ("Murder",)  # case ignored
    assert "murder" in DEFAULT_SERIOUS_CHARGES


def test_security_or_terrorism_from_the_charges():
    assert security_or_terrorism([]) == lg.Answer.UNKNOWN
    assert security_or_terrorism(["颠覆国家政权罪"]) == lg.Answer.YES
    assert security_or_terrorism(["Organising a Terrorist group"]) == lg.Answer.YES
    assert security_or_terrorism(["盗窃罪"]) == lg.Answer.NO


def test_every_custody_event_kind_maps(files):
    case = files.new_case("Case")
    station = detention.add_place(files, case, "Xinhua Road", PlaceKind.POLICE_STATION)
    add = detention.add_custody_event
    summons = add(
        files,
        case,
        CustodyEventKind.SUMMONS,
        "2024-05-18 08:00",
        end="2024-05-18 19:00",
        place=station.id,
    )
    rs = add(
        files,
        case,
        CustodyEventKind.DESIGNATED_RESIDENCE,
        "2024-05-19 08:00",
        end="2024-05-25 08:00",
    )
    open_rs = add(files, case, CustodyEventKind.SUPERVISION_DETENTION, "2024-06-01 08:00")
    hospital = add(
        files, case, CustodyEventKind.HOSPITAL, "2024-06-02 08:00", end="2024-06-03 08:00"
    )
    add(files, case, CustodyEventKind.OTHER, "2024-06-04")
    moments = {
        CustodyEventKind.COMPELLED_APPEARANCE: lg.EventKind.COMPELLED_APPEARANCE,
        CustodyEventKind.DETENTION: lg.EventKind.DETENTION,
        CustodyEventKind.ARREST: lg.EventKind.ARREST,
        CustodyEventKind.COMMITTAL: lg.EventKind.COMMITTAL,
        CustodyEventKind.TRANSFER: lg.EventKind.TRANSFER,
        CustodyEventKind.RELEASE: lg.EventKind.RELEASE,
        CustodyEventKind.FAMILY_NOTIFIED: lg.EventKind.FAMILY_NOTIFIED,
        CustodyEventKind.MEETING_REQUESTED: lg.EventKind.LAWYER_REQUESTED,
        CustodyEventKind.LAWYER_MEETING: lg.EventKind.LAWYER_MET,
    }
    ids = {kind: add(files, case, kind, "2024-07-01 10:00").id for kind in moments}

    got = {e.id: e for e in facts_for(files, case).events}
    assert got[summons.id] == lg.CustodyEvent(
        summons.id, lg.EventKind.SUMMONS, d("2024-05-18 08:00"), station.id, d("2024-05-18 19:00")
    )
    assert got[rs.id] == lg.CustodyEvent(rs.id, lg.EventKind.RS_START, d("2024-05-19 08:00"))
    assert got[rs.id + END_SUFFIX] == lg.CustodyEvent(
        rs.id + END_SUFFIX, lg.EventKind.RS_END, d("2024-05-25 08:00")
    )
    assert got[open_rs.id].kind == lg.EventKind.SUPERVISION_START
    assert open_rs.id + END_SUFFIX not in got  # no end yet: no end fact
    assert got[hospital.id] == lg.CustodyEvent(
        hospital.id, lg.EventKind.HOSPITAL, d("2024-06-02 08:00")
    )
    for kind, engine_kind in moments.items():
        assert got[ids[kind]] == lg.CustodyEvent(ids[kind], engine_kind, d("2024-07-01 10:00"))
    # The OTHER event is left out; everything else is there once.
    assert len(got) == 4 + 1 + len(moments)


def test_every_session_field_maps(files):
    case = files.new_case("Case")
    station = detention.add_place(files, case, "Xinhua Road", PlaceKind.POLICE_STATION)
    a = files.add_person(case, "Officer Li", PersonRole.INTERROGATOR)
    b = files.add_person(case, "Officer Wu", PersonRole.INTERROGATOR)
    session = files.add_interrogation(
        case,
        "2024-05-20 23:00",
        end="2024-05-21 09:00",
        place_id=station.id,
        interrogator_ids=[a.id, b.id],
        rights_read=Tristate.NO,
        recording=Recording.PARTIAL,
        recording_start=d("2024-05-21 01:00"),
        recording_end=d("2024-05-21 09:00"),
        transcript_start=d("2024-05-21 01:05"),
        transcript_end=d("2024-05-21 08:55"),
        transcript_signed=Tristate.YES,
        rest_breaks=[rest_break(d("2024-05-21 03:00"), d("2024-05-21 03:30"))],
        meals=[d("2024-05-21 07:00")],
        outcome=Outcome.CONFESSED,
        injuries_seen="bruises on both wrists",
    )
    (got,) = facts_for(files, case).sessions
    assert got == lg.Session(
        id=session.id,
        start=d("2024-05-20 23:00"),
        end=d("2024-05-21 09:00"),
        place=station.id,
        interrogators=("Officer Li", "Officer Wu"),  # named, for the engine's texts
        recording=lg.Recording.PARTIAL,
        recording_evidence=None,
        recording_start=d("2024-05-21 01:00"),
        recording_end=d("2024-05-21 09:00"),
        transcript=lg.Transcript(
            written_start=d("2024-05-21 01:05"),
            written_end=d("2024-05-21 08:55"),
            signed=lg.Answer.YES,
            investigators_signed=lg.Answer.UNKNOWN,
            corrections=lg.Corrections.UNKNOWN,
        ),
        pauses=(
            lg.Pause(lg.PauseKind.REST, d("2024-05-21 03:00"), d("2024-05-21 03:30")),
            lg.Pause(lg.PauseKind.MEAL, d("2024-05-21 07:00")),
        ),
        rights_notice=lg.Answer.NO,
        outcome=lg.Outcome.CONFESSED,
        coercion_alleged=True,
        subject="client",
    )


def test_interrogators_sharing_a_name_stay_two_people(files):
    case = files.new_case("Case")
    a = files.add_person(case, "王伟", PersonRole.INTERROGATOR)
    b = files.add_person(case, "王伟", PersonRole.INTERROGATOR)
    files.add_interrogation(case, "2024-05-20 23:00", interrogator_ids=[a.id, b.id])
    (got,) = facts_for(files, case).sessions
    assert got.interrogators == (f"王伟 ({a.id[:8]})", f"王伟 ({b.id[:8]})")


def test_a_bare_session_maps_to_unknowns(files):
    case = files.new_case("Case")
    files.add_interrogation(case, "2024-05", place="somewhere", recorded_on_video=Tristate.NO)
    (got,) = facts_for(files, case).sessions
    assert got.place is None  # free text only: a place of unknown kind
    assert got.interrogators is None
    assert got.recording == lg.Recording.NONE  # the older yes/no field, when recording is unknown
    assert got.transcript is None
    assert got.pauses is None
    assert got.rights_notice == lg.Answer.UNKNOWN
    assert not got.coercion_alleged
    files.add_interrogation(case, "2024-06", recorded_on_video=Tristate.YES)
    later = facts_for(files, case).sessions[1]
    assert later.recording == lg.Recording.UNKNOWN  # "some recording" is not "all of it"


def _violating_history(files):
    case = files.new_case("张某故意杀人案", charges=["故意杀人罪"])
    station = detention.add_place(files, case, "新华路派出所", PlaceKind.POLICE_STATION)
    house = detention.add_place(files, case, "第一看守所", PlaceKind.DETENTION_HOUSE)
    officer = files.add_person(case, "李警官", PersonRole.INTERROGATOR)
    detained = detention.add_custody_event(
        files, case, CustodyEventKind.DETENTION, "2024-05-18 10:00", place=station.id
    )
    committed = detention.add_custody_event(
        files, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=house.id
    )
    session = files.add_interrogation(
        case,
        "2024-05-20 23:00",
        end="2024-05-21 09:00",
        place_id=station.id,
        interrogator_ids=[officer.id],
        recording=Recording.NONE,
    )
    return case, detained, committed, session


def test_findings_appear_for_a_violating_history(files):
    case, detained, committed, session = _violating_history(files)
    found = {(f.rule, f.certainty) for f in findings_for(files, case)}
    assert ("CPL85-COMMITTAL-24H", Certainty.VIOLATED) in found  # 35 h from detention to committal
    assert ("CPL118-TWO-INVESTIGATORS", Certainty.VIOLATED) in found  # one interrogator
    assert ("CPL118-DETENTION-HOUSE", Certainty.VIOLATED) in found  # at the station after committal
    assert ("CPL123-SERIOUS-NOT-RECORDED", Certainty.VIOLATED) in found  # homicide, no recording
    by_rule = {f.rule: f for f in findings_for(files, case)}
    sessions, events = record_ids(by_rule["CPL85-COMMITTAL-24H"])
    assert (sessions, sorted(events)) == ([], sorted([detained.id, committed.id]))
    assert session.id in by_rule["CPL118-TWO-INVESTIGATORS"].sessions


def test_a_compliant_change_removes_the_finding(files):
    case, _, _, session = _violating_history(files)
    second = files.add_person(case, "王警官", PersonRole.INTERROGATOR)
    files.update(replace(session, interrogator_ids=[*session.interrogator_ids, second.id]))
    assert "CPL118-TWO-INVESTIGATORS" not in {f.rule for f in findings_for(files, case)}


def test_findings_cite_their_articles_verbatim(files):
    case, *_ = _violating_history(files)
    finding = next(f for f in findings_for(files, case) if f.rule == "CPL118-TWO-INVESTIGATORS")
    cited = articles(finding)
    assert cited, "every rule cites an article"
    cite, text = cited[0]
    assert text.text == lg.article(cite.law, cite.number).text
    assert cite_text(lg.Cite("CPL-2018", 119, "para. 2"), "zh") == (
        "《中华人民共和国刑事诉讼法》第119条第2款"
    )
    assert cite_text(lg.Cite("SPC-2021", 95, "item (3)"), "en") == (
        "SPC Interpretation on applying the Criminal Procedure Law, art. 95 item (3)"
    )


# --- review marks (issue 17, point 3) -------------------------------------------------------


def _two_investigators(files, case):
    return next(f for f in findings_for(files, case) if f.rule == "CPL118-TWO-INVESTIGATORS")


def test_a_finding_is_marked_reviewed_then_dismissed_with_a_reason(files):
    case, *_ = _violating_history(files)
    finding = _two_investigators(files, case)
    first = mark(files, case, finding, ReviewState.REVIEWED)
    assert first.id == review_id(case, finding.key)
    checked = {c.key: c for c in checked_findings(files, case)}
    assert checked[finding.key].state is ReviewState.REVIEWED
    with pytest.raises(InvalidInput):
        mark(files, case, finding, ReviewState.DISMISSED, "  ")
    again = mark(files, case, finding, ReviewState.DISMISSED, "录像显示有两名侦查人员")
    assert again.id == first.id  # one record per finding: a new version, not a second mark
    assert len(files.list(FindingReview, case)) == 1
    shown = {c.key for c in checked_findings(files, case, include_dismissed=False)}
    assert finding.key not in shown
    kept = {c.key: c for c in checked_findings(files, case)}[finding.key]
    assert kept.dismissed and kept.review.reason == "录像显示有两名侦查人员"
    assert kept.review.ruleset == RULESET_VERSION
    # Custody-logged: created, then edited (state and reason), in words.
    entries = [e for e in files.log(case) if e.record_id == first.id]
    assert [e.action for e in entries] == ["create", "edit"]  # the refused one wrote nothing
    assert custody_text.action_text(entries[-1]) == "Reason, Review edited"
    assert custody_text.details_text(entries[0]) == (
        "Review of a legality finding “CPL118-TWO-INVESTIGATORS”"
    )


def test_a_mark_no_longer_fits_when_the_finding_changes(files):
    case, _, _, session = _violating_history(files)
    finding = next(f for f in findings_for(files, case) if f.rule == "CPL85-COMMITTAL-24H")
    mark(files, case, finding, ReviewState.DISMISSED, "approved extension")
    detained = next(
        e for e in files.list(CustodyEvent, case) if e.event_kind is CustodyEventKind.DETENTION
    )
    files.update(replace(detained, time=d("2024-05-17 10:00")))  # now 59 h, not 35 h
    now = next(c for c in checked_findings(files, case) if c.finding.rule == finding.rule)
    assert now.key == finding.key and now.changed
    assert now.state is ReviewState.OPEN  # asked about again, the old mark still shown
    assert now.review.reason == "approved extension"
    del session


def test_find_finding_by_key_or_short_reference(files):
    case, *_ = _violating_history(files)
    found = checked_findings(files, case)
    one = found[0]
    assert find_finding(found, one.key) is one
    assert find_finding(found, one.ref) is one
    with pytest.raises(InvalidInput):
        find_finding(found, "zzzz")


def test_a_title_inside_a_chinese_title_takes_the_inner_marks():
    assert cite_text(lg.Cite("SPC-2021", 93, "item (2)"), "zh") == (
        "《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第93条第2项"
    )
