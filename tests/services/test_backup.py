"""Backups (issue 18, points 1 and 2): consistent while written to, incremental, verified
without writing to the drive, restored into a vault that passes verify --deep, drilled."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import time
from pathlib import Path

import pytest

from lawnotebook.services import errors
from lawnotebook.services.backup import (
    back_up,
    backup_drives_of,
    days_since_last_backup,
    drill,
    restore_backup,
    unlock_with,
    verify_backup,
)
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault import custody
from lawnotebook.vault.backup.layout import generations
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, snapshot


def _fill(vault: Vault, cases: int = 2, evidence_bytes: int = 200_000) -> CaseFile:
    files = CaseFile(vault)
    for n in range(cases):
        case = files.new_case(f"案件 {n}", client=f"client {n}")
        files.add_note(case, f"note {n} 会见笔录")
        add_evidence(files, case, io.BytesIO(os.urandom(evidence_bytes)), file_name=f"e{n}.jpg")
    return files


def _state(vault: Vault) -> dict[str, object]:
    """Every case, note, evidence SHA-256 and custody head, as the lawyer would check them."""
    files = CaseFile(vault)
    conn = vault.connection
    return {
        "records": sorted(
            conn.execute("SELECT id, case_id, kind, body, hlc FROM records").fetchall()
        ),
        "evidence": sorted(
            r[0] for r in conn.execute("SELECT sha256 FROM evidence_blob").fetchall()
        ),
        "heads": {
            c: [custody.head(conn, c, o) for o in custody.origins(conn, c)]
            for c in files.all_case_ids()
        },
    }


@pytest.fixture
def drive(tmp_path: Path) -> Path:
    path = tmp_path / "drive"
    path.mkdir()
    return path


def test_restore_reproduces_the_vault_and_passes_deep_verify(vault_dir, drive, tmp_path):
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        _fill(vault)
        result = back_up(vault, drive)
        expected = _state(vault)
        shas = expected["evidence"]
    assert result.generation == 1 and result.packs_copied >= 2
    # The folder on the drive names nothing of the vault's contents.
    assert [p.name for p in drive.iterdir()] == [result.folder.name]
    assert result.folder.name.startswith("lnb-") and len(result.folder.name) == 20
    restored, report = restore_backup(drive, unlock_with(recovery=recovery), tmp_path / "new")
    with restored:
        assert report.ok and report.deep and report.evidence_checked == 2, report.to_dict()
        assert _state(restored) == expected
        # Every evidence file reads back to its SHA-256 taken at intake.
        files = CaseFile(restored)
        from lawnotebook.services.evidence import open_evidence

        for case_id in files.all_case_ids():
            case = files.case(case_id)
            for item in files.list(
                __import__("lawnotebook.core.records").core.records.Evidence, case
            ):
                with open_evidence(files, item) as reader:
                    assert hashlib.sha256(reader.read()).hexdigest() in shas
    # The restored vault opens with the passphrase too (same header slots).
    with Vault.open_with_passphrase(tmp_path / "new", PASSPHRASE) as again:
        assert verify_vault(again, deep=True).ok


def test_a_second_backup_copies_only_the_new_packs(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=3)
        first = back_up(vault, drive)
        unchanged = back_up(vault, drive)
        case = files.cases()[0]
        add_evidence(files, case, io.BytesIO(os.urandom(150_000)), file_name="new.pdf")
        changed = back_up(vault, drive)
        named = vault.connection.execute("SELECT count(*) FROM evidence_pack").fetchone()[0]
    assert first.packs_copied == 3 and first.packs_present == 0
    assert unchanged.packs_copied == 0 and unchanged.bytes_copied == 0  # only the database
    assert unchanged.packs_present == 3
    assert changed.packs_copied == named - 3 == 1 and changed.packs_present == 3
    assert [g.number for g in generations(first.folder)] == [1, 2, 3]


def test_old_generations_are_pruned_to_keep_and_their_packs_go(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=1)
        back_up(vault, drive, keep=2)
        evidence = files.list(
            __import__("lawnotebook.core.records").core.records.Evidence, files.cases()[0]
        )[0]
        files.delete(evidence.id)
        vault.connection.execute("DELETE FROM evidence_chunk")
        vault.connection.execute("DELETE FROM evidence_pack")
        vault.connection.execute("DELETE FROM evidence_blob")
        back_up(vault, drive, keep=2)
        result = back_up(vault, drive, keep=2)
    assert result.pruned == (1,)
    assert [g.number for g in generations(result.folder)] == [2, 3]
    assert result.packs_removed == 1  # only generation 1 named it
    assert not any((result.folder / "packs").iterdir())


def test_backup_while_a_writer_adds_notes_verifies(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=1)
        case = files.cases()[0]
        stop = threading.Event()
        written: list[int] = []
        failures: list[BaseException] = []

        def writer() -> None:
            try:
                while not stop.is_set():
                    files.add_note(case, f"note written during the backup {len(written)}")
                    written.append(1)
                    time.sleep(0.002)  # a lawyer's app, not a benchmark: others get the lock
            except BaseException as exc:
                failures.append(exc)

        thread = threading.Thread(target=writer)
        thread.start()
        try:
            for _ in range(3):
                back_up(vault, drive)
        finally:
            stop.set()
            thread.join()
        assert not failures
        assert len(written) > 3
    report, generation = verify_backup(drive, unlock_with(PASSPHRASE))
    assert generation == 3
    assert report.ok, report.to_dict()
    assert report.evidence_checked == 1 and report.cases_checked == 1


def test_verify_writes_nothing_to_the_drive_and_finds_damage(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        _fill(vault, cases=1, evidence_bytes=300_000)
        result = back_up(vault, drive)
    before = snapshot(drive)
    report, _ = verify_backup(drive, unlock_with(PASSPHRASE))
    assert report.ok
    assert snapshot(drive) == before
    pack = next((result.folder / "packs").iterdir())
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 1  # a flipped bit in a chunk the sampled check may not read
    pack.write_bytes(bytes(data))
    report, _ = verify_backup(drive, unlock_with(PASSPHRASE))
    assert not report.ok and report.evidence
    db = result.folder / "g00000001" / "vault.db"
    data = bytearray(db.read_bytes())
    data[8192 + 100] ^= 1  # a page MAC fails
    db.write_bytes(bytes(data))
    report, _ = verify_backup(drive, unlock_with(PASSPHRASE))
    assert report.database
    pack.unlink()
    with pytest.raises(errors.vault.WrongPassphrase):
        verify_backup(drive, unlock_with("not the passphrase"))


def test_no_backup_and_another_vaults_backup_are_refused(vault_dir, drive, tmp_path):
    with pytest.raises(errors.backup.BackupNotFound):
        verify_backup(drive, unlock_with(PASSPHRASE))
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF)
    with other:
        back_up(other, drive)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        with pytest.raises(errors.backup.BackupNotFound):
            drill(vault, drive)
        with pytest.raises(errors.backup.BackupOfAnotherVault):
            drill(vault, drive / next(drive.iterdir()).name)


def test_drill_says_which_side_is_newer(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=2)
        back_up(vault, drive)
        report = drill(vault, drive)
        assert report.matches and len(report.cases) == 2
        first, second = files.cases()
        files.add_note(first, "after the backup")
        files.new_case("a new case")
        report = drill(vault, drive)
        newer = {c.title: c.newer for c in report.cases}
    assert newer == {first.title: "vault", second.title: "same", "a new case": "only in vault"}
    changed = next(c for c in report.cases if c.title == first.title)
    assert changed.vault_counts["note"] == changed.backup_counts["note"] + 1


def test_the_vault_remembers_each_drive_in_its_database(vault_dir, tmp_path):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        assert days_since_last_backup(vault) is None
        for name in ("drive-a", "drive-b"):
            (tmp_path / name).mkdir()
            back_up(vault, tmp_path / name)
        back_up(vault, tmp_path / "drive-a")
        drives = backup_drives_of(vault)
        assert days_since_last_backup(vault) == 0
    assert sorted((Path(d.location).parent.name, d.generation) for d in drives) == [
        ("drive-a", 2),
        ("drive-b", 1),
    ]
    # Nothing of it in the clear: the drive's path is not in the vault folder's files.
    for data in snapshot(vault_dir).values():
        assert b"drive-a" not in data


def test_cancel_leaves_the_previous_generation(vault_dir, drive):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=1)
        back_up(vault, drive)
        add_evidence(files, files.cases()[0], io.BytesIO(os.urandom(100_000)), file_name="x")
        with pytest.raises(errors.backup.BackupCancelled):
            back_up(vault, drive, cancel=lambda: True)
    folder = next(drive.iterdir())
    assert [g.number for g in generations(folder)] == [1]
    assert sorted(p.name for p in folder.iterdir()) == ["backup-id", "g00000001", "packs"]
    report, generation = verify_backup(drive, unlock_with(PASSPHRASE))
    assert report.ok and generation == 1


def test_packs_copy_without_the_kernel_copy_too(vault_dir, drive, monkeypatch):
    """Windows and macOS have no copy_file_range: the read-and-write path gives the same."""
    from lawnotebook.vault.backup import writer

    monkeypatch.setattr(writer, "_copy_range", lambda src, dst, size: 0)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        _fill(vault, cases=2)
        result = back_up(vault, drive)
    assert result.packs_copied == 2
    report, _ = verify_backup(drive, unlock_with(PASSPHRASE))
    assert report.ok and report.evidence_checked == 2


def test_evidence_erased_while_the_backup_runs_takes_a_new_snapshot(vault_dir, drive, monkeypatch):
    """The files of deleted evidence can be erased while the vault is open: a pack the first
    snapshot named is then gone, and the backup takes a new snapshot instead of failing."""
    from lawnotebook.core.records import Evidence
    from lawnotebook.vault.backup import writer

    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = _fill(vault, cases=2)
        doomed = files.list(Evidence, files.cases()[0])[0]
        snapshots = []

        def step(name: str) -> None:
            if name == "database-copied":
                snapshots.append(name)
                if len(snapshots) == 1:  # between the first snapshot and its pack copy
                    files.delete(doomed.id)
                    assert files.erase_deleted_files() == 1

        monkeypatch.setattr(writer, "step", step)
        result = back_up(vault, drive)
    assert len(snapshots) == 2
    # The erased file's pack is not in the backup (the kept one may have been copied by the
    # first attempt already: the counts are the final snapshot's).
    assert result.packs_copied + result.packs_present == 1
    assert len(list((result.folder / "packs").iterdir())) == 1
    report, _ = verify_backup(drive, unlock_with(PASSPHRASE))
    assert report.ok and report.evidence_checked == 1
