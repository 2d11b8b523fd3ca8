"""The custody log: per case, append-only, every entry hash-chained to the one before.

``hash = SHA-256(prev_hash || canonical JSON of the entry's fields)`` (hex), the first entry's
``prev_hash`` being 64 zeros. The newest entry's ``(seq, hash)`` is also kept in
``custody_heads``, so removing entries from the end shows too. ``verify_chain`` names the
position of every entry that was changed, removed or moved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.core.ids import utc_now
from lawnotebook.vault.database import Connection

GENESIS = "0" * 64
ACTIONS = ("create", "edit", "delete", "intake", "view", "export", "import", "verify")


@dataclass(frozen=True)
class CustodyEntry:
    case_id: str
    seq: int
    at: str
    actor: str
    action: str
    record_id: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ChainProblem:
    """One break in a case's chain, at a 1-based position in the log."""

    position: int
    problem: str  # "altered", "missing", "out of order", "truncated"
    detail: str = field(default="", compare=False)


def entry_hash(
    prev_hash: str,
    case_id: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    record_id: str,
    details: dict[str, Any],
) -> str:
    """The chain hash of one entry."""
    payload = json.dumps(
        {
            "case_id": case_id,
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "record_id": record_id,
            "details": details,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    return hashlib.sha256(bytes.fromhex(prev_hash) + payload).hexdigest()


def append(
    conn: Connection,
    case_id: str,
    action: str,
    actor: str,
    record_id: str = "",
    details: dict[str, Any] | None = None,
    at: str | None = None,
) -> CustodyEntry:
    """Add an entry (call inside the transaction that does what it records)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown custody action {action!r}")
    details = details or {}
    at = at or utc_now()
    head = conn.execute(
        "SELECT seq, hash FROM custody_heads WHERE case_id = ?", (case_id,)
    ).fetchone()
    seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
    digest = entry_hash(prev, case_id, seq, at, actor, action, record_id, details)
    conn.execute(
        "INSERT INTO custody_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            case_id,
            seq,
            at,
            actor,
            action,
            record_id,
            json.dumps(details, sort_keys=True, ensure_ascii=False),
            prev,
            digest,
        ),
    )
    conn.execute("INSERT OR REPLACE INTO custody_heads VALUES (?, ?, ?)", (case_id, seq, digest))
    return CustodyEntry(case_id, seq, at, actor, action, record_id, details, prev, digest)


def _row_entry(row: tuple) -> CustodyEntry:
    case_id, seq, at, actor, action, record_id, details, prev, digest = row
    return CustodyEntry(
        case_id, seq, at, actor, action, record_id, json.loads(details), prev, digest
    )


def _recompute(entry: CustodyEntry) -> str | None:
    try:
        return entry_hash(
            entry.prev_hash,
            entry.case_id,
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.record_id,
            entry.details,
        )
    except ValueError:  # a prev_hash that is not even hex
        return None


def entries(conn: Connection, case_id: str) -> list[CustodyEntry]:
    """A case's log in order."""
    rows = conn.execute("SELECT * FROM custody_log WHERE case_id = ? ORDER BY seq", (case_id,))
    return [_row_entry(r) for r in rows]


def verify_chain(conn: Connection, case_id: str) -> list[ChainProblem]:
    """Every break in the case's chain; an empty list means the log is intact."""
    log = entries(conn, case_id)
    problems: list[ChainProblem] = []
    by_hash = {e.hash: e for e in log}
    prev, prev_seq = GENESIS, 0
    for position, entry in enumerate(log, start=1):
        if entry.hash != _recompute(entry):
            problems.append(ChainProblem(position, "altered", f"entry {entry.seq} was changed"))
        elif entry.prev_hash != prev:
            # Its predecessor is still in the log, elsewhere: moved. Otherwise: removed.
            moved = entry.prev_hash in by_hash
            problems.append(
                ChainProblem(position, "out of order", f"entry {entry.seq} was moved")
                if moved
                else ChainProblem(position, "missing", f"an entry before {entry.seq} was removed")
            )
        elif entry.seq != prev_seq + 1:
            problems.append(ChainProblem(position, "missing", f"expected entry {prev_seq + 1}"))
        prev, prev_seq = entry.hash, entry.seq
    head = conn.execute(
        "SELECT seq, hash FROM custody_heads WHERE case_id = ?", (case_id,)
    ).fetchone()
    last = (log[-1].seq, log[-1].hash) if log else None
    if head is not None and last != tuple(head):
        problems.append(
            ChainProblem(len(log) + 1, "truncated", f"the log should end at entry {head[0]}")
        )
    return problems
