"""``KIND delete ID`` for every record kind: gone, custody-logged, cited records ask first."""

from __future__ import annotations

import os

import pytest

from lawnotebook.cli import exit_codes


@pytest.fixture
def case_id(cli):
    return cli("--json", "case", "new", "State v. Chen 陈某")["id"]


def test_delete_each_kind(cli, case_id, tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))
    made = {
        "person": cli("--json", "person", "add", case_id, "王五", "--role", "police"),
        "note": cli("--json", "note", "add", case_id, "会见笔录"),
        "event": cli("--json", "event", "add", case_id, "2024-05-01", "Arrest"),
        "interrogation": cli("--json", "interrogation", "add", case_id, "--start", "2024-05-02"),
        "deadline": cli("--json", "deadline", "add", case_id, "2026-12-01", "Filing"),
        "evidence": cli("--json", "evidence", "add", case_id, str(scan))[0],
    }
    for kind, record in made.items():
        out = cli("--json", kind, "delete", record["id"][:8])
        assert out["deleted"] is True and out["id"] == record["id"]
        assert record["id"] not in {r["id"] for r in cli("--json", kind, "list", case_id)}
        assert "Not found" in cli(kind, "delete", record["id"][:8], expect=exit_codes.NOT_FOUND)
    log = cli("--json", "log", case_id)
    deleted = {e["record_id"] for e in log if e["action"] == "delete"}
    assert deleted == {r["id"] for r in made.values()}
    assert [e for e in log if e["action"] == "delete"][-1]["details"]["sha256"] == made["evidence"][
        "sha256"
    ]
    assert cli("--json", "verify", "--deep")["ok"]


def test_deleted_evidence_file_is_erased(cli, case_id, tmp_path, vault_dir):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(os.urandom(5000))
    item = cli("--json", "evidence", "add", case_id, str(scan))[0]
    assert os.listdir(vault_dir / "packs")
    out = cli("evidence", "delete", item["id"])
    assert "erased" in out
    assert os.listdir(vault_dir / "packs") == []
    assert not (vault_dir / "packs-quarantine").exists() or not os.listdir(
        vault_dir / "packs-quarantine"
    )


def test_cited_evidence_asks_first(cli, case_id, tmp_path):
    scan = tmp_path / "video.mp4"
    scan.write_bytes(os.urandom(3000))
    item = cli("--json", "evidence", "add", case_id, str(scan))[0]
    cli("interrogation", "add", case_id, "--start", "2024-05-02", "--evidence", item["id"])
    cli("event", "add", case_id, "2024-05-01", "Arrest", "--evidence", item["id"])
    out = cli("evidence", "delete", item["id"], expect=exit_codes.USAGE)
    assert "cited by" in out and "Arrest" in out and "interrogation" in out and "--yes" in out
    assert len(cli("--json", "evidence", "list", case_id)) == 1  # nothing changed
    assert cli("--json", "evidence", "delete", item["id"], "--yes")["cited_by"]
    assert cli("--json", "evidence", "list", case_id) == []


def test_cases_are_not_deleted(cli, case_id):
    # A case is archived; there is no "case delete".
    assert "invalid choice" in cli("case", "delete", case_id, expect=exit_codes.USAGE)
