"""Private, atomic file replacement (the pattern Electrum's storage uses).

Write to a temp file in the same folder, restrict it to the owner before any byte is written,
fsync it, ``os.replace`` it over the target, then fsync the folder so the rename itself is
durable. A crash at any point leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol


def fsync_dir(folder: Path) -> None:
    """Make a rename or create inside ``folder`` durable (no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace_atomically(path: Path, fill: Callable[[int], int]) -> int:
    """Create a private temp file, let ``fill(fd)`` write it, fsync, rename over ``path``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if hasattr(os, "fchmod"):  # umask may have widened the create mode
            os.fchmod(fd, 0o600)
        written = fill(fd)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return written


def _write_all(fd: int, data: bytes | memoryview, write: Callable[[int, memoryview], int]) -> int:
    view = memoryview(data)
    while view:
        view = view[write(fd, view) :]
    return len(data)


def write_atomic(
    path: Path, data: bytes, *, write: Callable[[int, memoryview], int] = os.write
) -> None:
    """Replace ``path`` with ``data`` atomically, mode 0600.

    ``write`` is injectable so tests can fail the write after N bytes (a full disk).
    """
    _replace_atomically(path, lambda fd: _write_all(fd, data, write))


class Readable(Protocol):
    """A binary reader: files, evidence readers; empty (or ``None``) at the end."""

    def read(self, n: int, /) -> bytes | None: ...


def write_atomic_stream(path: Path, reader: Readable, chunk: int = 1 << 20) -> int:
    """Like :func:`write_atomic`, copying from a reader; returns the bytes written.

    The target appears only when complete: a failure (a corrupt blob, a full disk) leaves no
    partial file behind.
    """

    def copy(fd: int) -> int:
        total = 0
        while data := reader.read(chunk):
            total += _write_all(fd, data, os.write)
        return total

    return _replace_atomically(path, copy)


def remove_stale_temp_files(folder: Path, name: str) -> None:
    """Delete temp files a killed writer of ``name`` left behind."""
    for stale in folder.glob(f".{name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
