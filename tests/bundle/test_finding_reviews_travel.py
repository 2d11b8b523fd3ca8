"""Review marks on legality findings travel in bundles; two colleagues marking the same finding
edit one record, merged field by field (issue 17, point 3)."""

from __future__ import annotations

import pytest
from lawyers import Lawyer

from lawnotebook.core.records import (
    CustodyEventKind,
    FindingReview,
    PersonRole,
    PlaceKind,
    Recording,
    ReviewState,
)
from lawnotebook.services import detention, legality_check
from lawnotebook.vault import case_rows


@pytest.fixture
def pair(lawyers):  # type: ignore[no-untyped-def]
    a, b = lawyers("anna"), lawyers("bao")
    a.knows(b)
    b.knows(a)
    return a, b


def _view(lawyer: Lawyer, case_id: str) -> dict:
    rows = case_rows.records(lawyer.files.conn, case_id)
    return {r["id"]: (r["kind"], r["body"], r["hlc"]) for r in rows}


def _case(a: Lawyer):  # type: ignore[no-untyped-def]
    case = a.files.new_case("张某故意杀人案", charges=["故意杀人罪"])
    house = detention.add_place(a.files, case, "市第一看守所", PlaceKind.DETENTION_HOUSE)
    station = detention.add_place(a.files, case, "城关派出所", PlaceKind.POLICE_STATION)
    detention.add_custody_event(
        a.files, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=house.id
    )
    officer = a.files.add_person(case, "李警官", PersonRole.INTERROGATOR)
    a.files.add_interrogation(
        case,
        "2024-05-20 23:00",
        end="2024-05-21 09:00",
        place_id=station.id,
        interrogator_ids=[officer.id],
        recording=Recording.NONE,
    )
    return case


def _finding(lawyer: Lawyer, case, rule: str):  # type: ignore[no-untyped-def]
    found = legality_check.findings_for(lawyer.files, case)
    return next(f for f in found if f.rule == rule)


def test_a_review_mark_travels_and_parallel_marks_merge(pair):
    a, b = pair
    case = _case(a)
    two = _finding(a, case, "CPL118-TWO-INVESTIGATORS")
    legality_check.mark(a.files, case, two, ReviewState.DISMISSED, "录像显示两人")
    opened = b.open(a.seal(case.id, b)[0])
    assert opened.applied
    b_case = b.files.case(case.id)
    got = {c.key: c for c in legality_check.checked_findings(b.files, b_case)}
    assert got[two.key].dismissed and got[two.key].review.reason == "录像显示两人"

    # In parallel both mark the house finding (neither has seen the other's): the same record
    # id, so the bundle merges them rather than keeping two marks; B also reviews another one.
    house = _finding(a, case, "CPL118-DETENTION-HOUSE")
    legality_check.mark(a.files, case, house, ReviewState.REVIEWED, "")
    legality_check.mark(b.files, b_case, house, ReviewState.REVIEWED, "申请书第一项")
    a_path, _ = a.seal(case.id, b, since_last=True)
    b_path, _ = b.seal(case.id, a, since_last=True)
    a.open(b_path)
    b.open(a_path)
    assert _view(a, case.id) == _view(b, case.id)
    marks = a.files.list(FindingReview, case)
    assert len([m for m in marks if m.finding_key == house.key]) == 1
    assert len(marks) == 2
