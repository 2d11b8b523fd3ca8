"""The inner payload's framing: ``MAGIC frame*``, frame = kind (1) || u64be length || body.

Readers know each kind's limit and check it before reading a byte of the body; frames must come
in the order ``K M S R B* E`` (version 2; version 1 has no ``K``, its card is in the manifest)
and nothing may follow ``E``. Blob bodies are streamed, never held.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Protocol

from lawnotebook.bundle.errors import BundleTampered, BundleTooLarge, NotABundle

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MAGIC_V1 = b"LNBUNDLE\x00\x01"
MAGIC = MAGIC_V2 = b"LNBUNDLE\x00\x02"  # what we write
VERSIONS = {MAGIC_V1: 1, MAGIC_V2: 2}
HEADER = struct.Struct(">cQ")
CARD, MANIFEST, SIGNATURE, RECORDS, BLOB, END = b"K", b"M", b"S", b"R", b"B", b"E"
MAX_CARD = 64 << 10  # a key card is about 2.5 KB
MAX_MANIFEST = 1 << 20
MAX_RECORDS = 512 << 20
MAX_BLOB = 64 << 30
SIGNATURE_SIZE = 64
COPY_CHUNK = 1 << 20


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


class Readable(Protocol):
    """The decrypted payload: ``read`` and ``readinto``, empty (or ``None``) at its end."""

    def read(self, n: int, /) -> bytes | None: ...

    def readinto(self, buffer: WriteableBuffer, /) -> int | None: ...


def write_magic(out: Writable) -> None:
    out.write(MAGIC)


def write_frame(out: Writable, kind: bytes, body: bytes) -> None:
    """A whole frame whose body is in memory."""
    out.write(HEADER.pack(kind, len(body)))
    out.write(body)


def write_blob_frame(out: Writable, sha256: bytes, size: int, chunks: Iterator[bytes]) -> None:
    """A blob frame streamed from ``chunks``, which must yield exactly ``size`` bytes."""
    out.write(HEADER.pack(BLOB, 32 + size))
    out.write(sha256)
    written = 0
    for chunk in chunks:
        written += len(chunk)
        out.write(chunk)
    if written != size:
        raise ValueError(f"blob produced {written} bytes, expected {size}")


class FrameReader:
    """Reads frames from the decrypted payload, enforcing order and limits."""

    def __init__(self, src: Readable) -> None:
        self.src = src
        magic = self._exact(len(MAGIC), NotABundle("not a Lawnotebook bundle"))
        if magic not in VERSIONS:
            raise NotABundle("not a Lawnotebook bundle (or a newer version)")
        self.version = VERSIONS[magic]

    def _exact(self, n: int, error: Exception | None = None) -> bytes:
        data = bytearray()
        while len(data) < n:
            # At most a chunk per read: a length that was only declared (the file is shorter)
            # must not make the reader reserve that much memory up front.
            chunk = self.src.read(min(n - len(data), COPY_CHUNK))
            if not chunk:
                raise error or BundleTampered("the bundle ends too early")
            data += chunk
        return bytes(data)

    def _header(self, expected: bytes, limit: int) -> int:
        kind, length = HEADER.unpack(self._exact(HEADER.size))
        if kind != expected:
            raise BundleTampered(f"expected a {expected!r} frame, found {kind!r}")
        if length > limit:
            raise BundleTooLarge(f"a {kind!r} frame of {length} bytes exceeds {limit}")
        return length

    def read_small(self, kind: bytes, limit: int) -> bytes:
        """A frame read whole (card, manifest, signature, records): at most ``limit`` bytes."""
        return self._exact(self._header(kind, limit))

    def read_blob(self, expected_size: int) -> tuple[bytes, Iterator[bytes]]:
        """A blob frame of the declared size: its stated hash and an iterator over its bytes."""
        length = self._header(BLOB, min(MAX_BLOB, expected_size) + 32)
        if length != expected_size + 32:
            raise BundleTampered("a blob's size differs from the manifest")
        sha = self._exact(32)

        def chunks() -> Iterator[bytes]:
            left = expected_size
            while left:
                chunk = self.src.read(min(COPY_CHUNK, left))
                if not chunk:
                    raise BundleTampered("the bundle ends inside a file")
                left -= len(chunk)
                yield chunk

        return sha, chunks()

    def blob_stream(
        self, expected_size: int, on_read: Callable[[int], object] | None = None
    ) -> tuple[bytes, BlobStream]:
        """Like :meth:`read_blob`, but the bytes come from a reader (``readinto``), so they
        can be decrypted straight into the consumer's buffer; ``on_read(n)`` after each read."""
        length = self._header(BLOB, min(MAX_BLOB, expected_size) + 32)
        if length != expected_size + 32:
            raise BundleTampered("a blob's size differs from the manifest")
        sha = self._exact(32)
        return sha, BlobStream(self.src, expected_size, on_read)

    def read_end(self) -> None:
        """The end frame, and nothing after it."""
        if self._header(END, 0) != 0:
            raise BundleTampered("the end frame is not empty")
        if self.src.read(1):
            raise BundleTampered("data after the end of the bundle")


class BlobStream(io.RawIOBase):
    """A read-only view of exactly one blob frame's body; a short bundle is tampering."""

    def __init__(
        self, src: Readable, size: int, on_read: Callable[[int], object] | None = None
    ) -> None:
        super().__init__()
        self._src = src
        self._left = size
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if not self._left:
            return 0
        view = memoryview(buffer).cast("B")[: self._left]
        if not view:
            return 0
        n = self._src.readinto(view)
        if not n:
            raise BundleTampered("the bundle ends inside a file")
        self._left -= n
        if self._on_read is not None:
            self._on_read(n)
        return n
