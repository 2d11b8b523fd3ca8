"""Hybrid logical clock: strictly increasing, survives a clock stepping back, merges."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.core.clock import ClockDrift, Hlc, HlcClock


class FakeWall:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@given(st.lists(st.floats(1e9, 2e9), min_size=1, max_size=50))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(walls):
    wall = FakeWall(walls[0])
    clock = HlcClock("a1", wall=wall)
    stamps = []
    for t in walls:
        wall.t = t
        stamps.append(clock.tick())
    assert all(a < b for a, b in itertools.pairwise(stamps))
    texts = [str(s) for s in stamps]
    assert texts == sorted(texts)  # the text form sorts like the stamps
    assert [Hlc.parse(t) for t in texts] == stamps


def test_observe_moves_past_a_colleagues_stamp():
    wall = FakeWall(1_700_000_000.0)
    mine = HlcClock("mine", wall=wall)
    theirs = Hlc(int(wall.t * 1000) + 5000, 7, "theirs")  # their clock runs 5 s ahead
    mine.observe(theirs)
    assert mine.tick() > Hlc(theirs.wall_ms, theirs.counter, "mine")


def test_a_stamp_from_far_in_the_future_is_refused():
    wall = FakeWall(1_700_000_000.0)
    clock = HlcClock("mine", wall=wall)
    with pytest.raises(ClockDrift):
        clock.observe(Hlc(int(wall.t * 1000) + 3 * 24 * 3600 * 1000, 0, "x"))


@pytest.mark.parametrize("text", ["", "zz", "0000000000-0000-a", "00000000000g-0000-a"])
def test_bad_text(text):
    with pytest.raises(ValueError):
        Hlc.parse(text)
