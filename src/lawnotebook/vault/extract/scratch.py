"""The private, empty folder each extraction worker runs in, made and removed by the app.

Libraries the worker loads (ONNX Runtime, OpenCV, fontconfig, ...) may write caches, device
ids or temp files under the home, XDG or temp folders. The worker points all of those into its
own folder (:func:`lawnotebook.vault.extract.worker.use_private_folders`), so whatever a library
still writes lands here and dies with the worker: the pool removes the folder when it kills or
loses the worker, a worker killed from outside included, and removes the folders of an earlier
run of the app that was itself killed (their names carry the app's process id).

The folder lives in ``$XDG_RUNTIME_DIR`` where there is one (Linux: memory-backed, the user's
only, emptied at logout), else in the system's temp folder (per-user on macOS and Windows).
Nothing of a case is ever put in it: evidence reaches the worker through a pipe, never a file.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

PREFIX = "lawnotebook-worker-"


def _base() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        try:
            info = os.stat(runtime)
            if (
                stat.S_ISDIR(info.st_mode)
                and info.st_uid == os.getuid()
                and not info.st_mode & 0o077
            ):
                return Path(runtime)
        except (OSError, AttributeError):  # AttributeError: no getuid on Windows
            pass
    return Path(tempfile.gettempdir())


def make() -> Path:
    """A new empty folder, readable by this user only (0700 from the start)."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=_base()))


def remove(folder: Path) -> None:
    """Remove a worker's folder and whatever a library left in it."""
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone's process: not ours to judge, leave its folder alone
    return True


def sweep_orphans() -> int:
    """Remove the folders of workers whose app is gone (it was killed); returns how many.
    POSIX only: on Windows ``os.kill(pid, 0)`` would end the process it asks about."""
    if os.name != "posix":
        return 0
    removed = 0
    base = _base()
    try:
        names = [n for n in os.listdir(base) if n.startswith(PREFIX)]
    except OSError:
        return 0
    for name in names:
        owner = name[len(PREFIX) :].split("-", 1)[0]
        path = base / name
        if not owner.isdigit() or _alive(int(owner)):
            continue
        try:
            if path.is_symlink() or path.stat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        remove(path)
        removed += 1
    return removed
