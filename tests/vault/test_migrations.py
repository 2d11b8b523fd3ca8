"""The migration runner: backs up first, upgrades in steps, leaves the vault intact on failure."""

from __future__ import annotations

import pytest

from lawnotebook.vault import schema
from lawnotebook.vault.database import open_database
from lawnotebook.vault.errors import MigrationFailed
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE


def _add_cases(conn):
    conn.execute("CREATE TABLE demo_case (id INTEGER PRIMARY KEY, title TEXT)")


def _broken(conn):
    conn.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("step fails midway")


def _open_raw(path):
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        key = bytes(vault._data_key)
    return open_database(path / "vault.db", key), key


def test_upgrade_backs_up_then_migrates(new_vault):
    path, _ = new_vault
    conn, key = _open_raw(path)
    conn.execute("INSERT INTO vault_meta VALUES ('before', 'upgrade')")
    now = schema.CURRENT_VERSION
    migrations = {**schema.MIGRATIONS, now + 1: _add_cases}
    assert schema.migrate(conn, path / "vault.db", path / "backups", migrations) == now + 1
    assert schema.schema_version(conn) == now + 1
    conn.execute("INSERT INTO demo_case (title) VALUES ('x')")
    conn.close()

    backups = list((path / "backups").iterdir())
    assert len(backups) == 1 and f".v{now}." in backups[0].name
    old = open_database(backups[0], key)  # the backup is the encrypted, older database
    assert schema.schema_version(old) == now
    assert old.execute("SELECT value FROM vault_meta WHERE key='before'").fetchone() == ("upgrade",)
    old.close()


def test_failed_step_leaves_the_database_as_it_was(new_vault):
    path, _ = new_vault
    conn, _ = _open_raw(path)
    now = schema.CURRENT_VERSION
    migrations = {**schema.MIGRATIONS, now + 1: _add_cases, now + 2: _broken}
    with pytest.raises(MigrationFailed) as info:
        schema.migrate(conn, path / "vault.db", path / "backups", migrations)
    assert isinstance(info.value.__cause__, RuntimeError)
    assert schema.schema_version(conn) == now + 1  # first step committed, the broken one undone
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables and "demo_case" in tables
    conn.close()


def test_a_retry_in_the_same_second_keeps_both_backups(new_vault, monkeypatch):
    path, _ = new_vault
    conn, _ = _open_raw(path)
    now = schema.CURRENT_VERSION
    monkeypatch.setattr(schema.time, "strftime", lambda fmt: "20261127T120000")
    with pytest.raises(MigrationFailed):  # fails, leaving its backup
        schema.migrate(
            conn, path / "vault.db", path / "backups", {**schema.MIGRATIONS, now + 1: _broken}
        )
    assert (
        schema.migrate(
            conn, path / "vault.db", path / "backups", {**schema.MIGRATIONS, now + 1: _add_cases}
        )
        == now + 1
    )
    conn.close()
    names = sorted(p.name for p in (path / "backups").iterdir())
    assert names == [f"vault.v{now}.20261127T120000-1.db", f"vault.v{now}.20261127T120000.db"]


def test_current_vault_needs_no_backup(new_vault):
    path, _ = new_vault
    Vault.open_with_passphrase(path, PASSPHRASE).close()
    assert not (path / "backups").exists()
