"""Opening the SQLCipher database with the raw data key and our hardening pragmas."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

import sqlcipher3

from lawnotebook.vault.errors import DatabaseMissing, DatabaseNotOurs

# PRAGMA application_id marks a Lawnotebook database ("LNB1").
APPLICATION_ID = 0x4C4E4231

Connection = sqlcipher3.Connection


def _wipe(text: str) -> None:
    """Overwrite the characters of a string only we hold (CPython's compact ASCII layout:
    the characters end the object, followed by a NUL). Python strings are immutable and
    nothing else may see this one change: the caller drops it right after."""
    if sys.implementation.name != "cpython" or not text.isascii():
        return
    offset = sys.getsizeof(text) - len(text) - 1
    ctypes.memset(id(text) + offset, ord("0"), len(text))


def _apply_key(conn: Connection, key: bytes, pragma: str = "key") -> None:
    """``PRAGMA key`` (or ``rekey``) with the raw key, leaving no copy of its text behind where
    we can help it.

    A 64-hex-digit blob literal tells SQLCipher to use the key as is, skipping PBKDF2: the key
    is already 256 random bits, and the passphrase stretching happens in the header (Argon2id).
    PRAGMA takes no bound parameters, so the key is in SQL text. ``executescript`` runs it
    without the driver's statement cache (which would keep the text, and SQLite's compiled
    statement, for the life of the connection; sqlcipher3 caches at least 5 statements whatever
    ``cached_statements`` says), ``cipher_memory_security`` (set before) makes SQLCipher wipe
    what SQLite allocated for it, and our two strings are overwritten once used. Left: the
    bytes of the key itself, which SQLCipher and the vault must hold while the vault is open.
    """
    digits = key.hex()
    sql = f"PRAGMA {pragma} = \"x'{digits}'\";"
    try:
        conn.executescript(sql)
    finally:
        _wipe(sql)
        _wipe(digits)
        del sql, digits


def rekey_database(conn: Connection, key: bytes) -> None:
    """Re-encrypt every page under ``key`` (``PRAGMA rekey``, one SQLCipher transaction), its
    SQL text kept out of the statement cache and overwritten like the key's at open."""
    _apply_key(conn, key, "rekey")


def open_database(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open (or with ``create``, make) the encrypted database and prove the key fits.

    Raises :class:`DatabaseMissing` or :class:`DatabaseNotOurs`; never creates a file by accident.
    """
    if not create and not path.is_file():
        raise DatabaseMissing(f"the vault database {path.name} is missing")
    if create:  # owner-only from the first byte; SQLite gives its journals the same mode
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher logs nothing anywhere
        conn.execute("PRAGMA cipher_memory_security = ON")  # before the key: wipe its copies
        _apply_key(conn, key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise DatabaseNotOurs("the vault database does not open with this vault's key") from exc
        if create:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise DatabaseNotOurs("the database is not a Lawnotebook vault")
        conn.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not left behind
        conn.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never touch disk
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def wait_for_locks(conn: Connection, milliseconds: int) -> None:
    """Let ``conn`` wait up to ``milliseconds`` for another connection's lock instead of
    failing at once (a second connection to the same vault, on a background thread)."""
    conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def integrity_problems(conn: Connection) -> list[str]:
    """What SQLCipher (page MACs: tampering) and then SQLite (structure) find wrong with the
    database, in their words; empty when it is intact."""
    problems: list[str] = []
    try:
        problems += [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        problems += [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    except sqlcipher3.DatabaseError as exc:
        problems.append(f"the database is damaged: {exc}")
    return problems
