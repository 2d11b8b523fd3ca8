"""The intake pipeline: read, hash, pad, seal and write a source in bounded memory.

The main thread reads each 1 MiB chunk into one of a few preallocated buffers, seals it with
``encrypt_into`` into one of a few output buffers and queues it for the pack writer, whose
thread writes it out. SHA-256 runs on a worker thread at the same time (``hashlib`` and
``os.write`` release the GIL; the AEAD does not, so sealing stays on the main thread). Memory
is a handful of chunks whatever the size.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from lawnotebook.vault.evidence.errors import IntakeCancelled
from lawnotebook.vault.evidence.format import (
    AEAD,
    CHUNK_SIZE,
    TAG_SIZE,
    chunk_aad,
    chunk_nonce,
    padded_size,
)
from lawnotebook.vault.evidence.packs import PackWriter
from lawnotebook.vault.evidence.source import SourceReader

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]

HEAD_SIZE = 8192  # bytes kept for media-type sniffing
_BUFFERS = 4  # read-ahead depth: how far reading may run ahead of hashing
_OUT_BUFFERS = 4  # write-behind depth: how far sealing may run ahead of the pack writes


@dataclass
class SealedStream:
    """What sealing produced: the plaintext's digest and size, and each chunk's place."""

    sha256: str
    size: int
    head: bytes
    chunks: list[tuple[int, str, int, int]] = field(default_factory=list)  # idx, pack, at, len


class _Buffers:
    """A fixed pool of chunk buffers; a buffer returns to the pool when its last holder is done."""

    def __init__(self, count: int, size: int) -> None:
        self._views = [memoryview(bytearray(size)) for _ in range(count)]
        self._holds = [0] * count
        self._lock = threading.Lock()
        self._free: queue.SimpleQueue[int] = queue.SimpleQueue()
        for i in range(count):
            self._free.put(i)

    def acquire(self) -> int:
        i = self._free.get()
        self._holds[i] = 1
        return i

    def view(self, i: int) -> memoryview:
        return self._views[i]

    def hold(self, i: int) -> None:
        with self._lock:
            self._holds[i] += 1

    def release(self, i: int) -> None:
        with self._lock:
            self._holds[i] -= 1
            free = self._holds[i] == 0
        if free:
            self._free.put(i)


class _Hasher:
    """SHA-256 of the plaintext on a worker thread, fed in order."""

    def __init__(self, done: Callable[[int], None]) -> None:
        self._digest = hashlib.sha256()
        self._queue: queue.SimpleQueue[tuple[memoryview, int] | None] = queue.SimpleQueue()
        self._done = done
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="evidence-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            view, token = item
            try:
                if self._error is None:
                    self._digest.update(view)
            except BaseException as exc:  # surfaced by hexdigest()
                self._error = exc
            finally:
                self._done(token)

    def feed(self, view: memoryview, token: int) -> None:
        self._queue.put((view, token))

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self.stop()
        if self._error is not None:
            raise self._error
        return self._digest.hexdigest()


def seal_stream(
    reader: SourceReader,
    writer: PackWriter,
    aead: AEAD,
    blob_id: bytes,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> SealedStream:
    """Seal everything ``reader`` yields into ``writer``'s packs (zero padding included)."""
    pool = _Buffers(_BUFFERS, CHUNK_SIZE)
    hasher = _Hasher(pool.release)
    # Sealed chunks wait in these while the pack writer's thread writes them out.
    outs = _Buffers(_OUT_BUFFERS, CHUNK_SIZE + TAG_SIZE)
    zeros = memoryview(bytes(CHUNK_SIZE))
    chunks: list[tuple[int, str, int, int]] = []

    def seal(plain: memoryview, last: bool) -> None:
        idx = len(chunks)
        o = outs.acquire()
        sealed = outs.view(o)[: len(plain) + TAG_SIZE]
        aead.encrypt_into(chunk_nonce(idx), plain, chunk_aad(blob_id, idx, last), sealed)
        name, at = writer.append(sealed, lambda: outs.release(o))
        chunks.append((idx, name, at, len(sealed)))

    def read_chunk() -> tuple[int, int]:
        if cancel is not None and cancel():
            raise IntakeCancelled("the intake was cancelled")
        i = pool.acquire()
        n = reader.fill(pool.view(i))
        if n:
            pool.hold(i)
            hasher.feed(pool.view(i)[:n], i)
        if progress is not None:
            progress(reader.read, reader.size)
        return i, n

    try:
        cur, n = read_chunk()
        head = bytes(pool.view(cur)[: min(n, HEAD_SIZE)])
        while n == CHUNK_SIZE:  # read one ahead: a chunk is "last" only if nothing follows
            nxt, m = read_chunk()
            if m == 0:
                pool.release(nxt)
                break
            seal(pool.view(cur), last=False)
            pool.release(cur)
            cur, n = nxt, m
        # cur holds the final n data bytes; the padded stream continues with zeros.
        size = reader.read
        remaining = padded_size(size) - (size - n)
        first = min(remaining, CHUNK_SIZE)
        tail = pool.view(cur)
        tail[n:first] = zeros[: first - n]  # the hasher reads only tail[:n]
        seal(tail[:first], last=remaining <= CHUNK_SIZE)
        pool.release(cur)
        remaining -= first
        while remaining:
            step = min(remaining, CHUNK_SIZE)
            seal(zeros[:step], last=remaining <= CHUNK_SIZE)
            remaining -= step
        return SealedStream(hasher.hexdigest(), size, head, chunks)
    finally:
        hasher.stop()
