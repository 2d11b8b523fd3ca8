"""Reading the file to add: a path or a binary file-like, into preallocated buffers.

Every failure becomes :class:`SourceUnreadable`. For a path, the file is checked again at the
end: if it shrank, grew, was modified, replaced or removed while being read, the intake is
refused with :class:`SourceChanged`, because its SHA-256 would describe no single version.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

from lawnotebook.vault.evidence.errors import SourceChanged, SourceUnreadable

# A path, or an open binary file or raw stream (such as a bundle's blob stream).
Source = str | os.PathLike[str] | BinaryIO | io.RawIOBase

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes in folders


class SourceReader:
    """Fills buffers from the source; ``size`` is known up front for a path, else ``None``."""

    def __init__(self, source: Source) -> None:
        self.path: Path | None = None
        self.size: int | None = None
        self.read = 0
        self._stat: os.stat_result | None = None
        if isinstance(source, str | os.PathLike):
            self.path = Path(source)
            self._file: BinaryIO | io.RawIOBase = self._open(self.path)
            self._owned = True
        else:
            self._file = source
            self._owned = False
        self._readinto = getattr(self._file, "readinto", None)

    def _open(self, path: Path) -> BinaryIO:
        try:
            # O_NONBLOCK: opening a named pipe (or a device) must not wait for a writer; such a
            # source is refused just below. It changes nothing for a regular file.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK)
        except OSError as exc:
            raise SourceUnreadable(f"cannot open {path.name}: {exc.strerror}") from exc
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise SourceUnreadable(f"{path.name} is a folder, not a file")
            if not stat.S_ISREG(st.st_mode):
                raise SourceUnreadable(f"{path.name} is not a regular file")
        except BaseException:
            os.close(fd)
            raise
        if _NONBLOCK:
            os.set_blocking(fd, True)
        self._stat = st
        self.size = st.st_size
        return os.fdopen(fd, "rb", buffering=0)

    def fill(self, buf: memoryview) -> int:
        """Read until ``buf`` is full or the source ends; returns the byte count."""
        got = 0
        try:
            while got < len(buf):
                n = self._read_some(buf[got:])
                if not n:
                    break
                got += n
        except OSError as exc:
            raise SourceUnreadable(f"reading the file failed: {exc.strerror or exc}") from exc
        except (AttributeError, TypeError, ValueError) as exc:
            raise SourceUnreadable(f"the source cannot be read as bytes: {exc}") from exc
        self.read += got
        return got

    def _read_some(self, view: memoryview) -> int:
        if self._readinto is not None:
            return self._readinto(view) or 0
        data = self._file.read(len(view))
        if data is None:  # a non-blocking raw stream with nothing ready
            raise SourceUnreadable("the source has no bytes to give (is it non-blocking?)")
        view[: len(data)] = data
        return len(data)

    def check_unchanged(self) -> None:
        """Raise :class:`SourceChanged` unless a path source is the same file, same size, now."""
        if self.path is None or self._stat is None:
            return
        before = self._stat
        if self.read != before.st_size:
            verb = "shrank" if self.read < before.st_size else "grew"
            raise SourceChanged(f"{self.path.name} {verb} while it was being read")
        try:
            now_fd = os.fstat(self._file.fileno())
            now_path = os.stat(self.path)
        except OSError as exc:
            raise SourceChanged(f"{self.path.name} vanished while it was being read") from exc
        if (now_fd.st_size, now_fd.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            raise SourceChanged(f"{self.path.name} was modified while it was being read")
        if (now_path.st_dev, now_path.st_ino) != (before.st_dev, before.st_ino):
            raise SourceChanged(f"{self.path.name} was replaced while it was being read")

    def close(self) -> None:
        if self._owned:
            self._file.close()
