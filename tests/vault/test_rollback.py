"""A vault folder replaced by an older copy is noticed at the next open (issue 18, point 3).

The vault's position (generation, change counter) lives in its encrypted database and is
mirrored on the device (the state folder) and in each backup's manifest; see
vault/backup/generation.py for what this can and cannot see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from lawnotebook.services.backup import back_up
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault.backup import generation
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def _open(path: Path) -> Vault:
    return Vault.open_with_passphrase(path, PASSPHRASE)


def test_a_folder_replaced_by_its_older_copy_is_reported_once_and_verify_keeps_it(tmp_path):
    path, old = tmp_path / "vault", tmp_path / "old-copy"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        CaseFile(vault).new_case("first case")
    shutil.copytree(path, old)  # a copy taken while the vault is closed
    with _open(path) as vault:
        assert vault.rollback is None
        CaseFile(vault).new_case("work done after the copy")
    shutil.rmtree(path)
    shutil.copytree(old, path)  # the folder replaced by its older copy
    with _open(path) as vault:
        notice = vault.rollback
        assert notice is not None and notice.source == "device"
        assert notice.found < notice.seen
        report = verify_vault(vault)
        assert report.ok  # the older vault is intact ...
        assert [n.seen for n in report.rollbacks] == [notice.seen]  # ... but older, and says so
    with _open(path) as vault:  # said once at open; verify goes on reporting it
        assert vault.rollback is None
        assert len(verify_vault(vault).rollbacks) == 1


def test_ordinary_opens_and_closes_notice_nothing(tmp_path):
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    for n in range(3):
        with _open(path) as vault:
            assert vault.rollback is None
            CaseFile(vault).new_case(f"case {n}")
    with _open(path) as vault:
        assert vault.rollback is None and not verify_vault(vault).rollbacks


def test_a_backup_drive_notices_it_when_this_device_never_saw_the_newer_vault(tmp_path):
    path, old, drive = tmp_path / "vault", tmp_path / "old-copy", tmp_path / "drive"
    drive.mkdir()
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        back_up(vault, drive)  # the database now remembers the drive
    shutil.copytree(path, old)
    with _open(path) as vault:
        CaseFile(vault).new_case("after the copy")
        back_up(vault, drive)
    shutil.rmtree(generation.seen_dir())  # another device, or its state folder lost
    shutil.rmtree(path)
    shutil.copytree(old, path)
    with _open(path) as vault:
        assert vault.rollback is not None
        assert vault.rollback.source.startswith("backup:")


def test_a_damaged_device_mirror_is_ignored_not_trusted(tmp_path):
    path = tmp_path / "vault"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    vault_id = vault.vault_id
    with vault:
        CaseFile(vault).new_case("a case")
    (generation.seen_dir() / vault_id).write_text("not a number\n")
    with _open(path) as vault:
        assert vault.rollback is None
    assert generation.device_seen(vault_id) != (0, 0)  # rewritten by the open
