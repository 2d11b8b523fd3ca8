"""The vault's position (generation and change counters), its mirrors outside the vault folder,
and rollback notices.

A vault's *position* is the pair ``(generation, changes)``, compared in that order:
``generation`` (``vault_meta.generation``) is raised by every backup and by every rollback
noticed; ``changes`` is the local change counter every stored row already raises
(``vault/changes.py``). Both live in the encrypted database. The position is mirrored where a
copy of the vault folder does not reach:

- on this device, a one-line file per vault in the state folder (``seen_dir()``):
  ``<state>/seen-generations/<vault id>``, written at every open, close and backup and never
  lowered;
- in each backup generation's ``generation.json`` on the drive.

Every open compares the database's position with the device's file and with every backup drive
the database remembers that is reachable right now. A lower position means this database is
older than one seen before: the folder was replaced by an older copy, a backup was restored, a
sync tool put an older ``vault.db`` back. The open goes on (the older vault is intact), says so
(``Vault.rollback``), records a notice in the database for ``verify`` to report, and moves its
generation above the one seen, so the notice is given once. Opening writes nothing to the
database otherwise.

What this cannot see (docs/threat-model.md): a rollback done together with the device file
(a whole disk restored, or someone who edits both); a copy taken after the last close that
reached the mirror (a killed app) and put back before any new edit; a rollback on a device
that never opened the newer vault without the newer backup drive attached; and *what* was
lost (it notices that, not what).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from lawnotebook.vault.atomic_file import write_atomic
from lawnotebook.vault.backup.errors import BackupError
from lawnotebook.vault.backup.layout import newest_generation
from lawnotebook.vault.changes import current_change
from lawnotebook.vault.database import Connection

STATE_ENV = "LAWNOTEBOOK_STATE_DIR"
_SEEN = "seen-generations"
_MAX_COUNTER = 2**62

Position = tuple[int, int]  # (generation, changes)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def seen_dir() -> Path:
    """Where this device mirrors the positions it has seen: ``$LAWNOTEBOOK_STATE_DIR`` or the
    user's state folder (``~/.local/state/Lawnotebook`` and the like)."""
    base = os.environ.get(STATE_ENV) or platformdirs.user_state_path("Lawnotebook", appauthor=False)
    return Path(base) / _SEEN


@dataclass(frozen=True)
class RollbackNotice:
    """This database's position (``found``) is below one seen elsewhere (``seen``)."""

    found: Position
    seen: Position
    source: str  # "device", or "backup:<backup folder name>"
    noticed_at: str = ""


def generation(conn: Connection) -> int:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def position(conn: Connection) -> Position:
    return generation(conn), current_change(conn)


def _set_generation(conn: Connection, value: int) -> None:
    conn.execute(
        "INSERT INTO vault_meta VALUES ('generation', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(value),),
    )


def device_seen(vault_id: str) -> Position:
    """The latest position this device has seen for the vault ((0, 0): none, or unreadable)."""
    try:
        text = (seen_dir() / vault_id).read_text("ascii").split()
        gen, changes = int(text[0]), int(text[1])
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return (0, 0)
    if not (0 <= gen < _MAX_COUNTER and 0 <= changes < _MAX_COUNTER):
        return (0, 0)
    return gen, changes


def mirror_on_device(vault_id: str, value: Position) -> None:
    """Raise the device's mirror to ``value`` (never lowers it); best effort: a state folder
    that cannot be written only weakens the check."""
    if value <= device_seen(vault_id):
        return
    with contextlib.suppress(OSError):
        folder = seen_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(folder / vault_id, f"{value[0]} {value[1]}\n".encode("ascii"))


def _backups_seen(conn: Connection) -> list[tuple[Position, str]]:
    """The position in the newest generation of each remembered backup reachable now."""
    seen = []
    for backup_id, location in conn.execute("SELECT backup_id, location FROM backup_drives"):
        root = Path(location)
        try:
            if not root.is_dir():
                continue
            manifest = newest_generation(root).manifest()
        except (OSError, BackupError):
            continue  # a drive not plugged in, or a damaged backup: backup verify's business
        seen.append(((manifest.vault_generation, manifest.vault_changes), f"backup:{backup_id}"))
    return seen


def _has_tables(conn: Connection) -> bool:
    """Whether the schema has this module's tables (a test may hold a vault at an older one)."""
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('backup_drives', 'rollback_notices')"
    ).fetchone()
    return bool(row[0] == 2)


def check_on_open(conn: Connection, vault_id: str) -> RollbackNotice | None:
    """Compare the database's position with its mirrors; on a rollback record a notice and
    move the generation past the one seen (one transaction). Then mirror the position."""
    if not _has_tables(conn):
        return None
    found = position(conn)
    seen, source = max([(device_seen(vault_id), "device"), *_backups_seen(conn)])
    notice = None
    if seen > found:
        notice = RollbackNotice(found, seen, source, utc_now())
        conn.execute("BEGIN IMMEDIATE")
        try:
            _set_generation(conn, max(found[0], seen[0]) + 1)
            conn.execute(
                "INSERT INTO rollback_notices VALUES (?, ?, ?, ?, ?, ?)",
                (notice.noticed_at, *found, *seen, source),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    mirror_on_device(vault_id, position(conn))
    return notice


def note_close(conn: Connection, vault_id: str) -> None:
    """Mirror the position the vault is closed at (best effort)."""
    with contextlib.suppress(Exception):
        mirror_on_device(vault_id, position(conn))


def advance_for_backup(conn: Connection) -> Position:
    """Raise the generation by one (its own transaction); returns the new position."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _set_generation(conn, generation(conn) + 1)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return position(conn)


def notices(conn: Connection) -> list[RollbackNotice]:
    """Every rollback this vault has noticed, oldest first (``verify`` reports them)."""
    if not _has_tables(conn):
        return []
    rows = conn.execute(
        "SELECT found_generation, found_changes, seen_generation, seen_changes, source,"
        " noticed_at FROM rollback_notices ORDER BY rowid"
    ).fetchall()
    return [RollbackNotice((fg, fc), (sg, sc), src, at) for fg, fc, sg, sc, src, at in rows]
