"""Helpers and constants the tests share (importable: ``tests/`` is on the path)."""

from __future__ import annotations

from pathlib import Path

from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

# Tests use the smallest Argon2id the header accepts; calibration itself is tested separately.
FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
PASSPHRASE = "correct horse battery staple"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under ``folder`` except the (empty) lock file."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "vault.lock"
    }


class RecordingIndexer:
    """Stands in for the search index where a test looks only at the records."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, conn, record, record_id) -> None:
        self.calls.append((record_id, record.title_text() if record else None))


def set_owner_identity(vault: Vault, identity: LawyerIdentity) -> None:
    """Make ``identity`` the owner of a vault just created (before anything is authored)."""
    conn = vault.connection
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO vault_meta VALUES ('owner_identity', ?)",
            (identity.to_secret_text(),),
        )
        conn.execute(
            "INSERT OR REPLACE INTO vault_meta VALUES ('owner_fingerprint', ?)",
            (identity.key_card().fingerprint,),
        )
