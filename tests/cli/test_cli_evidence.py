"""Evidence, search, log and verify from the command line."""

from __future__ import annotations

import os

import pytest

from lawnotebook.cli import exit_codes


@pytest.fixture
def case_id(cli):
    return cli("--json", "case", "new", "State v. Chen 陈某")["id"]


def test_evidence_round_trip_and_custody(cli, case_id, tmp_path):
    photo = tmp_path / "伤情照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300_000))
    notes = tmp_path / "meeting.txt"
    notes.write_text("plain text notes", encoding="utf-8")
    added = cli("--json", "evidence", "add", case_id, str(photo), str(notes), "--source", "family")
    assert [a["file_name"] for a in added] == ["伤情照片.jpg", "meeting.txt"]
    assert added[0]["media_type"] == "image/jpeg" and added[0]["size"] == 300_004
    listed = cli("--json", "evidence", "list", case_id)
    assert {e["sha256"] for e in listed} == {a["sha256"] for a in added}

    out = tmp_path / "copy.jpg"
    cli("evidence", "get", case_id, added[0]["id"][:8], "--out", str(out))
    assert out.read_bytes() == photo.read_bytes()
    log = cli("--json", "log", case_id)
    assert [e["action"] for e in log] == ["create", "intake", "intake", "export"]
    assert log[1]["details"]["sha256"] == added[0]["sha256"]
    report = cli("--json", "verify", "--deep")
    assert report["ok"] and report["evidence_checked"] == 2


def test_verify_finds_a_tampered_evidence_file(cli, case_id, tmp_path, vault_dir):
    item = tmp_path / "statement.pdf"
    item.write_bytes(b"%PDF-1.7\n" + b"x" * 50_000)
    cli("evidence", "add", case_id, str(item))
    pack = next((vault_dir / "packs").rglob("*"))
    while pack.is_dir():
        pack = next(pack.iterdir())
    data = bytearray(pack.read_bytes())
    data[100] ^= 1
    pack.write_bytes(bytes(data))
    shallow = cli("verify", expect=exit_codes.INTEGRITY)  # its one chunk is sampled
    assert "not authentic" in shallow and "not re-hashed" in shallow
    out = cli("verify", "--deep", expect=exit_codes.INTEGRITY)
    assert "MISMATCHES" in out and "statement.pdf" in out


def test_bad_evidence_input(cli, case_id, tmp_path):
    out = cli(
        "evidence", "add", case_id, str(tmp_path / "missing.jpg"), expect=exit_codes.BAD_INPUT
    )
    assert "missing.jpg" in out or "read" in out
    cli(
        "evidence",
        "get",
        case_id,
        "deadbeef",
        "--out",
        str(tmp_path / "x"),
        expect=exit_codes.NOT_FOUND,
    )
    assert not (tmp_path / "x").exists()
    assert cli("--json", "evidence", "list", case_id) == []


def test_search_from_the_command_line(cli, case_id):
    cli("note", "add", case_id, "他说在看守所被刑讯逼供三天 and signed a confession")
    cli("person", "add", case_id, "张三丰", "--role", "witness")
    hits = cli("--json", "search", "逼供")
    assert [h["kind"] for h in hits] == ["note"] and "[逼供]" in hits[0]["snippet"]
    assert [h["kind"] for h in cli("--json", "search", "张三")] == ["person"]
    assert cli("--json", "search", "confession 刑讯", "--case", case_id)
    for hostile in ['"', "*", "NEAR(", "a OR b", "title:x", "(", "^x"]:
        assert isinstance(cli("--json", "search", hostile), list)
    assert cli("--json", "search", "--", "-x") == []  # a leading dash needs "--" as usual
    assert "No matches." in cli("search", "nothing-like-this")


def test_a_rolled_back_vault_db_is_told_and_the_newer_one_brings_the_evidence_back(
    cli, case_id, tmp_path, vault_dir
):
    """Issue 15 point 1: the open says it quarantined packs; nothing is lost."""
    first, second = tmp_path / "first.bin", tmp_path / "second.bin"
    first.write_bytes(os.urandom(70_000))
    second.write_bytes(os.urandom(2_500_000))
    cli("evidence", "add", case_id, str(first))
    (tmp_path / "older.db").write_bytes((vault_dir / "vault.db").read_bytes())
    added = cli("--json", "evidence", "add", case_id, str(second))
    (tmp_path / "newer.db").write_bytes((vault_dir / "vault.db").read_bytes())

    (vault_dir / "vault.db").write_bytes((tmp_path / "older.db").read_bytes())
    out = cli("evidence", "list", case_id)  # any command that opens the vault
    assert "first.bin" in out and "second.bin" not in out
    assert "were moved to" in out and "packs-quarantine" in out and "Nothing was deleted" in out
    assert "moved to" not in cli("evidence", "list", case_id)  # told once, not at every open
    assert "waiting in quarantine" in cli("verify")  # verify still mentions them

    (vault_dir / "vault.db").write_bytes((tmp_path / "newer.db").read_bytes())
    copy = tmp_path / "copy.bin"
    out = cli("evidence", "get", case_id, added[0]["id"][:8], "--out", str(copy))
    assert "moved back" in out
    assert copy.read_bytes() == second.read_bytes()
    report = cli("--json", "verify", "--deep")
    assert report["ok"] and report["evidence_checked"] == 2


def test_plain_verify_exits_12_for_a_missing_pack(cli, case_id, tmp_path, vault_dir):
    """Issue 15 point 8: a deleted pack is seen without --deep."""
    item = tmp_path / "statement.pdf"
    item.write_bytes(b"%PDF-1.7\n" + os.urandom(50_000))
    cli("evidence", "add", case_id, str(item))
    for pack in (vault_dir / "packs").iterdir():
        pack.unlink()
    out = cli("verify", expect=exit_codes.INTEGRITY)
    assert "1 with problems" in out and "missing" in out
    report = cli("--json", "verify", expect=exit_codes.INTEGRITY)
    assert [p["problem"] for p in report["packs"]] == ["missing"]
