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
        ("2024-05-21至2024-05-23", "between 2024-05-21 and 2024-05-23"),
        ("2016年7月至9月之间", "between 2016-07 and 2016-09"),
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


@pytest.mark.parametrize(
    ("canonical", "chinese"),
    [
        ("2024-05-15", "2024年5月15日"),
        ("2024-05-15 09:05", "2024年5月15日 09:05"),
        ("2024-05", "2024年5月"),
        ("2024", "2024年"),
        ("before 2024-05", "2024年5月之前"),
        ("after 2016", "2016年之后"),
        ("about 2024-06", "约2024年6月"),
        ("between 2024-05 and 2024-07", "2024年5月至7月之间"),
        ("between 2023-12 and 2024-02", "2023年12月至2024年2月之间"),
        ("between 2024-05-03 and 2024-05-09", "2024年5月3日至9日之间"),
        ("between 2024-05-03 22:00 and 2024-05-04 06:30", "2024年5月3日 22:00至4日 06:30之间"),
        ("between 2024-05-03 14:00 and 2024-05-03 16:30", "2024年5月3日 14:00至16:30之间"),
        ("between 2016 and 2017-03", "2016年至2017年3月之间"),
    ],
)
def test_chinese_text_reads_as_a_chinese_reader_writes_it(canonical, chinese):
    date = FuzzyDate.parse(canonical)
    assert date.text("zh_CN") == chinese
    assert date.text("en") == canonical
    assert FuzzyDate.parse(chinese) == date  # what the window shows can be edited in place


@given(st.sampled_from(["on", "before", "after", "about", "between"]), points, points)
def test_chinese_text_round_trips(kind, point, other):
    if kind == "between":
        first, second = sorted([point, other], key=DatePoint.start)
        if second.end() <= first.start():
            return
        date = FuzzyDate(kind, first, second)
    else:
        date = FuzzyDate(kind, point)
    text = date.text("zh_CN")
    assert not any(c.isascii() and c.isalpha() for c in text)
    assert FuzzyDate.parse(text) == date
