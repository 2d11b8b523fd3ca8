"""Small stream adapters shared by the layers (standard library only)."""

from __future__ import annotations

import io
import os
import queue
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class IterableReader(io.RawIOBase):
    """A read-only file-like view of an iterable of byte strings (empty ones are skipped)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._it = iter(chunks)
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        while not self._pending:
            nxt = next(self._it, None)
            if nxt is None:
                return 0
            self._pending = memoryview(nxt).cast("B")
        out = memoryview(buffer).cast("B")
        take = min(len(out), len(self._pending))
        out[:take] = self._pending[:take]
        self._pending = self._pending[take:]
        return take


class BackgroundWriter:
    """Writes to a file descriptor on a worker thread, flushing to disk while it goes.

    The producer fills blocks of a small fixed pool (``reserve`` then ``commit``, so an encryptor
    can write its output straight into them, or ``write`` to copy) and goes on computing while
    the worker writes the previous blocks: ``os.write`` and ``os.fdatasync`` release the GIL,
    so the disk work overlaps with CPU work that holds it. Every ``sync_every`` bytes a second
    worker asks the kernel to flush what is written so far, so that the final ``fsync`` in
    :meth:`finish` finds little left to do. Memory is ``blocks * block_size`` bytes.

    Errors of the workers surface from the next ``reserve``/``write`` or from ``finish``.
    """

    def __init__(
        self,
        fd: int,
        *,
        block_size: int = 1 << 20,
        blocks: int = 4,
        sync_every: int = 32 << 20,
    ) -> None:
        self._fd = fd
        self._block_size = block_size
        self._views = [memoryview(bytearray(block_size)) for _ in range(blocks)]
        self._free: queue.SimpleQueue[int] = queue.SimpleQueue()
        for i in range(blocks):
            self._free.put(i)
        self._work: queue.SimpleQueue[tuple[int, int] | None] = queue.SimpleQueue()
        self._cur = -1
        self._fill = 0
        self.count = 0  # bytes accepted so far
        self._error: BaseException | None = None
        self._sync_every = sync_every
        self._sync_wanted = threading.Event()
        self._sync_stop = False
        self._closed = False
        self._writer = threading.Thread(target=self._write_loop, name="bg-write", daemon=True)
        self._syncer = threading.Thread(target=self._sync_loop, name="bg-sync", daemon=True)
        self._writer.start()
        self._syncer.start()

    # -- producer side ----------------------------------------------------------------------

    def reserve(self, n: int) -> memoryview:
        """A writable view of ``n`` bytes (at most ``block_size``); ``commit(n)`` once filled."""
        if self._error is not None:
            raise self._error
        if self._closed:
            raise ValueError("write to a finished background writer")
        if n > self._block_size:
            raise ValueError("reservation larger than a block")
        if self._cur < 0 or self._fill + n > self._block_size:
            self._submit()
            self._cur = self._free.get()
            if self._error is not None:
                raise self._error
        return self._views[self._cur][self._fill : self._fill + n]

    def commit(self, n: int) -> None:
        """The first ``n`` bytes of the last reservation are ready to be written."""
        self._fill += n
        self.count += n

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Copy ``data`` into the pool (it may be reused by the caller at once)."""
        view = memoryview(data).cast("B")
        while view:
            take = min(len(view), self._block_size)
            if self._cur >= 0:
                take = min(take, self._block_size - self._fill) or take
            self.reserve(take)[:] = view[:take]
            self.commit(take)
            view = view[take:]
        return len(data)

    def _submit(self) -> None:
        if self._cur >= 0:
            if self._fill:
                self._work.put((self._cur, self._fill))
            else:
                self._free.put(self._cur)
            self._cur, self._fill = -1, 0

    def finish(self, *, sync: bool = True) -> int:
        """Write everything, wait for the workers and (``sync``) fsync; returns the byte count."""
        if not self._closed:
            self._submit()
            self._closed = True
            self._work.put(None)
        self._writer.join()
        self._stop_syncer()
        if self._error is not None:
            raise self._error
        if sync:
            os.fsync(self._fd)
        return self.count

    def abort(self) -> None:
        """Stop the workers without syncing (after a failure); pending blocks are dropped."""
        if self._error is None:
            self._error = OSError("the write was abandoned")
        if not self._closed:
            self._cur = -1
            self._closed = True
            self._work.put(None)
        self._writer.join()
        self._stop_syncer()

    def _stop_syncer(self) -> None:
        self._sync_stop = True
        self._sync_wanted.set()
        self._syncer.join()

    # -- workers ------------------------------------------------------------------------------

    def _write_loop(self) -> None:
        unsynced = 0
        while (item := self._work.get()) is not None:
            index, n = item
            try:
                if self._error is None:
                    view = self._views[index][:n]
                    while view:
                        view = view[os.write(self._fd, view) :]
                    unsynced += n
                    if unsynced >= self._sync_every:
                        unsynced = 0
                        self._sync_wanted.set()
            except BaseException as exc:  # surfaced to the producer
                self._error = exc
            finally:
                self._free.put(index)

    def _sync_loop(self) -> None:
        while True:
            self._sync_wanted.wait()
            self._sync_wanted.clear()
            if self._sync_stop:
                return
            try:
                os.fdatasync(self._fd) if hasattr(os, "fdatasync") else os.fsync(self._fd)
            except OSError as exc:
                if self._error is None:
                    self._error = exc
