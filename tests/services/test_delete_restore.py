"""Deleting records, restoring them (the window's Undo), and erasing deleted evidence files."""

from __future__ import annotations

import io
import os

import pytest

from lawnotebook.core.records import (
    ChronologyEvent,
    Deadline,
    Evidence,
    Interrogation,
    Note,
    Person,
    PersonRole,
)
from lawnotebook.services import errors
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault.evidence.packs import packs_dir, quarantine_dir, staging_dir
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def _one_of_each(files: CaseFile):
    case = files.new_case("State v. Li")
    person = files.add_person(case, "李四", PersonRole.WITNESS)
    note = files.add_note(case, "会见笔录")
    event = files.add_event(case, "2024-05-01", "Arrest", person_ids=[person.id])
    session = files.add_interrogation(case, "2024-05-02 09:00", client_account="打了我")
    deadline = files.add_deadline(case, "2024-06-01", "Filing")
    evidence = add_evidence(files, case, io.BytesIO(b"scan" * 100), file_name="scan.pdf")
    return case, [person, note, event, session, deadline, evidence]


def _packs(root) -> list[str]:
    return sorted(os.listdir(packs_dir(root))) if packs_dir(root).is_dir() else []


def test_delete_and_restore_every_kind_keeps_id_and_logs_it(files):
    case, records = _one_of_each(files)
    for record in records:
        kind = type(record)
        files.delete(record.id)
        assert files.list(kind, case) == [] or record.id not in {
            r.id for r in files.list(kind, case)
        }
        assert files.is_deleted(record.id)
        back = files.restore(record)
        assert back.id == record.id
        assert {r.id for r in files.list(kind, case)} >= {record.id}
        from lawnotebook.core.records import to_body

        assert to_body(back) == to_body(record)
        assert not files.is_deleted(record.id)
    actions = [(e.action, e.record_id) for e in files.log(case)]
    for record in records:
        assert ("delete", record.id) in actions
        assert ("restore", record.id) in actions
    assert verify_vault(files.vault, deep=True).ok


def test_deleting_evidence_logs_its_hash(files):
    case, records = _one_of_each(files)
    evidence = records[-1]
    files.delete(evidence.id)
    entry = [e for e in files.log(case) if e.action == "delete"][-1]
    assert entry.details["sha256"] == evidence.sha256


def test_references_name_what_cites_a_record(files):
    case = files.new_case("Case")
    officer = files.add_person(case, "王五", PersonRole.INTERROGATOR)
    evidence = add_evidence(files, case, io.BytesIO(b"x" * 50), file_name="video.mp4")
    event = files.add_event(case, "2024-05-01", "Arrest", evidence_ids=[evidence.id])
    session = files.add_interrogation(
        case, "2024-05-02", interrogator_ids=[officer.id], evidence_ids=[evidence.id]
    )
    assert {r.id for r in files.references(evidence)} == {event.id, session.id}
    assert [r.id for r in files.references(officer)] == [session.id]
    assert files.references(event) == []


def test_restore_refused_once_the_deletion_was_sealed(files, tmp_path):
    from lawnotebook.services.bundle_seal import seal_case

    case = files.new_case("Case")
    note = files.add_note(case, "text")
    files.delete(note.id)
    seal_case(
        files, case.id, tmp_path / "b.lnb", passphrase="correct horse", passphrase_work_factor=10
    )
    with pytest.raises(errors.vault.DeletionShared):
        files.restore(note)
    assert files.list(Note, case) == []


def test_deleted_evidence_file_is_erased_at_close_without_quarantine(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    files = CaseFile(vault)
    case = files.new_case("Case")
    kept = add_evidence(files, case, io.BytesIO(b"keep" * 1000), file_name="keep.jpg")
    gone = add_evidence(files, case, io.BytesIO(b"gone" * 1000), file_name="gone.jpg")
    before = _packs(vault_dir)
    assert len(before) == 2
    files.delete(gone.id)
    assert _packs(vault_dir) == before  # still there while Undo may bring it back
    vault.close()
    assert len(_packs(vault_dir)) == 1
    assert not os.listdir(staging_dir(vault_dir)) if staging_dir(vault_dir).is_dir() else True
    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    try:
        assert vault.pack_sweep.quarantined == 0
        assert not quarantine_dir(vault_dir).exists() or not os.listdir(quarantine_dir(vault_dir))
        files = CaseFile(vault)
        with pytest.raises(errors.vault.DeletedFileGone):
            files.restore(gone)
        assert [e.id for e in files.list(Evidence, case)] == [kept.id]
    finally:
        vault.close()


def test_a_file_another_record_names_is_not_erased(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    files = CaseFile(vault)
    one, two = files.new_case("One"), files.new_case("Two")
    first = add_evidence(files, one, io.BytesIO(b"same" * 500), file_name="a.pdf")
    add_evidence(files, two, io.BytesIO(b"same" * 500), file_name="a.pdf")
    files.delete(first.id)
    assert files.erase_deleted_files() == 0
    vault.close()
    assert len(_packs(vault_dir)) == 1


def test_crash_between_commit_and_unlink_leaves_nothing_in_quarantine(vault_dir, monkeypatch):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    files = CaseFile(vault)
    case = files.new_case("Case")
    gone = add_evidence(files, case, io.BytesIO(b"gone" * 1000), file_name="gone.jpg")
    files.delete(gone.id)
    real_unlink = os.unlink

    def crash(path, *a, **k):  # the process dies right after the COMMIT
        raise SystemExit("killed")

    monkeypatch.setattr(os, "unlink", crash)
    with pytest.raises(SystemExit):
        files.erase_deleted_files()
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert len(os.listdir(staging_dir(vault_dir))) == 1
    vault.connection.close()
    vault._lock.release()
    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    try:
        assert vault.pack_sweep.quarantined == 0
        assert vault.pack_sweep.removed == 1
        assert _packs(vault_dir) == []
    finally:
        vault.close()


def test_other_kinds_unaffected_by_restore_of_one(files):
    case, records = _one_of_each(files)
    person = records[0]
    files.delete(person.id)
    files.restore(person)
    for kind in (Person, Note, ChronologyEvent, Interrogation, Deadline, Evidence):
        assert len(files.list(kind, case)) == 1
