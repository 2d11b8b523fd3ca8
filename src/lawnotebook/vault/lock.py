"""One process per vault: an OS advisory lock on a lock file inside the vault folder.

The OS drops the lock when the process dies, so a crash never leaves a vault stuck "open".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lawnotebook.vault.errors import VaultAlreadyOpen

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class VaultLock:
    """Holds the vault's lock from :meth:`acquire` until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> VaultLock:
        """Take the lock or raise :class:`VaultAlreadyOpen` at once (never waits)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise VaultAlreadyOpen(
                f"the vault at {self.path.parent} is already open in another Lawnotebook "
                "window or process"
            )
        self._fd = fd
        return self

    def release(self) -> None:
        """Let go of the lock (closing the descriptor releases it)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> VaultLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
