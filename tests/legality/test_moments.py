"""The engine's minute arithmetic agrees with FuzzyDate's own spans, for every kind of date."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.core.dates import DatePoint, FuzzyDate
from lawnotebook.legality.findings import Words, hm, moment, span_words


def _minutes(iso: str) -> int:
    return int((datetime.fromisoformat(iso) - datetime(1, 1, 1)).total_seconds()) // 60


@st.composite
def points(draw):
    year = draw(st.integers(1990, 2030))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    day = draw(st.one_of(st.none(), st.integers(1, 28))) if month else None
    hour = draw(st.one_of(st.none(), st.integers(0, 23))) if day else None
    minute = draw(st.integers(0, 59)) if hour is not None else None
    return DatePoint(year, month, day, hour, minute)


@st.composite
def dates(draw):
    kind = draw(st.sampled_from(["on", "before", "after", "about", "between"]))
    first = draw(points())
    if kind != "between":
        return FuzzyDate(kind, first)
    second = DatePoint(
        first.year + draw(st.integers(0, 2)), first.month, first.day, first.hour, first.minute
    )
    return FuzzyDate(kind, first, second)


@given(dates())
def test_bounds_match_the_dates_own_span(when):
    m = moment(when, Words("x", "x"))
    lo = _minutes(when.earliest) if when.earliest else None
    hi = _minutes(when.latest) - 1 if when.latest else None
    if when.kind == "about":  # one unit wider each way
        assert lo is not None and hi is not None and m.lo is not None and m.hi is not None
        assert m.lo < lo and m.hi > hi and m.lo - lo == hi - m.hi
    else:
        assert (m.lo, m.hi) == (lo, hi)
    assert m.exact == (when.kind == "on" and when.first.hour is not None)


def test_about_a_time_is_an_hour_either_way():
    m = moment(FuzzyDate.parse("about 2024-05-19 21:00"), Words("x", "x"))
    exact = moment(FuzzyDate.parse("2024-05-19 21:00"), Words("x", "x"))
    assert (m.lo, m.hi) == (exact.lo - 60, exact.hi + 60)
    assert not m.exact


def test_settings_out_of_range_are_refused():
    import pytest

    from lawnotebook.core.errors import InvalidInput
    from lawnotebook.legality import Params

    with pytest.raises(InvalidInput, match="food_rest_hours"):
        Params(food_rest_hours=0)
    with pytest.raises(InvalidInput, match="night hours"):
        Params(night_start=1440)


def test_durations_read_as_lawyers_write_them():
    assert hm(600) == Words("10 h 00 min", "10小时00分")
    a = moment(FuzzyDate.parse("2024-05-18 20:00"), Words("a", "甲"))
    b = moment(FuzzyDate.parse("2024-05-19"), Words("b", "乙"))
    assert span_words(a, b) == Words(
        "between 4 h 00 min and 27 h 59 min", "4小时00分至27小时59分之间"
    )
