"""Rules on custody deadlines: committal, family notice, first questioning, lawyer's meeting,
designated residence, summons length and consecutive summonses."""

# ruff: noqa: E501 -- the rule texts are bilingual prose; Chinese lines count double width

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from lawnotebook.legality.context import EVENT_WORDS, Context
from lawnotebook.legality.facts import Answer, CustodyEvent, EventKind, PlaceKind
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
    over_limit,
    span,
    span_words,
)

H = 60
SECURITY = Words(
    "the case may be one of state security or terrorism, where the law allows exceptions",
    "本案可能属危害国家安全或恐怖活动犯罪案件，法律对此另有例外",
)


def _missing_time(event: CustodyEvent) -> Hit:
    what = joined([Words("the time of:", "时间不明："), EVENT_WORDS[event.kind]], " ", "")
    return Hit(Certainty.NOT_CHECKABLE, what, events=(event.id,), missing=(what,))


End = tuple[str, Moment, bool]  # (id, when, is a session)


def _first_after(ends: Sequence[End], ms: Moment) -> End | None:
    return next((e for e in ends if e[1].hi is None or ms.lo is None or e[1].hi >= ms.lo), None)


def _deadline(
    ctx: Context,
    starts: Sequence[CustodyEvent],
    ends: Sequence[End],
    limit: int,
    missing: Words,
    *,
    until_release: bool = False,
    soft: Words | None = None,
) -> Iterator[Hit]:
    """For each start, the first end at or after it must come within ``limit`` minutes.

    ``until_release``: a release before the end stops the clock (released in time: no finding).
    ``soft`` turns VIOLATED into POSSIBLE, saying why (an exception the data cannot rule out)."""
    releases = _events(ctx, EventKind.RELEASE) if until_release else []
    for start in starts:
        ms = ctx.when(start)
        if ms is None:
            yield _missing_time(start)
            continue
        follow = _first_after(ends, ms)
        release = _first_after(releases, ms)
        if release is not None and (
            follow is None
            or (
                release[1].hi is not None
                and follow[1].lo is not None
                and release[1].hi < follow[1].lo
            )
        ):
            follow = release
        if follow is None:
            yield Hit(Certainty.NOT_CHECKABLE, missing, events=(start.id,), missing=(missing,))
            continue
        end_id, me, is_session = follow
        certainty = over_limit(ms, me, limit)
        if certainty is None:
            continue
        uncertain = fuzzy_of(ms, me) if certainty is Certainty.POSSIBLE else ()
        if soft is not None:
            certainty, uncertain = Certainty.POSSIBLE, (*uncertain, soft)
        computed = joined([ms.words, me.words, span_words(ms, me)])
        yield Hit(
            certainty,
            computed,
            sessions=(end_id,) if is_session else (),
            events=(start.id,) if is_session else tuple(sorted((start.id, end_id))),
            uncertain=uncertain,
        )


def _events(ctx: Context, *kinds: EventKind) -> list[End]:
    """The events of ``kinds`` that have a time, in time order (computed once per context)."""
    found = ctx.memo.get(kinds)
    if found is None:
        found = []
        for kind in kinds:
            for event in ctx.by_kind[kind]:
                m = ctx.when(event)
                if m is not None:
                    found.append((event.id, m, False))
        found.sort(key=lambda e: (e[1].mid, e[0]))
        ctx.memo[kinds] = found
    return found


def _soft_if_security(ctx: Context) -> Words | None:
    return None if ctx.facts.security_or_terrorism == Answer.NO else SECURITY


# --- CPL art. 85 -----------------------------------------------------------------------------


def committal_after_detention(ctx: Context) -> Iterator[Hit]:
    ends = _events(ctx, EventKind.COMMITTAL)
    # Detention carried out at the detention house itself is its own committal.
    starts = [
        e
        for e in ctx.by_kind[EventKind.DETENTION]
        if ctx.kind(e.place) != PlaceKind.DETENTION_HOUSE
    ]
    yield from _deadline(
        ctx,
        starts,
        ends,
        24 * H,
        Words(
            "no committal to a detention house is recorded after the detention",
            "拘留后未记录送看守所羁押",
        ),
        until_release=True,
    )


def family_after_detention(ctx: Context) -> Iterator[Hit]:
    yield from _family(ctx, EventKind.DETENTION, _soft_if_security(ctx))


def _family(ctx: Context, kind: EventKind, soft: Words | None) -> Iterator[Hit]:
    yield from _deadline(
        ctx,
        ctx.by_kind[kind],
        _events(ctx, EventKind.FAMILY_NOTIFIED),
        24 * H,
        Words("no notice to the family is recorded", "未记录通知家属"),
        soft=soft,
    )


# --- CPL art. 93 -----------------------------------------------------------------------------


def committal_after_arrest(ctx: Context) -> Iterator[Hit]:
    starts = [
        e
        for e in ctx.by_kind[EventKind.ARREST]
        if ctx.kind(e.place) != PlaceKind.DETENTION_HOUSE and not _in_house(ctx, e)
    ]
    limit = int(ctx.params.immediate_hours * H)
    soft = Words(
        f"the law says 'immediately' and names no hours; {limit // H} h is your setting",
        f"法律规定“立即”，未规定小时数；{limit // H}小时为本案设置",
    )
    yield from _deadline(
        ctx,
        starts,
        _events(ctx, EventKind.COMMITTAL),
        limit,
        Words(
            "no committal to a detention house is recorded after the arrest",
            "逮捕后未记录送看守所羁押",
        ),
        until_release=True,
        soft=soft,
    )


def _in_house(ctx: Context, event: CustodyEvent) -> bool:
    """Already committed when ``event`` happened (a committal before it, no release between)."""
    me = ctx.when(event)
    if me is None or me.lo is None:
        return False
    state = False
    for other in ctx.events:
        mo = ctx.when(other)
        if mo is None or mo.hi is None or mo.hi >= me.lo:
            continue
        if other.kind == EventKind.COMMITTAL:
            state = True
        elif other.kind in LEAVES_HOUSE or (
            other.kind == EventKind.TRANSFER and ctx.kind(other.place) != PlaceKind.DETENTION_HOUSE
        ):
            state = False
    return state


LEAVES_HOUSE = frozenset({EventKind.RELEASE, EventKind.RS_START, EventKind.SUPERVISION_START})


def family_after_arrest(ctx: Context) -> Iterator[Hit]:
    yield from _family(ctx, EventKind.ARREST, None)


# --- CPL arts. 86, 94 ------------------------------------------------------------------------


def _sessions_as_ends(ctx: Context) -> list[End]:
    return sorted(
        (
            (t.id, t.start, True)
            for t in ctx.sessions
            if t.start is not None and t.session.subject == ctx.facts.client
        ),
        key=lambda e: (e[1].mid, e[0]),
    )


def first_questioning(kind: EventKind) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        yield from _deadline(
            ctx,
            ctx.by_kind[kind],
            _sessions_as_ends(ctx),
            24 * H,
            Words("no questioning is recorded after it", "其后未记录讯问"),
            until_release=True,
        )

    return check


# --- CPL art. 39 -----------------------------------------------------------------------------


def meeting_after_request(ctx: Context) -> Iterator[Hit]:
    yield from _deadline(
        ctx,
        ctx.by_kind[EventKind.LAWYER_REQUESTED],
        _events(ctx, EventKind.LAWYER_MET),
        48 * H,
        Words("no meeting is recorded after the request", "要求会见后未记录会见"),
        soft=_soft_if_security(ctx),
    )


# --- CPL art. 75 -----------------------------------------------------------------------------


def residence_place(ctx: Context) -> Iterator[Hit]:
    for event in ctx.by_kind[EventKind.RS_START]:
        kind = ctx.kind(event.place)
        computed = joined(
            [Words("designated residence at", "指定居所设在"), ctx.where(event.place)], " ", ""
        )
        if kind in (PlaceKind.DETENTION_HOUSE, PlaceKind.POLICE_STATION):
            yield Hit(Certainty.VIOLATED, computed, events=(event.id,))
        elif kind in (PlaceKind.UNKNOWN, PlaceKind.SUPERVISION_SITE):
            why = Words("what kind of place it is", "该地点的性质")
            yield Hit(Certainty.POSSIBLE, computed, events=(event.id,), uncertain=(why,))


def family_after_residence(ctx: Context) -> Iterator[Hit]:
    yield from _family(ctx, EventKind.RS_START, None)


def family_after_supervision(ctx: Context) -> Iterator[Hit]:
    yield from _family(ctx, EventKind.SUPERVISION_START, None)


# --- CPL art. 119 ----------------------------------------------------------------------------

SUMMONS_KINDS = (EventKind.SUMMONS, EventKind.COMPELLED_APPEARANCE)


def summonses(ctx: Context) -> list[CustodyEvent]:
    return sorted(
        (e for k in SUMMONS_KINDS for e in ctx.by_kind[k]),
        key=lambda e: (e.time.sort_key() if e.time else "~", e.id),
    )


def detention_followed(ctx: Context, arrival: Moment, release: Moment) -> bool:
    """A detention or arrest between arrival and an hour after release."""
    for _, m, _ in _events(ctx, EventKind.DETENTION, EventKind.ARREST):
        if m.hi is not None and arrival.lo is not None and m.hi >= arrival.lo:
            if release.hi is None or m.lo is None or m.lo <= release.hi + H:
                return True
    return False


def summons_length(ctx: Context) -> Iterator[Hit]:
    for event in summonses(ctx):
        arrival, release = ctx.when(event), ctx.released(event)
        if arrival is None or release is None:
            what = Words("the arrival or release time of the summons", "传唤的到案或结束时间")
            yield Hit(Certainty.NOT_CHECKABLE, what, events=(event.id,), missing=(what,))
            continue
        computed = joined([arrival.words, release.words, span_words(arrival, release)])
        over24 = over_limit(arrival, release, 24 * H)
        over12 = over_limit(arrival, release, 12 * H)
        if over24 is Certainty.VIOLATED:
            yield Hit(Certainty.VIOLATED, computed, events=(event.id,))
        elif over12 is None:
            continue
        elif detention_followed(ctx, arrival, release):
            grave = Words(
                "24 h are allowed only in an especially grave or complex case where detention or "
                "arrest followed, with approval",
                "仅案情特别重大、复杂，需要采取拘留、逮捕措施并经批准的，方可延至二十四小时",
            )
            yield Hit(
                Certainty.POSSIBLE,
                computed,
                events=(event.id,),
                uncertain=(*fuzzy_of(arrival, release), grave),
            )
        else:
            uncertain = fuzzy_of(arrival, release) if over12 is Certainty.POSSIBLE else ()
            yield Hit(over12, computed, events=(event.id,), uncertain=uncertain)


def consecutive_summonses(ctx: Context) -> Iterator[Hit]:
    limit = int(ctx.params.summons_gap_hours * H)
    timed = [(e, ctx.when(e), ctx.released(e)) for e in summonses(ctx)]
    timed = [t for t in timed if t[1] is not None]
    for (first, _, release), (second, arrival, _) in pairwise(timed):
        if release is None or arrival is None:
            continue
        shortest, longest = span(release, arrival)
        if shortest is None or shortest >= limit:
            continue
        gap = (
            span_words(release, arrival) if longest is None or longest != shortest else hm(shortest)
        )
        computed = joined([release.words, arrival.words, Words(f"gap {gap.en}", f"间隔{gap.zh}")])
        exact = longest is not None and longest < limit
        yield Hit(
            Certainty.POSSIBLE,
            computed,
            events=tuple(sorted((first.id, second.id))),
            uncertain=() if exact else fuzzy_of(release, arrival),
        )


RULES = (
    Rule(
        "CPL85-COMMITTAL-24H",
        Words("Committal more than 24 h after detention", "拘留后超过二十四小时才送看守所"),
        Words(
            "After criminal detention the client must be taken to the detention house at once and "
            "within 24 hours at the latest. Time held elsewhere before committal is when "
            "off-the-record questioning happens.",
            "拘留后应当立即送看守所羁押，至迟不得超过二十四小时。送押前在其他场所羁押的时间，往往是"
            "非正式讯问发生的时间。",
        ),
        (Cite("CPL-2018", 85, "para. 2"),),
        Severity.HIGH,
        committal_after_detention,
    ),
    Rule(
        "CPL85-FAMILY-24H",
        Words("Family not told within 24 h of detention", "拘留后二十四小时内未通知家属"),
        Words(
            "The family must be told within 24 hours of detention, unless notice is impossible or, "
            "in state-security and terrorism cases, would hinder the investigation.",
            "除无法通知或涉嫌危害国家安全、恐怖活动犯罪通知可能有碍侦查的情形外，应当在拘留后二十四"
            "小时以内通知家属。",
        ),
        (Cite("CPL-2018", 85, "para. 2"),),
        Severity.LOW,
        family_after_detention,
    ),
    Rule(
        "CPL93-COMMITTAL",
        Words("Arrest not followed at once by committal", "逮捕后未立即送看守所"),
        Words(
            "After arrest the client must be taken to the detention house immediately. The law "
            "gives no hours; the finding reports the delay for you to judge.",
            "逮捕后应当立即送看守所羁押。法律未规定小时数；本项列出间隔时间，由律师判断。",
        ),
        (Cite("CPL-2018", 93, "para. 2"),),
        Severity.MEDIUM,
        committal_after_arrest,
    ),
    Rule(
        "CPL93-FAMILY-24H",
        Words("Family not told within 24 h of arrest", "逮捕后二十四小时内未通知家属"),
        Words(
            "Unless notice is impossible, the family must be told within 24 hours of arrest.",
            "除无法通知的以外，应当在逮捕后二十四小时以内通知家属。",
        ),
        (Cite("CPL-2018", 93, "para. 2"),),
        Severity.LOW,
        family_after_arrest,
    ),
    Rule(
        "CPL86-FIRST-QUESTIONING-24H",
        Words("First questioning more than 24 h after detention", "拘留后二十四小时内未讯问"),
        Words(
            "The police must question a detained person within 24 hours of detention.",
            "公安机关对被拘留的人，应当在拘留后二十四小时以内进行讯问。",
        ),
        (Cite("CPL-2018", 86),),
        Severity.LOW,
        first_questioning(EventKind.DETENTION),
    ),
    Rule(
        "CPL94-FIRST-QUESTIONING-24H",
        Words("First questioning more than 24 h after arrest", "逮捕后二十四小时内未讯问"),
        Words(
            "An arrested person must be questioned within 24 hours of arrest.",
            "对被逮捕的人，必须在逮捕后二十四小时以内进行讯问。",
        ),
        (Cite("CPL-2018", 94),),
        Severity.LOW,
        first_questioning(EventKind.ARREST),
    ),
    Rule(
        "CPL39-MEETING-48H",
        Words(
            "Lawyer's meeting more than 48 h after the request",
            "要求会见后超过四十八小时才安排会见",
        ),
        Words(
            "The detention house must arrange the defence lawyer's meeting within 48 hours of the "
            "request; in state-security and terrorism cases the investigators' permission is needed "
            "during investigation.",
            "辩护律师要求会见的，看守所应当及时安排，至迟不得超过四十八小时；危害国家安全、恐怖活动"
            "犯罪案件侦查期间会见须经侦查机关许可。",
        ),
        (Cite("CPL-2018", 39, "paras. 2-3"),),
        Severity.MEDIUM,
        meeting_after_request,
    ),
    Rule(
        "CPL75-RESIDENCE-PLACE",
        Words(
            "Designated residence at a custody or case-handling site",
            "指定居所设在羁押场所或办案场所",
        ),
        Words(
            "Residential surveillance at a designated place may not be carried out in a place of "
            "custody or a dedicated case-handling site.",
            "指定居所监视居住不得在羁押场所、专门的办案场所执行。",
        ),
        (Cite("CPL-2018", 75, "para. 1"),),
        Severity.HIGH,
        residence_place,
    ),
    Rule(
        "CPL75-FAMILY-24H",
        Words(
            "Family not told within 24 h of designated residence",
            "指定居所监视居住后二十四小时内未通知家属",
        ),
        Words(
            "Unless notice is impossible, the family must be told within 24 hours after designated "
            "residential surveillance begins.",
            "除无法通知的以外，应当在执行指定居所监视居住后二十四小时以内通知家属。",
        ),
        (Cite("CPL-2018", 75, "para. 2"),),
        Severity.LOW,
        family_after_residence,
    ),
    Rule(
        "SUP50-FAMILY-24H",
        Words(
            "Family not told within 24 h of supervision detention", "留置后二十四小时内未通知家属"
        ),
        Words(
            "After supervision detention (留置) the client's employer and family must be told within "
            "24 hours, unless that would hinder the investigation.",
            "采取留置措施后，除有碍调查的情形外，应当在二十四小时以内通知所在单位和家属。",
        ),
        (Cite("SUP-2024", 50, "para. 1"),),
        Severity.LOW,
        family_after_supervision,
    ),
    Rule(
        "CPL119-SUMMONS-LENGTH",
        Words("Summons longer than 12 h (24 h)", "传唤、拘传超过十二小时（二十四小时）"),
        Words(
            "A summons or compelled appearance may last at most 12 hours; 24 hours only in an "
            "especially grave or complex case that needs detention or arrest, with approval. The "
            "summons form must carry the arrival and end times.",
            "传唤、拘传持续的时间不得超过十二小时；案情特别重大、复杂，需要采取拘留、逮捕措施并经批准"
            "的，不得超过二十四小时。传唤证上应当填写到案时间和传唤结束时间。",
        ),
        (
            Cite("CPL-2018", 119, "para. 2"),
            Cite("PPR-2020", 199, "para. 2"),
            Cite("PPR-2020", 200, "para. 1"),
        ),
        Severity.HIGH,
        summons_length,
    ),
    Rule(
        "CPL119-CONSECUTIVE-SUMMONS",
        Words("Consecutive summonses", "连续传唤"),
        Words(
            "Consecutive summonses may not be used as disguised detention. The law names no "
            "interval; we show a summons that began soon after the last one ended (your setting).",
            "不得以连续传唤、拘传的形式变相拘禁。法律未规定间隔；本项列出上次传唤结束后不久又开始的传唤"
            "（间隔为本案设置）。",
        ),
        (Cite("CPL-2018", 119, "para. 3"), Cite("PPR-2020", 200, "para. 1")),
        Severity.HIGH,
        consecutive_summonses,
    ),
)
