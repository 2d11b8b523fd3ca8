"""The client's custody as periods: who held the client where, from when to when.

A pure function of a case's custody events and places (no storage, no Qt), for the custody
timeline and anything else that draws or reports the periods. Custody events are moments or
spans (``core/records.py``); the periods are derived from them:

- a chain of custody: detention (拘留) or arrest (逮捕) starts it at the event's place (a police
  station or case-handling area when the place is not known: before committal the client is in
  the investigators' hands); committal (送看守所) closes that and starts a stay at the detention
  house; a transfer moves the client to its place; release (释放) ends the chain. A chain with no
  release is open: still held, or the release is not recorded.
- the kinds that carry their own end (summons and compelled appearance: arrival to release;
  designated residence, supervision detention, hospital: start to end) are one period each.

Times are read as the legality checks read them (``legality/findings.moment``: an "about" date
widened by one of its units; a test holds the two readings equal), so the timeline shows the
same uncertainty the checks reason with: each end of a period is a span ``[lo, hi]`` of
wall-clock minutes (the last minute included), ``None`` where unbounded.
The result never depends on the order of the events given, and no period ends before it starts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from lawnotebook.core.dates import DatePoint, FuzzyDate
from lawnotebook.core.records import CustodyEvent, CustodyEventKind, Place, PlaceKind


class PeriodKind(enum.StrEnum):
    """What kind of custody a period is (the timeline colours it by its place's kind)."""

    BEFORE_COMMITTAL = "before_committal"  # detention or arrest, not yet at the detention house
    DETENTION_HOUSE = "detention_house"  # committed: at the detention house
    HELD = "held"  # after a transfer: at the transfer's place
    SUMMONS = "summons"
    COMPELLED_APPEARANCE = "compelled_appearance"
    DESIGNATED_RESIDENCE = "designated_residence"
    SUPERVISION_DETENTION = "supervision_detention"
    HOSPITAL = "hospital"


# The kinds with their own end, and the kind of place each implies when its place is not known.
_OWN_END = {
    CustodyEventKind.SUMMONS: (PeriodKind.SUMMONS, PlaceKind.UNKNOWN),
    CustodyEventKind.COMPELLED_APPEARANCE: (PeriodKind.COMPELLED_APPEARANCE, PlaceKind.UNKNOWN),
    CustodyEventKind.DESIGNATED_RESIDENCE: (
        PeriodKind.DESIGNATED_RESIDENCE,
        PlaceKind.DESIGNATED_RESIDENCE,
    ),
    CustodyEventKind.SUPERVISION_DETENTION: (
        PeriodKind.SUPERVISION_DETENTION,
        PlaceKind.SUPERVISION_SITE,
    ),
    CustodyEventKind.HOSPITAL: (PeriodKind.HOSPITAL, PlaceKind.HOSPITAL),
}
# Within one minute, a chain starts before it moves, and moves before it ends.
_RANK = {
    CustodyEventKind.DETENTION: 0,
    CustodyEventKind.ARREST: 1,
    CustodyEventKind.COMMITTAL: 2,
    CustodyEventKind.TRANSFER: 3,
    CustodyEventKind.RELEASE: 4,
}


@dataclass(frozen=True)
class Bound:
    """When something happened: some minute in ``[lo, hi]`` (``None``: unbounded that way)."""

    lo: datetime | None
    hi: datetime | None

    @property
    def exact(self) -> bool:
        return self.lo is not None and self.lo == self.hi


@dataclass(frozen=True)
class Span:
    """A stretch of time whose start and end are each uncertain; ``end`` is ``None`` when open
    (not known, not recorded, or still going on)."""

    start: Bound
    end: Bound | None


@dataclass(frozen=True)
class CustodyPeriod:
    kind: PeriodKind
    place_id: str  # "" when not known
    place_kind: PlaceKind  # the place's, else what the custody implies
    span: Span
    start_event_id: str
    end_event_id: str = ""  # the event that ended it ("" when open, or its own end)
    end_conflict: bool = False  # an end was written that is before the start: not used


def _start(point: DatePoint) -> datetime:
    return datetime.fromisoformat(point.start())


def _end(point: DatePoint) -> datetime:
    return datetime.fromisoformat(point.end())  # the first minute after it


def _about(point: DatePoint) -> timedelta:
    """How far "about" reaches each way: one of the date's own units."""
    if point.hour is not None:
        return timedelta(hours=1)
    if point.day is not None:
        return timedelta(days=1)
    return timedelta(days=31 if point.month is not None else 366)


def bound(date: FuzzyDate) -> Bound:
    """A fuzzy date as the minutes it may stand for (the legality checks' reading)."""
    first, minute = date.first, timedelta(minutes=1)
    if date.kind == "before":
        return Bound(None, _start(first) - minute)
    if date.kind == "after":
        return Bound(_end(first), None)
    lo, hi = _start(first), _end(date.second or first) - minute
    if date.kind == "about":
        lo, hi = lo - _about(first), hi + _about(first)
    return Bound(lo, hi)


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else (a if b is None else max(a, b))


def _sooner(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else (a if b is None else min(a, b))


def span(start: FuzzyDate, end: FuzzyDate | None) -> tuple[Span, bool]:
    """The span from ``start`` to ``end``, each end's uncertainty narrowed by the other (a
    start cannot be after the end, an end cannot be before the start). The flag is true when
    ``end`` is certainly before ``start``: then the span is open and the end not used."""
    first = bound(start)
    if end is None:
        return Span(first, None), False
    last = bound(end)
    if last.hi is not None and first.lo is not None and last.hi < first.lo:
        return Span(first, None), True
    narrowed_start = Bound(first.lo, _sooner(first.hi, last.hi))
    return Span(narrowed_start, Bound(_later(last.lo, first.lo), last.hi)), False


def _order(event: CustodyEvent) -> tuple[str, int, str]:
    return (event.time.sort_key(), _RANK.get(event.event_kind, 9), event.id)


def custody_periods(
    events: Iterable[CustodyEvent], places: Mapping[str, Place]
) -> list[CustodyPeriod]:
    """The periods of custody ``events`` describe (see the module docstring), in time order."""
    ordered = sorted(events, key=_order)

    def kind_of(place_id: str, implied: PlaceKind) -> PlaceKind:
        place = places.get(place_id)
        return place.place_kind if place is not None else implied

    periods: list[CustodyPeriod] = []
    open_chain: tuple[CustodyEvent, PeriodKind, str, PlaceKind] | None = None

    def close(at: CustodyEvent | None) -> None:
        nonlocal open_chain
        if open_chain is None:
            return
        begin, kind, place_id, place_kind = open_chain
        whole, conflict = span(begin.time, at.time if at is not None else None)
        periods.append(
            CustodyPeriod(
                kind, place_id, place_kind, whole, begin.id, at.id if at else "", conflict
            )
        )
        open_chain = None

    for event in ordered:
        kind = event.event_kind
        if kind in _OWN_END:
            period_kind, implied = _OWN_END[kind]
            whole, conflict = span(event.time, event.end)
            periods.append(
                CustodyPeriod(
                    period_kind,
                    event.place_id,
                    kind_of(event.place_id, implied),
                    whole,
                    event.id,
                    end_conflict=conflict,
                )
            )
        elif kind in (CustodyEventKind.DETENTION, CustodyEventKind.ARREST):
            if open_chain is None:  # detained or arrested while held: the custody goes on
                implied = PlaceKind.POLICE_STATION
                place_kind = kind_of(event.place_id, implied)
                open_chain = (event, PeriodKind.BEFORE_COMMITTAL, event.place_id, place_kind)
        elif kind in (CustodyEventKind.COMMITTAL, CustodyEventKind.TRANSFER):
            close(event)
            if kind is CustodyEventKind.COMMITTAL:
                period_kind, implied = PeriodKind.DETENTION_HOUSE, PlaceKind.DETENTION_HOUSE
            else:
                period_kind, implied = PeriodKind.HELD, PlaceKind.UNKNOWN
            place_kind = kind_of(event.place_id, implied)
            open_chain = (event, period_kind, event.place_id, place_kind)
        elif kind is CustodyEventKind.RELEASE:
            close(event)
    close(None)
    periods.sort(key=lambda p: (_key(p.span.start.lo), _key(p.span.start.hi), p.start_event_id))
    return periods


def _key(when: datetime | None) -> datetime:
    return when if when is not None else datetime.min


__all__ = ["Bound", "CustodyPeriod", "PeriodKind", "Span", "bound", "custody_periods", "span"]
