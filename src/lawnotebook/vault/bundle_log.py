"""Which bundles this vault sealed and which it applied (tables of schema 5).

Sealing numbers bundles per case and recipient set and remembers the local change counter it
reached, so the next ``--since-last`` bundle starts there. Opening remembers each applied
bundle, so a replayed or out-of-order one is recognised. Writers run inside the caller's
transaction.
"""

from __future__ import annotations

from lawnotebook.vault.database import Connection


def latest_seal(conn: Connection, case_id: str, recipients_key: str) -> tuple[int, int]:
    """``(sequence, watermark)`` of the newest bundle of the case sealed for these recipients
    (``recipients_key``: their sorted fingerprints joined by commas, or "passphrase"), or
    ``(0, 0)`` when none was."""
    row = conn.execute(
        "SELECT sequence, watermark FROM bundle_seals WHERE case_id = ? AND recipients_key = ? "
        "ORDER BY sequence DESC LIMIT 1",
        (case_id, recipients_key),
    ).fetchone()
    return (row[0], int(row[1])) if row else (0, 0)


def save_seal(
    conn: Connection,
    case_id: str,
    recipients_key: str,
    sequence: int,
    sealed_at: str,
    watermark: int,
) -> None:
    """Remember a sealed bundle and the local change counter (``watermark``) it covers."""
    conn.execute(
        "INSERT INTO bundle_seals VALUES (?, ?, ?, ?, ?)",
        (case_id, recipients_key, sequence, sealed_at, watermark),
    )


def latest_applied_sequence(
    conn: Connection, sender: str, recipients_key: str, case_id: str
) -> int:
    """The highest sequence applied here from this sender (fingerprint) for these recipients
    and case; 0 when none was."""
    row = conn.execute(
        "SELECT max(sequence) FROM bundle_receipts WHERE sender = ? AND recipients_key = ? "
        "AND case_id = ?",
        (sender, recipients_key, case_id),
    ).fetchone()
    return row[0] or 0


def save_receipt(
    conn: Connection,
    sender: str,
    recipients_key: str,
    case_id: str,
    sequence: int,
    manifest_sha256: str,
) -> None:
    """Remember an applied bundle (stamped with the database's clock, as always)."""
    conn.execute(
        "INSERT INTO bundle_receipts VALUES (?, ?, ?, ?, datetime('now'), ?)",
        (sender, recipients_key, case_id, sequence, manifest_sha256),
    )
