"""Uncertain dates: reading, canonical text, spans and chronology order."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.core.dates import DatePoint, FuzzyDate, InvalidDate


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2016-07-15", "2016-07-15"),
        ("2016-07-15 14:30", "2016-07-15 14:30"),
        ("2016-07-15T14:30", "2016-07-15 14:30"),
        ("2016-07", "2016-07"),
        ("2016-07-??", "2016-07"),
        ("2016-??-??", "2016"),
        ("  Before   2016-06-15 ", "before 2016-06-15"),
        ("after 2016", "after 2016"),
        ("about 1997-07", "about 1997-07"),
        ("circa 1997", "about 1997"),
        ("~1997-07-01", "about 1997-07-01"),
        ("between 2016-07 and 2016-09-30", "between 2016-07 and 2016-09-30"),
        ("2016年7月15日", "2016-07-15"),
        ("2016年7月", "2016-07"),
        ("2016年7月15日之前", "before 2016-07-15"),
        ("2016年以后", "after 2016"),
        ("约1997年7月", "about 1997-07"),
        ("2016年7月至2016年9月", "between 2016-07 and 2016-09"),
    ],
)
def test_reading(text, canonical):
    assert str(FuzzyDate.parse(text)) == canonical
    assert FuzzyDate.parse(canonical) == FuzzyDate.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2016-13",
        "2016-02-30",
        "2016-??-05",
        "between 2016 and 2015",
        "before",
        "2016-07-15 25:00",
        "between 2016",
        "10000",
    ],
)
def test_refused(text):
    with pytest.raises(InvalidDate):
        FuzzyDate.parse(text)


def test_spans():
    day = FuzzyDate.parse("2016-12-31")
    assert (day.earliest, day.latest) == ("2016-12-31T00:00", "2017-01-01T00:00")
    month = FuzzyDate.parse("2016-02")
    assert (month.earliest, month.latest) == ("2016-02-01T00:00", "2016-03-01T00:00")
    before = FuzzyDate.parse("before 2016-06-15")
    assert (before.earliest, before.latest) == (None, "2016-06-15T00:00")
    after = FuzzyDate.parse("after 2016")
    assert (after.earliest, after.latest) == ("2017-01-01T00:00", None)
    assert FuzzyDate.parse("2016-07-15").is_exact and not month.is_exact


def test_chronology_order():
    expected = [
        "about 1997-07",
        "2016",
        "before 2016-06-15",
        "2016-06-15",
        "2016-06-15 08:00",
        "2016-06-15 22:10",
        "after 2016-06-15",
        "2016-07",
        "2016-07-??",  # same as 2016-07; stable order by insertion
        "between 2016-07-02 and 2016-08",
        "2016-07-03",
        "after 2016",
    ]
    shuffled = expected[:]
    random.Random(4).shuffle(shuffled)
    ordered = sorted(shuffled, key=lambda t: (FuzzyDate.parse(t).sort_key(), expected.index(t)))
    assert ordered == expected


points = st.builds(
    lambda y, m, d, h: DatePoint(
        y, m, d if m else None, h if m and d else None, 0 if m and d and h is not None else None
    ),
    st.integers(1, 9998),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 28)),
    st.one_of(st.none(), st.integers(0, 23)),
)


@given(st.sampled_from(["on", "before", "after", "about"]), points)
def test_canonical_text_round_trips(kind, point):
    date = FuzzyDate(kind, point)
    assert FuzzyDate.parse(str(date)) == date
    assert point.start() < point.end()
