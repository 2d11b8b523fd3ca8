"""Every record type round-trips; edits keep revisions; deletes leave tombstones; order holds."""

from __future__ import annotations

import pytest

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import (
    Case,
    CaseStatus,
    ChronologyEvent,
    Deadline,
    DeadlineKind,
    Evidence,
    Interrogation,
    Note,
    Person,
    PersonRole,
    Tristate,
)
from lawnotebook.vault import custody
from lawnotebook.vault.errors import RecordNotFound, StaleRecord
from lawnotebook.vault.records import RecordStore, load_clock
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, RecordingIndexer


@pytest.fixture
def store(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    indexer = RecordingIndexer()
    yield RecordStore(vault.connection, load_clock(vault.connection, "node1"), "author-1", indexer)
    vault.close()


@pytest.fixture
def case(store):
    return store.add(
        Case(
            title="State v. Zhang 张某某",
            client="张三",
            charges=["故意伤害"],
            case_number="(2016)京01刑初123号",
            court="北京市第一中级人民法院",
            stage="first instance",
            tags=["torture", "刑讯逼供"],
        )
    )


def _round_trip(store, record):
    saved = store.add(record)
    loaded = store.get(saved.id, type(record))
    assert loaded == saved
    assert loaded.author == "author-1" and loaded.hlc and loaded.created_at
    return loaded


def test_every_record_type_round_trips(store, case):
    assert store.get(case.id, Case).case_id == case.id
    person = _round_trip(
        store,
        Person(
            case_id=case.id,
            name="李四 Li Si",
            role=PersonRole.INTERROGATOR,
            aliases=["Officer Li", "李警官"],
            contact_notes="unit 3",
        ),
    )
    _round_trip(store, Note(case_id=case.id, title="First meeting", text="# 会见\n*tired*"))
    evidence = _round_trip(
        store,
        Evidence(
            case_id=case.id,
            file_name="照片.jpg",
            sha256="ab" * 32,
            size=12,
            media_type="image/jpeg",
            source="family",
        ),
    )
    _round_trip(
        store,
        ChronologyEvent(
            case_id=case.id,
            date=FuzzyDate.parse("2016-07-??"),
            title="Detained",
            person_ids=[person.id],
            evidence_ids=[evidence.id],
        ),
    )
    session = _round_trip(
        store,
        Interrogation(
            case_id=case.id,
            start=FuzzyDate.parse("2016-07-15 21:00"),
            end=FuzzyDate.parse("2016-07-16 05:30"),
            place="看守所",
            interrogator_ids=[person.id],
            recorded_on_video=Tristate.NO,
            rights_read=Tristate.UNKNOWN,
            client_account="Kept awake all night",
            evidence_ids=[evidence.id],
        ),
    )
    assert session.duration_minutes() == 510
    _round_trip(
        store,
        Deadline(
            case_id=case.id,
            due=FuzzyDate.parse("2026-12-01 09:30"),
            title="Hearing",
            kind=DeadlineKind.HEARING,
        ),
    )


def test_a_record_needs_an_existing_case(store):
    with pytest.raises(RecordNotFound):
        store.add(Note(case_id="00000000-0000-4000-8000-000000000000", text="orphan"))
    assert store.list(Note) == []


def test_note_edits_keep_every_revision(store, case):
    note = store.add(Note(case_id=case.id, text="v1"))
    note = store.update(Note(**{**note.__dict__, "text": "v2"}))
    note = store.update(Note(**{**note.__dict__, "text": "v3 第三版"}))
    assert store.get(note.id, Note).text == "v3 第三版"
    assert [r.body["text"] for r in store.revisions(note.id)] == ["v1", "v2", "v3 第三版"]


def test_a_stale_edit_is_refused(store, case):
    note = store.add(Note(case_id=case.id, text="v1"))
    store.update(Note(**{**note.__dict__, "text": "edited elsewhere"}))
    with pytest.raises(StaleRecord):
        store.update(Note(**{**note.__dict__, "text": "my edit of v1"}))
    assert store.get(note.id, Note).text == "edited elsewhere"


def test_delete_leaves_a_tombstone_and_a_log_entry(store, case):
    note = store.add(Note(case_id=case.id, text="to delete"))
    store.delete(note.id)
    with pytest.raises(RecordNotFound):
        store.get(note.id)
    row = store.conn.execute("SELECT kind, case_id FROM tombstones WHERE id=?", (note.id,))
    assert row.fetchone() == ("note", case.id)
    assert [e.action for e in custody.entries(store.conn, case.id)] == [
        "create",
        "create",
        "delete",
    ]
    assert store._indexer.calls[-1] == (note.id, None)


def test_events_list_in_chronology_order(store, case):
    for text in ["2016-08-01", "before 2016-07-15", "2016-07", "2016-07-15 08:00", "2015"]:
        store.add(ChronologyEvent(case_id=case.id, date=FuzzyDate.parse(text), title=text))
    titles = [e.title for e in store.list(ChronologyEvent, case.id)]
    assert titles == ["2015", "2016-07", "before 2016-07-15", "2016-07-15 08:00", "2016-08-01"]


def test_lists_are_per_case(store, case):
    other = store.add(Case(title="Another"))
    store.add(Person(case_id=case.id, name="A"))
    store.add(Person(case_id=other.id, name="B"))
    assert [p.name for p in store.list(Person, case.id)] == ["A"]
    assert sorted(p.name for p in store.list(Person)) == ["A", "B"]


def test_archive_is_an_edit(store, case):
    archived = store.update(
        Case(**{**case.__dict__, "archived": True, "status": CaseStatus.CLOSED})
    )
    assert store.get(case.id, Case).archived is True
    last = custody.entries(store.conn, case.id)[-1]
    assert last.action == "edit" and last.details["fields"] == ["archived", "status"]
    assert archived.hlc > case.hlc


def test_find_by_id_prefix(store, case):
    assert store.find(case.id[:8], Case).id == case.id
    with pytest.raises(RecordNotFound):
        store.find("abc")
    with pytest.raises(RecordNotFound):
        store.find("ffffffffff")


def test_failed_write_leaves_nothing(store, case):
    def failing(conn, record, record_id):
        raise RuntimeError("index broke")

    store._indexer = failing
    with pytest.raises(RuntimeError):
        store.add(Note(case_id=case.id, text="half"))
    assert store.list(Note) == []
    assert len(custody.entries(store.conn, case.id)) == 1
    assert store.conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1


def test_clock_resumes_after_reopen(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        store = RecordStore(
            vault.connection, load_clock(vault.connection, "n"), "a", RecordingIndexer()
        )
        first = store.add(Case(title="x"))
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        clock = load_clock(vault.connection, "n")
        assert clock.tick() > clock.last.__class__.parse(first.hlc)
