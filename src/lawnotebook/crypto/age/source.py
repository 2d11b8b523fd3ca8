"""A small buffered reader over any binary source, shared by the header, armor and payload.

The header is line-oriented and the payload is chunked; reading ahead for lines would lose
payload bytes with a plain ``read``, so one buffer serves both and hands leftovers on.
"""

from collections.abc import Callable
from typing import Protocol, runtime_checkable

_BLOCK = 64 * 1024


@runtime_checkable
class Readable(Protocol):
    """Anything with a binary ``read(n)``: files, BytesIO, sockets' makefile, our readers.

    ``None`` (a raw reader's "nothing yet") counts as the end of input, like ``b""``."""

    def read(self, n: int = -1, /) -> bytes | None: ...


class LineTooLong(ValueError):
    """A line exceeded the caller's limit (the caller turns this into its own typed error)."""


class Source:
    """Buffered reads with a line limit, so a hostile file cannot make us buffer without end."""

    def __init__(self, raw: Readable) -> None:
        self._raw = raw
        self._buf = bytearray()
        self._pos = 0
        self._eof = False
        readinto = getattr(raw, "readinto", None)
        self._readinto: Callable[[memoryview], int | None] | None = readinto

    def _fill(self) -> bool:
        if self._eof:
            return False
        data = self._raw.read(_BLOCK)
        if not data:
            self._eof = True
            return False
        if self._pos:
            del self._buf[: self._pos]
            self._pos = 0
        self._buf += data
        return True

    def readline(self, limit: int) -> bytes:
        """Return the next line including its LF (or the tail without LF at end of input)."""
        while True:
            end = self._buf.find(b"\n", self._pos)
            if end >= 0:
                if end + 1 - self._pos > limit:
                    raise LineTooLong("line too long")
                line = bytes(self._buf[self._pos : end + 1])
                self._pos = end + 1
                return line
            if len(self._buf) - self._pos > limit:
                raise LineTooLong("line too long")
            if not self._fill():
                line = bytes(self._buf[self._pos :])
                self._pos = len(self._buf)
                return line

    def peek(self, n: int) -> bytes:
        """Return up to ``n`` upcoming bytes without consuming them."""
        while len(self._buf) - self._pos < n and self._fill():
            pass
        return bytes(self._buf[self._pos : self._pos + n])

    def skip_while(self, allowed: bytes) -> int:
        """Consume bytes while they are in ``allowed``; return how many were consumed."""
        count = 0
        while True:
            while self._pos < len(self._buf):
                if self._buf[self._pos] not in allowed:
                    return count
                self._pos += 1
                count += 1
            if not self._fill():
                return count

    def readinto(self, out: memoryview) -> int:
        """Fill ``out`` completely unless input ends first; return the byte count."""
        filled = 0
        size = len(out)
        buffered = len(self._buf) - self._pos
        if buffered:
            take = min(buffered, size)
            out[:take] = self._buf[self._pos : self._pos + take]
            self._pos += take
            filled = take
            if self._pos == len(self._buf):
                self._buf.clear()
                self._pos = 0
        while filled < size and not self._eof:
            if self._readinto is not None:
                got = self._readinto(out[filled:])
            else:
                data = self._raw.read(size - filled) or b""
                got = len(data)
                out[filled : filled + got] = data
            if not got:
                self._eof = True
                break
            filled += got
        return filled

    def read(self, n: int) -> bytes:
        """Read up to ``n`` bytes (fewer only at end of input)."""
        out = bytearray(n)
        got = self.readinto(memoryview(out))
        return bytes(out[:got])
