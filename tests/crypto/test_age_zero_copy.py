"""The zero-copy paths of the age payload produce and accept exactly the same bytes.

Sealing straight into a sink's buffers (``reserve``/``commit``), sealing whole chunks from the
caller's memory, and decrypting straight into the caller's buffer are optimisations only: the
ciphertext must be byte-identical to the plain path's and every refusal must stay a refusal.
"""

from __future__ import annotations

import io
import os

import pytest

from lawnotebook.crypto import age
from lawnotebook.crypto.age.stream import (
    CHUNK_SIZE,
    ENC_CHUNK_SIZE,
    PayloadWriter,
    encrypt_payload,
)

KEY = bytes(range(32))
X1 = age.X25519Identity.generate()


class _LendingSink:
    """A sink that lends buffers like BackgroundWriter does, and records what was committed."""

    def __init__(self) -> None:
        self.out = bytearray()
        self._lent = memoryview(bytearray(0))
        self.reserved = 0

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        self.out += data
        return len(data)

    def reserve(self, n: int) -> memoryview:
        self.reserved += 1
        self._lent = memoryview(bytearray(n))
        return self._lent

    def commit(self, n: int) -> None:
        self.out += self._lent[:n]


def _reference(data: bytes) -> bytes:
    out = bytearray()
    src = io.BytesIO(data)
    encrypt_payload(KEY, src.readinto, out.extend)
    return bytes(out)


PIECES = [
    [0],
    [1],
    [CHUNK_SIZE],
    [CHUNK_SIZE + 1],
    [3 * CHUNK_SIZE],  # whole chunks from the caller's memory, the last one buffered
    [3 * CHUNK_SIZE + 5],
    [5, 3 * CHUNK_SIZE],  # unaligned start, then big writes
    [CHUNK_SIZE - 1, 1, 2 * CHUNK_SIZE, 0, 7],
    [1 << 20, 1 << 20, 123],  # 1 MiB writes, as the bundle sealer does
]


@pytest.mark.parametrize("pieces", PIECES)
@pytest.mark.parametrize("lend", [False, True])
def test_payload_writer_matches_the_reference_stream(pieces: list[int], lend: bool) -> None:
    data = os.urandom(sum(pieces))
    sink = _LendingSink()
    writer = (
        PayloadWriter(KEY, sink.write, reserve=sink.reserve, commit=sink.commit)
        if lend
        else PayloadWriter(KEY, sink.write)
    )
    at = 0
    for n in pieces:
        writer.write(memoryview(data)[at : at + n])
        at += n
    writer.close()
    assert bytes(sink.out) == _reference(data)
    assert (sink.reserved > 0) == lend


def test_open_encrypt_into_a_lending_sink_round_trips() -> None:
    data = os.urandom(2 * CHUNK_SIZE + 9)
    sink = _LendingSink()
    with age.open_encrypt(sink, [X1.recipient]) as writer:
        writer.write(data)
    assert sink.reserved == 3
    assert age.decrypt(bytes(sink.out), [X1]) == data


def test_armor_never_uses_the_lent_buffers() -> None:
    sink = _LendingSink()
    with age.open_encrypt(sink, [X1.recipient], armor=True) as writer:
        writer.write(b"x" * (CHUNK_SIZE + 1))
    assert sink.reserved == 0
    assert age.decrypt(bytes(sink.out), [X1]) == b"x" * (CHUNK_SIZE + 1)


BUFFERS = [CHUNK_SIZE, 2 * CHUNK_SIZE + 1, 4 << 20]  # one chunk per call, or several


def _read_direct(sealed: bytes, size: int = CHUNK_SIZE) -> tuple[bytes, Exception | None]:
    """Read with buffers of at least a chunk (the direct-decrypt path); returns what came."""
    reader = age.open_decrypt(io.BytesIO(sealed), [X1])
    buf = bytearray(size)
    got = bytearray()
    try:
        while n := reader.readinto(buf):
            got += buf[:n]
    except age.PayloadError as exc:
        return bytes(got), exc
    return bytes(got), None


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE - 1, 16 * CHUNK_SIZE, 17 * CHUNK_SIZE]
)
@pytest.mark.parametrize("buffer", BUFFERS)
def test_direct_decrypt_round_trips(size: int, buffer: int) -> None:
    data = os.urandom(size)
    got, error = _read_direct(age.encrypt(data, [X1.recipient]), buffer)
    assert error is None
    assert got == data


@pytest.mark.parametrize("buffer", BUFFERS)
def test_direct_decrypt_releases_only_the_authenticated_prefix(buffer: int) -> None:
    data = os.urandom(3 * CHUNK_SIZE + 10)
    sealed = bytearray(age.encrypt(data, [X1.recipient]))
    payload_start = len(sealed) - (len(data) + 4 * 16)
    sealed[payload_start + 2 * ENC_CHUNK_SIZE + 5] ^= 1  # inside the third chunk
    got, error = _read_direct(bytes(sealed), buffer)
    assert isinstance(error, age.PayloadError)
    assert got == data[: 2 * CHUNK_SIZE]


def test_an_error_after_released_chunks_comes_with_the_next_read() -> None:
    data = os.urandom(3 * CHUNK_SIZE)
    sealed = bytearray(age.encrypt(data, [X1.recipient]))
    sealed[-5] ^= 1  # the final chunk's tag
    reader = age.open_decrypt(io.BytesIO(bytes(sealed)), [X1])
    buf = bytearray(4 << 20)
    assert reader.readinto(buf) == 2 * CHUNK_SIZE
    assert buf[: 2 * CHUNK_SIZE] == data[: 2 * CHUNK_SIZE]
    with pytest.raises(age.PayloadError):
        reader.readinto(buf)


@pytest.mark.parametrize("buffer", BUFFERS)
@pytest.mark.parametrize("size", [0, 5, CHUNK_SIZE, 2 * CHUNK_SIZE])
def test_direct_decrypt_refuses_trailing_data(size: int, buffer: int) -> None:
    # An empty final chunk is no excuse to stop before looking for trailing bytes.
    sealed = age.encrypt(os.urandom(size), [X1.recipient])
    _, error = _read_direct(sealed + b"x", buffer)
    assert isinstance(error, age.PayloadError)


@pytest.mark.parametrize("buffer", BUFFERS)
def test_direct_decrypt_refuses_truncation_at_a_chunk_boundary(buffer: int) -> None:
    data = os.urandom(2 * CHUNK_SIZE + 5)
    sealed = age.encrypt(data, [X1.recipient])
    got, error = _read_direct(sealed[: len(sealed) - (5 + 16)], buffer)
    assert isinstance(error, age.PayloadError)
    assert got == data[: 2 * CHUNK_SIZE]
