"""The age payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks.

Chunk i is sealed with nonce = 11-byte big-endian i || flag, where flag is 1 only on the final
chunk. Truncation, reordering, a missing or empty final chunk, and trailing data are all
refused. Buffers are allocated once and reused (``encrypt_into``/``decrypt_into``), so memory is
bounded by a couple of chunks whatever the file size.
"""

from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from lawnotebook.crypto.age.errors import PayloadError
from lawnotebook.crypto.age.primitives import hkdf_sha256
from lawnotebook.crypto.age.source import Source

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16
_LAST = b"\x01"
_NOT_LAST = b"\x00"

Write = Callable[[memoryview], object]
ReadInto = Callable[[memoryview], int]


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    """HKDF(file key, salt = 16-byte payload nonce, info = "payload")."""
    return hkdf_sha256(file_key, nonce, b"payload")


def _chunk_nonce(counter: int, last: bool) -> bytes:
    # 88-bit counter: unreachable in practice (2^88 chunks), so no wrap check is needed.
    return counter.to_bytes(11, "big") + (_LAST if last else _NOT_LAST)


class PayloadDecryptor:
    """Pull-style STREAM decryption: each call returns one authenticated chunk."""

    def __init__(self, key: bytes, source: Source) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._source = source
        self._in = memoryview(bytearray(ENC_CHUNK_SIZE))
        self._out = memoryview(bytearray(CHUNK_SIZE))
        self._counter = 0
        self._done = False
        self._trailing = False

    def next_chunk(self, into: memoryview | None = None) -> memoryview | None:
        """Return the next plaintext chunk (valid until the next call), or None at the end.

        With ``into`` (at least :data:`CHUNK_SIZE` bytes) the chunk is decrypted there and a
        view of its start returned; bytes of ``into`` past the returned view are unspecified.
        """
        if self._trailing:
            raise PayloadError("trailing data after the final chunk")
        if self._done:
            return None
        n = self._source.readinto(self._in)
        if n == 0:
            raise PayloadError("payload ends without a final chunk")
        if n < TAG_SIZE:
            raise PayloadError("payload chunk is shorter than its tag")
        # A short read means end of input, so this must be the final chunk. A full-size chunk
        # may be final too; we learn that only when it fails as non-final (age does the same).
        last = n < ENC_CHUNK_SIZE
        data = self._in[:n]
        out = (self._out if into is None else into)[: n - TAG_SIZE]
        try:
            self._aead.decrypt_into(_chunk_nonce(self._counter, last), data, None, out)
        except InvalidTag as exc:
            if last:
                out[:] = bytes(len(out))
                raise PayloadError("payload chunk failed authentication") from exc
            last = True
            try:
                self._aead.decrypt_into(_chunk_nonce(self._counter, True), data, None, out)
            except InvalidTag as exc2:
                out[:] = bytes(len(out))
                raise PayloadError("payload chunk failed authentication") from exc2
        if last:
            if n == TAG_SIZE and self._counter > 0:
                raise PayloadError("final chunk is empty")
            # Trailing data: the final chunk itself is authentic, so it is released (as age
            # does) and the error follows on the next call, before end of file is reported.
            self._trailing = bool(self._source.peek(1))
            self._done = True
        self._counter += 1
        return out


def encrypt_payload(key: bytes, readinto: ReadInto, write: Write) -> int:
    """Encrypt everything ``readinto`` yields; ``readinto`` must fill its buffer unless at EOF.

    Two input buffers alternate so we can look one chunk ahead (to know which chunk is last)
    without copying. Returns the plaintext length.
    """
    aead = ChaCha20Poly1305(key)
    cur, nxt = memoryview(bytearray(CHUNK_SIZE)), memoryview(bytearray(CHUNK_SIZE))
    out = memoryview(bytearray(ENC_CHUNK_SIZE))
    n = readinto(cur)
    total = 0
    counter = 0
    while True:
        m = readinto(nxt) if n == CHUNK_SIZE else 0
        last = m == 0
        aead.encrypt_into(_chunk_nonce(counter, last), cur[:n], None, out[: n + TAG_SIZE])
        write(out[: n + TAG_SIZE])
        total += n
        if last:
            return total
        cur, nxt, n = nxt, cur, m
        counter += 1


class PayloadWriter:
    """Push-style STREAM encryption for callers that produce data with ``write``.

    With ``reserve``/``commit`` (a sink that lends its own buffers, such as
    :class:`~lawnotebook.core.streams.BackgroundWriter`) each chunk is sealed straight into the
    sink's memory instead of a buffer of ours that ``write`` would then copy.
    """

    def __init__(
        self,
        key: bytes,
        write: Write,
        *,
        reserve: Callable[[int], memoryview] | None = None,
        commit: Callable[[int], object] | None = None,
    ) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._write = write
        self._reserve = reserve if commit is not None else None
        self._commit = commit
        self._buf = memoryview(bytearray(CHUNK_SIZE))
        self._out = memoryview(bytearray(ENC_CHUNK_SIZE))
        self._fill = 0
        self._counter = 0
        self._closed = False

    def _seal(self, plain: memoryview, last: bool) -> None:
        n = len(plain) + TAG_SIZE
        nonce = _chunk_nonce(self._counter, last)
        if self._reserve is not None and self._commit is not None:  # set together, or neither
            self._aead.encrypt_into(nonce, plain, None, self._reserve(n))
            self._commit(n)
        else:
            self._aead.encrypt_into(nonce, plain, None, self._out[:n])
            self._write(self._out[:n])
        self._counter += 1

    def _flush(self, last: bool) -> None:
        self._seal(self._buf[: self._fill], last)
        self._fill = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Buffer and encrypt ``data``; a full chunk is sealed only once more data follows."""
        if self._closed:
            raise ValueError("write to a closed payload writer")
        view = memoryview(data).cast("B")
        while view:
            if self._fill == CHUNK_SIZE:
                self._flush(last=False)
            if self._fill == 0 and len(view) > CHUNK_SIZE:
                # A whole chunk with more data right behind it: seal it from the caller's
                # memory, no copy (it cannot be the last chunk).
                self._seal(view[:CHUNK_SIZE], last=False)
                view = view[CHUNK_SIZE:]
                continue
            take = min(CHUNK_SIZE - self._fill, len(view))
            self._buf[self._fill : self._fill + take] = view[:take]
            self._fill += take
            view = view[take:]
        return len(data)

    def close(self) -> None:
        """Seal the final chunk (empty only if nothing at all was written)."""
        if not self._closed:
            self._flush(last=True)
            self._closed = True
