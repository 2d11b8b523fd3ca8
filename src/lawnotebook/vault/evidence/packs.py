"""Pack files: append-only files of sealed chunks under ``<vault>/packs/``, and their sweeping.

A pack is named by 32 random hex digits and holds nothing but concatenated AEAD ciphertexts
(no header, no plaintext). Packs are written and fsynced *before* the database names them; a
pack the database does not name is the leftover of a killed or failed intake and is removed by
:func:`sweep_orphans`. Names being written by this process are kept in an in-flight set, so a
sweep never deletes a pack under an intake that is still running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path

from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.errors import StorageFull
from lawnotebook.vault.evidence.format import is_pack_name, new_pack_name

PACKS_DIR = "packs"
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)

_MAX_SYNCING = 2  # packs being flushed while the next one is written

Write = Callable[[int, memoryview], int]
_Item = tuple[int, memoryview | None, Callable[[], object] | None]

_in_flight: dict[Path, set[str]] = {}
_in_flight_lock = threading.Lock()


def packs_dir(root: Path) -> Path:
    return Path(root) / PACKS_DIR


def _claim(folder: Path, name: str) -> None:
    with _in_flight_lock:
        _in_flight.setdefault(folder.resolve(), set()).add(name)


def _release(folder: Path, names: list[str]) -> None:
    with _in_flight_lock:
        active = _in_flight.get(folder.resolve(), set())
        active.difference_update(names)


def storage_error(exc: OSError, what: str) -> Exception:
    """StorageFull for a full disk or quota; the OSError itself otherwise."""
    if exc.errno in _FULL:
        return StorageFull(f"the disk is full: {what}")
    return exc


class PackWriter:
    """Writes one intake's chunks into fresh packs; ``discard()`` removes every one of them.

    The writes themselves run on a worker thread, in order (``os.write`` releases the GIL, so
    they overlap with sealing the next chunks); ``append`` returns at once with the chunk's
    place and calls ``on_written`` once the buffer may be reused. Finished packs are fsynced
    on further background threads, so the disk flush overlaps with the next pack's writes.
    Errors surface from the next ``append`` or from ``finish``.
    """

    def __init__(self, root: Path, chunks_per_pack: int, *, write: Write = os.write) -> None:
        self.folder = packs_dir(root)
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, "creating the packs folder") from exc
        self.names: list[str] = []
        self._chunks_per_pack = chunks_per_pack
        self._write = write
        self._fd = -1
        self._offset = 0
        self._in_pack = 0
        self._syncing: list[threading.Thread] = []
        self._sync_error: BaseException | None = None
        self._write_error: BaseException | None = None
        self._discarding = False
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None

    def append(
        self, sealed: memoryview, on_written: Callable[[], object] | None = None
    ) -> tuple[str, int]:
        """Queue one sealed chunk for writing; returns (pack name, offset in the pack).

        ``sealed`` must stay untouched until ``on_written()`` (without it, until ``finish``).
        """
        self._raise_error()
        if self._fd < 0 or self._in_pack == self._chunks_per_pack:
            self._next_pack()
        offset = self._offset
        if self._worker is None:
            self._worker = threading.Thread(target=self._write_loop, name="pack-write", daemon=True)
            self._worker.start()
        self._queue.put((self._fd, sealed, on_written))
        self._offset += len(sealed)
        self._in_pack += 1
        return self.names[-1], offset

    def _raise_error(self) -> None:
        if self._write_error is not None:
            raise self._write_error
        if self._sync_error is not None:
            raise self._sync_error

    def _write_loop(self) -> None:
        while (item := self._queue.get()) is not None:
            fd, sealed, on_written = item
            try:
                if sealed is None:  # the pack is complete: flush it (or just close it)
                    if self._write_error is None and not self._discarding:
                        self._start_sync(fd)
                    else:
                        os.close(fd)
                elif self._write_error is None and not self._discarding:
                    view = sealed
                    while view:
                        view = view[self._write(fd, view) :]
            except OSError as exc:
                error = storage_error(exc, "writing evidence")
                if error is not exc:
                    error.__cause__ = exc
                self._write_error = error
            except BaseException as exc:
                self._write_error = exc
            finally:
                if on_written is not None:
                    on_written()

    def _next_pack(self) -> None:
        self._finish_pack()
        name = new_pack_name()
        _claim(self.folder, name)  # before the file exists, so a sweep can never see it unclaimed
        self.names.append(name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            self._fd = os.open(self.folder / name, flags, 0o600)
        except OSError as exc:
            raise storage_error(exc, "creating a pack file") from exc
        self._offset = 0
        self._in_pack = 0

    def _finish_pack(self) -> None:
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        if self._worker is None:
            os.close(fd)
        else:  # after the pack's queued writes
            self._queue.put((fd, None, None))

    def _start_sync(self, fd: int) -> None:
        # On the write worker: the sync threads are only ever touched here and after a join.
        worker = threading.Thread(target=self._sync_and_close, args=(fd,), daemon=True)
        worker.start()
        self._syncing.append(worker)
        while len(self._syncing) > _MAX_SYNCING:  # back-pressure: the disk sets the pace
            self._syncing.pop(0).join()

    def _sync_and_close(self, fd: int) -> None:
        try:
            os.fsync(fd)
        except OSError as exc:  # delayed allocation can report a full disk only here
            self._sync_error = storage_error(exc, "flushing evidence")
        finally:
            os.close(fd)

    def finish(self) -> list[str]:
        """Flush every pack and the folder entry to disk; returns the pack names in order."""
        self._finish_pack()
        self._join()
        self._raise_error()
        fsync_dir(self.folder)
        return list(self.names)

    def _join(self) -> None:
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join()
            self._worker = None
        for worker in self._syncing:
            worker.join()
        self._syncing.clear()

    def discard(self) -> None:
        """Remove every pack this writer created (after a failure, a cancel or a dedup hit)."""
        self._discarding = True  # queued writes are dropped, open packs only closed
        self._finish_pack()
        self._join()
        for name in self.names:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.folder / name)
        fsync_dir(self.folder)
        self.release()

    def release(self) -> None:
        """Forget the in-flight claim (after the packs were committed or removed)."""
        _release(self.folder, self.names)


def sweep_orphans(root: Path, conn: Connection) -> int:
    """Delete pack files the database does not name; returns how many were removed.

    Call on vault open (with the vault lock held) and after any failed intake. Packs that an
    intake in this process is still writing are left alone.
    """
    folder = packs_dir(root)
    try:
        listed = [p.name for p in folder.iterdir() if is_pack_name(p.name)]
    except FileNotFoundError:
        return 0
    # Order matters: list, then snapshot the in-flight set, then ask the database. A pack
    # leaves the in-flight set only after its row is committed or the file is gone.
    with _in_flight_lock:
        active = set(_in_flight.get(folder.resolve(), set()))
    known = {row[0] for row in conn.execute("SELECT name FROM evidence_pack")}
    removed = 0
    for name in listed:
        if name in active or name in known:
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)
            removed += 1
    if removed:
        fsync_dir(folder)
    return removed
