"""Private, atomic file replacement (the pattern Electrum's storage uses).

Write to a temp file in the same folder, restrict it to the owner before any byte is written,
fsync it, ``os.replace`` it over the target, then fsync the folder so the rename itself is
durable. A crash at any point leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


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


def write_atomic(path: Path, data: bytes, *, write=os.write) -> None:
    """Replace ``path`` with ``data`` atomically, mode 0600.

    ``write`` is injectable so tests can fail the write after N bytes (a full disk).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if hasattr(os, "fchmod"):  # umask may have widened the create mode
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            written = write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def remove_stale_temp_files(folder: Path, name: str) -> None:
    """Delete temp files a killed writer of ``name`` left behind."""
    for stale in folder.glob(f".{name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
