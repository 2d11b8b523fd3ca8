"""A read-only, seekable QIODevice over an evidence BlobReader, for QMediaPlayer.

The media backend reads from its own threads, so every read seeks and reads under one lock.
Nothing is buffered beyond the reader's one decrypted chunk; nothing touches the disk.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QObject

from lawnotebook.services import errors

if TYPE_CHECKING:
    from lawnotebook.services.evidence import BlobReader


class BlobDevice(QIODevice):
    def __init__(self, reader: BlobReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: BlobReader | None = reader
        self._size = reader.size
        self._lock = threading.Lock()
        # A chunk that failed authentication:
        self.failure: errors.evidence.EvidenceError | None = None

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._size

    def bytesAvailable(self) -> int:
        return max(self._size - self.pos(), 0) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes:  # type: ignore[override]
        with self._lock:
            reader = self._reader
            if reader is None:
                return b""
            position = self.pos()
            if position >= self._size:
                return b""
            try:
                reader.seek(position)
                return reader.read(min(maxlen, 1 << 20)) or b""
            except errors.evidence.EvidenceError as exc:
                self.failure = exc  # altered on disk: stop, never play unauthenticated bytes
                return b""

    def writeData(self, data: bytes) -> int:  # type: ignore[override]
        return -1

    def close(self) -> None:
        """Close the device and the reader (which wipes its decrypted chunk)."""
        with self._lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()
        super().close()
