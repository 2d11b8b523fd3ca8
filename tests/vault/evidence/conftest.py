"""Fixtures for the evidence store tests: an open vault with its store, and a state probe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

MIB = 1024 * 1024
_COUNTS = [
    "SELECT count(*) FROM evidence_blob",
    "SELECT count(*) FROM evidence_pack",
    "SELECT count(*) FROM evidence_chunk",
]


@pytest.fixture
def vault(vault_dir: Path):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield vault
    vault.close()


@pytest.fixture
def store(vault: Vault) -> EvidenceStore:
    return EvidenceStore(vault.paths.root, vault.connection)


@pytest.fixture
def small_packs(vault: Vault) -> EvidenceStore:
    """A store that cuts packs every 2 chunks, so a few MiB spread over several packs."""
    return EvidenceStore(vault.paths.root, vault.connection, chunks_per_pack=2)


@pytest.fixture
def make_file(tmp_path: Path):
    """make_file(data or size, name=...) -> Path of a source file outside the vault."""
    counter = iter(range(1_000_000))

    def make(content: bytes | int, name: str | None = None) -> Path:
        data = os.urandom(content) if isinstance(content, int) else content
        path = tmp_path / "sources" / (name or f"source-{next(counter)}.bin")
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return path

    return make


@pytest.fixture
def state(vault: Vault):
    """state() -> every file under the vault folder and the evidence rows, for before/after."""

    def probe() -> tuple[frozenset[str], tuple[int, ...]]:
        root = vault.paths.root
        files = frozenset(
            str(p.relative_to(root))
            for p in root.rglob("*")
            if p.is_file() and p.name != "vault.lock"
        )
        counts = tuple(vault.connection.execute(query).fetchone()[0] for query in _COUNTS)
        return files, counts

    return probe
