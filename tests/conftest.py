"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def fast_kdf() -> Argon2Params:
    return FAST_KDF


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def new_vault(vault_dir: Path):
    """A freshly created, closed vault: yields (path, recovery key)."""
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    return vault_dir, recovery


@pytest.fixture(autouse=True)
def _no_real_keychain(monkeypatch):
    """Tests never touch the developer's real keychain."""
    monkeypatch.setenv("LAWNOTEBOOK_KEYCHAIN", "off")
    for var in ("LAWNOTEBOOK_PASSPHRASE", "LAWNOTEBOOK_VAULT"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _no_real_state_dir(monkeypatch, tmp_path_factory):
    """Tests never write the developer's state folder (the generation counters a device has
    seen: vault/backup/generation.py)."""
    monkeypatch.setenv("LAWNOTEBOOK_STATE_DIR", str(tmp_path_factory.mktemp("state")))
