"""One case's facts, put in a fixed order and measured once, for every rule to read."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.legality.facts import (
    Answer,
    CaseFacts,
    CustodyEvent,
    EventKind,
    Params,
    PlaceKind,
    Session,
)
from lawnotebook.legality.findings import Moment, Words, moment

EVENT_WORDS = {
    EventKind.SUMMONS: Words("summoned", "传唤到案"),
    EventKind.COMPELLED_APPEARANCE: Words("compelled to appear", "拘传到案"),
    EventKind.DETENTION: Words("detained", "拘留"),
    EventKind.ARREST: Words("arrested", "逮捕"),
    EventKind.COMMITTAL: Words("committed", "送看守所羁押"),
    EventKind.RS_START: Words("designated residence began", "指定居所监视居住开始"),
    EventKind.RS_END: Words("designated residence ended", "指定居所监视居住结束"),
    EventKind.SUPERVISION_START: Words("supervision detention began", "留置开始"),
    EventKind.SUPERVISION_END: Words("supervision detention ended", "留置结束"),
    EventKind.TRANSFER: Words("transferred", "转移"),
    EventKind.HOSPITAL: Words("taken to hospital", "送医"),
    EventKind.RELEASE: Words("released", "释放"),
    EventKind.FAMILY_NOTIFIED: Words("family notified", "通知家属"),
    EventKind.LAWYER_REQUESTED: Words("lawyer asked to meet", "律师要求会见"),
    EventKind.LAWYER_MET: Words("lawyer met the client", "律师会见"),
}
KIND_WORDS = {
    PlaceKind.DETENTION_HOUSE: Words("a detention house", "看守所"),
    PlaceKind.POLICE_STATION: Words("a police station", "公安机关办案场所"),
    PlaceKind.DESIGNATED_RESIDENCE: Words("a designated residence", "指定居所"),
    PlaceKind.SUPERVISION_SITE: Words("a supervision detention site", "留置场所"),
    PlaceKind.HOSPITAL: Words("a hospital", "医院"),
    PlaceKind.COURT: Words("a court", "法院"),
    PlaceKind.OTHER: Words("another place", "其他地点"),
    PlaceKind.UNKNOWN: Words("a place of unknown kind", "种类不明的地点"),
}
RELEASE_WORDS = Words("released", "离开")
START = Words("questioning began", "讯问开始")
END = Words("questioning ended", "讯问结束")
REC_START = Words("recording began", "录像开始")
REC_END = Words("recording ended", "录像结束")
WRITTEN_START = Words("transcript says it began", "笔录记载开始")
WRITTEN_END = Words("transcript says it ended", "笔录记载结束")


@dataclass(frozen=True)
class Timed:
    """A session with its start and end measured (``None``: not known)."""

    session: Session
    start: Moment | None
    end: Moment | None
    rec_start: Moment | None  # what the recording's own clock shows
    rec_end: Moment | None
    written_start: Moment | None  # what the transcript says
    written_end: Moment | None

    @property
    def id(self) -> str:
        return self.session.id


class Context:
    """Facts sorted by time then id, so no rule can see the order the caller gave them in."""

    def __init__(self, facts: CaseFacts, params: Params) -> None:
        self.facts = facts
        self.params = params
        self.places = {p.id: p for p in facts.places}
        self.events = sorted(facts.events, key=_event_key)
        self.by_kind: dict[EventKind, list[CustodyEvent]] = defaultdict(list)
        for event in self.events:
            self.by_kind[event.kind].append(event)
        sessions = sorted(facts.sessions, key=_session_key)
        self.sessions = [_timed(s) for s in sessions]
        self.client_sessions = [t for t in self.sessions if t.session.subject == facts.client]
        self._when = {
            e.id: at(e.time, EVENT_WORDS[e.kind]) if e.time else None for e in self.events
        }
        self._released = {e.id: at(e.end, RELEASE_WORDS) if e.end else None for e in self.events}
        self.serious = self._serious()
        self.memo: dict[object, Any] = {}  # what several rules compute, computed once

    def kind(self, place: str | None) -> PlaceKind:
        found = self.places.get(place) if place is not None else None
        return found.kind if found is not None else PlaceKind.UNKNOWN

    def where(self, place: str | None) -> Words:
        """``a police station (Xinhua Road station)``."""
        kind = KIND_WORDS[self.kind(place)]
        found = self.places.get(place) if place is not None else None
        if found is None or not found.name:
            return kind
        return Words(f"{kind.en} ({found.name})", f"{kind.zh}（{found.name}）")

    def when(self, event: CustodyEvent) -> Moment | None:
        return self._when[event.id]

    def released(self, event: CustodyEvent) -> Moment | None:
        return self._released[event.id]

    def _serious(self) -> tuple[Answer, tuple[str, ...]]:
        """Whether life imprisonment or death is possible, and the charges that say so."""
        hits = tuple(
            charge
            for charge in self.facts.charges
            if any(s and s in charge for s in self.facts.serious_charges)
        )
        if hits:
            return Answer.YES, hits
        return (Answer.NO if self.facts.charges else Answer.UNKNOWN), ()


def _timed(s: Session) -> Timed:
    tr = s.transcript
    return Timed(
        s,
        _maybe(s.start, START),
        _maybe(s.end, END),
        _maybe(s.recording_start, REC_START),
        _maybe(s.recording_end, REC_END),
        _maybe(tr.written_start, WRITTEN_START) if tr else None,
        _maybe(tr.written_end, WRITTEN_END) if tr else None,
    )


def _maybe(date: FuzzyDate | None, label: Words) -> Moment | None:
    return moment(date, label) if date is not None else None


def at(date: FuzzyDate, label: Words) -> Moment:
    return moment(date, label)


def _event_key(event: CustodyEvent) -> tuple[str, str, str]:
    return (event.time.sort_key() if event.time else "~", event.kind.value, event.id)


def _session_key(session: Session) -> tuple[str, str]:
    return (session.start.sort_key() if session.start else "~", session.id)
