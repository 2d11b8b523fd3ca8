"""Schema versions and the migration runner.

``PRAGMA user_version`` holds the schema version. Each migration brings the database from
version ``n - 1`` to ``n`` inside one transaction together with the version bump, so a failure
leaves the database exactly as it was. Before upgrading an existing vault the runner copies the
(encrypted) database file into ``backups/``; after a successful upgrade only the newest
``KEEP_BACKUPS`` copies stay.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.database import Connection
from lawnotebook.vault.errors import MigrationFailed, VaultTooNew
from lawnotebook.vault.migrations import MIGRATIONS

Migration = Callable[[Connection], None]

CURRENT_VERSION = max(MIGRATIONS)
# Pre-upgrade copies kept after a successful upgrade: the newest few, enough to step back a
# release or two. Each is the whole database under the key of its day, so no more are kept.
KEEP_BACKUPS = 3
_BACKUP_GLOB = "*.v*.*.db"


def schema_version(conn: Connection) -> int:
    """The database's schema version (0 for a brand-new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_database(db_path: Path, backups: Path, version: int) -> Path:
    """Copy the encrypted database file aside before an upgrade; returns the copy's path."""
    backups.mkdir(mode=0o700, exist_ok=True)
    stamp = f"{db_path.stem}.v{version}.{time.strftime('%Y%m%dT%H%M%S')}"
    # A second upgrade attempt within the same second (after one failed) keeps both copies.
    for n in itertools.count():
        target = backups / (f"{stamp}.db" if n == 0 else f"{stamp}-{n}.db")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            continue
    with os.fdopen(fd, "wb") as out, db_path.open("rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
        os.fsync(out.fileno())
    fsync_dir(backups)
    return target


def _backups_newest_first(backups: Path) -> list[Path]:
    if not backups.is_dir():
        return []
    found = [p for p in backups.glob(_BACKUP_GLOB) if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def prune_backups(backups: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the ``keep`` newest pre-upgrade copies; returns what was deleted.

    Only files named as :func:`backup_database` names them are touched. Deleting does not
    scrub the disk blocks (an SSD or a snapshot may keep them); the copies are encrypted.
    """
    removed = []
    for old in _backups_newest_first(backups)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
            removed.append(old)
    if removed:
        fsync_dir(backups)
    return removed


def remove_backups(backups: Path) -> list[Path]:
    """Delete every pre-upgrade copy (after a key change: they are under the old key)."""
    return prune_backups(backups, keep=0)


def migrate(
    conn: Connection,
    db_path: Path,
    backups: Path,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> int:
    """Bring the schema up to date; returns the version reached.

    Raises :class:`VaultTooNew` for a database from a newer release (untouched) and
    :class:`MigrationFailed` if a step fails (that step rolled back, a backup kept).
    """
    target = max(migrations)
    current = schema_version(conn)
    if current > target:
        raise VaultTooNew(f"the vault's schema {current} is newer than this app's {target}")
    if current == target:
        return current
    if current > 0:
        backup_database(db_path, backups, current)
    for version in range(current + 1, target + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            migrations[version](conn)
            if not conn.in_transaction:  # e.g. executescript() committed behind our back
                raise RuntimeError(f"migration {version} ended the transaction itself")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except Exception as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationFailed(f"upgrading the vault to schema {version} failed") from exc
    prune_backups(backups)  # only after success: a failed upgrade keeps every copy
    return target
