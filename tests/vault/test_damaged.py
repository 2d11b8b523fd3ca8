"""Damaged, foreign or newer vaults: a typed error, and not one byte changed."""

from __future__ import annotations

import json

import pytest
import sqlcipher3

from lawnotebook.vault.database import open_database
from lawnotebook.vault.errors import (
    DatabaseMissing,
    DatabaseNotOurs,
    HeaderCorrupt,
    HeaderMissing,
    VaultTooNew,
    WrongPassphrase,
)
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, snapshot


def _refused_unchanged(path, error):
    before = snapshot(path)
    with pytest.raises(error):
        Vault.open_with_passphrase(path, PASSPHRASE)
    assert snapshot(path) == before


def test_missing_header(new_vault):
    path, _ = new_vault
    (path / "vault.header").unlink()
    _refused_unchanged(path, HeaderMissing)


def test_missing_database(new_vault):
    path, _ = new_vault
    (path / "vault.db").unlink()
    _refused_unchanged(path, DatabaseMissing)
    assert not (path / "vault.db").exists()  # opening never creates an empty database


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"",
        lambda b: b"\xff\xfe garbage",
        lambda b: b.replace(b'"version": 1', b'"version": "1"'),
        lambda b: b.replace(b'"recovery"', b'"recovered"'),
        lambda b: b.replace(b'"memory_kib": 8192', b'"memory_kib": 99999999999'),
        lambda b: b.replace(b'"lawnotebook-vault-header"', b'"something-else"'),
        lambda b: b"[]",
    ],
    ids=["truncated", "empty", "binary", "version-type", "slot-name", "huge-kdf", "format", "list"],
)
def test_corrupt_header(new_vault, damage):
    path, _ = new_vault
    header = path / "vault.header"
    header.write_bytes(damage(header.read_bytes()))
    _refused_unchanged(path, HeaderCorrupt)


def test_lowered_kdf_parameters_do_not_open(new_vault):
    # The KDF parameters are the box's associated data: editing them breaks the box.
    path, _ = new_vault
    header = path / "vault.header"
    doc = json.loads(header.read_bytes())
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = 16 * 1024
    header.write_text(json.dumps(doc))
    _refused_unchanged(path, WrongPassphrase)


def test_header_from_a_newer_version(new_vault):
    path, _ = new_vault
    header = path / "vault.header"
    header.write_bytes(header.read_bytes().replace(b'"version": 1', b'"version": 2'))
    _refused_unchanged(path, VaultTooNew)


def test_database_from_a_newer_version(new_vault):
    path, _ = new_vault
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.connection.execute("PRAGMA user_version = 99")
    _refused_unchanged(path, VaultTooNew)


def test_another_vaults_database(new_vault, tmp_path):
    path, _ = new_vault
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    other.close()
    (path / "vault.db").write_bytes((tmp_path / "other" / "vault.db").read_bytes())
    _refused_unchanged(path, DatabaseNotOurs)


def test_plain_sqlite_file_in_place_of_the_database(new_vault):
    path, _ = new_vault
    (path / "vault.db").unlink()
    plain = sqlcipher3.connect(str(path / "vault.db"))
    plain.execute("CREATE TABLE t(x)")
    plain.commit()
    plain.close()
    _refused_unchanged(path, DatabaseNotOurs)


def test_encrypted_database_of_another_application(tmp_path):
    key = bytes(range(32))
    conn = open_database(tmp_path / "x.db", key, create=True)
    conn.execute("PRAGMA application_id = 7")
    conn.close()
    with pytest.raises(DatabaseNotOurs):
        open_database(tmp_path / "x.db", key)
