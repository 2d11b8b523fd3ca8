"""Listing every case and every deadline (what the desk reads right after unlocking) reads the
covering partial indexes of schema 7, and returns exactly what a plain scan of the table does,
in the same order."""

from __future__ import annotations

import random
from dataclasses import replace

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import Case, Deadline, DeadlineKind, Note
from lawnotebook.vault.records import RecordStore, load_clock
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, RecordingIndexer

COLUMNS = "id, case_id, kind, body, author, created_at, updated_at, hlc"


def _plain(conn, kind: str) -> list[tuple]:
    return conn.execute(
        f"SELECT {COLUMNS} FROM records NOT INDEXED WHERE kind = ? "  # noqa: S608 - constants
        "ORDER BY sort_key, created_at, id",
        (kind,),
    ).fetchall()


def test_all_cases_and_deadlines_come_from_their_covering_index_in_order(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    conn = vault.connection
    store = RecordStore(conn, load_clock(conn, "node1"), "author-1", RecordingIndexer())
    rng = random.Random(7)
    cases = [store.add(Case(title=f"Case {rng.randint(0, 99):02d} 案{i}")) for i in range(30)]
    for i in range(60):
        day = rng.randint(1, 28)
        store.add(
            Deadline(
                case_id=rng.choice(cases).id,
                due=FuzzyDate.parse(f"2027-0{rng.randint(1, 9)}-{day:02d}"),
                title=f"Deadline {i}",
                kind=DeadlineKind.FILING,
            )
        )
        store.add(Note(case_id=rng.choice(cases).id, title=f"Note {i}", text="x"))
    store.update(replace(store.get(cases[3].id, Case), title="Case 00 renamed"))  # index follows

    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    listed_cases = store.list(Case)
    listed_deadlines = store.list(Deadline)
    conn.set_trace_callback(None)

    assert [c.id for c in listed_cases] == [r[0] for r in _plain(conn, "case")]
    assert [d.id for d in listed_deadlines] == [r[0] for r in _plain(conn, "deadline")]
    assert len(listed_cases) == 30 and len(listed_deadlines) == 60
    assert "Case 00 renamed" in [c.title for c in listed_cases]
    assert [c.title for c in listed_cases] == [
        store.get(r[0], Case).title for r in _plain(conn, "case")
    ]
    plans = [
        " ".join(str(step[-1]) for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
    ]
    assert any("COVERING INDEX records_cases_listed" in p for p in plans), plans
    assert any("COVERING INDEX records_deadlines_listed" in p for p in plans), plans
    assert not any("TEMP B-TREE" in p for p in plans), plans  # already in order
    vault.close()


def test_one_case_s_records_still_use_the_case_index(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    conn = vault.connection
    store = RecordStore(conn, load_clock(conn, "node1"), "author-1", RecordingIndexer())
    case = store.add(Case(title="One"))
    other = store.add(Case(title="Two"))
    for c in (case, other):
        store.add(Deadline(case_id=c.id, due=FuzzyDate.parse("2027-01-02"), title=c.title))
    assert [d.title for d in store.list(Deadline, case.id)] == ["One"]
    vault.close()
