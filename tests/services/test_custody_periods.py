"""Issue 17, point 3: the custody periods a case's custody events describe (a pure function)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.core.dates import DatePoint, FuzzyDate
from lawnotebook.core.records import CustodyEvent, CustodyEventKind, Place, PlaceKind
from lawnotebook.legality.findings import Words, moment
from lawnotebook.services.custody_periods import PeriodKind, bound, custody_periods

STATION = Place(id="station", name="城关派出所", place_kind=PlaceKind.POLICE_STATION)
HOUSE = Place(id="house", name="市第一看守所", place_kind=PlaceKind.DETENTION_HOUSE)
PLACES = {p.id: p for p in (STATION, HOUSE)}


def _event(id_, kind, time, end=None, place=""):  # type: ignore[no-untyped-def]
    return CustodyEvent(
        id=id_,
        event_kind=kind,
        time=FuzzyDate.parse(time),
        end=FuzzyDate.parse(end) if end else None,
        place_id=place,
    )


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_detention_committal_release_make_two_periods_at_their_places():
    events = [
        _event("r", CustodyEventKind.RELEASE, "2024-06-20 10:00", place="house"),
        _event("c", CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place="house"),
        _event("d", CustodyEventKind.DETENTION, "2024-05-18 08:00", place="station"),
        _event("n", CustodyEventKind.FAMILY_NOTIFIED, "2024-05-19 09:00"),
    ]
    before, house = custody_periods(events, PLACES)
    assert (before.kind, before.place_id, before.place_kind) == (
        PeriodKind.BEFORE_COMMITTAL,
        "station",
        PlaceKind.POLICE_STATION,
    )
    assert before.span.start.lo == before.span.start.hi == at("2024-05-18T08:00")
    assert before.span.end is not None and before.span.end.lo == at("2024-05-19T21:10")
    assert (before.start_event_id, before.end_event_id) == ("d", "c")
    assert (house.kind, house.place_kind, house.start_event_id, house.end_event_id) == (
        PeriodKind.DETENTION_HOUSE,
        PlaceKind.DETENTION_HOUSE,
        "c",
        "r",
    )


def test_a_chain_without_release_is_open_and_an_unknown_place_is_implied():
    events = [
        _event("d", CustodyEventKind.DETENTION, "2024-05-18 08:00"),
        _event("a", CustodyEventKind.ARREST, "2024-05-25 10:00"),  # while held: goes on
        _event("c", CustodyEventKind.COMMITTAL, "2024-05-19 21:10"),
    ]
    before, house = custody_periods(events, {})
    assert (before.place_id, before.place_kind) == ("", PlaceKind.POLICE_STATION)
    assert house.place_kind is PlaceKind.DETENTION_HOUSE
    assert house.span.end is None and house.end_event_id == ""


def test_periods_with_their_own_end_and_one_still_going_on():
    events = [
        _event("s", CustodyEventKind.SUMMONS, "2024-05-17 09:00", "2024-05-17 21:00", "station"),
        _event("rs", CustodyEventKind.DESIGNATED_RESIDENCE, "2024-07-01"),
    ]
    summons, residence = custody_periods(events, PLACES)
    assert summons.kind is PeriodKind.SUMMONS and summons.place_kind is PlaceKind.POLICE_STATION
    assert summons.span.end is not None and summons.span.end.hi == at("2024-05-17T21:00")
    assert residence.place_kind is PlaceKind.DESIGNATED_RESIDENCE  # implied by the kind
    assert residence.span.end is None
    # A day is uncertain over the whole day.
    assert residence.span.start.lo == at("2024-07-01T00:00")
    assert residence.span.start.hi == at("2024-07-01T23:59")


def test_uncertain_times_are_spans_narrowed_by_the_other_end():
    # Committed some time in May, released on 3 May at 10:00: the start cannot be after it.
    events = [
        _event("c", CustodyEventKind.COMMITTAL, "2024-05"),
        _event("r", CustodyEventKind.RELEASE, "2024-05-03 10:00"),
    ]
    (stay,) = custody_periods(events, {})
    assert stay.span.start.lo == at("2024-05-01T00:00")
    assert stay.span.start.hi == at("2024-05-03T10:00")
    # "About" is widened as the checks read it: 约21:00 is 20:00-22:00.
    about = bound(FuzzyDate.parse("about 2024-05-19 21:00"))
    assert (about.lo, about.hi) == (at("2024-05-19T20:00"), at("2024-05-19T22:00"))
    assert bound(FuzzyDate.parse("before 2024-05-19")).lo is None


def test_an_end_written_before_the_start_is_not_used():
    events = [_event("s", CustodyEventKind.SUMMONS, "2024-05-17 21:00", "2024-05-17 09:00")]
    (summons,) = custody_periods(events, {})
    assert summons.span.end is None and summons.end_conflict


# --- properties ----------------------------------------------------------------------------

_points = st.builds(
    lambda day, hour, minute, precision: DatePoint(
        2024, 5, day, hour if precision else None, minute if precision else None
    ),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
    st.booleans(),
)
_dates = st.one_of(
    st.builds(lambda p: FuzzyDate("on", p), _points),
    st.builds(lambda p, k: FuzzyDate(k, p), _points, st.sampled_from(["before", "after", "about"])),
    st.builds(lambda p: FuzzyDate("on", DatePoint(2024, 5)), _points),
)
_event_lists = st.lists(
    st.tuples(
        st.sampled_from(list(CustodyEventKind)),
        _dates,
        st.one_of(st.none(), _dates),
        st.sampled_from(["", "station", "house", "gone"]),
    ),
    max_size=12,
).map(
    lambda items: [
        CustodyEvent(
            id=f"e{i:02d}",
            event_kind=kind,
            time=time,
            end=end if kind in _OWN_END_KINDS else None,
            place_id=place,
        )
        for i, (kind, time, end, place) in enumerate(items)
    ]
)
_OWN_END_KINDS = {
    CustodyEventKind.SUMMONS,
    CustodyEventKind.COMPELLED_APPEARANCE,
    CustodyEventKind.DESIGNATED_RESIDENCE,
    CustodyEventKind.SUPERVISION_DETENTION,
    CustodyEventKind.HOSPITAL,
}


@settings(max_examples=300, deadline=None)
@given(_event_lists, st.randoms(use_true_random=False))
def test_no_period_ends_before_it_starts_and_order_does_not_matter(events, rng):
    periods = custody_periods(events, PLACES)
    for period in periods:
        start, end = period.span.start, period.span.end
        if start.lo is not None and start.hi is not None:
            assert start.lo <= start.hi
        if end is None:
            continue
        if end.lo is not None and end.hi is not None:
            assert end.lo <= end.hi
        if start.lo is not None and end.hi is not None:
            assert start.lo <= end.hi
        if start.lo is not None and end.lo is not None:
            assert start.lo <= end.lo
        if start.hi is not None and end.hi is not None:
            assert start.hi <= end.hi
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert custody_periods(shuffled, PLACES) == periods


_any_point = st.builds(
    lambda y, m, d, hh, mm, depth: DatePoint(
        y,
        m if depth > 0 else None,
        d if depth > 1 else None,
        hh if depth > 2 else None,
        mm if depth > 2 else None,
    ),
    st.integers(2000, 2030),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 3),
)
_between = st.tuples(_any_point, _any_point).filter(lambda ab: ab[0].start() < ab[1].start())


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        _dates,
        st.builds(lambda p, k: FuzzyDate(k, p), _any_point, st.sampled_from(["on", "about"])),
        _between.map(lambda ab: FuzzyDate("between", *ab)),
    )
)
def test_a_date_is_read_as_the_legality_checks_read_it(date):
    # The timeline must show the uncertainty the findings reason with.
    checked = moment(date, Words("", ""))
    ours = bound(date)
    epoch = datetime(1, 1, 1)
    as_minutes = [
        None if t is None else int((t - epoch).total_seconds() // 60) for t in (ours.lo, ours.hi)
    ]
    assert as_minutes == [checked.lo, checked.hi]
