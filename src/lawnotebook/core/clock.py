"""Hybrid logical clocks: an order for edits that survives wrong wall clocks and merging.

Every record carries the HLC stamp of its last change. A stamp is ``(wall_ms, counter, node)``:
the wall time in milliseconds, a counter that breaks ties and keeps order when the wall clock
stalls or steps back, and the node (the vault that made the change). Stamps compare as tuples;
their text form ``WWWWWWWWWWWW-CCCC-node`` (12 and 4 hex digits) sorts the same way as text,
so the database can order by it. When a bundle from a colleague is merged, ``observe`` moves our
clock past every stamp seen, so our next edit is ordered after everything we have seen
(Kulkarni et al., "Logical Physical Clocks", 2014).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

_TEXT = re.compile(r"([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-z]{1,32})")
MAX_COUNTER = 0xFFFF
# A remote stamp more than a day ahead of our wall clock is not believed (a broken clock or a
# hostile bundle would otherwise drag every future stamp forward).
MAX_DRIFT_MS = 24 * 3600 * 1000


class ClockDrift(ValueError):
    """A remote stamp is too far in the future to accept."""


@dataclass(frozen=True, order=True)
class Hlc:
    """One hybrid logical clock stamp."""

    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:012x}-{self.counter:04x}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        """Read the text form; raises ``ValueError`` on anything else."""
        match = _TEXT.fullmatch(text)
        if not match:
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(match[1], 16), int(match[2], 16), match[3])


class HlcClock:
    """Issues strictly increasing stamps for one node."""

    def __init__(
        self, node: str, last: Hlc | None = None, wall: Callable[[], float] = time.time
    ) -> None:
        self.node = node
        self._wall = wall
        self.last = last or Hlc(0, 0, node)

    def _now_ms(self) -> int:
        return int(self._wall() * 1000)

    def tick(self) -> Hlc:
        """A stamp for a local change, greater than any stamp issued or observed before."""
        now = self._now_ms()
        if now > self.last.wall_ms:
            stamp = Hlc(now, 0, self.node)
        else:
            stamp = self._bump(self.last.wall_ms, self.last.counter)
        self.last = stamp
        return stamp

    def observe(self, remote: Hlc) -> None:
        """Account for a stamp received from elsewhere (merging a bundle)."""
        now = self._now_ms()
        if remote.wall_ms - now > MAX_DRIFT_MS:
            raise ClockDrift(f"stamp {remote} is more than a day ahead of this computer's clock")
        if remote > self.last:
            self.last = Hlc(remote.wall_ms, remote.counter, self.node)

    def _bump(self, wall_ms: int, counter: int) -> Hlc:
        if counter >= MAX_COUNTER:  # 65,536 edits in one millisecond: borrow the next one
            return Hlc(wall_ms + 1, 0, self.node)
        return Hlc(wall_ms, counter + 1, self.node)
