"""Changing the data key (issue 15, point 4): the old header and passphrase stop opening the
vault, and a crash at any moment leaves a vault that opens with the old or the new key.

The crash tests kill a child process (SIGKILL) at each step of the change, and at random times
while SQLCipher re-encrypts the pages; an in-process variant raises at each step instead.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.vault import vault as vault_module
from lawnotebook.vault.errors import DatabaseNotOurs, WrongPassphrase, WrongRecoveryKey
from lawnotebook.vault.header import PENDING_HEADER_NAME
from lawnotebook.vault.keychain import MemoryKeyStore
from lawnotebook.vault.schema import backup_database
from lawnotebook.vault.vault import ROTATION_STEPS, Vault
from support import FAST_KDF, PASSPHRASE, snapshot

NEW_RECOVERY = RecoveryKey(bytes(range(20)))
OTHER = "a different passphrase"
ROWS = 50


def _fill(path, rows: int = ROWS, blob: int = 64) -> None:
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        conn = vault.connection
        conn.execute("CREATE TABLE notes (n INTEGER PRIMARY KEY, body BLOB)")
        conn.execute("BEGIN")
        for n in range(rows):
            conn.execute("INSERT INTO notes VALUES (?, ?)", (n, os.urandom(blob)))
        conn.execute("COMMIT")


def _count(vault: Vault) -> int:
    return vault.connection.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_rotation_makes_the_old_header_useless(new_vault, tmp_path):
    path, old_recovery = new_vault
    _fill(path)
    old_header = (path / "vault.header").read_bytes()
    keystore = MemoryKeyStore()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.remember_on_device(keystore)
        backup_database(path / "vault.db", path / "backups", 1)
        old_key = vault._data_key_bytes()
        recovery = vault.rotate_data_key(PASSPHRASE, keystore=keystore)
        assert vault._data_key_bytes() != old_key
        assert _count(vault) == ROWS  # the open vault goes on working under the new key
        extra = vault.open_connection()
        assert extra.execute("SELECT count(*) FROM notes").fetchone()[0] == ROWS
        extra.close()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        assert "device" not in vault.header.slots
        assert _count(vault) == ROWS
    assert keystore.get(vault.vault_id) is None
    assert not (path / PENDING_HEADER_NAME).exists()
    assert list((path / "backups").iterdir()) == []  # the copies under the old key are gone
    with Vault.open_with_recovery_key(path, recovery) as vault:
        assert _count(vault) == ROWS
    with pytest.raises(WrongRecoveryKey):
        Vault.open_with_recovery_key(path, old_recovery)
    # An old copy of the header and the old passphrase no longer open today's database.
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(path / "vault.db", stolen / "vault.db")
    (stolen / "vault.header").write_bytes(old_header)
    with pytest.raises(DatabaseNotOurs):
        Vault.open_with_passphrase(stolen, PASSPHRASE)


def test_rotation_with_a_new_passphrase(new_vault):
    path, _ = new_vault
    _fill(path)
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.rotate_data_key(PASSPHRASE, new_passphrase=OTHER)
    with pytest.raises(WrongPassphrase):
        Vault.open_with_passphrase(path, PASSPHRASE)
    with Vault.open_with_passphrase(path, OTHER) as vault:
        assert _count(vault) == ROWS


def test_a_wrong_passphrase_changes_nothing(new_vault):
    path, _ = new_vault
    _fill(path)
    before = snapshot(path)
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        with pytest.raises(WrongPassphrase):
            vault.rotate_data_key("not the passphrase", new_passphrase=OTHER)
        assert _count(vault) == ROWS
    assert snapshot(path) == before


# -- crashes -----------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from lawnotebook.crypto.keywrap import Argon2Params
    from lawnotebook.crypto.recovery import RecoveryKey
    from lawnotebook.vault import vault as vault_module
    from lawnotebook.vault.vault import Vault
    path, passphrase, new_passphrase, crash_at = sys.argv[1:5]
    RecoveryKey.generate = classmethod(lambda cls: cls(bytes(range(20))))
    def step(name):
        print(name, flush=True)
        if name == crash_at:
            os.kill(os.getpid(), signal.SIGKILL)
    vault_module._rotation_step = step
    fast = Argon2Params(8 * 1024, 1, 1, bytes(16))
    with Vault.open_with_passphrase(path, passphrase) as vault:
        print("open", flush=True)
        vault.rotate_data_key(passphrase, new_passphrase=new_passphrase, kdf=fast)
    print("done", flush=True)
    """
)


def _child(path, crash_at: str, new_passphrase: str = OTHER) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), PASSPHRASE, new_passphrase, crash_at],
        stdout=subprocess.PIPE,
        text=True,
    )


def _opens(path, old_recovery, rows: int = ROWS, new_first: bool = False) -> str:
    """Which secrets open the vault now: 'old' or 'new' (exactly one set must). Trying the
    wrong set first (``new_first`` after a crash mid-rekey) must not harm the right one."""
    opened = []
    tries = [("old", PASSPHRASE, old_recovery), ("new", OTHER, NEW_RECOVERY)]
    for name, passphrase, recovery in reversed(tries) if new_first else tries:
        try:
            with Vault.open_with_passphrase(path, passphrase) as vault:
                assert _count(vault) == rows
            opened.append(name)
        except WrongPassphrase:
            continue
        with Vault.open_with_recovery_key(path, recovery) as vault:  # its recovery key too
            assert _count(vault) == rows
    assert len(opened) == 1, opened
    assert not (path / PENDING_HEADER_NAME).exists()  # the next open settled the change
    return opened[0]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("crash_at", ROTATION_STEPS)
def test_killed_at_each_step_opens_with_old_or_new(new_vault, crash_at):
    path, old_recovery = new_vault
    _fill(path)
    backup_database(path / "vault.db", path / "backups", 1)
    child = _child(path, crash_at)
    out, _ = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, out
    assert out.split()[-1] == crash_at
    reached_db = ROTATION_STEPS.index(crash_at) >= ROTATION_STEPS.index("rekeyed")
    assert _opens(path, old_recovery) == ("new" if reached_db else "old")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_while_rekeying_opens_with_old_or_new(new_vault):
    path, old_recovery = new_vault
    _fill(path, rows=3000, blob=4000)  # ~12 MB: re-encrypting takes a while
    rng = random.Random(20261201)
    seen = set()
    for _ in range(8):
        child = _child(path, crash_at="none")
        assert child.stdout is not None
        while child.stdout.readline().strip() != "pending-written":
            pass
        time.sleep(rng.uniform(0.0, 0.15))
        child.kill()
        child.wait()
        which = _opens(path, old_recovery, rows=3000, new_first=rng.random() < 0.5)
        seen.add(which)
        if which == "new":  # start again from the old passphrase (and a known recovery key)
            with Vault.open_with_passphrase(path, OTHER) as vault:
                old_recovery = vault.rotate_data_key(OTHER, new_passphrase=PASSPHRASE)
    print("outcomes seen:", seen)


@pytest.mark.parametrize("crash_at", ROTATION_STEPS)
def test_an_exception_at_each_step_leaves_a_vault_that_opens(new_vault, monkeypatch, crash_at):
    path, old_recovery = new_vault
    _fill(path)

    class Crash(Exception):
        pass

    def step(name: str) -> None:
        if name == crash_at:
            raise Crash(name)

    monkeypatch.setattr(vault_module, "_rotation_step", step)
    monkeypatch.setattr(RecoveryKey, "generate", classmethod(lambda cls: NEW_RECOVERY))
    vault = Vault.open_with_passphrase(path, PASSPHRASE)
    with pytest.raises(Crash):
        vault.rotate_data_key(PASSPHRASE, new_passphrase=OTHER, kdf=FAST_KDF)
    vault.close()
    reached_db = ROTATION_STEPS.index(crash_at) >= ROTATION_STEPS.index("rekeyed")
    assert _opens(path, old_recovery) == ("new" if reached_db else "old")


def test_opening_reports_a_finished_interrupted_change(new_vault, monkeypatch):
    path, _ = new_vault
    _fill(path)

    def step(name: str) -> None:
        if name == "rekeyed":
            raise RuntimeError("crash")

    monkeypatch.setattr(vault_module, "_rotation_step", step)
    vault = Vault.open_with_passphrase(path, PASSPHRASE)
    with pytest.raises(RuntimeError):
        vault.rotate_data_key(PASSPHRASE)
    vault.close()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        assert vault.finished_interrupted_key_change
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        assert not vault.finished_interrupted_key_change
