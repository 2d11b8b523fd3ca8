"""A digest of the header's recovery slot, kept inside the encrypted database.

The recovery slot is used only on the bad day the passphrase is forgotten; damage to it would go
unnoticed until then. Its digest (SHA-256 over the slot's canonical JSON and the vault id) is
written to ``vault_meta`` when the vault is made, whenever the header is rewritten with another
recovery slot, and at the first open of a vault made before this digest existed; ``verify``
compares the header on disk with it, which needs the database but not the recovery key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.vault.database import Connection
from lawnotebook.vault.errors import HeaderCorrupt, VaultTooNew
from lawnotebook.vault.header import VaultHeader, read_header
from lawnotebook.vault.transaction import transaction

META_KEY = "recovery_slot_sha256"


@dataclass(frozen=True)
class HeaderFinding:
    """Something ``verify`` found wrong with the key header: ``problem`` is ``"unreadable"``
    (the file no longer parses), ``"missing_slot"`` or ``"recovery_slot_changed"``."""

    problem: str
    detail: str


def recovery_slot_digest(header: VaultHeader) -> str:
    """SHA-256 (hex) of the recovery slot as it is written, bound to the vault id."""
    slot = header.slots["recovery"]
    doc = {"vault_id": header.vault_id, "kind": slot.kind, "slot": slot.to_json()}
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")
    return hashlib.sha256(canonical).hexdigest()


def recorded_digest(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (META_KEY,)).fetchone()
    return None if row is None else str(row[0])


def record_recovery_slot(conn: Connection, header: VaultHeader) -> None:
    """Keep the digest of ``header``'s recovery slot (in the caller's transaction, if any)."""
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO vault_meta VALUES (?, ?)",
            (META_KEY, recovery_slot_digest(header)),
        )


def record_if_absent(conn: Connection, header: VaultHeader) -> None:
    """At open: a vault made before the digest existed gets it now (from the header it opened)."""
    if recorded_digest(conn) is None:
        record_recovery_slot(conn, header)


def check_recovery_slot(conn: Connection, header_path: Path) -> list[HeaderFinding]:
    """Re-read the header on disk and compare its recovery slot with the digest kept inside
    the database; an empty list when they agree. Needs no recovery key."""
    try:
        header = read_header(header_path)
    except (OSError, HeaderCorrupt, VaultTooNew) as exc:
        return [HeaderFinding("unreadable", f"the key header no longer reads: {exc}")]
    if "recovery" not in header.slots:  # the parser refuses this today; kept for safety
        return [HeaderFinding("missing_slot", "the key header has no recovery slot")]
    expected = recorded_digest(conn)
    if expected is not None and recovery_slot_digest(header) != expected:
        return [
            HeaderFinding(
                "recovery_slot_changed",
                "the recovery slot in the key header differs from the one this vault recorded: "
                "the recovery key may no longer open the vault",
            )
        ]
    return []
