"""``backup``, ``backup verify``, ``backup drill``, ``backup drives`` and ``restore`` (issue 18)."""

from __future__ import annotations

import shutil

from lawnotebook.cli import exit_codes


def test_backup_verify_drill_restore(cli, tmp_path, vault_dir):
    drive = tmp_path / "drive"
    drive.mkdir()
    case = cli("--json", "case", "new", "张三 故意伤害案")
    out = cli("--json", "backup", str(drive))
    assert out["generation"] == 1 and out["packs_copied"] == 0
    verified = cli("--json", "backup", "verify", str(drive))
    assert verified["ok"] and verified["generation"] == 1 and verified["cases_checked"] == 1
    text = cli("backup", "verify", str(drive))
    assert "nothing was written there" in text
    drilled = cli("--json", "backup", "drill", str(drive))
    assert drilled["matches"] and drilled["cases"][0]["title"] == case["title"]
    drives = cli("--json", "backup", "drives")
    assert drives["days_since_last_backup"] == 0 and len(drives["drives"]) == 1
    restored = cli("--json", "restore", str(drive), "--to", str(tmp_path / "restored"))
    assert restored["verify"]["ok"] and restored["verify"]["deep"]
    assert "张三" not in "".join(p.name for p in drive.rglob("*"))


def test_restore_refuses_a_folder_in_use_and_a_missing_backup(cli, tmp_path):
    drive = tmp_path / "drive"
    drive.mkdir()
    cli("backup", str(drive), expect=0)
    target = tmp_path / "full"
    target.mkdir()
    (target / "something").write_text("x")
    cli("restore", str(drive), "--to", str(target), expect=exit_codes.VAULT_EXISTS)
    empty = tmp_path / "empty"
    empty.mkdir()
    out = cli("backup", "verify", str(empty), expect=exit_codes.NOT_FOUND)
    assert "No backup found" in out
    cli("backup", "verify", expect=exit_codes.USAGE)


def test_an_older_copy_put_back_is_reported_at_open_and_by_verify(cli, tmp_path, vault_dir):
    cli("case", "new", "first")
    shutil.copytree(vault_dir, tmp_path / "old")
    cli("case", "new", "second")
    shutil.rmtree(vault_dir)
    shutil.copytree(tmp_path / "old", vault_dir)
    out = cli("case", "list")
    assert "this vault is OLDER than one this computer has seen" in out
    out = cli("verify")
    assert "ROLLED BACK" in out
    assert cli("--json", "verify")["rollbacks"]
