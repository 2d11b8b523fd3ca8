"""A rolled-back vault.db never costs a pack: unnamed packs go to quarantine, never to the bin.

Issue 15 point 1: put an older copy of ``vault.db`` back and open. The packs of evidence added
after that copy are named by no row of the old database; they must survive (moved aside), the
open must say so, and putting the newer ``vault.db`` back must bring the evidence back whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.evidence.format import CHUNK_SIZE
from lawnotebook.vault.evidence.packs import PACKS_DIR, QUARANTINE_DIR, STAGING_DIR
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def _pack_files(root: Path) -> dict[str, bytes]:
    """Every pack file anywhere in the vault folder, by name (wherever it sits)."""
    found: dict[str, bytes] = {}
    for folder in (PACKS_DIR, STAGING_DIR, QUARANTINE_DIR):
        if (root / folder).is_dir():
            for p in (root / folder).iterdir():
                found[p.name] = p.read_bytes()
    return found


def test_rolled_back_database_quarantines_newer_packs_and_the_newer_one_recovers_them(
    vault_dir: Path, tmp_path: Path
) -> None:
    a_bytes, b_bytes = os.urandom(3 * CHUNK_SIZE + 17), os.urandom(5 * CHUNK_SIZE + 3)
    (tmp_path / "a.bin").write_bytes(a_bytes)
    (tmp_path / "b.bin").write_bytes(b_bytes)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        a = EvidenceStore.for_vault(vault, chunks_per_pack=2).put(tmp_path / "a.bin")
    shutil.copy2(vault_dir / "vault.db", tmp_path / "after-a.db")
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        b = EvidenceStore.for_vault(vault, chunks_per_pack=2).put(tmp_path / "b.bin")
        b_packs = {r[0] for r in vault.connection.execute(
            "SELECT p.name FROM evidence_pack p JOIN evidence_blob b ON b.id = p.blob"
            " WHERE b.sha256 = ?", (b.sha256,))}  # fmt: skip
    assert len(b_packs) == 3
    shutil.copy2(vault_dir / "vault.db", tmp_path / "after-b.db")
    every_pack = _pack_files(vault_dir)

    shutil.copy2(tmp_path / "after-a.db", vault_dir / "vault.db")  # the rollback
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert vault.pack_sweep.quarantined == 3  # the open says what it moved aside
        store = EvidenceStore.for_vault(vault)
        assert not store.contains(b.sha256)
        with store.open_blob(a.sha256) as reader:
            assert reader.read() == a_bytes
    assert _pack_files(vault_dir) == every_pack  # not one pack lost, not one byte changed
    assert set(os.listdir(vault_dir / QUARANTINE_DIR)) == b_packs

    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:  # a second open: no repeat
        assert vault.pack_sweep.quarantined == 0
        assert vault.pack_sweep.in_quarantine == 3

    shutil.copy2(tmp_path / "after-b.db", vault_dir / "vault.db")  # the newer one put back
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert vault.pack_sweep.restored == 3
        assert vault.pack_sweep.in_quarantine == 0
        store = EvidenceStore.for_vault(vault)
        with store.open_blob(b.sha256) as reader:
            assert reader.read() == b_bytes
        assert store.verify_blob(a.sha256).size == len(a_bytes)
    assert _pack_files(vault_dir) == every_pack
