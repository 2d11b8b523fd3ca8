"""The canary test: a case file's words never reach the disk in the clear — vault or temp dir."""

from __future__ import annotations

import tempfile
from pathlib import Path

from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

CANARY = "QX7-CANARY-酷刑证人王小明"


def _needles() -> list[bytes]:
    return [CANARY.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")] + [
        "王小明".encode(),
        "CANARY".encode("utf-16-le"),
    ]


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_notes_evidence_and_index_leave_no_canary(vault_dir, tmp_path):
    temp_before = set(_files(Path(tempfile.gettempdir())))
    source = tmp_path / "outside" / "statement.txt"
    source.parent.mkdir()
    source.write_text(f"Witness statement: {CANARY}\n" * 2000, encoding="utf-8")
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = CaseFile(vault)
        case = files.new_case(f"Case of {CANARY}", client=CANARY)
        note = files.add_note(case, f"Met {CANARY} today", title=CANARY)
        files.edit_note(note, f"Met {CANARY} again")
        files.add_person(case, CANARY)
        add_evidence(files, case, source, description=CANARY)
        assert files.search("王小明")  # the index holds it, inside the encrypted database
        files.delete(note.id)
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        assert CaseFile(vault).search("王小明")

    vault_files = _files(vault_dir)
    assert any(p.parent.name != vault_dir.name for p in vault_files)  # packs were written
    new_temp = set(_files(Path(tempfile.gettempdir()))) - temp_before
    for path in vault_files + sorted(new_temp):
        if source.parent in path.parents:
            continue  # the lawyer's own original file, outside the vault
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue  # another test run's temp file, deleted while we looked
        for needle in _needles():
            assert needle not in data, f"canary found in {path}"
