"""Rules across sessions: fatigue (night questioning, hours per 24 h, rest) and consistency
(overlapping sessions, 先审后录, a session where the records put the client elsewhere).

Fatigue rules answer POSSIBLE at most: no article in the reference file names night hours, hours
per day or a minimum rest, so the numbers are the lawyer's settings (see ``Params``)."""

# ruff: noqa: E501 -- the rule texts are bilingual prose; Chinese lines count double width

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from lawnotebook.legality.context import Context, Timed
from lawnotebook.legality.custody import H
from lawnotebook.legality.facts import EventKind, PlaceKind, Recording
from lawnotebook.legality.findings import (
    Certainty,
    Cite,
    Hit,
    Moment,
    Rule,
    Severity,
    Words,
    fuzzy_of,
    hm,
    joined,
    span,
)

DAY = 24 * H


def _bounds(t: Timed, surely: bool) -> tuple[int, int] | None:
    """The minutes questioning surely (inner) or possibly (outer) took."""
    if t.start is None or t.end is None:
        return None
    a, b = (t.start.hi, t.end.lo) if surely else (t.start.lo, t.end.hi)
    if a is None:
        a = t.start.lo if t.start.lo is not None else t.start.hi
    if b is None:
        b = t.end.hi if t.end.hi is not None else t.end.lo
    if a is None or b is None or b <= a:
        return None
    return a, b


def _client(ctx: Context) -> list[Timed]:
    return ctx.client_sessions


def _night(a: int, b: int, start: int, end: int) -> int:
    """Minutes of ``[a, b)`` inside the nightly window ``start``–``end`` (minutes of the day)."""
    total = 0
    day = a // DAY - 1
    while day * DAY < b:
        lo = day * DAY + start
        hi = day * DAY + end + (DAY if end <= start else 0)
        total += max(0, min(b, hi) - max(a, lo))
        day += 1
    return total


def night(ctx: Context) -> Iterator[Hit]:
    p = ctx.params
    label = Words(
        f"{p.night_start // 60:02d}:{p.night_start % 60:02d}–{p.night_end // 60:02d}:{p.night_end % 60:02d}",
        f"{p.night_start // 60:02d}:{p.night_start % 60:02d}至{p.night_end // 60:02d}:{p.night_end % 60:02d}",
    )
    for t in _client(ctx):
        inner, outer = _bounds(t, True), _bounds(t, False)
        sure = _night(*inner, p.night_start, p.night_end) if inner else 0
        maybe = _night(*outer, p.night_start, p.night_end) if outer else 0
        if not maybe:
            continue
        amount = hm(sure if sure else maybe)
        computed = Words(
            f"{amount.en} of questioning within {label.en}", f"{label.zh}期间讯问{amount.zh}"
        )
        assert t.start is not None and t.end is not None
        uncertain = () if sure else fuzzy_of(t.start, t.end)
        yield Hit(Certainty.POSSIBLE, computed, sessions=(t.id,), uncertain=uncertain)


def _union(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    merged: list[tuple[int, int, tuple[str, ...]]] = []
    for a, b, sid in sorted(spans):
        if merged and a <= merged[-1][1]:
            pa, pb, ids = merged[-1]
            merged[-1] = (pa, max(pb, b), (*ids, sid))
        else:
            merged.append((a, b, (sid,)))
    return merged


def _spans(client: list[Timed], surely: bool) -> list[tuple[int, int, tuple[str, ...]]]:
    spans = []
    for t in client:
        bounds = _bounds(t, surely)
        if bounds is not None:
            spans.append((bounds[0], bounds[1], t.id))
    return _union(spans)


def _heavy_windows(
    merged: list[tuple[int, int, tuple[str, ...]]], limit: int
) -> list[tuple[int, int, tuple[str, ...]]]:
    """Non-overlapping 24 h windows, each starting at a questioning start, holding more than
    ``limit`` minutes of questioning: (window start, minutes, sessions)."""
    starts = [m[0] for m in merged]
    prefix = [0]
    for a, b, _ in merged:
        prefix.append(prefix[-1] + b - a)
    found = []
    i = 0
    while i < len(merged):
        w0, w1 = merged[i][0], merged[i][0] + DAY
        j = bisect_left(starts, w1)  # intervals i..j-1 start inside the window
        total = prefix[j] - prefix[i] - max(0, merged[j - 1][1] - w1)
        if total > limit:
            ids = tuple(sorted({s for m in merged[i:j] for s in m[2]}))
            found.append((w0, total, ids))
            i = j
        else:
            i += 1
    return found


def hours_per_day(ctx: Context) -> Iterator[Hit]:
    limit = int(ctx.params.max_questioning_hours * H)
    client = _client(ctx)
    by_id = {t.id: t for t in client}
    sure = _heavy_windows(_spans(client, True), limit)
    maybe = _heavy_windows(_spans(client, False), limit)
    covered: set[str] = set()
    for w0, total, ids in sure:
        covered.update(ids)
        yield Hit(Certainty.POSSIBLE, _window_words(w0, total), sessions=ids)
    for w0, total, ids in maybe:
        if covered.intersection(ids):
            continue
        moments = [m for i in ids for m in (by_id[i].start, by_id[i].end) if m is not None]
        yield Hit(
            Certainty.POSSIBLE, _window_words(w0, total), sessions=ids, uncertain=fuzzy_of(*moments)
        )


def _window_words(w0: int, total: int) -> Words:
    amount = hm(total)
    start = _clock(w0)
    return Words(
        f"{amount.en} of questioning in the 24 h from {start}",
        f"自{start}起二十四小时内讯问{amount.zh}",
    )


def _clock(minute: int) -> str:
    from datetime import datetime, timedelta

    return (datetime(1, 1, 1) + timedelta(minutes=minute)).strftime("%Y-%m-%d %H:%M")


def _runs(
    merged: list[tuple[int, int, tuple[str, ...]]], rest: int
) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """Runs of questioning whose pauses are all shorter than ``rest``: (start, end, longest pause, ids)."""
    runs: list[tuple[int, int, int, tuple[str, ...]]] = []
    for a, b, ids in merged:
        if runs and a - runs[-1][1] < rest:
            ra, rb, longest, rids = runs[-1]
            runs[-1] = (ra, max(rb, b), max(longest, a - rb), (*rids, *ids))
        else:
            runs.append((a, b, 0, ids))
    return runs


def short_rest(ctx: Context) -> Iterator[Hit]:
    rest = int(ctx.params.min_rest_hours * H)
    client = _client(ctx)
    by_id = {t.id: t for t in client}
    sure = [r for r in _runs(_spans(client, True), rest) if r[1] - r[0] > DAY]
    covered: set[str] = set()
    for a, b, longest, ids in sure:
        covered.update(ids)
        yield Hit(Certainty.POSSIBLE, _run_words(a, b, longest), sessions=tuple(sorted(ids)))
    for a, b, longest, ids in _runs(_spans(client, False), rest):
        if b - a <= DAY or covered.intersection(ids):
            continue
        moments = [m for i in ids for m in (by_id[i].start, by_id[i].end) if m is not None]
        yield Hit(
            Certainty.POSSIBLE,
            _run_words(a, b, longest),
            sessions=tuple(sorted(ids)),
            uncertain=fuzzy_of(*moments),
        )


def _run_words(a: int, b: int, longest: int) -> Words:
    length, pause = hm(b - a), hm(longest)
    return Words(
        f"questioning from {_clock(a)} to {_clock(b)} ({length.en}); longest pause {pause.en}",
        f"{_clock(a)}至{_clock(b)}连续讯问（{length.zh}），其间最长间隔{pause.zh}",
    )


# --- consistency -------------------------------------------------------------------------------


def _claimed(t: Timed) -> tuple[Moment, Moment] | None:
    """The times the records claim: the transcript's where it gives both, else the session's."""
    tr = t.session.transcript
    if tr is not None and tr.written_start is not None and tr.written_end is not None:
        assert t.written_start is not None and t.written_end is not None
        return t.written_start, t.written_end
    if t.start is not None and t.end is not None:
        return t.start, t.end
    return None


def _overlap(a: tuple[Moment, Moment], b: tuple[Moment, Moment]) -> Certainty | None:
    s1, _ = span(b[0], a[1])  # b starts before a ends, surely if s1 > 0
    s2, _ = span(a[0], b[1])
    _, l1 = span(b[0], a[1])
    _, l2 = span(a[0], b[1])
    if s1 is not None and s2 is not None and s1 > 0 and s2 > 0:
        return Certainty.VIOLATED
    if (l1 is None or l1 > 0) and (l2 is None or l2 > 0):
        return Certainty.POSSIBLE
    return None


def _pairs(
    ctx: Context,
) -> Iterator[tuple[Timed, Timed, Certainty, tuple[Moment, Moment], tuple[Moment, Moment]]]:
    """Overlapping pairs, by a sweep over the earliest start (no all-pairs scan). A session
    whose claimed times are unbounded on one side ("before ...") is not compared: it could
    overlap anything, which tells the lawyer nothing."""
    timed = []
    for t in ctx.sessions:
        c = _claimed(t)
        if c is not None and c[0].lo is not None and c[1].hi is not None:
            timed.append((c[0].lo, c[1].hi, t.id, c, t))
    timed.sort(key=lambda x: (x[0], x[2]))
    for i, (_, reach, _, ca, ta) in enumerate(timed):
        for lo, _, _, cb, tb in timed[i + 1 :]:
            if lo > reach:
                break
            certainty = _overlap(ca, cb)
            if certainty is not None:
                yield (ta, tb, certainty, ca, cb) if ta.id < tb.id else (tb, ta, certainty, cb, ca)


Pair = tuple[Moment, Moment]


def _overlap_hit(
    ta: Timed, tb: Timed, certainty: Certainty, ca: Pair, cb: Pair, extra: Words | None = None
) -> Hit:
    parts = [ca[0].words, ca[1].words, cb[0].words, cb[1].words]
    computed = joined(parts if extra is None else [extra, *parts])
    uncertain = fuzzy_of(*ca, *cb) if certainty is Certainty.POSSIBLE else ()
    return Hit(certainty, computed, sessions=(ta.id, tb.id), uncertain=uncertain)


def client_overlap(ctx: Context) -> Iterator[Hit]:
    for ta, tb, certainty, ca, cb in _pairs(ctx):
        if ta.session.subject == tb.session.subject:
            yield _overlap_hit(ta, tb, certainty, ca, cb)


def interrogator_overlap(ctx: Context) -> Iterator[Hit]:
    for ta, tb, certainty, ca, cb in _pairs(ctx):
        if ta.session.subject == tb.session.subject:
            continue  # one person questioned twice at once: CONS-CLIENT-OVERLAP says it
        shared = sorted(set(ta.session.interrogators or ()) & set(tb.session.interrogators or ()))
        if shared:
            who = Words(f"investigator(s) {', '.join(shared)}", f"侦查人员{'、'.join(shared)}")
            yield _overlap_hit(ta, tb, certainty, ca, cb, who)


def recorded_late(ctx: Context) -> Iterator[Hit]:
    tol = ctx.params.clock_tolerance_minutes
    for t in ctx.sessions:
        s, tr = t.session, t.session.transcript
        if s.recording not in (Recording.FULL, Recording.PARTIAL) or tr is None:
            continue
        if tr.written_start is None and tr.written_end is None:
            continue
        if s.recording_start is None or s.recording_end is None:
            what = Words(
                "the start and end the recording itself shows", "录音录像自身显示的起止时间"
            )
            yield Hit(Certainty.NOT_CHECKABLE, what, sessions=(t.id,), missing=(what,))
            continue
        rs, re_ = t.rec_start, t.rec_end
        assert rs is not None and re_ is not None
        checks: list[tuple[Moment, Moment]] = []
        if t.written_start is not None:
            checks.append((t.written_start, rs))  # questioning written down before recording began
        if t.written_end is not None:
            checks.append((re_, t.written_end))  # ... or after it ended
        for early, late in checks:
            shortest, longest = span(early, late)
            if longest is not None and longest <= tol:
                continue
            sure = shortest is not None and shortest > tol
            computed = joined([early.words, late.words])
            yield Hit(
                Certainty.VIOLATED if sure else Certainty.POSSIBLE,
                computed,
                sessions=(t.id,),
                uncertain=() if sure else fuzzy_of(early, late),
            )


STAY_STARTS = (
    EventKind.COMMITTAL,
    EventKind.TRANSFER,
    EventKind.HOSPITAL,
    EventKind.RS_START,
    EventKind.SUPERVISION_START,
)
STAY_ENDS = (EventKind.RELEASE, EventKind.RS_END, EventKind.SUPERVISION_END)


def elsewhere(ctx: Context) -> Iterator[Hit]:
    from lawnotebook.legality.sessions import Period, within

    stays: list[tuple[Period, str]] = []
    current: tuple[Moment, str, str] | None = None
    for event in ctx.events:
        m = ctx.when(event)
        if m is None:
            continue
        if (event.kind in STAY_STARTS and event.place is not None) or event.kind in STAY_ENDS:
            if current is not None:
                stays.append((Period(current[0], m, current[1]), current[2]))
                current = None
            if event.kind in STAY_STARTS and event.place is not None:
                current = (m, event.id, event.place)
    if current is not None:
        stays.append((Period(current[0], None, current[1]), current[2]))
    stays.sort(
        key=lambda s: (s[0].start.lo if s[0].start.lo is not None else -(10**12), s[0].event)
    )
    starts = [p.start.lo if p.start.lo is not None else -(10**12) for p, _ in stays]
    for t in _client(ctx):
        place = t.session.place
        if t.start is None or place is None:
            continue
        kind = ctx.kind(place)
        # Stays follow one another: only the last few starting before the session can hold it.
        k = bisect_right(starts, t.start.hi) if t.start.hi is not None else len(stays)
        for period, where in reversed(stays[max(0, k - 3) : k]):
            if where == place:
                continue
            if ctx.kind(where) == PlaceKind.DETENTION_HOUSE and kind != PlaceKind.DETENTION_HOUSE:
                continue  # CPL118-DETENTION-HOUSE speaks for it
            inside = within(t.start, period)
            if inside is None:
                continue
            computed = joined(
                [
                    period.start.words,
                    joined([Words("at", "地点"), ctx.where(where)], " ", ""),
                    t.start.words,
                    joined([Words("at", "地点"), ctx.where(place)], " ", ""),
                ]
            )
            why = Words("a move may have gone unrecorded", "可能有未记录的转移")
            uncertain = fuzzy_of(period.start, t.start) if inside is Certainty.POSSIBLE else ()
            yield Hit(
                Certainty.POSSIBLE,
                computed,
                sessions=(t.id,),
                events=(period.event,),
                uncertain=(*uncertain, why),
            )
            break


FATIGUE_CITES = (
    Cite("CPL-2018", 119, "para. 3"),
    Cite("PPR-2020", 201),
    Cite("SPC-2021", 123, "item (3)"),
)
CONTRADICTION = (Cite("SPC-2021", 95, "item (1)"), Cite("SPC-2021", 93, "item (1)"))

RULES = (
    Rule(
        "FATIGUE-NIGHT",
        Words("Questioning at night", "夜间讯问"),
        Words(
            "Sessions that run into the night (your setting, 22:00–06:00 by default). The law asks "
            "for food and necessary rest and names no night hours; night questioning is a lead "
            "for fatigue, not a breach by itself.",
            "讯问时间进入夜间（默认22:00至06:00，可设置）。法律要求保证饮食和必要的休息时间，未规定夜间"
            "时段；夜间讯问是疲劳审讯的线索，本身并非违法。",
        ),
        FATIGUE_CITES,
        Severity.MEDIUM,
        night,
    ),
    Rule(
        "FATIGUE-HOURS-PER-DAY",
        Words("Too many hours of questioning in 24 h", "二十四小时内讯问时间过长"),
        Words(
            "More than N hours of questioning within some 24 hours (N is your setting, 12 by "
            "default: the longest ordinary summons).",
            "某二十四小时内讯问累计超过N小时（N可设置，默认12小时，即普通传唤的最长时限）。",
        ),
        FATIGUE_CITES,
        Severity.HIGH,
        hours_per_day,
    ),
    Rule(
        "FATIGUE-SHORT-REST",
        Words("No real rest for more than a day", "超过一天没有充分休息"),
        Words(
            "Sessions following one another for more than 24 hours with no pause of M hours "
            "(M is your setting, 6 by default: a short night's sleep).",
            "连续讯问超过二十四小时，其间没有M小时以上的间隔（M可设置，默认6小时，即最短的一夜睡眠）。",
        ),
        FATIGUE_CITES,
        Severity.HIGH,
        short_rest,
    ),
    Rule(
        "CONS-CLIENT-OVERLAP",
        Words("Two sessions of one person at the same time", "同一人同一时间有两次讯问"),
        Words(
            "The records have one person questioned twice at once (transcript times where both "
            "transcripts give them). At least one time written down is wrong.",
            "记录显示同一人同一时间接受两次讯问（两份笔录均有时间的，以笔录时间为准），至少一处时间有误。",
        ),
        CONTRADICTION,
        Severity.MEDIUM,
        client_overlap,
    ),
    Rule(
        "CONS-INTERROGATOR-OVERLAP",
        Words("One investigator in two sessions at once", "同一侦查人员同时参加两次讯问"),
        Words(
            "The records have one investigator questioning two people at the same time: either a "
            "time is wrong or the investigator was not there; co-accused must be questioned apart.",
            "记录显示同一侦查人员同时讯问两人：或时间有误，或该侦查人员并未在场；同案犯罪嫌疑人应当个别讯问。",
        ),
        (*CONTRADICTION, Cite("PPR-2020", 202, "para. 2")),
        Severity.MEDIUM,
        interrogator_overlap,
    ),
    Rule(
        "CONS-RECORDED-LATE",
        Words(
            "Transcript times outside the recording (先审后录)", "笔录时间超出录像时间（先审后录）"
        ),
        Words(
            "The transcript says questioning began before the recording did, or ended after it: "
            "part of the questioning was not recorded.",
            "笔录记载的讯问开始早于录像开始，或结束晚于录像结束：部分讯问未录。",
        ),
        (Cite("CPL-2018", 123, "para. 2"), Cite("PPR-2020", 208, "para. 3")),
        Severity.HIGH,
        recorded_late,
    ),
    Rule(
        "CONS-ELSEWHERE",
        Words("Session where the records put the client elsewhere", "讯问时当事人依记录在别处"),
        Words(
            "The custody records place the client somewhere else when the session began.",
            "讯问开始时，羁押记录显示当事人在其他地点。",
        ),
        CONTRADICTION,
        Severity.MEDIUM,
        elsewhere,
    ),
)
