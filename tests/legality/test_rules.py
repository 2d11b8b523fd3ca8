"""Every rule on a violating, a compliant and an uncertain case (tests/legality/cases.py)."""

from __future__ import annotations

import pytest

from lawnotebook.legality import BY_ID, RULES, Certainty, evaluate
from legality.cases import CASES


def _run(rule_id, facts):
    return evaluate(facts, rules=(BY_ID[rule_id],))


def test_every_rule_has_its_three_cases():
    assert sorted(CASES) == sorted(r.id for r in RULES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_violating_case(rule_id):
    facts, certainty = CASES[rule_id][:2]
    found = _run(rule_id, facts)
    assert [f.certainty for f in found] == [Certainty(certainty)], found
    # Exact data: whatever "possible" rests on, it is not an uncertain date.
    assert not any("2024" in u.en for u in found[0].uncertain), found[0].uncertain
    assert found[0].computed.en and found[0].computed.zh
    assert found[0].severity == BY_ID[rule_id].severity


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_compliant_case(rule_id):
    assert _run(rule_id, CASES[rule_id][2]) == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_uncertain_case(rule_id):
    facts, certainty, says = CASES[rule_id][3:]
    found = _run(rule_id, facts)
    assert [f.certainty for f in found] == [Certainty(certainty)], found
    reasons = found[0].uncertain if certainty == "possible" else found[0].missing
    assert any(says in r.en for r in reasons), reasons
    assert all(r.zh for r in reasons)


def test_a_definite_breach_under_uncertain_dates_is_still_violated():
    # Detained on 2024-05-18 (no time), committed 2024-05-25: more than 24 h on any reading.
    from legality.cases import K, case, ev

    facts = case(
        ev("e1", K.DETENTION, "2024-05-18", "ps"), ev("e2", K.COMMITTAL, "2024-05-25", "kss")
    )
    (found,) = _run("CPL85-COMMITTAL-24H", facts)
    assert found.certainty is Certainty.VIOLATED
    assert found.computed.en.endswith("between 144 h 01 min and 191 h 59 min")


def test_computed_text_names_the_times_and_the_duration():
    facts = CASES["CPL118-DETENTION-HOUSE"][0]
    (found,) = _run("CPL118-DETENTION-HOUSE", facts)
    assert found.computed.en == (
        "committed 2024-05-19 21:10; questioned at a police station (新华路派出所); "
        "questioning began 2024-05-20 23:00"
    )
    assert found.computed.zh == (
        "送看守所羁押 2024年5月19日 21:10；讯问地点公安机关办案场所（新华路派出所）；"
        "讯问开始 2024年5月20日 23:00"
    )
    facts = CASES["PPR201-FOOD-REST"][0]
    (found,) = _run("PPR201-FOOD-REST", facts)
    assert "10 h 00 min" in found.computed.en and "10小时00分" in found.computed.zh


def test_summons_followed_by_detention_may_run_24_hours():
    from legality.cases import K, case, ev

    facts = case(
        ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-20 02:00"),
        ev("e2", K.DETENTION, "2024-05-20 02:00", "ps"),
    )
    (found,) = _run("CPL119-SUMMONS-LENGTH", facts)
    assert found.certainty is Certainty.POSSIBLE
    assert any("especially grave" in u.en for u in found.uncertain)
    longer = case(
        ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-20 09:00"),
        ev("e2", K.DETENTION, "2024-05-20 09:00", "ps"),
    )
    assert [f.certainty for f in _run("CPL119-SUMMONS-LENGTH", longer)] == [Certainty.VIOLATED]


def test_no_committal_after_detention_is_not_checkable_unless_released_in_time():
    from legality.cases import K, case, ev

    held = case(ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"))
    (found,) = _run("CPL85-COMMITTAL-24H", held)
    assert found.certainty is Certainty.NOT_CHECKABLE
    assert "no committal" in found.missing[0].en
    freed = case(
        ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"), ev("e2", K.RELEASE, "2024-05-19 08:00")
    )
    assert _run("CPL85-COMMITTAL-24H", freed) == []


def test_security_cases_soften_the_family_and_meeting_rules():
    from dataclasses import replace

    from lawnotebook.legality import Answer

    facts = replace(CASES["CPL39-MEETING-48H"][0], security_or_terrorism=Answer.YES)
    (found,) = _run("CPL39-MEETING-48H", facts)
    assert found.certainty is Certainty.POSSIBLE
    assert any("state security" in u.en for u in found.uncertain)


def test_duplicate_ids_are_refused():
    from lawnotebook.core.errors import InvalidInput
    from legality.cases import case, sess

    with pytest.raises(InvalidInput, match="two sessions have the id 's1'"):
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 09:00"),
            sess("s1", "2024-05-20 08:00", "2024-05-20 09:00"),
        )


def test_params_change_the_thresholds():
    from lawnotebook.legality import Params

    facts = CASES["FATIGUE-HOURS-PER-DAY"][0]  # 14 h in one day
    assert (
        evaluate(facts, Params(max_questioning_hours=15), rules=(BY_ID["FATIGUE-HOURS-PER-DAY"],))
        == []
    )
    facts = CASES["FATIGUE-NIGHT"][0]  # 23:00-02:00
    assert (
        evaluate(
            facts, Params(night_start=3 * 60, night_end=5 * 60), rules=(BY_ID["FATIGUE-NIGHT"],)
        )
        == []
    )


def test_an_about_time_makes_a_finding_possible():
    from legality.cases import K, case, ev

    facts = case(
        ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"),
        ev("e2", K.COMMITTAL, "about 2024-05-19 20:30", "kss"),
    )
    (found,) = _run("CPL85-COMMITTAL-24H", facts)
    assert found.certainty is Certainty.POSSIBLE
    assert found.uncertain[0].en == "committed about 2024-05-19 20:30"


def test_keys_follow_the_records_and_fingerprints_the_numbers():
    from dataclasses import replace

    from legality.cases import K, ev

    facts = CASES["CPL85-COMMITTAL-24H"][0]
    (a,) = _run("CPL85-COMMITTAL-24H", facts)
    later = replace(
        facts, events=(facts.events[0], ev("e2", K.COMMITTAL, "2024-05-20 09:00", "kss"))
    )
    (b,) = _run("CPL85-COMMITTAL-24H", later)
    assert a.key == b.key == "CPL85-COMMITTAL-24H||e1,e2"
    assert a.fingerprint != b.fingerprint
