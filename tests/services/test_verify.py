"""Plain ``verify`` (not ``--deep``) sees what it can see cheaply (issue 15, point 8).

Every registered pack: present, of the registered size, one chunk authentic (so a pack swapped
in from another vault is caught); the recovery slot: as the database recorded it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.evidence.format import CHUNK_SIZE
from lawnotebook.vault.recovery_slot import META_KEY
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

SIZE = 5 * CHUNK_SIZE + 123  # three packs of two chunks: full, full, and a short last one


def _vault_with_evidence(root: Path) -> tuple[str, list[str]]:
    vault, _ = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        store = EvidenceStore.for_vault(vault, chunks_per_pack=2)
        sha = store.put(io.BytesIO(os.urandom(SIZE))).sha256
        names = [
            r[0] for r in vault.connection.execute("SELECT name FROM evidence_pack ORDER BY id")
        ]
        assert verify_vault(vault).ok
    return sha, names


def _verify(root: Path):  # type: ignore[no-untyped-def]
    with Vault.open_with_passphrase(root, PASSPHRASE) as vault:
        return verify_vault(vault)


@pytest.fixture
def evidence(vault_dir: Path) -> tuple[str, list[str]]:
    return _vault_with_evidence(vault_dir)


def test_a_deleted_pack_fails_plain_verify(vault_dir: Path, evidence) -> None:
    sha, names = evidence
    (vault_dir / "packs" / names[1]).unlink()
    report = _verify(vault_dir)
    assert not report.ok and not report.deep
    assert [(f.problem, f.pack, f.evidence_sha256) for f in report.packs] == [
        ("missing", names[1], sha)
    ]
    assert report.packs_checked == 3


def test_a_truncated_pack_fails_plain_verify(vault_dir: Path, evidence) -> None:
    _, names = evidence
    pack = vault_dir / "packs" / names[0]
    with pack.open("r+b") as fh:
        fh.truncate(pack.stat().st_size - 1)
    report = _verify(vault_dir)
    assert not report.ok
    assert [(f.problem, f.pack) for f in report.packs] == [("truncated", names[0])]


def test_a_pack_swapped_in_from_another_vault_fails_plain_verify(
    vault_dir: Path, tmp_path: Path, evidence
) -> None:
    _, names = evidence
    _, other_names = _vault_with_evidence(tmp_path / "other")
    ours = vault_dir / "packs" / names[0]
    theirs = tmp_path / "other" / "packs" / other_names[0]
    assert ours.stat().st_size == theirs.stat().st_size  # size alone cannot tell them apart
    ours.write_bytes(theirs.read_bytes())
    report = _verify(vault_dir)
    assert not report.ok
    assert [(f.problem, f.pack) for f in report.packs] == [("not_authentic", names[0])]
    assert json.dumps(report.to_dict())  # the CLI's --json prints it


def _flip_recovery_slot(header: Path) -> None:
    doc = json.loads(header.read_text())
    wrapped = doc["slots"]["recovery"]["wrapped"]
    swapped = "B" if wrapped[0] != "B" else "C"  # still base64 of the right length: parses
    doc["slots"]["recovery"]["wrapped"] = swapped + wrapped[1:]
    header.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")


def test_a_damaged_recovery_slot_fails_plain_verify(vault_dir: Path, evidence) -> None:
    _flip_recovery_slot(vault_dir / "vault.header")
    report = _verify(vault_dir)  # the passphrase slot still opens the vault
    assert not report.ok
    assert [h.problem for h in report.header] == ["recovery_slot_changed"]
    assert report.packs == []


def test_a_vault_from_before_the_digest_gets_it_at_its_next_open(vault_dir: Path, evidence) -> None:
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        vault.connection.execute("DELETE FROM vault_meta WHERE key = ?", (META_KEY,))
    assert _verify(vault_dir).ok  # recorded by that open, from the intact header
    _flip_recovery_slot(vault_dir / "vault.header")
    assert [h.problem for h in _verify(vault_dir).header] == ["recovery_slot_changed"]


def test_a_new_passphrase_keeps_the_recovery_slot_digest_valid(vault_dir: Path, evidence) -> None:
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        vault.change_passphrase("another long passphrase", kdf=FAST_KDF)
        assert verify_vault(vault).ok


def test_a_key_change_records_its_new_recovery_slot(vault_dir: Path, evidence) -> None:
    """The new recovery slot's digest is kept under the new key, so verify passes after it."""
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        vault.rotate_data_key(PASSPHRASE, kdf=FAST_KDF)
        assert verify_vault(vault).ok
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert verify_vault(vault).ok


def test_a_key_change_finished_at_the_next_open_records_its_recovery_slot(
    vault_dir: Path, evidence, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut off right after the re-encryption: the next open settles the pending header and
    records that header's recovery slot, so verify does not cry wolf."""
    import lawnotebook.vault.vault as vault_module

    def crash(step: str) -> None:
        if step == "rekeyed":
            raise KeyboardInterrupt

    monkeypatch.setattr(vault_module, "record_recovery_slot", lambda conn, header: None)
    monkeypatch.setattr(vault_module, "_rotation_step", crash)
    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    with pytest.raises(KeyboardInterrupt):
        vault.rotate_data_key(PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    monkeypatch.undo()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert vault.finished_interrupted_key_change
        assert verify_vault(vault).ok
