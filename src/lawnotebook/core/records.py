"""The case file's records: what a lawyer keeps about a case.

Every record carries the same bookkeeping (:class:`Record`): a UUID, the case it belongs to, the
author (the vault owner's identity id), creation and update times, and the hybrid-logical-clock
stamp of its last change (``core/clock.py``) for merging bundles. The lawyer's fields follow.
``to_body``/``from_body`` turn the lawyer's fields into plain JSON-able dicts and back; the
bookkeeping is stored beside the body, not in it.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.ids import new_id

META_FIELDS = ("id", "case_id", "author", "created_at", "updated_at", "hlc")


class Tristate(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class PersonRole(enum.StrEnum):
    CLIENT = "client"
    FAMILY = "family"
    WITNESS = "witness"
    POLICE = "police"
    INTERROGATOR = "interrogator"
    PROSECUTOR = "prosecutor"
    JUDGE = "judge"
    EXPERT = "expert"
    LAWYER = "lawyer"
    OTHER = "other"


class DeadlineKind(enum.StrEnum):
    HEARING = "hearing"
    FILING = "filing"
    DETENTION_LIMIT = "detention_limit"
    OTHER = "other"


class PlaceKind(enum.StrEnum):
    """What kind of place a client was held or questioned in (the rules turn on it)."""

    DETENTION_HOUSE = "detention_house"  # 看守所
    POLICE_STATION = "police_station"  # 公安机关 / 办案场所 (a case-handling area)
    DESIGNATED_RESIDENCE = "designated_residence"  # 指定居所 (监视居住)
    SUPERVISION_SITE = "supervision_site"  # 留置场所
    HOSPITAL = "hospital"
    COURT = "court"
    OTHER = "other"
    UNKNOWN = "unknown"  # also every place migrated from the old free text


class CustodyEventKind(enum.StrEnum):
    """What happened to the client's liberty. Kinds in :data:`PERIOD_KINDS` last from
    ``time`` to ``end`` (arrival and release, start and end); the others are moments."""

    SUMMONS = "summons"  # 传唤: arrival (time) and release (end)
    COMPELLED_APPEARANCE = "compelled_appearance"  # 拘传: arrival and release
    DETENTION = "detention"  # 刑事拘留
    ARREST = "arrest"  # 逮捕
    COMMITTAL = "committal"  # 送看守所羁押
    DESIGNATED_RESIDENCE = "designated_residence"  # 指定居所监视居住: start and end
    SUPERVISION_DETENTION = "supervision_detention"  # 留置: start and end
    TRANSFER = "transfer"  # moved to another place (the event's place)
    HOSPITAL = "hospital"  # taken to hospital: start and end
    RELEASE = "release"  # 释放 / 取保候审 ...
    FAMILY_NOTIFIED = "family_notified"  # 通知家属
    MEETING_REQUESTED = "meeting_requested"  # the lawyer asked to meet the client
    LAWYER_MEETING = "lawyer_meeting"  # the meeting took place
    OTHER = "other"


PERIOD_KINDS = frozenset(
    {
        CustodyEventKind.SUMMONS,
        CustodyEventKind.COMPELLED_APPEARANCE,
        CustodyEventKind.DESIGNATED_RESIDENCE,
        CustodyEventKind.SUPERVISION_DETENTION,
        CustodyEventKind.HOSPITAL,
    }
)


class Recording(enum.StrEnum):
    """How much of a session the audio-video recording covers (CPL art. 123)."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"
    UNKNOWN = "unknown"


class Outcome(enum.StrEnum):
    """What the client said in a session."""

    CONFESSED = "confessed"
    DENIED = "denied"
    RETRACTED = "retracted"  # took back an earlier confession
    PARTIAL = "partial"  # admitted part
    UNKNOWN = "unknown"


class ReviewState(enum.StrEnum):
    """The lawyer's mark on a legality finding."""

    REVIEWED = "reviewed"  # read and kept (for the motion)
    DISMISSED = "dismissed"  # not pursued, for the reason given (still shown in a filter)
    OPEN = "open"  # a mark withdrawn: the finding is asked about again


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


@dataclass(kw_only=True)
class Record:
    """Bookkeeping shared by every record."""

    KIND: ClassVar[str] = ""

    id: str = field(default_factory=new_id)
    case_id: str = ""
    author: str = ""
    created_at: str = ""
    updated_at: str = ""
    hlc: str = ""

    def title_text(self) -> str:
        """A one-line label (lists, search titles)."""
        return ""

    def search_text(self) -> str:
        """The words search should find this record by, besides its title."""
        return ""


@dataclass(kw_only=True)
class Case(Record):
    KIND: ClassVar[str] = "case"

    title: str
    client: str = ""
    case_number: str = ""
    court: str = ""
    charges: list[str] = field(default_factory=list)
    stage: str = ""
    status: CaseStatus = CaseStatus.OPEN
    tags: list[str] = field(default_factory=list)
    archived: bool = False

    def title_text(self) -> str:
        return self.title

    def search_text(self) -> str:
        return " ".join(
            [self.client, self.case_number, self.court, *self.charges, self.stage, *self.tags]
        )


@dataclass(kw_only=True)
class Person(Record):
    KIND: ClassVar[str] = "person"

    name: str
    role: PersonRole = PersonRole.OTHER
    aliases: list[str] = field(default_factory=list)
    contact_notes: str = ""

    def title_text(self) -> str:
        return self.name

    def search_text(self) -> str:
        return " ".join([*self.aliases, self.role.value, self.contact_notes])


@dataclass(kw_only=True)
class Note(Record):
    KIND: ClassVar[str] = "note"

    title: str = ""
    text: str = ""  # Markdown
    # Texts a colleague wrote in parallel, kept for the lawyer to resolve: {text, author, hlc}.
    conflicts: list[dict[str, str]] = field(default_factory=list)

    def title_text(self) -> str:
        return self.title or self.text.strip().split("\n", 1)[0][:80]

    def search_text(self) -> str:
        return self.text


@dataclass(kw_only=True)
class ChronologyEvent(Record):
    KIND: ClassVar[str] = "event"

    date: FuzzyDate
    title: str
    description: str = ""
    person_ids: list[str] = field(default_factory=list)
    evidence_ids: list[str] = field(default_factory=list)

    def title_text(self) -> str:
        return self.title

    def search_text(self) -> str:
        return self.description


@dataclass(kw_only=True)
class Place(Record):
    """A place of a case where the client was held, questioned or treated."""

    KIND: ClassVar[str] = "place"

    name: str
    place_kind: PlaceKind = PlaceKind.UNKNOWN
    address: str = ""
    notes: str = ""

    def title_text(self) -> str:
        return self.name

    def search_text(self) -> str:
        return " ".join([self.address, self.notes])


@dataclass(kw_only=True)
class CustodyEvent(Record):
    """One step of the client's deprivation of liberty, at a (fuzzy) time and a place."""

    KIND: ClassVar[str] = "custody_event"

    event_kind: CustodyEventKind
    time: FuzzyDate
    end: FuzzyDate | None = None  # release / end, for the kinds in PERIOD_KINDS
    place_id: str = ""  # a Place of the case, or "" when not known
    person_ids: list[str] = field(default_factory=list)  # who acted, who was notified
    evidence_ids: list[str] = field(default_factory=list)  # the warrant, the notice ...
    notes: str = ""

    def title_text(self) -> str:
        return f"{self.time} {self.event_kind.value}"

    def search_text(self) -> str:
        return self.notes


@dataclass(kw_only=True)
class Interrogation(Record):
    """One interrogation or interview session, as the client recounts it and as the papers
    show it. ``place`` is the free text sessions had before Places (kept: older versions show
    only it); ``place_id`` is the Place. ``recording`` supersedes the yes/no
    ``recorded_on_video``, kept for older versions (see docs/vault-format.md)."""

    KIND: ClassVar[str] = "interrogation"

    start: FuzzyDate
    end: FuzzyDate | None = None
    place: str = ""
    interrogator_ids: list[str] = field(default_factory=list)
    recorded_on_video: Tristate = Tristate.UNKNOWN
    rights_read: Tristate = Tristate.UNKNOWN
    client_account: str = ""
    evidence_ids: list[str] = field(default_factory=list)
    # Schema 9 (issue 17): the custody model's fields.
    place_id: str = ""
    recording: Recording = Recording.UNKNOWN
    recording_evidence_id: str = ""
    recording_start: FuzzyDate | None = None  # as the recording's own clock shows
    recording_end: FuzzyDate | None = None
    transcript_evidence_id: str = ""
    transcript_pages: str = ""  # "3-7", "卷2 第15-18页"
    transcript_start: FuzzyDate | None = None  # as written on the transcript
    transcript_end: FuzzyDate | None = None
    transcript_signed: Tristate = Tristate.UNKNOWN  # signed by the client
    transcript_corrections: str = ""
    rest_breaks: list[dict[str, str]] = field(default_factory=list)  # {"start", "end"}
    meals: list[FuzzyDate] = field(default_factory=list)
    interpreter_needed: Tristate = Tristate.UNKNOWN
    interpreter_present: Tristate = Tristate.UNKNOWN
    guardian_needed: Tristate = Tristate.UNKNOWN
    guardian_present: Tristate = Tristate.UNKNOWN
    outcome: Outcome = Outcome.UNKNOWN
    injuries_seen: str = ""
    health_check_evidence_id: str = ""

    def title_text(self) -> str:
        return f"{self.start} {self.place}".strip()

    def search_text(self) -> str:
        return " ".join(
            t
            for t in (
                self.client_account,
                self.injuries_seen,
                self.transcript_corrections,
                self.transcript_pages,
            )
            if t
        )

    def rests(self) -> list[tuple[FuzzyDate, FuzzyDate | None]]:
        """The rest breaks as dates (:func:`rest_break` made each entry)."""
        return [parse_rest_break(b) for b in self.rest_breaks]

    def duration_minutes(self) -> int | None:
        """Minutes between start and end when both are exact to the minute."""
        if self.end is None or self.start.first.hour is None or self.end.first.hour is None:
            return None
        from datetime import datetime

        a = datetime.fromisoformat(self.start.first.start())
        b = datetime.fromisoformat(self.end.first.start())
        return int((b - a).total_seconds() // 60)


@dataclass(kw_only=True)
class Deadline(Record):
    KIND: ClassVar[str] = "deadline"

    due: FuzzyDate
    title: str
    kind: DeadlineKind = DeadlineKind.OTHER
    done: bool = False
    notes: str = ""

    def title_text(self) -> str:
        return self.title

    def search_text(self) -> str:
        return self.notes


@dataclass(kw_only=True)
class Evidence(Record):
    """An evidence item's description; the bytes live in the blob store under ``sha256``."""

    KIND: ClassVar[str] = "evidence"

    file_name: str
    sha256: str
    size: int
    media_type: str = "application/octet-stream"
    source: str = ""
    description: str = ""
    added_by: str = ""
    added_at: str = ""
    person_ids: list[str] = field(default_factory=list)  # people the file concerns

    def title_text(self) -> str:
        return self.file_name

    def search_text(self) -> str:
        return " ".join([self.description, self.source])


@dataclass(kw_only=True)
class FindingReview(Record):
    """The lawyer's mark on one legality finding of the case (schema 11, issue 17).

    ``finding_key`` is the finding's stable key (its rule and its sessions and events), so one
    record per finding: its id is derived from the case and the key
    (``services/legality_check.review_id``), and two colleagues marking the same finding edit
    the same record, merged field by field. ``fingerprint`` is the finding's fingerprint when it
    was marked: when the finding's numbers change, the mark no longer fits and the finding is
    asked about again. ``ruleset`` is the rule set's version then."""

    KIND: ClassVar[str] = "finding_review"

    finding_key: str
    fingerprint: str = ""
    state: ReviewState = ReviewState.REVIEWED
    reason: str = ""
    ruleset: str = ""

    @property
    def rule(self) -> str:
        return self.finding_key.split("|", 1)[0]

    def title_text(self) -> str:
        return self.rule

    def search_text(self) -> str:
        return self.reason


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Case,
        Person,
        Note,
        ChronologyEvent,
        Interrogation,
        Deadline,
        Evidence,
        Place,
        CustodyEvent,
        FindingReview,
    )
}


def rest_break(start: FuzzyDate, end: FuzzyDate | None = None) -> dict[str, str]:
    """One entry of :attr:`Interrogation.rest_breaks`."""
    return {"start": str(start), "end": str(end) if end is not None else ""}


def parse_rest_break(entry: dict[str, str]) -> tuple[FuzzyDate, FuzzyDate | None]:
    """A rest-break entry's dates; :class:`InvalidDate` (or ``ValueError`` for a wrong shape)
    for anything :func:`rest_break` would not have written."""
    if set(entry) != {"start", "end"} or not all(isinstance(v, str) for v in entry.values()):
        raise ValueError("a rest break is {start, end}")
    end = entry["end"]
    return FuzzyDate.parse(entry["start"]), FuzzyDate.parse(end) if end else None


def _encode(value: Any) -> Any:
    if isinstance(value, FuzzyDate):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_decode(item, v) for v in value]
    if hint is FuzzyDate:
        return FuzzyDate.parse(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    return value


def to_body(record: Record) -> dict[str, Any]:
    """The lawyer's fields as a JSON-able dict (bookkeeping excluded)."""
    return {
        f.name: _encode(getattr(record, f.name))
        for f in dataclasses.fields(record)
        if f.name not in META_FIELDS
    }


def from_body(kind: str, body: dict[str, Any], **meta: str) -> Record:
    """Rebuild a record from its kind, body and bookkeeping; unknown body keys are ignored
    (a newer version's extra fields), missing ones take their defaults."""
    cls = RECORD_TYPES[kind]
    values = {name: _decode(hint, body[name]) for name, hint in _body_fields(kind) if name in body}
    return cls(**values, **meta)


@functools.cache
def _body_fields(kind: str) -> tuple[tuple[str, Any], ...]:
    # Resolving type hints costs ~0.5 ms; a list of 1,000 records must not pay it 1,000 times.
    # Keyed by kind, not class: mypy takes a record class for unhashable, as its instances are.
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in META_FIELDS
    )
