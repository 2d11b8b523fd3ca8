"""The vault functions that took over the SQL services used to run themselves (issue 14)."""

from __future__ import annotations

import pytest

from lawnotebook.core.records import Case, Evidence, Note
from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.vault import bundle_log, case_rows, custody, owner
from lawnotebook.vault.database import integrity_problems
from lawnotebook.vault.records import RecordStore, evidence_files, load_clock, save_clock
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def vault(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield vault
    vault.close()


@pytest.fixture
def conn(vault):
    return vault.connection


@pytest.fixture
def store(conn):
    return RecordStore(conn, load_clock(conn, "node1"), owner.owner_fingerprint(conn))


def test_owner_identity_and_fingerprint_agree(conn):
    me = owner.owner_identity(conn)
    assert me.key_card().fingerprint == owner.owner_fingerprint(conn)


def test_a_renamed_owner_keeps_keys_and_fingerprint(conn):
    before = owner.owner_identity(conn)
    renamed = LawyerIdentity("Wang Wei", before.x25519, before.pq, before.signing)
    with transaction(conn):
        owner.replace_owner_identity(conn, renamed)
    after = owner.owner_identity(conn)
    assert after.display_name == "Wang Wei"
    assert after.key_card().fingerprint == before.key_card().fingerprint
    assert owner.owner_fingerprint(conn) == before.key_card().fingerprint


def test_seals_are_counted_per_case_and_recipients(conn):
    assert bundle_log.latest_seal(conn, "case-1", "fp-a") == (0, 0)
    with transaction(conn):
        bundle_log.save_seal(conn, "case-1", "fp-a", 1, "2024-01-01T00:00:00Z", 7)
        bundle_log.save_seal(conn, "case-1", "fp-a", 2, "2024-01-02T00:00:00Z", 9)
        bundle_log.save_seal(conn, "case-1", "passphrase", 1, "2024-01-03T00:00:00Z", 11)
    assert bundle_log.latest_seal(conn, "case-1", "fp-a") == (2, 9)
    assert bundle_log.latest_seal(conn, "case-1", "passphrase") == (1, 11)
    assert bundle_log.latest_seal(conn, "case-2", "fp-a") == (0, 0)


def test_receipts_remember_the_highest_applied_sequence(conn):
    assert bundle_log.latest_applied_sequence(conn, "sender", "fp-me", "case-1") == 0
    with transaction(conn):
        for sequence in (1, 3, 2):
            bundle_log.save_receipt(conn, "sender", "fp-me", "case-1", sequence, "ab" * 32)
    assert bundle_log.latest_applied_sequence(conn, "sender", "fp-me", "case-1") == 3
    assert bundle_log.latest_applied_sequence(conn, "other", "fp-me", "case-1") == 0
    assert bundle_log.latest_applied_sequence(conn, "sender", "fp-me", "case-2") == 0


def test_cases_of_a_live_and_of_a_deleted_record(conn, store):
    case = store.add(Case(title="State v. Li"))
    note = store.add(Note(case_id=case.id, text="met the client"))
    gone = store.add(Note(case_id=case.id, text="draft"))
    store.delete(gone.id)
    assert case_rows.cases_of_record(conn, note.id) == [case.id]
    assert case_rows.cases_of_record(conn, gone.id) == [case.id]  # its tombstone's case
    assert case_rows.cases_of_record(conn, "no-such-record") == []
    assert case_rows.holds_case(conn, case.id)
    assert not case_rows.holds_case(conn, "no-such-case")


def test_a_case_by_its_exact_number(store):
    case = store.add(Case(title="State v. Zhang", case_number="(2016)京01刑初123号"))
    store.add(Case(title="Another"))
    assert store.case_by_number("(2016)京01刑初123号") == case
    assert store.case_by_number("(2016)京01刑初12") is None


def test_case_ids_in_vault_include_archived_cases(conn, store):
    open_case = store.add(Case(title="Open"))
    archived = store.add(Case(title="Closed", archived=True))
    assert sorted(custody.case_ids_in_vault(conn)) == sorted([open_case.id, archived.id])


def test_evidence_files_lists_each_described_file_once(conn, store):
    case = store.add(Case(title="State v. Li"))
    for name, sha in (("photo.jpg", "a" * 64), ("photo.jpg", "a" * 64), ("scan.pdf", "b" * 64)):
        store.add(Evidence(case_id=case.id, file_name=name, sha256=sha, size=1))
    assert sorted(evidence_files(conn)) == [("a" * 64, "photo.jpg"), ("b" * 64, "scan.pdf")]


def test_the_saved_clock_resumes_where_it_stopped(conn):
    clock = load_clock(conn, "node1")
    clock.tick()
    with transaction(conn):
        save_clock(conn, clock)
    assert load_clock(conn, "node1").last == clock.last


def test_a_fresh_vault_has_no_integrity_problems(conn):
    assert integrity_problems(conn) == []
