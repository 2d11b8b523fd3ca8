"""The database's consistent copy, and a read-only open of a backup's copy.

The copy is SQLite's online backup of the whole file in one step: the step holds a read
transaction on the vault's database from its first page to its last, so it is one committed
state even while another thread writes (the writer waits for the step, which takes about as
long as reading the file). Both ends are keyed with the vault's data key, so the copy's pages
are encrypted exactly as the vault's are and the same header opens it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import sqlcipher3

from lawnotebook.vault.backup.errors import BackupDamaged
from lawnotebook.vault.database import Connection, _apply_key, open_database, wait_for_locks

_WAIT_MS = 30_000  # a writer's transaction in progress: wait for it rather than fail


def copy_database(source: Connection, target: Path, key: bytes) -> None:
    """Write a consistent snapshot of ``source`` (a connection of the vault) to ``target``."""
    wait_for_locks(source, _WAIT_MS)
    copy = open_database(target, key, create=True)
    try:
        source.backup(
            copy, pages=-1, sleep=0.005
        )  # one step: one read transaction, one committed state
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    fd = os.open(target, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_read_only(path: Path, key: bytes) -> Connection:
    """Open a backup's database without writing a byte (no journal, no lock file: SQLite's
    ``immutable``), so verifying a backup works on a write-protected drive and changes
    nothing. Raises :class:`BackupDamaged` when the key does not open it."""
    if not path.is_file():
        raise BackupDamaged(f"the backup's {path.name} is missing")
    uri = "file:" + quote(str(path.resolve()).replace(os.sep, "/")) + "?mode=ro&immutable=1"
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        _apply_key(conn, key)
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise BackupDamaged("the backup's database does not open with its header's key") from exc
    except BaseException:
        conn.close()
        raise
    return conn
