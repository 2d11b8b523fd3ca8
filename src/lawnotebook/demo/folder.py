"""The demo's private temp folder: made 0700, removed at the end, swept if a demo was killed."""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

FOLDER_PREFIX = "lawnotebook-demo-"
_STALE_FOLDER = re.compile(rf"^{FOLDER_PREFIX}(\d+)-")


def make_folder(parent: Path | None = None) -> Path:
    """A fresh private folder (mode 0700) under the temp folder; its name carries our pid so
    a later demo can tell a crashed run's leftovers from a running one's."""
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-", dir=parent))
    os.chmod(folder, stat.S_IRWXU)  # mkdtemp already does; say it where it is relied on
    return folder


def remove_folder(folder: Path) -> None:
    """Delete the demo folder and everything in it (idempotent)."""
    for attempt in range(3):  # a file still being closed by another thread: try again
        if not folder.exists():
            return
        if attempt:
            time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        sys.stderr.write(f"lawnotebook: could not delete the demo folder {folder}\n")


def sweep_leftovers(parent: Path | None = None) -> list[Path]:
    """Remove demo folders of ours whose process is gone (killed with SIGKILL, power loss)."""
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return []
    removed = []
    for entry in Path(parent or tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        match = _STALE_FOLDER.match(entry.name)
        try:
            if not match or not entry.is_dir() or entry.stat().st_uid != os.getuid():
                continue
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            remove_folder(entry)
            removed.append(entry)
        except OSError:
            continue  # alive but not ours to signal, or unreadable: leave it
    return removed
