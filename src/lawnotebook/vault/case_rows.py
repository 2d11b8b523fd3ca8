"""A case's raw rows, read out for sealing and written in as-is when a bundle is applied.

Unlike :class:`~lawnotebook.vault.records.RecordStore`, nothing here stamps or logs: rows keep
the author and clock they were made with. Plain dicts in and out (the bundle layer owns the
wire format); writers must run inside the caller's transaction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lawnotebook.core.records import from_body
from lawnotebook.vault import custody
from lawnotebook.vault.changes import next_change
from lawnotebook.vault.database import Connection

if TYPE_CHECKING:
    from lawnotebook.vault.records import Indexer

_RECORD_COLS = ("id", "case_id", "kind", "body", "author", "created_at", "updated_at", "hlc")


def records(conn: Connection, case_id: str, since: int = 0) -> list[dict[str, Any]]:
    """The case's current records stored after local change ``since`` (0 = all)."""
    rows = conn.execute(
        "SELECT id, case_id, kind, body, author, created_at, updated_at, hlc FROM records "
        "WHERE case_id = ? AND changed > ? ORDER BY hlc",
        (case_id, since),
    )
    return [dict(zip(_RECORD_COLS, (*r[:3], json.loads(r[3]), *r[4:]), strict=True)) for r in rows]


def revisions(conn: Connection, case_id: str, since: int = 0) -> list[dict[str, Any]]:
    """Revisions of the case's records (live or deleted) stored after local change ``since``."""
    rows = conn.execute(
        "SELECT v.record_id, v.hlc, v.kind, v.body, v.author, v.updated_at FROM revisions v "
        "WHERE v.changed > ? AND (v.record_id IN (SELECT id FROM records WHERE case_id = ?) "
        "OR v.record_id IN (SELECT id FROM tombstones WHERE case_id = ?)) ORDER BY v.hlc",
        (since, case_id, case_id),
    )
    return [
        {
            "record_id": r[0],
            "hlc": r[1],
            "kind": r[2],
            "body": json.loads(r[3]),
            "author": r[4],
            "updated_at": r[5],
        }
        for r in rows
    ]


def ancestry(conn: Connection, case_id: str) -> dict[str, list[str]]:
    """Every revision stamp of each live record of the case (sent even in deltas)."""
    out: dict[str, list[str]] = {}
    for rid, hlc in conn.execute(
        "SELECT record_id, hlc FROM revisions WHERE record_id IN "
        "(SELECT id FROM records WHERE case_id = ?) ORDER BY hlc",
        (case_id,),
    ):
        out.setdefault(rid, []).append(hlc)
    return out


def tombstones(conn: Connection, case_id: str, since: int = 0) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT id, case_id, kind, author, deleted_at, hlc FROM tombstones "
        "WHERE case_id = ? AND changed > ?",
        (case_id, since),
    )
    return [
        dict(zip(("id", "case_id", "kind", "author", "deleted_at", "hlc"), r, strict=True))
        for r in rows
    ]


def custody_entries(conn: Connection, case_id: str) -> list[custody.CustodyEntry]:
    """Every chain's entries for the case, each chain in order."""
    return [
        e
        for origin in custody.origins(conn, case_id)
        for e in custody.entries(conn, case_id, origin)
    ]


def cases_of_record(conn: Connection, record_id: str) -> list[str]:
    """The case of the record held here under this id and the case of its tombstone, if
    either is held (a bundle may only touch records of its own case)."""
    held = []
    for table in ("records", "tombstones"):
        row = conn.execute(
            f"SELECT case_id FROM {table} WHERE id = ?",  # noqa: S608
            (record_id,),
        ).fetchone()
        if row is not None:
            held.append(row[0])
    return held


def holds_case(conn: Connection, case_id: str) -> bool:
    """Whether this vault holds the case's own record (a case's record id is its case id)."""
    return conn.execute("SELECT 1 FROM records WHERE id = ?", (case_id,)).fetchone() is not None


# -- writing (inside the caller's transaction) ----------------------------------------------


def _json(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


def put_record(conn: Connection, row: dict[str, Any], sort_key: str, indexer: Indexer) -> None:
    """Insert or replace a record exactly as given, and re-index it."""
    conn.execute(
        "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row["id"],
            row["case_id"],
            row["kind"],
            _json(row["body"]),
            row["author"],
            row["created_at"],
            row["updated_at"],
            row["hlc"],
            sort_key,
            next_change(conn),
        ),
    )
    meta = {k: row[k] for k in _RECORD_COLS if k not in ("kind", "body")}
    indexer(conn, from_body(row["kind"], row["body"], **meta), row["id"])


def put_revision(conn: Connection, row: dict[str, Any]) -> None:
    """Keep a revision we did not have (one we have is left as it is)."""
    conn.execute(
        "INSERT OR IGNORE INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            row["record_id"],
            row["hlc"],
            row["kind"],
            _json(row["body"]),
            row["author"],
            row["updated_at"],
            next_change(conn),
        ),
    )


def put_tombstone(conn: Connection, row: dict[str, Any], indexer: Indexer) -> None:
    """Record a deletion and remove the record it buries, if we hold it."""
    conn.execute(
        "INSERT OR IGNORE INTO tombstones VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            row["id"],
            row["case_id"],
            row["kind"],
            row["author"],
            row["deleted_at"],
            row["hlc"],
            next_change(conn),
        ),
    )
    if conn.execute("DELETE FROM records WHERE id = ?", (row["id"],)).rowcount:
        indexer(conn, None, row["id"])
