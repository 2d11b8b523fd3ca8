"""Legality checks: evaluating every rule on a large custody history.

    .venv/bin/python bench/legality.py [--sessions 500] [--events 200] [--runs 7]

Builds one case (deterministic RNG) of ``--sessions`` interrogation sessions and ``--events``
custody events over ~two months — summonses, detention, committal, transfers to a police
station and back, a hospital stay, family notices, lawyer's requests and meetings; answers
mostly known and lawful (see ANSWER), one time in eight fuzzy (a day only, "before ...",
"about ..."), a murder charge so the recording rules run — and times
:func:`lawnotebook.legality.evaluate` on it: best and median of ``--runs`` runs, each on
freshly built facts (the cache of rendered dates cleared), wall and CPU time, plus the slowest
rules. Target <= 50 ms for 500 sessions and 200 events.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import datetime, timedelta

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.legality import (
    DEFAULT_SERIOUS_CHARGES,
    RULES,
    Answer,
    CaseFacts,
    Corrections,
    CustodyEvent,
    EventKind,
    Outcome,
    Pause,
    PauseKind,
    Place,
    PlaceKind,
    Recording,
    Session,
    Transcript,
    evaluate,
)
from lawnotebook.legality.context import Context
from lawnotebook.legality.findings import _words

START = datetime(2024, 5, 1, 8, 0)
PLACES = (
    Place("kss", "第一看守所", PlaceKind.DETENTION_HOUSE),
    Place("ps", "新华路派出所", PlaceKind.POLICE_STATION),
    Place("hosp", "市第一医院", PlaceKind.HOSPITAL),
    Place("res", "指定居所", PlaceKind.DESIGNATED_RESIDENCE),
)


def _date(rng: random.Random, at: datetime) -> FuzzyDate:
    text = at.strftime("%Y-%m-%d %H:%M")
    roll = rng.random()
    if roll < 0.05:
        return FuzzyDate.parse(text[:10])
    if roll < 0.09:
        return FuzzyDate.parse(f"about {text[:10]}")
    if roll < 0.125:
        return FuzzyDate.parse(f"before {text}")
    return FuzzyDate.parse(text)


# As a filled-in case looks: most answers known and lawful, a fifth unknown or not.
ANSWER = {Answer.YES: 80, Answer.UNKNOWN: 15, Answer.NO: 5}
RECORDING = {Recording.FULL: 70, Recording.PARTIAL: 5, Recording.NONE: 10, Recording.UNKNOWN: 15}
CORRECTIONS = {
    Corrections.NONE_ASKED: 70,
    Corrections.MADE: 15,
    Corrections.UNKNOWN: 13,
    Corrections.REFUSED: 2,
}


def _pick(rng: random.Random, weights: dict) -> object:  # type: ignore[type-arg]
    return rng.choices(list(weights), list(weights.values()))[0]


def build(n_sessions: int, n_events: int, seed: int = 17) -> CaseFacts:
    rng = random.Random(seed)
    kinds = [
        EventKind.SUMMONS,
        EventKind.DETENTION,
        EventKind.COMMITTAL,
        EventKind.FAMILY_NOTIFIED,
        EventKind.LAWYER_REQUESTED,
        EventKind.LAWYER_MET,
        EventKind.TRANSFER,
        EventKind.TRANSFER,
        EventKind.HOSPITAL,
        EventKind.ARREST,
    ]
    events = []
    at = START
    for i in range(n_events):
        at += timedelta(minutes=rng.randint(60, 600))
        kind = kinds[i % len(kinds)]
        place = {EventKind.TRANSFER: rng.choice(["ps", "kss"]), EventKind.HOSPITAL: "hosp"}.get(
            kind, rng.choice(["ps", "kss"])
        )
        end = (
            _date(rng, at + timedelta(hours=rng.randint(2, 16)))
            if kind is EventKind.SUMMONS
            else None
        )
        events.append(CustodyEvent(f"e{i:04d}", kind, _date(rng, at), place, end))
    sessions = []
    previous_end = START
    for i in range(n_sessions):
        length = timedelta(minutes=rng.randint(20, 300))
        # Mostly one after another; one in fifty overlaps the one before (a contradiction).
        at = previous_end + timedelta(minutes=-30 if rng.random() < 0.02 else rng.randint(30, 600))
        start, end = _date(rng, at), _date(rng, at + length)
        rec_late = timedelta(minutes=rng.choice([0, 0, 0, 2, 40]))
        previous_end = at + length
        sessions.append(
            Session(
                f"s{i:04d}",
                start,
                end,
                place=rng.choice(["kss", "kss", "ps", "hosp"]),
                interrogators=tuple(rng.sample("abcdefgh", rng.choice([1, 2, 2, 2, 3]))),
                recording=_pick(rng, RECORDING),
                recording_evidence=None if rng.random() < 0.1 else f"ev{i}",
                recording_start=_date(rng, at + rec_late),
                recording_end=_date(rng, at + length),
                transcript=Transcript(
                    start,
                    end,
                    _pick(rng, ANSWER),
                    _pick(rng, ANSWER),
                    _pick(rng, CORRECTIONS),
                ),
                pauses=rng.choice(
                    [None, (), *[(Pause(PauseKind.MEAL), Pause(PauseKind.REST))] * 6]
                ),
                rights_notice=_pick(rng, ANSWER),
                outcome=rng.choice(list(Outcome)),
                coercion_alleged=rng.random() < 0.05,
                subject=rng.choice(["client"] * 9 + ["co1"]),
            )
        )
    rng.shuffle(sessions)
    return CaseFacts(
        charges=("故意杀人罪",),
        serious_charges=DEFAULT_SERIOUS_CHARGES,
        places=PLACES,
        events=tuple(events),
        sessions=tuple(sessions),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times: list[float] = []
    cpu: list[float] = []
    found = []
    for _ in range(args.runs):
        facts = build(args.sessions, args.events)
        _words.cache_clear()
        t0, c0 = time.perf_counter(), time.process_time()
        found = evaluate(facts)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    by_certainty: dict[str, int] = {}
    for f in found:
        by_certainty[f.certainty.value] = by_certainty.get(f.certainty.value, 0) + 1
    print(f"{args.sessions} sessions, {args.events} custody events, {len(RULES)} rules")
    print(f"findings: {len(found)} {by_certainty}")
    print(
        f"evaluate (cold caches): best {min(times) * 1000:.1f} ms, "
        f"median {statistics.median(times) * 1000:.1f} ms; CPU time best "
        f"{min(cpu) * 1000:.1f} ms, median {statistics.median(cpu) * 1000:.1f} ms; target <= 50 ms"
    )
    ctx = Context(
        build(args.sessions, args.events),
        __import__("lawnotebook.legality", fromlist=["Params"]).Params(),
    )
    per_rule = []
    for rule in RULES:
        t0 = time.perf_counter()
        list(rule.check(ctx))
        per_rule.append((time.perf_counter() - t0, rule.id))
    print(
        "slowest rules (warm):",
        ", ".join(f"{r} {t * 1000:.1f} ms" for t, r in sorted(per_rule)[-5:][::-1]),
    )


if __name__ == "__main__":
    main()
