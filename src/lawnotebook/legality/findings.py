"""What a rule is and what it returns: bilingual words, certainties, findings, moments in time."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from lawnotebook.core.dates import DatePoint, FuzzyDate

if TYPE_CHECKING:
    from lawnotebook.legality.context import Context


@dataclass(frozen=True)
class Words:
    """The same words in English and in Chinese (lower layers never translate at run time)."""

    en: str
    zh: str

    def text(self, language: str = "en") -> str:
        return self.zh if language.lower().startswith("zh") else self.en


class Certainty(StrEnum):
    VIOLATED = "violated"  # the data shows the breach under every reading of it
    POSSIBLE = "possible"  # an uncertain date, an unknown answer, or a lead the lawyer argues
    NOT_CHECKABLE = "not_checkable"  # something the rule needs is missing


class Severity(StrEnum):
    HIGH = "high"  # a ground for excluding the statement
    MEDIUM = "medium"  # a defect to list in the motion
    LOW = "low"  # context for the timeline


@dataclass(frozen=True)
class Cite:
    """An article a rule rests on: law id, article number, the paragraph or item meant."""

    law: str
    number: int
    part: str = ""  # e.g. "para. 2", "item (1)"


@dataclass(frozen=True)
class Hit:
    """One result of a rule's check, before the engine names the rule."""

    certainty: Certainty
    computed: Words
    sessions: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    uncertain: tuple[Words, ...] = ()  # the uncertain dates or unknown answers behind POSSIBLE
    missing: tuple[Words, ...] = ()  # what NOT_CHECKABLE lacks


@dataclass(frozen=True)
class Finding:
    rule: str
    certainty: Certainty
    severity: Severity
    computed: Words
    sessions: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    uncertain: tuple[Words, ...] = ()
    missing: tuple[Words, ...] = ()

    @property
    def key(self) -> str:
        """The rule and its records: stable across runs, record order and edits to the data."""
        return "|".join((self.rule, ",".join(self.sessions), ",".join(self.events)))

    @property
    def fingerprint(self) -> str:
        """``key`` and what was computed: changes when the finding's numbers or times do (a
        review mark kept under it asks for review again when the data change)."""
        digest = hashlib.sha256(self.computed.en.encode()).hexdigest()[:12]
        return f"{self.key}|{self.certainty.value}|{digest}"


@dataclass(frozen=True)
class Rule:
    id: str
    title: Words
    explanation: Words
    articles: tuple[Cite, ...]
    severity: Severity
    check: Callable[[Context], Iterable[Hit]]


# --- time ----------------------------------------------------------------------------------


def _start(p: DatePoint) -> int:
    """The first minute ``p`` covers, counted from 0001-01-01 00:00."""
    day = date(p.year, p.month or 1, p.day or 1).toordinal() - 1
    return day * 1440 + (p.hour or 0) * 60 + (p.minute or 0)


def _end(p: DatePoint) -> int:
    """The first minute after ``p`` (exclusive), as DatePoint.end() but without text."""
    if p.hour is not None:
        return _start(p) + 1
    if p.day is not None:
        return _start(p) + 1440
    if p.month is not None:
        year, month = (p.year, p.month + 1) if p.month < 12 else (p.year + 1, 1)
        return (date(year, month, 1).toordinal() - 1) * 1440
    return (date(p.year + 1, 1, 1).toordinal() - 1) * 1440


@dataclass(frozen=True)
class Moment:
    """A fuzzy time as minutes: it happened in ``[lo, hi]`` (``None``: unbounded)."""

    lo: int | None
    hi: int | None
    exact: bool
    date: FuzzyDate
    label: Words

    @property
    def words(self) -> Words:
        """``detention 2024-05-19 21:10`` / ``拘留 2024年5月19日 21:10`` (made only when shown)."""
        return _words(self.date, self.label)

    @property
    def mid(self) -> int:
        """A single minute to sort and draw by: the earliest bound, else the latest."""
        return self.lo if self.lo is not None else (self.hi if self.hi is not None else 0)


# "About" widens a date by one of its own units each way (our reading: the core keeps "about"
# as the unit itself, but a lawyer who writes 约21:00 does not mean 21:00 to the minute).
_ABOUT_TIME, _ABOUT_DAY, _ABOUT_MONTH, _ABOUT_YEAR = 60, 1440, 31 * 1440, 366 * 1440


def _bounds(when: FuzzyDate) -> tuple[int | None, int | None, bool]:
    """``[lo, hi]`` in minutes: FuzzyDate.earliest/latest, "about" widened (see above)."""
    first, kind = when.first, when.kind
    lo = None if kind == "before" else (_end(first) if kind == "after" else _start(first))
    if kind == "after":
        hi = None
    elif kind == "before":
        hi = _start(first) - 1
    else:
        hi = _end(when.second or first) - 1
    if kind == "about" and lo is not None and hi is not None:
        if first.hour is not None:
            widen = _ABOUT_TIME
        elif first.day is not None:
            widen = _ABOUT_DAY
        else:
            widen = _ABOUT_MONTH if first.month is not None else _ABOUT_YEAR
        lo, hi = lo - widen, hi + widen
    return lo, hi, kind == "on" and first.hour is not None


@lru_cache(maxsize=65536)
def _words(date: FuzzyDate, label: Words) -> Words:
    return Words(f"{label.en} {date.text('en')}", f"{label.zh} {date.text('zh')}")


def moment(date: FuzzyDate, label: Words) -> Moment:
    return Moment(*_bounds(date), date, label)


def hm(minutes: int) -> Words:
    """A duration: ``10 h 00 min`` / ``10小时00分``."""
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    return Words(f"{sign}{h} h {m:02d} min", f"{sign}{h}小时{m:02d}分")


def span(a: Moment, b: Moment) -> tuple[int | None, int | None]:
    """The shortest and longest time from ``a`` to ``b`` (``None``: unbounded)."""
    shortest = b.lo - a.hi if b.lo is not None and a.hi is not None else None
    longest = b.hi - a.lo if b.hi is not None and a.lo is not None else None
    return shortest, longest


def span_words(a: Moment, b: Moment) -> Words:
    shortest, longest = span(a, b)
    if shortest is not None and shortest == longest:
        return hm(shortest)
    low = hm(max(shortest, 0)) if shortest is not None else Words("?", "?")
    high = hm(longest) if longest is not None else Words("no limit", "不定")
    return Words(f"between {low.en} and {high.en}", f"{low.zh}至{high.zh}之间")


def over_limit(a: Moment, b: Moment, limit: int) -> Certainty | None:
    """Is the time from ``a`` to ``b`` more than ``limit`` minutes? VIOLATED when it is under
    every reading of the two times, POSSIBLE when only some readings exceed it."""
    shortest, longest = span(a, b)
    if shortest is not None and shortest > limit:
        return Certainty.VIOLATED
    if longest is None or longest > limit:
        return Certainty.POSSIBLE
    return None


def fuzzy_of(*moments: Moment) -> tuple[Words, ...]:
    """The moments that are not exact to the minute (what makes a finding possible)."""
    return tuple(m.words for m in moments if not m.exact)


def joined(parts: Iterable[Words], en: str = "; ", zh: str = "；") -> Words:
    items = list(parts)
    return Words(en.join(p.en for p in items), zh.join(p.zh for p in items))
