"""The custody log: per case and origin, append-only, every entry hash-chained to the last.

Each vault that works on a case keeps its own chain for it (``origin`` = that vault's node id);
chains received in bundles are stored beside ours and verify the same way.
``hash = SHA-256(prev_hash || canonical JSON of the entry's fields)`` (hex), the first entry's
``prev_hash`` being 64 zeros. The chain covers the SHA-256 of the details rather than the
details themselves, so an entry can be shared *redacted* (details withheld, e.g. about evidence
not disclosed in a bundle) and the chain still verifies; a redacted entry says so. Each
chain's newest ``(seq, hash)`` is also kept in ``custody_heads``, so removing entries from the
end shows too. ``verify_chain`` names the position of every entry changed, removed or moved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.core.ids import utc_now
from lawnotebook.vault.database import Connection

GENESIS = "0" * 64
ACTIONS = (
    "create", "edit", "delete", "restore", "intake", "view", "export", "import", "verify"
)  # fmt: skip
_COLUMNS = (
    "case_id, origin, seq, at, actor, action, record_id, details, details_hash, prev_hash, hash"
)
REDACTED = {"redacted": True}


@dataclass(frozen=True)
class CustodyEntry:
    case_id: str
    origin: str
    seq: int
    at: str
    actor: str
    action: str
    record_id: str
    details: dict[str, Any]
    details_hash: str
    prev_hash: str
    hash: str

    @property
    def redacted(self) -> bool:
        return self.details == REDACTED

    def redact(self) -> CustodyEntry:
        """The same entry with its details withheld (the chain still verifies)."""
        return CustodyEntry(**{**self.__dict__, "details": dict(REDACTED)})

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def recomputed_hash(self) -> str | None:
        """What the hash should be given the contents (``None``: prev_hash is not even hex)."""
        if not self.redacted and details_digest(self.details) != self.details_hash:
            return None
        try:
            return entry_hash(self.prev_hash, self)
        except ValueError:
            return None


@dataclass(frozen=True)
class ChainProblem:
    """One break in a chain, at a 1-based position in that chain."""

    position: int
    problem: str  # "altered", "missing", "out of order", "truncated"
    detail: str = field(default="", compare=False)
    origin: str = field(default="", compare=False)


def details_digest(details: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()


def entry_hash(prev_hash: str, entry: CustodyEntry) -> str:
    """The chain hash of an entry's contents following ``prev_hash``."""
    payload = json.dumps(
        {
            "case_id": entry.case_id,
            "origin": entry.origin,
            "seq": entry.seq,
            "at": entry.at,
            "actor": entry.actor,
            "action": entry.action,
            "record_id": entry.record_id,
            "details_hash": entry.details_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    return hashlib.sha256(bytes.fromhex(prev_hash) + payload).hexdigest()


def _store(conn: Connection, entry: CustodyEntry) -> None:
    conn.execute(
        f"INSERT INTO custody_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
        (
            entry.case_id,
            entry.origin,
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.record_id,
            json.dumps(entry.details, sort_keys=True, ensure_ascii=False),
            entry.details_hash,
            entry.prev_hash,
            entry.hash,
        ),
    )
    conn.execute(
        "INSERT OR REPLACE INTO custody_heads VALUES (?, ?, ?, ?)",
        (entry.case_id, entry.origin, entry.seq, entry.hash),
    )


def head(conn: Connection, case_id: str, origin: str) -> tuple[int, str]:
    """``(seq, hash)`` of a chain's newest entry; ``(0, GENESIS)`` for an empty chain."""
    row = conn.execute(
        "SELECT seq, hash FROM custody_heads WHERE case_id = ? AND origin = ?", (case_id, origin)
    ).fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def append(
    conn: Connection,
    case_id: str,
    action: str,
    actor: str,
    *,
    origin: str,
    record_id: str = "",
    details: dict[str, Any] | None = None,
    at: str | None = None,
) -> CustodyEntry:
    """Add an entry to our chain (call inside the transaction that does what it records)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown custody action {action!r}")
    seq, prev = head(conn, case_id, origin)
    details = details or {}
    draft = CustodyEntry(
        case_id,
        origin,
        seq + 1,
        at or utc_now(),
        actor,
        action,
        record_id,
        details,
        details_digest(details),
        prev,
        "",
    )
    entry = CustodyEntry(**{**draft.__dict__, "hash": entry_hash(prev, draft)})
    _store(conn, entry)
    return entry


def adopt(conn: Connection, entry: CustodyEntry) -> bool:
    """Take a received entry into its chain if it is the next one and its hash is right.

    Returns False for an entry already held; raises ``ValueError`` for one that does not fit.
    """
    seq, prev = head(conn, entry.case_id, entry.origin)
    if entry.seq <= seq:
        return False
    if entry.seq != seq + 1 or entry.prev_hash != prev or entry.recomputed_hash() != entry.hash:
        raise ValueError(f"custody entry {entry.seq} of {entry.origin} does not continue its chain")
    _store(conn, entry)
    return True


def _row_entry(row: tuple) -> CustodyEntry:
    case_id, origin, seq, at, actor, action, record_id, details, details_hash, prev, digest = row
    return CustodyEntry(
        case_id,
        origin,
        seq,
        at,
        actor,
        action,
        record_id,
        json.loads(details),
        details_hash,
        prev,
        digest,
    )


def entries(conn: Connection, case_id: str, origin: str | None = None) -> list[CustodyEntry]:
    """A case's log: one chain in order, or every chain merged by time."""
    if origin is not None:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM custody_log WHERE case_id = ? AND origin = ? ORDER BY seq",  # noqa: S608
            (case_id, origin),
        )
    else:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM custody_log WHERE case_id = ? ORDER BY at, origin, seq",  # noqa: S608
            (case_id,),
        )
    return [_row_entry(r) for r in rows]


def origins(conn: Connection, case_id: str) -> list[str]:
    """Every chain held for a case (heads and entries, so a chain emptied entirely shows)."""
    rows = conn.execute(
        "SELECT origin FROM custody_heads WHERE case_id = ? UNION "
        "SELECT origin FROM custody_log WHERE case_id = ?",
        (case_id, case_id),
    )
    return sorted(r[0] for r in rows)


def case_ids_in_vault(conn: Connection) -> list[str]:
    """Every case this vault holds a custody log or a case record for (archived included)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT case_id FROM custody_heads UNION SELECT id FROM records WHERE kind = 'case'"
        )
    ]


def verify_chain(conn: Connection, case_id: str) -> list[ChainProblem]:
    """Every break in every chain of the case; an empty list means the log is intact."""
    problems: list[ChainProblem] = []
    for origin in origins(conn, case_id):
        problems += _verify_one(conn, case_id, origin)
    return problems


def _verify_one(conn: Connection, case_id: str, origin: str) -> list[ChainProblem]:
    log = entries(conn, case_id, origin)
    problems: list[ChainProblem] = []
    by_hash = {e.hash for e in log}

    def report(position: int, problem: str, detail: str) -> None:
        problems.append(ChainProblem(position, problem, detail, origin))

    prev, prev_seq = GENESIS, 0
    for position, entry in enumerate(log, start=1):
        if entry.hash != entry.recomputed_hash():
            report(position, "altered", f"entry {entry.seq} was changed")
        elif entry.prev_hash != prev:
            # Its predecessor is still in the log, elsewhere: moved. Otherwise: removed.
            if entry.prev_hash in by_hash:
                report(position, "out of order", f"entry {entry.seq} was moved")
            else:
                report(position, "missing", f"an entry before {entry.seq} was removed")
        elif entry.seq != prev_seq + 1:
            report(position, "missing", f"expected entry {prev_seq + 1}")
        prev, prev_seq = entry.hash, entry.seq
    last = (log[-1].seq, log[-1].hash) if log else (0, GENESIS)
    if head(conn, case_id, origin) != last:
        report(
            len(log) + 1,
            "truncated",
            f"the log should end at entry {head(conn, case_id, origin)[0]}",
        )
    return problems
