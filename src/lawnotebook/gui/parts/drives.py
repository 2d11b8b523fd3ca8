"""Where a bundle can go: removable drives first (USB sticks and SD cards mounted by the system)."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QStorageInfo

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


@dataclass(frozen=True)
class Drive:
    path: str
    label: str
    free_bytes: int


def looks_removable(root: str, is_root: bool) -> bool:
    """Mount points where desktops put USB sticks; on Windows any drive but the system one."""
    if is_root:
        return False
    if sys.platform == "win32":
        return len(root) <= 3 and not root.upper().startswith("C:")
    return root.startswith(REMOVABLE_ROOTS)


def removable_drives() -> list[Drive]:
    """Writable, ready, removable-looking volumes, largest free space first."""
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        if looks_removable(
            root if root.endswith("/") or len(root) <= 3 else root + "/", volume.isRoot()
        ):
            label = volume.displayName() or root
            drives.append(Drive(root, label, volume.bytesAvailable()))
    return sorted(drives, key=lambda d: -d.free_bytes)
