"""Findings depend only on the data, never on the order of sessions, events or places."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.legality import (
    Answer,
    CaseFacts,
    CustodyEvent,
    EventKind,
    Outcome,
    Pause,
    PauseKind,
    Recording,
    Session,
    Transcript,
    evaluate,
)
from legality.cases import PLACES

PLACE_IDS = [p.id for p in PLACES] + ["nowhere"]


def _time(day: int, minute: int, precision: int) -> FuzzyDate:
    text = f"2024-05-{day:02d} {minute // 60:02d}:{minute % 60:02d}"
    return FuzzyDate.parse([text, text[:10], f"before {text}", f"about {text[:10]}"][precision])


times = st.builds(
    _time,
    st.integers(10, 14),
    st.integers(0, 1439),
    st.sampled_from([0, 0, 0, 1, 2, 3]),
)
maybe_time = st.one_of(st.none(), times, times, times)
answers = st.sampled_from(list(Answer))


@st.composite
def sessions(draw, sid: str) -> Session:
    start = draw(times)
    hours = draw(st.integers(0, 14))
    end = FuzzyDate.parse(
        f"{start.first.year}-{start.first.month:02d}-{start.first.day:02d} "
        f"{min(23, (start.first.hour or 0) + hours):02d}:{start.first.minute or 0:02d}"
    )
    return Session(
        sid,
        start,
        draw(st.sampled_from([end, end, None])),
        place=draw(st.sampled_from(PLACE_IDS)),
        interrogators=draw(
            st.one_of(st.none(), st.lists(st.sampled_from("abcd"), max_size=3).map(tuple))
        ),
        recording=draw(st.sampled_from(list(Recording))),
        recording_start=draw(maybe_time),
        recording_end=draw(maybe_time),
        transcript=draw(
            st.one_of(st.none(), st.builds(Transcript, maybe_time, maybe_time, answers, answers))
        ),
        pauses=draw(
            st.one_of(
                st.none(),
                st.lists(st.builds(Pause, st.sampled_from(list(PauseKind))), max_size=2).map(tuple),
            )
        ),
        rights_notice=draw(answers),
        outcome=draw(st.sampled_from(list(Outcome))),
        coercion_alleged=draw(st.booleans()),
        subject=draw(st.sampled_from(["client", "client", "co1"])),
    )


@st.composite
def cases(draw) -> CaseFacts:
    n_events = draw(st.integers(0, 12))
    events = tuple(
        CustodyEvent(
            f"e{i}",
            draw(st.sampled_from(list(EventKind))),
            draw(maybe_time),
            draw(st.sampled_from([*PLACE_IDS, None])),
            draw(maybe_time),
        )
        for i in range(n_events)
    )
    n_sessions = draw(st.integers(0, 10))
    return CaseFacts(
        charges=draw(st.sampled_from([(), ("盗窃罪",), ("故意杀人罪",)])),
        serious_charges=("故意杀人",),
        places=PLACES,
        events=events,
        sessions=tuple(draw(sessions(f"s{i}")) for i in range(n_sessions)),
        security_or_terrorism=draw(answers),
    )


@settings(max_examples=150, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_order(facts, rnd):
    shuffled = [list(facts.events), list(facts.sessions), list(facts.places)]
    for items in shuffled:
        rnd.shuffle(items)
    other = replace(
        facts, events=tuple(shuffled[0]), sessions=tuple(shuffled[1]), places=tuple(shuffled[2])
    )
    assert evaluate(other) == evaluate(facts)
