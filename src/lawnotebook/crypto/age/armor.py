"""ASCII armor: strict PEM with label "AGE ENCRYPTED FILE", 64 columns, no headers.

Armored files are malleable unless the reader is strict, so we accept exactly one spelling:
canonical padded base64, full 64-column lines, one short (or full) last line, LF or CRLF line
ends, and whitespace only before BEGIN and after END.
"""

import base64
import io
from typing import TYPE_CHECKING

from lawnotebook.crypto.age.errors import ArmorError
from lawnotebook.crypto.age.primitives import b64decode_padded_strict
from lawnotebook.crypto.age.source import LineTooLong, Readable, Source
from lawnotebook.crypto.age.stream import Write

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
COLUMNS = 64
BYTES_PER_LINE = COLUMNS // 4 * 3
WHITESPACE = b" \t\r\n"
_MAX_LINE = COLUMNS + 2  # 64 columns plus CRLF


class ArmorReader(io.RawIOBase):
    """Decodes an armored age file on the fly, in bounded memory."""

    def __init__(self, source: Source) -> None:
        super().__init__()
        self._source = source
        self._started = False
        self._done = False
        self._pending = b""

    def readable(self) -> bool:
        return True

    def _line(self) -> bytes:
        try:
            line = self._source.readline(_MAX_LINE)
        except LineTooLong as exc:
            raise ArmorError("armor line is longer than 64 columns") from exc
        if line.endswith(b"\r\n"):
            return line[:-2]
        if line.endswith(b"\n"):
            return line[:-1]
        if line == END:  # the END line alone may lack a line feed
            return line
        raise ArmorError("armored file ends unexpectedly")

    def _finish(self) -> None:
        self._source.skip_while(WHITESPACE)
        if self._source.peek(1):
            raise ArmorError("data after the armor END line")
        self._done = True

    def _next_line(self) -> bytes:
        if not self._started:
            self._source.skip_while(WHITESPACE)
            if self._line() != BEGIN:
                raise ArmorError("missing armor BEGIN line")
            self._started = True
        line = self._line()
        if line == END:  # right after BEGIN (empty file) or after a full 64-column line
            self._finish()
            return b""
        if not line or len(line) > COLUMNS:
            raise ArmorError("armor line has the wrong length")
        try:
            data = b64decode_padded_strict(line)
        except ValueError as exc:
            raise ArmorError("armor line is not canonical base64") from exc
        if len(line) < COLUMNS or line.endswith(b"="):
            if self._line() != END:
                raise ArmorError("a short or padded armor line must be the last one")
            self._finish()
        return data

    def readinto(self, buffer: "WriteableBuffer") -> int:
        out = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(out):
            if not self._pending:
                if self._done:
                    break
                self._pending = self._next_line()
                continue
            take = min(len(self._pending), len(out) - filled)
            out[filled : filled + take] = self._pending[:take]
            self._pending = self._pending[take:]
            filled += take
        return filled


BINARY_INTRO = b"age-encryption.org/"
DETECT_WINDOW = 1024  # how far auto-detection looks for the BEGIN line


def looks_armored(source: Source) -> bool:
    """Auto-detection, consuming nothing: a file is binary if it starts with the age intro;
    armored if it starts with ``-----`` after whitespace, or holds the BEGIN line in its first
    :data:`DETECT_WINDOW` bytes.

    The second rule matters for the error: text before BEGIN (CCTV ``armor_garbage_leading``)
    is a damaged armored file, an armor failure, not a binary file with a bad header."""
    start = source.peek(DETECT_WINDOW + len(BEGIN))
    if start.startswith(BINARY_INTRO):
        return False
    return start.lstrip(WHITESPACE).startswith(b"-----") or BEGIN in start


def armor_reader(raw: Readable) -> ArmorReader:
    """Wrap a binary source holding an armored file."""
    return ArmorReader(raw if isinstance(raw, Source) else Source(raw))


class ArmorWriter:
    """Encodes to armor as data arrives; call :meth:`close` to write the END line."""

    # Encode in blocks that are whole lines, so line breaks never depend on write sizes.
    _BLOCK = BYTES_PER_LINE * 1024

    def __init__(self, write: Write) -> None:
        self._write = write
        self._buf = bytearray()
        self._closed = False
        self._write(memoryview(BEGIN + b"\n"))

    def _emit(self, data: bytes) -> None:
        encoded = base64.b64encode(data)
        lines = [encoded[i : i + COLUMNS] for i in range(0, len(encoded), COLUMNS)]
        if lines:
            self._write(memoryview(b"\n".join(lines) + b"\n"))

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Buffer ``data`` and write out every complete block."""
        self._buf += data
        if len(self._buf) >= self._BLOCK:
            cut = len(self._buf) - len(self._buf) % self._BLOCK
            self._emit(bytes(self._buf[:cut]))
            del self._buf[:cut]
        return len(data)

    def close(self) -> None:
        """Write the remaining data and the END line."""
        if not self._closed:
            self._emit(bytes(self._buf))
            self._buf.clear()
            self._write(memoryview(END + b"\n"))
            self._closed = True
