"""Pre-upgrade copies in ``backups/`` are pruned by a rule (issue 15, point 4): after each
successful upgrade the newest ``KEEP_BACKUPS`` stay; a failed upgrade keeps them all; a key
change deletes them all (they are under the old key); nothing else in the folder is touched."""

from __future__ import annotations

import os

import pytest

from lawnotebook.vault import schema
from lawnotebook.vault.database import open_database
from lawnotebook.vault.errors import MigrationFailed
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE


def _open_raw(path):
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        key = bytes(vault._data_key)
    return open_database(path / "vault.db", key)


def _old_copies(path, n: int) -> list[str]:
    backups = path / "backups"
    backups.mkdir(exist_ok=True)
    names = []
    for i in range(n):
        copy = schema.backup_database(path / "vault.db", backups, 1)
        os.utime(copy, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # oldest first
        names.append(copy.name)
    return names


def _step(conn) -> None:
    conn.execute("CREATE TABLE step_done (x)")


def _broken(conn) -> None:
    raise RuntimeError("fails")


def test_a_successful_upgrade_keeps_the_newest_few(new_vault):
    path, _ = new_vault
    older = _old_copies(path, 5)
    (path / "backups" / "notes-by-the-lawyer.txt").write_text("not a backup")
    conn = _open_raw(path)
    now = schema.CURRENT_VERSION
    schema.migrate(conn, path / "vault.db", path / "backups", {**schema.MIGRATIONS, now + 1: _step})
    conn.close()
    left = sorted(p.name for p in (path / "backups").iterdir())
    kept = [n for n in left if n.endswith(".db")]
    assert len(kept) == schema.KEEP_BACKUPS
    assert any(f".v{now}." in n for n in kept)  # the copy just taken
    assert set(kept) - {n for n in kept if f".v{now}." in n} == set(older[-2:])
    assert "notes-by-the-lawyer.txt" in left


def test_a_failed_upgrade_prunes_nothing(new_vault):
    path, _ = new_vault
    _old_copies(path, 5)
    conn = _open_raw(path)
    now = schema.CURRENT_VERSION
    with pytest.raises(MigrationFailed):
        schema.migrate(
            conn, path / "vault.db", path / "backups", {**schema.MIGRATIONS, now + 1: _broken}
        )
    conn.close()
    assert len(list((path / "backups").glob("*.db"))) == 6


def test_a_key_change_removes_every_copy(new_vault):
    path, _ = new_vault
    _old_copies(path, 2)
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.rotate_data_key(PASSPHRASE)
    assert list((path / "backups").glob("*.db")) == []
