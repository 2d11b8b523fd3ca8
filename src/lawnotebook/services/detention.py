"""The client's custody history: the places of a case and the custody events at them.

(Not the evidence custody log, ``vault/custody.py``: this is the client's own custody — summons,
detention, committal to the detention house — that the interrogation sessions are checked
against.) Places and custody events are ordinary records: stored, revisioned, searched,
custody-logged and carried in bundles like every other kind.
"""

from __future__ import annotations

from collections.abc import Iterable

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import (
    PERIOD_KINDS,
    Case,
    CustodyEvent,
    CustodyEventKind,
    Evidence,
    Person,
    Place,
    PlaceKind,
)
from lawnotebook.services.case_file import CaseFile


def add_place(
    files: CaseFile,
    case: Case,
    name: str,
    kind: PlaceKind = PlaceKind.UNKNOWN,
    *,
    address: str = "",
    notes: str = "",
) -> Place:
    """A new Place of ``case`` (a name is required)."""
    if not name.strip():
        raise InvalidInput("a place needs a name")
    return files.records.add(
        Place(case_id=case.id, name=name.strip(), place_kind=kind, address=address, notes=notes)
    )


def _date(value: str | FuzzyDate | None) -> FuzzyDate | None:
    if value is None or isinstance(value, FuzzyDate):
        return value
    return FuzzyDate.parse(value) if value.strip() else None


def add_custody_event(
    files: CaseFile,
    case: Case,
    kind: CustodyEventKind,
    time: str | FuzzyDate,
    *,
    end: str | FuzzyDate | None = None,
    place: str = "",
    person_ids: Iterable[str] = (),
    evidence_ids: Iterable[str] = (),
    notes: str = "",
) -> CustodyEvent:
    """A new custody event of ``case``; ``place`` is a Place's id or unique prefix (or "").
    Only the kinds that last (summons, designated residence, ...) take an ``end``."""
    begin = _date(time)
    if begin is None:
        raise InvalidInput("a custody event needs a time")
    until = _date(end)
    if until is not None and kind not in PERIOD_KINDS:
        raise InvalidInput(f"a custody event of kind {kind.value} is a moment; it has no end")
    event = CustodyEvent(
        case_id=case.id,
        event_kind=kind,
        time=begin,
        end=until,
        place_id=place,
        person_ids=list(person_ids),
        evidence_ids=list(evidence_ids),
        notes=notes,
    )
    return files.records.add(checked_event(files, case, event))


def checked_event(files: CaseFile, case: Case, event: CustodyEvent) -> CustodyEvent:
    """``event`` with its links resolved to this case's records (prefixes to full ids)."""
    store = files.records
    return CustodyEvent(
        **{
            **event.__dict__,
            "place_id": store.find(event.place_id, Place, case.id).id if event.place_id else "",
            "person_ids": [store.find(i, Person, case.id).id for i in event.person_ids],
            "evidence_ids": [store.find(i, Evidence, case.id).id for i in event.evidence_ids],
        }
    )


def places(files: CaseFile, case: Case) -> dict[str, Place]:
    """The case's Places by id."""
    return {p.id: p for p in files.list(Place, case)}


def place_name(session_or_event: object, known: dict[str, Place]) -> str:
    """Where a session or event was: its Place's name, else a session's free text."""
    place_id = getattr(session_or_event, "place_id", "")
    if place_id in known:
        return known[place_id].name
    return str(getattr(session_or_event, "place", "") or "")


__all__ = [
    "PERIOD_KINDS",
    "CustodyEvent",
    "CustodyEventKind",
    "Place",
    "PlaceKind",
    "add_custody_event",
    "add_place",
    "checked_event",
    "place_name",
    "places",
]
