"""A local change counter: every row written (by us or from a bundle) gets the next number.

Clock stamps order edits between vaults; this counter orders what *this* vault stored, so a
``--since-last`` bundle can include everything stored since the previous one — including a
colleague's older-stamped edit that arrived in between.
"""

from __future__ import annotations

from lawnotebook.vault.database import Connection

_KEY = "change_counter"


def next_change(conn: Connection) -> int:
    """Reserve the next number (call inside the writing transaction)."""
    conn.execute(
        "INSERT INTO vault_meta VALUES (?, '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        (_KEY,),
    )
    return current_change(conn)


def current_change(conn: Connection) -> int:
    """The last number handed out (0 before any write)."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (_KEY,)).fetchone()
    return int(row[0]) if row else 0
