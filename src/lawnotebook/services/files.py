"""Saving a file the user asked for (a report, a key card, an exported copy) privately.

The window and the command line save through here rather than reaching into the storage layer:
a temp file beside the target, owner-only before the first byte, fsync, then one rename, so a
crash leaves the old file or the new one and no other user can read it meanwhile.
"""

from __future__ import annotations

from lawnotebook.vault.atomic_file import write_atomic, write_atomic_stream

__all__ = ["write_atomic", "write_atomic_stream"]
