"""Legality checks on a case's records: the vault's custody model turned into the rule engine's
facts (:mod:`lawnotebook.legality`), and the findings it returns.

The engine reads its own frozen facts; this module is the one place that knows how the records
map onto them. Each mapping, and what the records cannot say:

``Case``
  ``charges`` → ``CaseFacts.charges``. A charge is serious when a word of the lawyer's list (the
  caller's, else :data:`DEFAULT_SERIOUS_CHARGES`: the engine's Chinese list plus English words of
  ours) occurs in it, ignoring case; the engine's ``serious_charges`` are the charges that do.
  ``security_or_terrorism`` is derived from the charges: no charges → *unknown*; a charge naming
  state security or terrorism (:data:`SECURITY_WORDS`) → *yes*; otherwise *no*.
``Place``
  ``id``, ``name``, ``place_kind`` → ``Place(id, name, kind)`` (same kinds, same values).
  ``address``, ``notes``: not read by the rules.
``CustodyEvent`` (record kind → engine kind)
  summons, compelled appearance → the same, ``time`` = arrival, ``end`` = release;
  detention, arrest, committal, transfer, release, family notified → the same (moments);
  hospital → ``hospital`` at ``time`` (the engine has no return from hospital: ``end`` unread);
  meeting requested → ``lawyer_requested``; lawyer's meeting → ``lawyer_met``;
  designated residence → ``rs_start`` at ``time`` and, when ``end`` is set, ``rs_end`` at ``end``;
  supervision detention → ``supervision_start`` / ``supervision_end`` the same way;
  other → left out (no rule reads it).
  The ``*_end`` fact's id is the record id + :data:`END_SUFFIX` (the engine wants unique ids);
  :func:`record_id` maps it back. ``place_id`` → ``place`` (``""`` → unknown); ``person_ids``,
  ``evidence_ids``, ``notes``: not read by the rules.
``Interrogation`` → ``Session`` (``subject`` is always the client: a session record is one of the
  client's)
  ``start``, ``end`` → the same; ``place_id`` → ``place`` (a free-text place alone is a place of
  unknown kind); ``interrogator_ids`` → ``interrogators`` (none entered → ``None``, unknown),
  each the Person's name (name and short id when two people of the case share a name), so the
  engine's texts name them;
  ``recording`` → the same, and when it is *unknown* the older ``recorded_on_video``: *no* →
  ``none``, *yes* → still ``unknown`` (it does not say whether all of it was recorded);
  ``recording_evidence_id``, ``recording_start``/``end`` → ``recording_evidence``,
  ``recording_start``/``end``; the transcript fields → ``Transcript`` (``None`` when none of
  ``transcript_evidence_id``, ``transcript_pages``, the written times, ``transcript_signed`` or
  ``transcript_corrections`` is entered): written start/end, ``signed`` = ``transcript_signed``,
  ``investigators_signed`` *unknown* (the record does not hold it), ``corrections`` *unknown*
  (the record holds free text, which says what, not whether refused); ``rest_breaks`` → rest
  pauses, ``meals`` → meal pauses at their time (both lists empty → ``None``: not entered — the
  record cannot say "none"); ``rights_read`` → ``rights_notice``; ``outcome`` → the same;
  ``injuries_seen`` (any text) → ``coercion_alleged``. ``client_account``, ``evidence_ids``,
  ``transcript_evidence_id`` and ``transcript_pages`` (beyond marking a transcript present),
  ``interpreter_*``, ``guardian_*``, ``health_check_evidence_id``: not read by rule set 2026.1.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from lawnotebook import legality as lg
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import (
    Case,
    CustodyEvent,
    CustodyEventKind,
    FindingReview,
    Interrogation,
    Person,
    Place,
    ReviewState,
    Tristate,
)
from lawnotebook.legality import (
    BY_ID,
    LAWS,
    RULES,
    RULESET_VERSION,
    Article,
    CaseFacts,
    Certainty,
    Cite,
    Finding,
    Params,
    Rule,
    Severity,
    Words,
    article,
)
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.check_settings import (
    DEFAULT_SERIOUS_CHARGES,
    check_settings,
)

END_SUFFIX = "#end"


# Charges that make a case one of endangering state security or terrorism (CPL arts. 39, 75, 85
# have exceptions for them): the chapter of the Criminal Law and its charges, and terrorism.
SECURITY_WORDS: tuple[str, ...] = (
    "国家安全",
    "分裂国家",
    "颠覆国家政权",
    "背叛国家",
    "叛逃",
    "间谍",
    "资敌",
    "武装叛乱",
    "暴乱",
    "恐怖",
    "极端主义",
    "state security",
    "subversion",
    "separatism",
    "secession",
    "espionage",
    "treason",
    "terroris",
    "extremism",
)

_EVENT_KINDS: dict[CustodyEventKind, lg.EventKind] = {
    CustodyEventKind.SUMMONS: lg.EventKind.SUMMONS,
    CustodyEventKind.COMPELLED_APPEARANCE: lg.EventKind.COMPELLED_APPEARANCE,
    CustodyEventKind.DETENTION: lg.EventKind.DETENTION,
    CustodyEventKind.ARREST: lg.EventKind.ARREST,
    CustodyEventKind.COMMITTAL: lg.EventKind.COMMITTAL,
    CustodyEventKind.DESIGNATED_RESIDENCE: lg.EventKind.RS_START,
    CustodyEventKind.SUPERVISION_DETENTION: lg.EventKind.SUPERVISION_START,
    CustodyEventKind.TRANSFER: lg.EventKind.TRANSFER,
    CustodyEventKind.HOSPITAL: lg.EventKind.HOSPITAL,
    CustodyEventKind.RELEASE: lg.EventKind.RELEASE,
    CustodyEventKind.FAMILY_NOTIFIED: lg.EventKind.FAMILY_NOTIFIED,
    CustodyEventKind.MEETING_REQUESTED: lg.EventKind.LAWYER_REQUESTED,
    CustodyEventKind.LAWYER_MEETING: lg.EventKind.LAWYER_MET,
}
# Periods the engine sees as two moments: the start kind above, this kind at ``end``.
_END_KINDS: dict[CustodyEventKind, lg.EventKind] = {
    CustodyEventKind.DESIGNATED_RESIDENCE: lg.EventKind.RS_END,
    CustodyEventKind.SUPERVISION_DETENTION: lg.EventKind.SUPERVISION_END,
}
# Kinds whose ``end`` the engine reads as the release (time = arrival).
_WITH_RELEASE = frozenset({CustodyEventKind.SUMMONS, CustodyEventKind.COMPELLED_APPEARANCE})


def _answer(value: Tristate) -> lg.Answer:
    return lg.Answer(value.value)


def _matches(text: str, words: Iterable[str]) -> bool:
    low = text.casefold()
    return any(w and w.casefold() in low for w in words)


def security_or_terrorism(charges: Sequence[str]) -> lg.Answer:
    """Whether the charges make the case one of state security or terrorism (see above)."""
    if not any(c.strip() for c in charges):
        return lg.Answer.UNKNOWN
    return lg.Answer.YES if any(_matches(c, SECURITY_WORDS) for c in charges) else lg.Answer.NO


def place_facts(place: Place) -> lg.Place:
    return lg.Place(place.id, place.name, lg.PlaceKind(place.place_kind.value))


def event_facts(event: CustodyEvent) -> list[lg.CustodyEvent]:
    """The engine's events for one record: none (kind other), one, or two (a period's start and
    end)."""
    kind = _EVENT_KINDS.get(event.event_kind)
    if kind is None:
        return []
    place = event.place_id or None
    release = event.end if event.event_kind in _WITH_RELEASE else None
    out = [lg.CustodyEvent(event.id, kind, event.time, place, release)]
    end_kind = _END_KINDS.get(event.event_kind)
    if end_kind is not None and event.end is not None:
        out.append(lg.CustodyEvent(event.id + END_SUFFIX, end_kind, event.end, place))
    return out


def _recording(session: Interrogation) -> lg.Recording:
    if session.recording != session.recording.UNKNOWN:
        return lg.Recording(session.recording.value)
    if session.recorded_on_video == Tristate.NO:
        return lg.Recording.NONE
    return lg.Recording.UNKNOWN


def _transcript(session: Interrogation) -> lg.Transcript | None:
    entered = (
        session.transcript_evidence_id
        or session.transcript_pages.strip()
        or session.transcript_start is not None
        or session.transcript_end is not None
        or session.transcript_signed != Tristate.UNKNOWN
        or session.transcript_corrections.strip()
    )
    if not entered:
        return None
    return lg.Transcript(
        written_start=session.transcript_start,
        written_end=session.transcript_end,
        signed=_answer(session.transcript_signed),
        investigators_signed=lg.Answer.UNKNOWN,
        corrections=lg.Corrections.UNKNOWN,
    )


def _pauses(session: Interrogation) -> tuple[lg.Pause, ...] | None:
    rests = [lg.Pause(lg.PauseKind.REST, start, end) for start, end in session.rests()]
    meals = [lg.Pause(lg.PauseKind.MEAL, when) for when in session.meals]
    return (*rests, *meals) if rests or meals else None


def session_facts(session: Interrogation, names: Mapping[str, str] | None = None) -> lg.Session:
    """``names``: person id → label for the interrogators (default: their ids)."""
    label = names or {}
    return lg.Session(
        id=session.id,
        start=session.start,
        end=session.end,
        place=session.place_id or None,
        interrogators=tuple(label.get(i, i) for i in session.interrogator_ids) or None,
        recording=_recording(session),
        recording_evidence=session.recording_evidence_id or None,
        recording_start=session.recording_start,
        recording_end=session.recording_end,
        transcript=_transcript(session),
        pauses=_pauses(session),
        rights_notice=_answer(session.rights_read),
        outcome=lg.Outcome(session.outcome.value),
        coercion_alleged=bool(session.injuries_seen.strip()),
    )


def case_facts(
    case: Case,
    places: Iterable[Place],
    events: Iterable[CustodyEvent],
    sessions: Iterable[Interrogation],
    serious_charges: Sequence[str] | None = None,
    people: Iterable[Person] = (),
) -> CaseFacts:
    """The engine's facts for ``case`` from its records (a pure function: see the module doc).

    ``serious_charges`` is matched here, ignoring case ("Murder" is serious by "murder"): the
    engine gets the charges that matched as its list. ``people`` name the interrogators: the
    engine's texts (the same investigators: ...) show a person's name, with the short id when
    two people of the case share it."""
    charges = tuple(c for c in case.charges if c.strip())
    wanted = DEFAULT_SERIOUS_CHARGES if serious_charges is None else serious_charges
    names = _person_names(people)
    return CaseFacts(
        charges=charges,
        serious_charges=tuple(c for c in charges if _matches(c, wanted)),
        places=tuple(place_facts(p) for p in places),
        events=tuple(f for e in events for f in event_facts(e)),
        sessions=tuple(session_facts(s, names) for s in sessions),
        security_or_terrorism=security_or_terrorism(case.charges),
    )


def _person_names(people: Iterable[Person]) -> dict[str, str]:
    """Person id → the label the engine sees: the name, unique within the case."""
    found = list(people)
    count: dict[str, int] = {}
    for p in found:
        count[p.name] = count.get(p.name, 0) + 1
    return {
        p.id: p.name if p.name.strip() and count[p.name] == 1 else f"{p.name} ({p.id[:8]})"
        for p in found
    }


def facts_for(
    files: CaseFile, case: Case, serious_charges: Sequence[str] | None = None
) -> CaseFacts:
    """The engine's facts for the case's current records."""
    return case_facts(
        case,
        files.list(Place, case),
        files.list(CustodyEvent, case),
        files.list(Interrogation, case),
        serious_charges,
        files.list(Person, case),
    )


def findings_for(
    files: CaseFile,
    case: Case,
    params: Params | None = None,
    *,
    serious_charges: Sequence[str] | None = None,
) -> list[Finding]:
    """Every finding of the current rule set on the case's records, in the engine's order.
    ``params`` and ``serious_charges`` default to the lawyer's settings (check_settings.py)."""
    if params is None or serious_charges is None:
        settings = check_settings(files.conn)
        params = settings.params() if params is None else params
        serious_charges = settings.serious_charges if serious_charges is None else serious_charges
    return lg.evaluate(facts_for(files, case, serious_charges), params)


def record_id(fact_id: str) -> str:
    """The record behind an engine id (a period's end fact is its record's)."""
    return fact_id.removesuffix(END_SUFFIX)


def record_ids(finding: Finding) -> tuple[list[str], list[str]]:
    """The session and custody-event record ids a finding concerns (each once, in order)."""
    events = list(dict.fromkeys(record_id(e) for e in finding.events))
    return list(finding.sessions), events


def rule(finding: Finding) -> Rule:
    """The rule behind a finding."""
    return BY_ID[finding.rule]


def articles(finding: Finding) -> list[tuple[Cite, Article]]:
    """The articles a finding's rule cites, with their verbatim texts."""
    return [(cite, article(cite.law, cite.number)) for cite in rule(finding).articles]


def cite_text(cite: Cite, language: str = "en") -> str:
    """``Criminal Procedure Law of the PRC, art. 118 para. 1`` /
    ``《中华人民共和国刑事诉讼法》第118条第1款``."""
    law = LAWS[cite.law]
    if language.lower().startswith("zh"):
        inner = law.title_zh.replace("《", "〈").replace("》", "〉")  # a title inside a title
        return f"《{inner}》第{cite.number}条{_part_zh(cite.part)}"
    return f"{law.title_en}, art. {cite.number} {cite.part}".strip()


def _part_zh(part: str) -> str:
    """``para. 2`` → ``第2款``, ``item (3)`` → ``第3项``, ``paras. 1-2`` → ``第1-2款``."""
    out = []
    for piece in (p.strip() for p in part.split(",") if p.strip()):
        match = re.fullmatch(r"paras?\. ([\d-]+)", piece)
        item = re.fullmatch(r"items? \(([\d-]+)\)", piece)
        if match:
            out.append(f"第{match.group(1)}款")
        elif item:
            out.append(f"第{item.group(1)}项")
        else:
            out.append(piece)
    return "".join(out)


# --- review marks ----------------------------------------------------------------------------

# UUID5 namespace of review marks (uuid5(NAMESPACE_URL, "lawnotebook:finding-review")).
_REVIEW_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "lawnotebook:finding-review")
MAX_REASON = 4000


def review_id(case: Case, key: str) -> str:
    """The id of the review mark of the finding ``key``: the same in every vault, so two
    colleagues marking one finding edit one record (merged field by field, not kept twice)."""
    return str(uuid.uuid5(_REVIEW_NAMESPACE, f"{case.id}\n{key}"))


def finding_ref(finding: Finding | str) -> str:
    """A short handle for a finding (8 hex digits of its key's SHA-256), for typing."""
    key = finding if isinstance(finding, str) else finding.key
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class CheckedFinding:
    """A finding with the lawyer's mark, if any. ``changed``: the mark was made when the
    finding computed something else (its fingerprint differs), so it is asked about again."""

    finding: Finding
    review: FindingReview | None = None

    @property
    def changed(self) -> bool:
        return self.review is not None and self.review.fingerprint != self.finding.fingerprint

    @property
    def state(self) -> ReviewState:
        """The mark that holds: none, withdrawn or no longer fitting → ``OPEN``."""
        if self.review is None or self.changed:
            return ReviewState.OPEN
        return self.review.state

    @property
    def dismissed(self) -> bool:
        return self.state is ReviewState.DISMISSED

    @property
    def key(self) -> str:
        return self.finding.key

    @property
    def ref(self) -> str:
        return finding_ref(self.finding)


SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
CERTAINTY_ORDER = {Certainty.VIOLATED: 0, Certainty.POSSIBLE: 1, Certainty.NOT_CHECKABLE: 2}


def by_severity(found: Iterable[CheckedFinding]) -> list[CheckedFinding]:
    """Most severe first, then violated before possible before not checkable; else the
    engine's order (stable)."""
    return sorted(
        found,
        key=lambda c: (
            SEVERITY_ORDER[c.finding.severity],
            CERTAINTY_ORDER[c.finding.certainty],
        ),
    )


def reviews(files: CaseFile, case: Case) -> dict[str, FindingReview]:
    """The case's review marks by finding key (marks of findings no longer found included)."""
    return {r.finding_key: r for r in files.list(FindingReview, case)}


def checked_findings(
    files: CaseFile,
    case: Case,
    params: Params | None = None,
    *,
    serious_charges: Sequence[str] | None = None,
    include_dismissed: bool = True,
) -> list[CheckedFinding]:
    """The case's findings with their marks, in the engine's order; dismissed ones left out
    when ``include_dismissed`` is false."""
    marks = reviews(files, case)
    out = [
        CheckedFinding(f, marks.get(f.key))
        for f in findings_for(files, case, params, serious_charges=serious_charges)
    ]
    return [c for c in out if include_dismissed or not c.dismissed]


def find_finding(found: Iterable[CheckedFinding], ref: str) -> CheckedFinding:
    """The finding whose key, or whose short ref (or a unique prefix of it), is ``ref``."""
    items = list(found)
    ref = ref.strip()
    exact = [c for c in items if c.key == ref]
    if exact:
        return exact[0]
    hits = [c for c in items if ref and c.ref.startswith(ref.lower())]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise InvalidInput(f"no finding of this case has the key or reference {ref!r}")
    raise InvalidInput(f"{ref!r} names {len(hits)} findings; type more of the reference")


def mark(
    files: CaseFile,
    case: Case,
    finding: Finding,
    state: ReviewState,
    reason: str = "",
) -> FindingReview:
    """Mark ``finding`` reviewed or dismissed (a dismissal needs a reason), or withdraw the
    mark (``OPEN``). One record per finding: a later mark is a new version of it, custody-logged
    and carried in bundles like every record."""
    reason = reason.strip()
    if state is ReviewState.DISMISSED and not reason:
        raise InvalidInput("a dismissed finding needs a reason")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"a reason is at most {MAX_REASON} characters")
    rid = review_id(case, finding.key)
    existing = reviews(files, case).get(finding.key)
    if existing is not None and existing.id == rid:
        return files.update(
            replace(
                existing,
                fingerprint=finding.fingerprint,
                state=state,
                reason=reason,
                ruleset=RULESET_VERSION,
            )
        )
    fresh = FindingReview(
        id=rid,
        case_id=case.id,
        finding_key=finding.key,
        fingerprint=finding.fingerprint,
        state=state,
        reason=reason,
        ruleset=RULESET_VERSION,
    )
    if files.is_deleted(rid):  # a mark deleted (the window withdraws by marking OPEN instead)
        return files.restore(fresh)
    return files.records.add(fresh)


__all__ = [
    "BY_ID",
    "CERTAINTY_ORDER",
    "DEFAULT_SERIOUS_CHARGES",
    "END_SUFFIX",
    "LAWS",
    "MAX_REASON",
    "RULES",
    "RULESET_VERSION",
    "SEVERITY_ORDER",
    "Article",
    "CaseFacts",
    "Certainty",
    "CheckedFinding",
    "Cite",
    "Finding",
    "FindingReview",
    "Params",
    "ReviewState",
    "Rule",
    "Severity",
    "Words",
    "articles",
    "by_severity",
    "case_facts",
    "checked_findings",
    "cite_text",
    "event_facts",
    "facts_for",
    "find_finding",
    "finding_ref",
    "findings_for",
    "mark",
    "place_facts",
    "record_id",
    "record_ids",
    "review_id",
    "reviews",
    "rule",
    "security_or_terrorism",
    "session_facts",
]
