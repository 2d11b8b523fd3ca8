"""Pack files: append-only files of sealed chunks, their life cycle and the sweep on open.

A pack is named by 32 random hex digits and holds nothing but concatenated AEAD ciphertexts
(no header, no plaintext). Its life cycle (``docs/vault-format.md``, "Evidence storage")::

    <vault>/packs-staging/<name>     written and fsynced here, named by no database row yet
    <vault>/packs/<name>             moved here inside the registering transaction, before COMMIT
    <vault>/packs-quarantine/<name>  a pack in packs/ that no row names, moved aside at open

Only a staged pack is provably the leftover of an intake that never reached its commit, so only
staged packs are ever deleted by :func:`sweep_orphans`. A pack in ``packs/`` that the database
does not name may belong to a newer copy of ``vault.db`` (a restore, a sync tool, a rollback):
it is moved to quarantine, never deleted, and moved back by the first open whose database names
it again. Names being written by this process are kept in an in-flight set, so a sweep never
touches a pack under an intake that is still running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.errors import StorageFull
from lawnotebook.vault.evidence.format import is_pack_name, new_pack_name

PACKS_DIR = "packs"
STAGING_DIR = "packs-staging"
QUARANTINE_DIR = "packs-quarantine"
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)

_MAX_SYNCING = 2  # packs being flushed while the next one is written

Write = Callable[[int, memoryview], int]
_Item = tuple[int, memoryview | None, Callable[[], object] | None]

_in_flight: dict[Path, set[str]] = {}
_in_flight_lock = threading.Lock()


def packs_dir(root: Path) -> Path:
    return Path(root) / PACKS_DIR


def staging_dir(root: Path) -> Path:
    return Path(root) / STAGING_DIR


def quarantine_dir(root: Path) -> Path:
    return Path(root) / QUARANTINE_DIR


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
        self.folder = packs_dir(root)  # where committed packs live, and the in-flight key
        self.staging = staging_dir(root)  # where this writer's packs are written
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            self.staging.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, "creating the packs folder") from exc
        self.names: list[str] = []
        self._promoted = False
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
            self._fd = os.open(self.staging / name, flags, 0o600)
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
        fsync_dir(self.staging)
        return list(self.names)

    def promote(self) -> None:
        """Move the finished packs from staging into ``packs/``; call inside the registering
        transaction, before its COMMIT. A crash after this leaves packs that are not deleted
        (quarantined) even should the commit not have happened; a crash before it leaves only
        staged packs, which the next open deletes."""
        if self._promoted:
            return
        try:
            for name in self.names:
                os.replace(self.staging / name, self.folder / name)
        except OSError as exc:
            raise storage_error(exc, "moving evidence into place") from exc
        self._promoted = True
        fsync_dir(self.folder)  # durable before the COMMIT that names them
        fsync_dir(self.staging)

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
        # This process knows the registering commit did not happen, so even promoted packs go.
        for name in self.names:
            for folder in (self.staging, self.folder):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(folder / name)
        fsync_dir(self.staging)
        fsync_dir(self.folder)
        self.release()

    def release(self) -> None:
        """Forget the in-flight claim (after the packs were committed or removed)."""
        _release(self.folder, self.names)


@dataclass(frozen=True)
class PackSweep:
    """What :func:`sweep_orphans` did at open, for the lawyer to be told."""

    removed: int = 0  # staged packs of intakes that never reached their commit: deleted
    quarantined: int = 0  # packs no row names, moved to packs-quarantine/ (kept, still sealed)
    restored: int = 0  # quarantined (or staged) packs the database names again, moved back
    in_quarantine: int = 0  # packs waiting in packs-quarantine/ after this sweep


def _listed(folder: Path) -> list[str]:
    try:
        return [p.name for p in folder.iterdir() if is_pack_name(p.name) and p.is_file()]
    except FileNotFoundError:
        return []


def packs_in_quarantine(root: Path) -> int:
    """How many pack files wait in ``packs-quarantine/``."""
    return len(_listed(quarantine_dir(root)))


def _move(source: Path, target_folder: Path) -> bool:
    """Move a pack without ever replacing a file of the same name; whether it moved."""
    target = target_folder / source.name
    if target.exists():
        return False
    target_folder.mkdir(mode=0o700, exist_ok=True)
    os.rename(source, target)
    return True


def sweep_orphans(root: Path, conn: Connection) -> PackSweep:
    """Tidy the pack folders at open (with the vault lock held); never deletes a pack that
    could belong to a committed evidence record.

    Staged packs no row names are deleted (their intake never reached its commit); packs in
    ``packs/`` no row names are moved to quarantine; quarantined packs a row names again are
    moved back. Packs an intake in this process is still writing are left alone.
    """
    folders = packs_dir(root), staging_dir(root), quarantine_dir(root)
    packs, staging, quarantine = folders
    # Order matters: list, then snapshot the in-flight set, then ask the database. A pack
    # leaves the in-flight set only after its row is committed or the file is gone.
    committed, staged, held = _listed(packs), _listed(staging), _listed(quarantine)
    if not (committed or staged or held):
        return PackSweep()
    with _in_flight_lock:
        active = set(_in_flight.get(packs.resolve(), set()))
    known = {row[0] for row in conn.execute("SELECT name FROM evidence_pack")}
    in_place = set(committed)
    removed = quarantined = restored = 0
    for name in staged:
        if name in active:
            continue
        if name in known and name not in in_place:  # not written by this version; be kind
            restored += _move(staging / name, packs)
        elif name not in known:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(staging / name)
                removed += 1
    for name in committed:
        if name not in active and name not in known:
            quarantined += _move(packs / name, quarantine)
    for name in held:
        if name in known and name not in in_place:
            restored += _move(quarantine / name, packs)
    if removed or quarantined or restored:
        for folder in folders:
            if folder.is_dir():
                fsync_dir(folder)
    return PackSweep(removed, quarantined, restored, len(_listed(quarantine)))
