"""Rules on each interrogation: who questioned, where, the transcript, the recording, the
rights notice, food and rest, and confessions repeated after a coerced session."""

# ruff: noqa: E501 -- the rule texts are bilingual prose; Chinese lines count double width

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from lawnotebook.legality.context import Context, Timed
from lawnotebook.legality.custody import H, detention_followed, summonses
from lawnotebook.legality.facts import (
    Answer,
    Corrections,
    EventKind,
    Outcome,
    PauseKind,
    PlaceKind,
    Recording,
)
from lawnotebook.legality.findings import (
    Certainty,
    Cite,
    Hit,
    Moment,
    Rule,
    Severity,
    Words,
    fuzzy_of,
    joined,
    span,
    span_words,
)

UNKNOWN_KIND = Words("what kind of place the session was held at", "讯问地点的性质")


def _unknown(what: Words) -> tuple[Words, ...]:
    return (joined([what, Words("is marked unknown", "标为不明")], " ", ""),)


def _client(ctx: Context) -> list[Timed]:
    return ctx.client_sessions


def two_investigators(ctx: Context) -> Iterator[Hit]:
    for t in ctx.sessions:
        people = t.session.interrogators
        if people is None:
            what = Words("who questioned the client", "讯问人员")
            yield Hit(Certainty.NOT_CHECKABLE, what, sessions=(t.id,), missing=(what,))
        elif len(set(people)) < 2:
            n = len(set(people))
            yield Hit(
                Certainty.VIOLATED,
                Words(f"{n} investigator(s)", f"侦查人员{n}人"),
                sessions=(t.id,),
            )


@dataclass(frozen=True)
class Period:
    """A stay in the detention house: from committal until a release or a move out."""

    start: Moment
    end: Moment | None
    event: str


def house_periods(ctx: Context) -> list[Period]:
    periods: list[Period] = []
    open_: tuple[Moment, str] | None = None
    for event in ctx.events:
        m = ctx.when(event)
        if m is None:
            continue
        into = event.kind == EventKind.COMMITTAL or (
            event.kind in (EventKind.DETENTION, EventKind.ARREST, EventKind.TRANSFER)
            and ctx.kind(event.place) == PlaceKind.DETENTION_HOUSE
        )
        leaves = event.kind in (
            EventKind.RELEASE,
            EventKind.RS_START,
            EventKind.SUPERVISION_START,
        ) or (
            event.kind == EventKind.TRANSFER and ctx.kind(event.place) != PlaceKind.DETENTION_HOUSE
        )
        if into and open_ is None:
            open_ = (m, event.id)
        elif leaves and open_ is not None:
            periods.append(Period(open_[0], m, open_[1]))
            open_ = None
    if open_ is not None:
        periods.append(Period(open_[0], None, open_[1]))
    return periods


def within(m: Moment, period: Period) -> Certainty | None:
    """Is ``m`` inside the period? VIOLATED means surely, POSSIBLE only perhaps."""
    after_lo, _ = span(period.start, m)
    _, after_hi = span(period.start, m)
    surely_after = after_lo is not None and after_lo > 0
    maybe_after = after_hi is None or after_hi > 0
    if period.end is None:
        surely_before, maybe_before = True, True
    else:
        gap_lo, gap_hi = span(m, period.end)
        surely_before = gap_lo is not None and gap_lo > 0
        maybe_before = gap_hi is None or gap_hi > 0
    if surely_after and surely_before:
        return Certainty.VIOLATED
    if maybe_after and maybe_before:
        return Certainty.POSSIBLE
    return None


def in_house(ctx: Context, m: Moment) -> tuple[Period, Certainty] | None:
    """The detention-house stay ``m`` falls in (surely or perhaps), if any."""
    periods, starts = ctx.memo.get("house") or ctx.memo.setdefault("house", _house_index(ctx))
    # Stays follow one another: only the last few starting before ``m`` can hold it.
    k = bisect_right(starts, m.hi) if m.hi is not None else len(periods)
    for period in periods[max(0, k - 3) : k]:
        inside = within(m, period)
        if inside is not None:
            return period, inside
    return None


def _house_index(ctx: Context) -> tuple[list[Period], list[int]]:
    def lo(p: Period) -> int:
        return p.start.lo if p.start.lo is not None else -(10**12)

    periods = sorted(house_periods(ctx), key=lambda p: (lo(p), p.event))
    return periods, [lo(p) for p in periods]


def in_detention_house(ctx: Context) -> Iterator[Hit]:
    for t in _client(ctx):
        if t.start is None:
            continue
        kind = ctx.kind(t.session.place)
        if kind in (PlaceKind.DETENTION_HOUSE, PlaceKind.COURT):
            continue
        found = in_house(ctx, t.start)
        if found is not None:
            period, inside = found
            computed = joined(
                [
                    period.start.words,
                    joined(
                        [Words("questioned at", "讯问地点"), ctx.where(t.session.place)], " ", ""
                    ),
                    t.start.words,
                ]
            )
            uncertain = fuzzy_of(period.start, t.start) if inside is Certainty.POSSIBLE else ()
            certainty = inside
            if kind == PlaceKind.UNKNOWN:
                certainty, uncertain = Certainty.POSSIBLE, (*uncertain, *_unknown(UNKNOWN_KIND))
            elif kind == PlaceKind.HOSPITAL:
                why = Words(
                    "questioning at a hospital may be allowed for a gravely ill client",
                    "对有严重伤病的，可以在就诊的医疗机构讯问",
                )
                certainty, uncertain = Certainty.POSSIBLE, (*uncertain, why)
            yield Hit(
                certainty, computed, sessions=(t.id,), events=(period.event,), uncertain=uncertain
            )


def questioning_room(ctx: Context) -> Iterator[Hit]:
    for t in _client(ctx):
        kind = ctx.kind(t.session.place)
        if kind not in (PlaceKind.OTHER, PlaceKind.HOSPITAL):
            continue
        if t.start is not None and in_house(ctx, t.start):
            continue  # CPL118-DETENTION-HOUSE speaks for it
        computed = joined([Words("questioned at", "讯问地点"), ctx.where(t.session.place)], " ", "")
        why = Words(
            "the exceptions (at the scene in an emergency; a gravely ill, disabled or pregnant client) may apply",
            "可能属于例外情形（紧急情况下现场讯问；严重伤病、残疾、行动不便或怀孕的）",
        )
        yield Hit(Certainty.POSSIBLE, computed, sessions=(t.id,), uncertain=(why,))


def _transcript_answer(ctx: Context, field: str, what: Words) -> Iterator[Hit]:
    for t in ctx.sessions:
        transcript = t.session.transcript
        if transcript is None:
            missing = Words("no transcript entered", "未录入讯问笔录")
            yield Hit(Certainty.NOT_CHECKABLE, missing, sessions=(t.id,), missing=(missing,))
            continue
        answer = getattr(transcript, field)
        if answer == Answer.NO:
            yield Hit(
                Certainty.VIOLATED, joined([what, Words(": no", "：否")], "", ""), sessions=(t.id,)
            )
        elif answer == Answer.UNKNOWN:
            yield Hit(
                Certainty.POSSIBLE,
                joined([what, Words(": unknown", "：不明")], "", ""),
                sessions=(t.id,),
                uncertain=_unknown(what),
            )


def client_signed(ctx: Context) -> Iterator[Hit]:
    yield from _transcript_answer(
        ctx, "signed", Words("transcript signed by the client", "犯罪嫌疑人在笔录上签名")
    )


def investigators_signed(ctx: Context) -> Iterator[Hit]:
    for hit in _transcript_answer(
        ctx,
        "investigators_signed",
        Words("transcript signed by the investigators", "侦查人员在笔录上签名"),
    ):
        if hit.certainty is not Certainty.NOT_CHECKABLE:
            yield hit  # CPL122-SIGNED already says a transcript is missing


def corrections(ctx: Context) -> Iterator[Hit]:
    what = Words("whether the client's corrections were made", "犯罪嫌疑人的补充、改正是否记载")
    for t in ctx.sessions:
        transcript = t.session.transcript
        if transcript is None:
            continue
        if transcript.corrections == Corrections.REFUSED:
            yield Hit(
                Certainty.VIOLATED,
                Words(
                    "the client's corrections were not made", "犯罪嫌疑人提出的补充或改正未予记载"
                ),
                sessions=(t.id,),
            )
        elif transcript.corrections == Corrections.UNKNOWN:
            yield Hit(Certainty.POSSIBLE, what, sessions=(t.id,), uncertain=_unknown(what))


def transcript_times(ctx: Context) -> Iterator[Hit]:
    for t in ctx.sessions:
        if t.session.transcript is None:
            continue
        for which, m in (
            (Words("start", "起始时间"), t.written_start),
            (Words("end", "结束时间"), t.written_end),
        ):
            if m is None:
                what = joined([Words("the transcript shows no", "笔录未注明讯问"), which], " ", "")
                yield Hit(Certainty.VIOLATED, what, sessions=(t.id,))
            elif not m.exact:
                what = joined([m.words, Words("(no hour and minute)", "（未具体到时分）")], " ", "")
                yield Hit(Certainty.POSSIBLE, what, sessions=(t.id,), uncertain=(m.words,))


def rights_each(ctx: Context) -> Iterator[Hit]:
    what = Words("rights notice", "告知诉讼权利")
    for t in ctx.sessions:
        if t.session.rights_notice == Answer.NO:
            yield Hit(
                Certainty.VIOLATED,
                Words("no rights notice recorded", "未告知诉讼权利"),
                sessions=(t.id,),
            )
        elif t.session.rights_notice == Answer.UNKNOWN:
            yield Hit(
                Certainty.POSSIBLE,
                joined([what, Words(": unknown", "：不明")], "", ""),
                sessions=(t.id,),
                uncertain=_unknown(what),
            )


def rights_first(ctx: Context) -> Iterator[Hit]:
    first = next((t for t in _client(ctx) if t.start is not None), None)
    if first is None:
        return
    what = Words("rights notice in the first session", "首次讯问告知权利")
    if first.session.rights_notice == Answer.NO:
        yield Hit(
            Certainty.VIOLATED, joined([what, Words(": no", "：否")], "", ""), sessions=(first.id,)
        )
    elif first.session.rights_notice == Answer.UNKNOWN:
        yield Hit(
            Certainty.POSSIBLE,
            joined([what, Words(": unknown", "：不明")], "", ""),
            sessions=(first.id,),
            uncertain=_unknown(what),
        )


def serious_recording(ctx: Context) -> Iterator[Hit]:
    serious, charges = ctx.serious
    for t in ctx.sessions:
        recording = t.session.recording
        if recording == Recording.FULL:
            continue
        rec = Words(f"recording: {recording.value}", f"录音录像：{_REC_ZH[recording]}")
        if serious == Answer.UNKNOWN:
            what = Words("the charges (no charge entered)", "罪名（未录入罪名）")
            yield Hit(Certainty.NOT_CHECKABLE, rec, sessions=(t.id,), missing=(what,))
        elif serious == Answer.YES:
            computed = joined(
                [Words("serious charge: " + "、".join(charges), "重罪：" + "、".join(charges)), rec]
            )
            if recording == Recording.UNKNOWN:
                yield Hit(
                    Certainty.POSSIBLE,
                    computed,
                    sessions=(t.id,),
                    uncertain=_unknown(Words("whether it was recorded", "是否录音录像")),
                )
            else:
                yield Hit(Certainty.VIOLATED, computed, sessions=(t.id,))


_REC_ZH = {
    Recording.FULL: "全程",
    Recording.PARTIAL: "部分",
    Recording.NONE: "无",
    Recording.UNKNOWN: "不明",
}


def partial_recording(ctx: Context) -> Iterator[Hit]:
    tol = ctx.params.clock_tolerance_minutes
    for t in ctx.sessions:
        s = t.session
        if s.recording == Recording.PARTIAL:
            yield Hit(
                Certainty.VIOLATED, Words("recording: partial", "录音录像：部分"), sessions=(t.id,)
            )
            continue
        if s.recording != Recording.FULL or s.recording_start is None or s.recording_end is None:
            continue
        rs, re_ = t.rec_start, t.rec_end
        assert rs is not None and re_ is not None
        pairs = [(early, late) for early, late in ((t.start, rs), (re_, t.end)) if early and late]
        for early, late in pairs:
            shortest, longest = span(early, late)
            if longest is not None and longest <= tol:
                continue
            sure = shortest is not None and shortest > tol
            computed = joined(
                [Words("recording marked full", "录像标为全程"), early.words, late.words]
            )
            yield Hit(
                Certainty.VIOLATED if sure else Certainty.POSSIBLE,
                computed,
                sessions=(t.id,),
                uncertain=() if sure else fuzzy_of(early, late),
            )


def recording_not_in_file(ctx: Context) -> Iterator[Hit]:
    serious, _ = ctx.serious
    if serious != Answer.YES:
        return
    for t in ctx.sessions:
        recording, evidence = t.session.recording, t.session.recording_evidence
        if evidence is not None or recording == Recording.NONE:
            continue  # no recording at all: CPL123-SERIOUS-NOT-RECORDED says it
        if recording == Recording.UNKNOWN:
            why = _unknown(Words("whether a recording was made", "是否录音录像"))
        else:
            why = (
                Words(
                    "the recording may exist but is not in your file",
                    "录音录像可能存在但未见于案卷",
                ),
            )
        yield Hit(
            Certainty.POSSIBLE,
            Words("no recording in the case file", "案卷中无录音录像"),
            sessions=(t.id,),
            uncertain=why,
        )


CONFESSING = (Outcome.CONFESSED, Outcome.PARTIAL)


def repeated_confession(ctx: Context) -> Iterator[Hit]:
    """One finding per later confession, naming every earlier coerced confession behind it."""
    coerced: list[Timed] = []
    unknown_people = False
    alleged = Words("coercion alleged, not established", "刑讯逼供为当事人所述，尚未查实")
    for later in _client(ctx):
        ls = later.session
        if ls.coercion_alleged:
            if ls.outcome in CONFESSING:
                coerced.append(later)
                unknown_people = unknown_people or ls.interrogators is None
            continue
        if not coerced or ls.outcome not in CONFESSING or ctx.kind(ls.place) == PlaceKind.COURT:
            continue  # at court, item (2): questioning by judges or prosecutors is excepted
        if ls.interrogators is None or unknown_people:
            what = Words("who questioned in these sessions", "这些讯问的讯问人员")
            ids = (*(c.id for c in coerced), later.id)
            yield Hit(Certainty.NOT_CHECKABLE, what, sessions=ids, missing=(what,))
            continue
        mine = set(ls.interrogators)
        same = [c for c in coerced if mine & set(c.session.interrogators or ())]
        if same:
            shared = sorted(mine & {p for c in same for p in c.session.interrogators or ()})
            computed = Words(
                f"same investigators: {', '.join(shared)}", f"同一侦查人员：{'、'.join(shared)}"
            )
            behind = same
        elif ls.rights_notice != Answer.YES:
            computed = Words(
                "investigators changed, but no rights notice recorded",
                "更换了侦查人员，但未记录告知权利",
            )
            behind = coerced
        else:
            continue
        ids = (*(c.id for c in behind), later.id)
        yield Hit(Certainty.POSSIBLE, computed, sessions=ids, uncertain=(alleged,))


def confession_in_overlong_summons(ctx: Context) -> Iterator[Hit]:
    for event in summonses(ctx):
        arrival, release = ctx.when(event), ctx.released(event)
        if arrival is None or release is None or arrival.lo is None:
            continue
        limit = (24 if detention_followed(ctx, arrival, release) else 12) * H
        for t in _client(ctx):
            if t.end is None or t.start is None or t.session.outcome not in CONFESSING:
                continue
            surely, late = span(arrival, t.end)
            maybe_in = release.hi is None or t.start.lo is None or t.start.lo <= release.hi
            if late is None or late <= limit or not maybe_in:
                continue
            computed = joined([arrival.words, t.end.words, span_words(arrival, t.end)])
            uncertain = fuzzy_of(arrival, t.end) if surely is None or surely <= limit else ()
            why = Words(
                "whether this was unlawful restriction of liberty is for the court",
                "是否构成非法限制人身自由，由法庭认定",
            )
            yield Hit(
                Certainty.POSSIBLE,
                computed,
                sessions=(t.id,),
                events=(event.id,),
                uncertain=(*uncertain, why),
            )


def food_and_rest(ctx: Context) -> Iterator[Hit]:
    threshold = int(ctx.params.food_rest_hours * H)
    for t in ctx.sessions:
        if t.start is None or t.end is None:
            continue
        shortest, longest = span(t.start, t.end)
        if longest is None or longest <= threshold:
            continue
        length = span_words(t.start, t.end)
        pauses = t.session.pauses
        if pauses is None:
            what = Words("rest breaks and meals", "休息和饮食记录")
            yield Hit(
                Certainty.NOT_CHECKABLE,
                joined([Words("session", "讯问"), length], " ", ""),
                sessions=(t.id,),
                missing=(what,),
            )
            continue
        lacking = [
            w
            for kind, w in (
                (PauseKind.MEAL, Words("no meal", "无饮食")),
                (PauseKind.REST, Words("no rest", "无休息")),
            )
            if not any(p.kind == kind for p in pauses)
        ]
        if not lacking:
            continue
        computed = joined(
            [
                joined([Words("session", "讯问"), length], " ", ""),
                joined(lacking, ", ", "、"),
                Words("recorded", "记录"),
            ],
            " ",
            "",
        )
        sure = shortest is not None and shortest > threshold
        setting = Words(
            f"the law names no hours; {threshold // H} h is your setting",
            f"法律未规定小时数；{threshold // H}小时为本案设置",
        )
        uncertain = () if sure else fuzzy_of(t.start, t.end)
        yield Hit(Certainty.POSSIBLE, computed, sessions=(t.id,), uncertain=(*uncertain, setting))


RULES = (
    Rule(
        "CPL118-TWO-INVESTIGATORS",
        Words("Fewer than two investigators", "侦查人员少于二人"),
        Words(
            "At least two investigators must conduct every interrogation.",
            "讯问的时候，侦查人员不得少于二人。",
        ),
        (
            Cite("CPL-2018", 118, "para. 1"),
            Cite("PPR-2020", 202, "para. 1"),
            Cite("SPC-2021", 93, "item (1)"),
        ),
        Severity.HIGH,
        two_investigators,
    ),
    Rule(
        "CPL118-DETENTION-HOUSE",
        Words(
            "Questioned outside the detention house after committal", "送看守所羁押后在看守所外讯问"
        ),
        Words(
            "Once the client is held in the detention house, investigators must question them "
            "inside it (in its interrogation room). Questioning taken out to a police station is "
            "where coercion is alleged most often.",
            "犯罪嫌疑人被送交看守所羁押以后，讯问应当在看守所（讯问室）内进行。提出看守所讯问，是"
            "刑讯逼供指控最集中之处。",
        ),
        (Cite("CPL-2018", 118, "para. 2"), Cite("PPR-2020", 198, "para. 2")),
        Severity.HIGH,
        in_detention_house,
    ),
    Rule(
        "PPR198-QUESTIONING-ROOM",
        Words("Questioned outside an interrogation room", "未在执法办案场所讯问室讯问"),
        Words(
            "Police questioning belongs in the interrogation room of a case-handling site, save at "
            "the scene in an emergency or at home or hospital for a gravely ill, disabled or "
            "pregnant client.",
            "讯问应当在公安机关执法办案场所的讯问室进行，紧急情况下现场讯问、对严重伤病、残疾、行动不便"
            "或怀孕者在住处或医疗机构讯问的除外。",
        ),
        (Cite("PPR-2020", 198, "para. 1"),),
        Severity.LOW,
        questioning_room,
    ),
    Rule(
        "CPL122-SIGNED",
        Words("Transcript not signed by the client", "笔录未经犯罪嫌疑人签名确认"),
        Words(
            "The client must check the transcript and sign it; a statement whose transcript the "
            "defendant did not check and confirm may not ground a verdict.",
            "讯问笔录应当交犯罪嫌疑人核对并签名；讯问笔录没有经被告人核对确认的，供述不得作为定案的根据。",
        ),
        (Cite("CPL-2018", 122), Cite("SPC-2021", 94, "item (1)"), Cite("PPR-2020", 206, "para. 1")),
        Severity.HIGH,
        client_signed,
    ),
    Rule(
        "CPL122-CORRECTIONS",
        Words("Client's corrections not made", "犯罪嫌疑人的补充、改正未予记载"),
        Words(
            "The client may add to or correct an incomplete or wrong transcript, and must be allowed to.",
            "记载有遗漏或者差错的，犯罪嫌疑人可以提出补充或者改正，应当允许。",
        ),
        (Cite("CPL-2018", 122), Cite("PPR-2020", 206, "para. 1")),
        Severity.MEDIUM,
        corrections,
    ),
    Rule(
        "SPC95-INVESTIGATORS-SIGNED",
        Words("Transcript not signed by the investigators", "讯问人没有签名"),
        Words(
            "The investigators must sign the transcript too; an unsigned one is a defect that must "
            "be cured or explained.",
            "侦查人员也应当在笔录上签名；讯问人没有签名属于须补正或合理解释的瑕疵。",
        ),
        (Cite("SPC-2021", 95, "item (2)"), Cite("CPL-2018", 122), Cite("PPR-2020", 206, "para. 2")),
        Severity.MEDIUM,
        investigators_signed,
    ),
    Rule(
        "SPC93-TRANSCRIPT-TIMES",
        Words("Transcript without start or end time", "笔录未注明讯问起止时间"),
        Words(
            "The court examines whether the transcript states when questioning began and ended; a "
            "wrong or contradictory time is a defect.",
            "法院审查讯问笔录是否注明讯问的具体起止时间；讯问时间有误或者存在矛盾的，属于瑕疵。",
        ),
        (Cite("SPC-2021", 93, "item (2)"), Cite("SPC-2021", 95, "item (1)")),
        Severity.MEDIUM,
        transcript_times,
    ),
    Rule(
        "CPL120-RIGHTS-NOTICE",
        Words("No rights notice", "未告知诉讼权利"),
        Words(
            "At questioning the investigators must tell the client their procedural rights and the "
            "rules on leniency for confessing and pleading guilty.",
            "讯问时应当告知犯罪嫌疑人享有的诉讼权利，如实供述可以从宽处理和认罪认罚的法律规定。",
        ),
        (Cite("CPL-2018", 120, "para. 2"), Cite("PPR-2020", 203, "para. 1")),
        Severity.MEDIUM,
        rights_each,
    ),
    Rule(
        "SPC95-FIRST-RIGHTS",
        Words("First transcript without the rights notice", "首次讯问笔录未记录告知权利"),
        Words(
            "A first transcript that does not record the rights notice is a defect that must be "
            "cured or explained, else the statement may not ground a verdict.",
            "首次讯问笔录没有记录告知有关权利和法律规定的，不能补正或者合理解释的，不得作为定案的根据。",
        ),
        (Cite("SPC-2021", 95, "item (3)"), Cite("SPC-2021", 93, "item (2)")),
        Severity.MEDIUM,
        rights_first,
    ),
    Rule(
        "CPL123-SERIOUS-NOT-RECORDED",
        Words(
            "Serious charge, session not fully recorded",
            "可能判处无期徒刑、死刑的案件未全程录音录像",
        ),
        Words(
            "Where life imprisonment or death is possible (or in another grave case) every "
            "interrogation must be recorded on audio or video, whole and intact. Which charges count "
            "is your list for the case.",
            "对于可能判处无期徒刑、死刑的案件或者其他重大犯罪案件，应当对讯问过程全程录音或录像，保持完整"
            "性。哪些罪名属此类，以本案的重罪清单为准。",
        ),
        (Cite("CPL-2018", 123), Cite("PPR-2020", 208, "paras. 1-2")),
        Severity.HIGH,
        serious_recording,
    ),
    Rule(
        "PPR208-PARTIAL-RECORDING",
        Words("Recording not of the whole session", "录音录像未全程进行"),
        Words(
            "When questioning is recorded, each session must be recorded whole and without a break; "
            "selective recording, cutting or editing is forbidden. Shown: recordings marked partial, "
            "and recordings marked full whose own clock starts after the session or ends before it.",
            "对讯问过程录音录像的，应当对每一次讯问全程不间断进行，不得选择性地录制，不得剪接、删改。",
        ),
        (Cite("PPR-2020", 208, "para. 3"), Cite("CPL-2018", 123, "para. 2")),
        Severity.HIGH,
        partial_recording,
    ),
    Rule(
        "SPC74-RECORDING-NOT-IN-FILE",
        Words("Required recording not in the file", "依法应当录音录像而未随案移送"),
        Words(
            "If a recording the law requires is not handed over and that leaves illegal methods "
            "impossible to rule out, the statement is excluded.",
            "依法应当录音录像的案件，录音录像未随案移送，导致不能排除以非法方法收集证据情形的，有关证据应当排除。",
        ),
        (Cite("SPC-2021", 74),),
        Severity.MEDIUM,
        recording_not_in_file,
    ),
    Rule(
        "SPC124-REPEATED-CONFESSION",
        Words("Repeated confession after a coerced session", "刑讯逼供后的重复性供述"),
        Words(
            "A later confession repeating one obtained by coercion is excluded with it, unless the "
            "investigators were changed and the new ones gave the rights notice, or prosecutors or "
            "judges took it. Shown: later confessions to the same investigators, or to new ones "
            "without a recorded rights notice.",
            "采用刑讯逼供方法使被告人作出供述后，受其影响而作出的相同的重复性供述应当一并排除，但更换侦查"
            "人员并告知权利后自愿供述，或检察、审判人员讯问时自愿供述的除外。",
        ),
        (Cite("SPC-2021", 124), Cite("SPC-2021", 123)),
        Severity.HIGH,
        repeated_confession,
    ),
    Rule(
        "SPC123-CONFESSION-IN-OVERLONG-SUMMONS",
        Words("Confession while held past the summons limit", "传唤超时期间取得的供述"),
        Words(
            "A confession obtained by unlawfully restricting liberty is excluded; questioning that "
            "runs past the 12 h (24 h) summons limit may be such a restriction.",
            "采用非法拘禁等非法限制人身自由的方法收集的供述应当排除；传唤超过十二小时（二十四小时）后继续"
            "讯问，可能属于此种情形。",
        ),
        (Cite("SPC-2021", 123, "item (3)"), Cite("CPL-2018", 119, "para. 2")),
        Severity.HIGH,
        confession_in_overlong_summons,
    ),
    Rule(
        "PPR201-FOOD-REST",
        Words("Long session without recorded meal or rest", "长时间讯问未记录饮食和休息"),
        Words(
            "Food and necessary rest must be ensured during summons and questioning, and recorded. "
            "Shown: sessions longer than your setting with no meal or no rest recorded.",
            "传唤、拘传、讯问犯罪嫌疑人，应当保证饮食和必要的休息时间，并记录在案。本项列出超过设定时长且"
            "未记录饮食或休息的讯问。",
        ),
        (Cite("PPR-2020", 201), Cite("CPL-2018", 119, "para. 3")),
        Severity.MEDIUM,
        food_and_rest,
    ),
)
