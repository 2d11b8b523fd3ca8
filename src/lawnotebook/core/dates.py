"""Uncertain dates for a chronology: exact, partial or bounded, and always sortable.

Accepted forms (canonical text on the left; input is case- and space-tolerant)::

    2016-07-15 14:30     a moment          2016-07-15       a day
    2016-07              a month ("2016-07-??" reads the same)
    2016                 a year  ("2016-??-??" reads the same)
    before 2016-06-15    after 2016        about 1997-07    between 2016-07 and 2016-09-30

Chinese input is read too: ``2016年7月15日``, ``2016年7月``, ``2016年``, with ``之前``/``以前``
(before), ``之后``/``以后`` (after), ``约``/``大约``/``左右`` (about), and ``至``/``到`` between
two dates (the second may leave out what it shares with the first: ``2016年7月至9月之间``), and a
time after a day (``2016年7月15日 14:30``). :meth:`FuzzyDate.text` renders a date for a reader in
English (the canonical form) or Chinese (``2016年5月之前``, ``约2016年6月``,
``2016年5月至7月之间``), and every Chinese rendering reads back as the same date; storage keeps
the canonical form only. Every date has a half-open span ``[earliest, latest)`` and a
``sort_key`` that orders a chronology sensibly: "before X" just ahead of X, "after X" just past
its end.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from lawnotebook.core.errors import InvalidInput

_POINT = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2}|\?\?)(?:-(?P<d>\d{2}|\?\?)(?:[ T](?P<h>\d{2}):(?P<mi>\d{2}))?)?)?"
)
_ZH_POINT = re.compile(
    r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]"
    r"(?:\s*(?P<h>\d{1,2}):(?P<mi>\d{2}))?)?)?"
)
# The second date of a Chinese "between": what it leaves out is the first date's.
_ZH_TAIL = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})[日号])?"
    r"(?:\s*(?P<h>\d{1,2}):(?P<mi>\d{2}))?"
)
_KINDS = ("on", "before", "after", "about", "between")
_TIEBREAK = {"before": "0", "on": "1", "after": "1", "about": "2", "between": "3"}


class InvalidDate(InvalidInput):
    """The text is not a date this module understands."""


@dataclass(frozen=True, order=True)
class DatePoint:
    """A year, month, day or minute; missing parts are ``None``."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9998:  # so that every span ends within four digits
            raise InvalidDate(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidDate(f"month {self.month} does not exist")
        if self.day is not None:
            if self.month is None:
                raise InvalidDate("a day needs a month")
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise InvalidDate(f"{self.year}-{self.month:02d} has no day {self.day}")
        if self.hour is not None and (self.day is None or not 0 <= self.hour <= 23):
            raise InvalidDate("a time needs a day and an hour 00-23")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise InvalidDate("minutes run 00-59")

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f" {self.hour:02d}:{self.minute or 0:02d}"
        return text

    def start(self) -> str:
        """The first minute covered, as ``YYYY-MM-DDTHH:MM``."""
        return (
            f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"
            f"T{self.hour or 0:02d}:{self.minute or 0:02d}"
        )

    def end(self) -> str:
        """The first minute after the span (exclusive)."""
        y, m, d, h, mi = self.year, self.month, self.day, self.hour, self.minute
        if h is not None:
            total = h * 60 + (mi or 0) + 1
            if total < 24 * 60:
                return f"{y:04d}-{m:02d}-{d:02d}T{total // 60:02d}:{total % 60:02d}"
            h = None  # rolls into the next day
        if d is not None:
            assert m is not None
            if d < calendar.monthrange(y, m)[1]:
                return f"{y:04d}-{m:02d}-{d + 1:02d}T00:00"
            d = None
        if m is not None and m < 12:
            return f"{y:04d}-{m + 1:02d}-01T00:00"
        return f"{y + 1:04d}-01-01T00:00"


def _point(text: str) -> DatePoint:
    text = text.strip()
    match = _POINT.fullmatch(text)
    if match:
        m = None if match["m"] in (None, "??") else int(match["m"])
        d = None if match["d"] in (None, "??") or m is None else int(match["d"])
        if match["d"] not in (None, "??") and m is None:
            raise InvalidDate("a known day in an unknown month")
        h = int(match["h"]) if match["h"] else None
        mi = int(match["mi"]) if match["mi"] else None
        return DatePoint(int(match["y"]), m, d, h, mi)
    match = _ZH_POINT.fullmatch(text)
    if match:
        y, m, d, h, mi = (int(match[k]) if match[k] else None for k in ("y", "m", "d", "h", "mi"))
        assert y is not None  # the pattern requires the year
        return DatePoint(y, m, d, h, mi)
    raise InvalidDate(f"not a date: {text!r}")


def _zh_tail(text: str, first: DatePoint) -> DatePoint:
    """The second date of a Chinese range; the leading parts it leaves out are ``first``'s."""
    if _POINT.fullmatch(text.strip()) or _ZH_POINT.fullmatch(text.strip()):
        return _point(text)
    match = _ZH_TAIL.fullmatch(text.strip())
    if not match or not text.strip():
        raise InvalidDate(f"not a date: {text!r}")
    given = [match["y"], match["m"], match["d"], match["h"]]
    lead = next(i for i, part in enumerate(given) if part is not None)
    inherited = [first.year, first.month, first.day][:lead]
    parts = [int(p) if p is not None else None for p in given[lead:]]
    minute = int(match["mi"]) if match["mi"] else None
    year, month, day, hour = [*inherited, *parts]
    if year is None:
        raise InvalidDate(f"not a date: {text!r}")
    return DatePoint(year, month, day, hour, minute)


def _zh_point(point: DatePoint, after: DatePoint | None = None) -> str:
    """A point in Chinese; after ``after`` (a range's first date) the parts they share at the
    front are left out, as a Chinese reader writes a range: 2016年7月至9月."""
    shared = 0
    if after is not None:
        for mine, theirs, needs in (
            (point.year, after.year, point.month),
            (point.month, after.month, point.day),
            (point.day, after.day, point.hour),
        ):
            if mine != theirs or needs is None:
                break
            shared += 1
    text = ""
    if shared < 1:
        text += f"{point.year:04d}年"
    if point.month is not None and shared < 2:
        text += f"{point.month}月"
    if point.day is not None and shared < 3:
        text += f"{point.day}日"
    if point.hour is not None:
        text += (" " if text else "") + f"{point.hour:02d}:{point.minute or 0:02d}"
    return text


@dataclass(frozen=True)
class FuzzyDate:
    """An exact, partial or bounded date."""

    kind: str  # one of "on", "before", "after", "about", "between"
    first: DatePoint
    second: DatePoint | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise InvalidDate(f"unknown date kind {self.kind!r}")
        if (self.kind == "between") != (self.second is not None):
            raise InvalidDate("only 'between' takes two dates")
        if self.second is not None and self.second.end() <= self.first.start():
            raise InvalidDate("'between' needs the earlier date first")

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read any accepted form; raises :class:`InvalidDate`."""
        raw = " ".join(text.split())
        low = raw.lower()
        if low.startswith("between "):
            parts = re.split(r"\s+and\s+", raw[8:], maxsplit=1, flags=re.IGNORECASE)
            if len(parts) != 2:
                raise InvalidDate("write 'between <date> and <date>'")
            return cls("between", _point(parts[0]), _point(parts[1]))
        for word in ("before", "after", "about"):
            if low.startswith(word + " "):
                return cls(word, _point(raw[len(word) + 1 :]))
        for prefix in ("circa ", "c. ", "~"):
            if low.startswith(prefix):
                return cls("about", _point(raw[len(prefix) :]))
        return cls._parse_chinese(raw) or cls("on", _point(raw))

    @classmethod
    def _parse_chinese(cls, raw: str) -> FuzzyDate | None:
        compact = " ".join(raw.split())
        compact = re.sub(r"\s*([年月日号至到之以左右约])\s*", r"\1", compact)
        compact = compact.removesuffix("之间")
        for sep in ("至", "到"):
            if sep in compact:
                left, right = compact.split(sep, 1)
                first = _point(left)
                return cls("between", first, _zh_tail(right, first))
        for suffix, kind in (
            ("之前", "before"),
            ("以前", "before"),
            ("之后", "after"),
            ("以后", "after"),
            ("左右", "about"),
        ):
            if compact.endswith(suffix):
                return cls(kind, _point(compact[: -len(suffix)]))
        for prefix in ("大约", "约"):
            if compact.startswith(prefix):
                return cls("about", _point(compact[len(prefix) :]))
        return None

    def text(self, language: str = "en") -> str:
        """The date for a reader: ``zh...`` (zh_CN, zh_TW) in Chinese, anything else the
        canonical English text. Both read back through :meth:`parse` as the same date."""
        if not language.lower().startswith("zh"):
            return str(self)
        first = _zh_point(self.first)
        if self.kind == "between":
            assert self.second is not None
            return f"{first}至{_zh_point(self.second, self.first)}之间"
        return {"before": "{}之前", "after": "{}之后", "about": "约{}"}.get(self.kind, "{}").format(
            first
        )

    def __str__(self) -> str:
        if self.kind == "on":
            return str(self.first)
        if self.kind == "between":
            return f"between {self.first} and {self.second}"
        return f"{self.kind} {self.first}"

    @property
    def earliest(self) -> str | None:
        """The earliest minute the event can have happened (``None``: unbounded)."""
        if self.kind == "before":
            return None
        return self.first.end() if self.kind == "after" else self.first.start()

    @property
    def latest(self) -> str | None:
        """The first minute after which it cannot have happened (``None``: unbounded)."""
        if self.kind == "after":
            return None
        if self.kind == "before":
            return self.first.start()
        return (self.second or self.first).end()

    @property
    def is_exact(self) -> bool:
        return self.kind == "on" and self.first.day is not None

    def sort_key(self) -> str:
        """Text that sorts a chronology: by anchor minute, then before < on < about < between."""
        anchor = self.first.end() if self.kind == "after" else self.first.start()
        precision = "0123"[
            sum(p is not None for p in (self.first.month, self.first.day, self.first.hour))
        ]
        return f"{anchor}|{_TIEBREAK[self.kind]}{precision}"
