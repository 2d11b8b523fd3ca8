"""Create, unlock, refuse, change passphrase, recover: the journey a lawyer takes."""

from __future__ import annotations

import stat

import pytest

from lawnotebook.crypto.recovery import RecoveryKey, RecoveryKeyMalformed
from lawnotebook.vault.errors import (
    VaultAlreadyOpen,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
)
from lawnotebook.vault.schema import CURRENT_VERSION
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, snapshot


def test_create_unlock_refuse_change_recover(vault_dir):
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.connection.execute("INSERT INTO vault_meta VALUES ('probe', 'kept')")
    vault.close()

    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert vault.schema_version == CURRENT_VERSION
        row = vault.connection.execute("SELECT value FROM vault_meta WHERE key='probe'")
        assert row.fetchone() == ("kept",)

    before = snapshot(vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(vault_dir, PASSPHRASE + "x")
    assert snapshot(vault_dir) == before

    db_before = (vault_dir / "vault.db").read_bytes()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        vault.change_passphrase("a new passphrase 新密码")
    assert (vault_dir / "vault.db").read_bytes() == db_before  # rewrap, not re-encrypt

    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    Vault.open_with_passphrase(vault_dir, "a new passphrase 新密码").close()

    # Forgotten passphrase: the written-down recovery key (typed sloppily) sets a new one.
    typed = recovery.formatted().lower().replace("-", " ").replace("0", "o")
    with Vault.open_with_recovery_key(vault_dir, RecoveryKey.parse(typed)) as vault:
        vault.change_passphrase("after recovery")
    with Vault.open_with_passphrase(vault_dir, "after recovery") as vault:
        assert vault.connection.execute("SELECT value FROM vault_meta WHERE key='probe'").fetchone()
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(vault_dir, "a new passphrase 新密码")


def test_another_vaults_recovery_key_is_refused(new_vault, tmp_path):
    path, _ = new_vault
    _, other = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    before = snapshot(path)
    with pytest.raises(WrongRecoveryKey):
        Vault.open_with_recovery_key(path, other)
    assert snapshot(path) == before


def test_recovery_key_typo_is_told_apart_from_wrong_key(new_vault):
    _, recovery = new_vault
    text = recovery.formatted()
    swapped = text[:3] + ("A" if text[3] != "A" else "B") + text[4:]
    with pytest.raises(RecoveryKeyMalformed):
        RecoveryKey.parse(swapped)


def test_second_open_is_refused_until_the_first_closes(new_vault):
    path, _ = new_vault
    first = Vault.open_with_passphrase(path, PASSPHRASE)
    with pytest.raises(VaultAlreadyOpen):
        Vault.open_with_passphrase(path, PASSPHRASE)
    first.close()
    Vault.open_with_passphrase(path, PASSPHRASE).close()


def test_another_connection_while_open_and_none_after_close(new_vault):
    path, _ = new_vault
    vault = Vault.open_with_passphrase(path, PASSPHRASE)
    vault.connection.execute("INSERT INTO vault_meta VALUES ('seen', 'by both')")
    vault.connection.commit()
    other = vault.open_connection()
    try:
        row = other.execute("SELECT value FROM vault_meta WHERE key = 'seen'").fetchone()
        assert row == ("by both",)
    finally:
        other.close()
    vault.close()
    with pytest.raises(VaultError, match="closed"):
        vault.open_connection()


def test_a_failed_unlock_releases_the_lock(new_vault):
    path, _ = new_vault
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(path, "nope")
    Vault.open_with_passphrase(path, PASSPHRASE).close()


def test_create_refuses_an_occupied_folder(tmp_path):
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("mine")
    with pytest.raises(VaultExists):
        Vault.create(occupied, PASSPHRASE, kdf=FAST_KDF)
    assert sorted(p.name for p in occupied.iterdir()) == ["notes.txt"]
    assert (occupied / "notes.txt").read_text() == "mine"


def test_create_in_an_empty_existing_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    vault, _ = Vault.create(empty, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    assert (empty / "vault.header").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def test_missing_vault(tmp_path):
    with pytest.raises(VaultNotFound):
        Vault.open_with_passphrase(tmp_path / "nowhere", PASSPHRASE)
    (tmp_path / "empty").mkdir()
    with pytest.raises(VaultNotFound):
        Vault.open_with_passphrase(tmp_path / "empty", PASSPHRASE)


def test_files_are_private(new_vault):
    path, _ = new_vault
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    for name in ("vault.db", "vault.header", "vault.lock"):
        assert stat.S_IMODE((path / name).stat().st_mode) == 0o600
