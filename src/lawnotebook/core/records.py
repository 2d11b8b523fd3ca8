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
class Interrogation(Record):
    """One interrogation or interview session, as the client recounts it."""

    KIND: ClassVar[str] = "interrogation"

    start: FuzzyDate
    end: FuzzyDate | None = None
    place: str = ""
    interrogator_ids: list[str] = field(default_factory=list)
    recorded_on_video: Tristate = Tristate.UNKNOWN
    rights_read: Tristate = Tristate.UNKNOWN
    client_account: str = ""
    evidence_ids: list[str] = field(default_factory=list)

    def title_text(self) -> str:
        return f"{self.start} {self.place}".strip()

    def search_text(self) -> str:
        return self.client_account

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


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (Case, Person, Note, ChronologyEvent, Interrogation, Deadline, Evidence)
}


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
