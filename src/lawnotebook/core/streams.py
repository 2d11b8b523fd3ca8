"""Small stream adapters shared by the layers (standard library only)."""

from __future__ import annotations

import io
from collections.abc import Iterable


class IterableReader(io.RawIOBase):
    """A read-only file-like view of an iterable of byte strings (empty ones are skipped)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._it = iter(chunks)
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            nxt = next(self._it, None)
            if nxt is None:
                return 0
            self._pending = memoryview(nxt).cast("B")
        take = min(len(buffer), len(self._pending))
        buffer[:take] = self._pending[:take]
        self._pending = self._pending[take:]
        return take
