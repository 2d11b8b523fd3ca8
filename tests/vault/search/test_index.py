"""Writing the index: replace, remove, rebuild, and all-or-nothing with the caller's transaction."""

from __future__ import annotations

import dataclasses

import pytest

from lawnotebook.vault.search import (
    Document,
    compact_index,
    index,
    index_document,
    index_documents,
    rebuild_index,
    remove_case,
    remove_document,
    search,
)
from lawnotebook.vault.search.index import NEWEST_FIRST_BASE
from lawnotebook.vault.search.text import index_form
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def test_update_replaces_the_old_text(conn, add, find):
    add("n1", "初稿", "当事人否认刑讯逼供")
    add("n1", "Second draft", "The client now describes the interrogation.", case_id="case-2")
    assert find("逼供") == []
    assert find("初稿") == []
    assert find("interrogation ") == ["n1"]
    assert find("interrogation ", case_id="case-1") == []
    assert find("interrogation ", case_id="case-2") == ["n1"]
    assert conn.execute("SELECT count(*) FROM search_document WHERE record_id='n1'").fetchone() == (
        1,
    )


def test_update_can_change_the_kind(add, find):
    add("r1", "张三", "", kind="note")
    add("r1", "张三", "", kind="person")
    assert find("张三", kinds=["note"]) == []
    assert find("张三", kinds=["person"]) == ["r1"]


def test_remove(conn, add, find):
    add("n1", "看守所", "律师")
    add("n2", "看守所", "阅卷")
    assert remove_document(conn, "n1") is True
    assert find("看守所") == ["n2"]
    assert find("律师") == []
    assert remove_document(conn, "n1") is False
    assert remove_document(conn, "never-indexed") is False


def test_remove_case(conn, add, find):
    add("a1", "逼供", case_id="a")
    add("a2", "逼供", case_id="a")
    add("b1", "逼供", case_id="b")
    assert remove_case(conn, "a") == 2
    assert find("逼供") == ["b1"]


def test_rebuild_replaces_everything(conn, add, find):
    add("old", "旧的记录", "刑讯逼供")
    docs = [Document(f"n{i}", "case-1", "note", f"笔记 {i}", "看守所会见") for i in range(20)]
    assert rebuild_index(conn, docs) == 20
    assert find("逼供") == []
    assert len(find("看守所")) == 20
    assert find("看守所", kinds=["note"], case_id="case-1", limit=1)


def test_rebuild_is_all_or_nothing(conn, add, find):
    add("old", "旧的记录", "刑讯逼供")

    def documents():
        yield Document("n1", "case-1", "note", "新", "看守所")
        raise RuntimeError("the records store failed mid-way")

    with pytest.raises(RuntimeError):
        rebuild_index(conn, documents())
    assert find("逼供") == ["old"]
    assert find("看守所") == []


def test_index_rolls_back_with_the_callers_transaction(conn, add, find):
    add("kept", "笔记", "看守所")
    conn.execute("BEGIN")
    add("n1", "笔记", "看守所 律师")
    remove_document(conn, "kept")
    conn.execute("ROLLBACK")
    assert find("看守所") == ["kept"]
    assert find("律师") == []
    conn.execute("BEGIN")
    add("n1", "笔记", "看守所 律师")
    conn.execute("COMMIT")
    assert find("律师") == ["n1"]


@pytest.mark.parametrize("field", ["record_id", "case_id", "kind"])
def test_ids_must_be_non_empty_strings(conn, field):
    args = {"record_id": "r", "case_id": "c", "kind": "note", "title": "t", "body": "b"}
    with pytest.raises(ValueError, match=field):
        index_document(conn, **{**args, field: ""})
    assert search(conn, "t") == []


def test_index_lives_in_the_schema(vault):
    tables = {r[0] for r in vault.connection.execute("SELECT name FROM sqlite_master")}
    assert {"search_document", "search_text"} <= tables
    assert vault.schema_version >= 4


def _in_index_pages(conn, word: str) -> bool:
    # Terms are prefix-compressed within a page, so look for the distinctive tail of the word.
    tail = word[4:].encode()
    return any(tail in bytes(b) for (b,) in conn.execute("SELECT block FROM search_text_data"))


def test_removed_record_leaves_no_trace_in_the_index_pages(conn, add, find):
    add("n1", "Notes", "qqzzyyxxuniqueword lives here")
    assert _in_index_pages(conn, "qqzzyyxxuniqueword")
    remove_document(conn, "n1")
    assert not _in_index_pages(conn, "qqzzyyxxuniqueword")


def test_replaced_text_lingers_until_compacted(conn, add, find):
    add("n1", "Notes", "qqzzyyxxuniqueword first draft")
    add("n1", "Notes", "second draft")
    assert find("qqzzyyxxuniqueword") == []
    compact_index(conn)
    assert not _in_index_pages(conn, "qqzzyyxxuniqueword")
    assert find("second draft") == ["n1"]


def _rowid(conn, record_id: str) -> int:
    row = conn.execute("SELECT doc FROM search_document WHERE record_id = ?", (record_id,))
    return row.fetchone()[0]


def test_the_first_document_of_an_empty_index_gets_2_to_the_40_minus_1(vault):
    conn = vault.connection
    index_document(conn, record_id="n1", case_id="c", kind="note", title="t", body="b")
    assert _rowid(conn, "n1") == NEWEST_FIRST_BASE - 1 == 2**40 - 1
    assert conn.execute("SELECT rowid FROM search_text").fetchall() == [(2**40 - 1,)]


def test_a_later_document_gets_a_lower_rowid(conn, add, find):
    add("n1", "看守所", "第一")
    add("n2", "看守所", "第二")
    remove_document(conn, "n2")  # the lowest is gone: the next one takes the lowest again
    add("n3", "看守所", "第三")
    assert 0 < _rowid(conn, "n3") == _rowid(conn, "n1") - 1
    lowest = conn.execute("SELECT min(doc) FROM search_document").fetchone()[0]
    assert lowest == _rowid(conn, "n3")
    assert find("看守所") == ["n3", "n1"]  # equal scores: newer first


def test_replacing_keeps_the_rowid(conn, add, find):
    add("n1", "看守所", "第一")
    add("n2", "看守所", "第二")
    before = _rowid(conn, "n1")
    add("n1", "Changed", "律师", case_id="case-2")
    assert _rowid(conn, "n1") == before
    assert conn.execute("SELECT rowid FROM search_text WHERE rowid = ?", (before,)).fetchone()
    assert find("律师") == ["n1"]


@pytest.mark.parametrize("batch", [index.REBUILD_BATCH, 40])
def test_rebuild_gives_the_last_document_the_lowest_rowid(monkeypatch, conn, find, batch):
    monkeypatch.setattr(index, "REBUILD_BATCH", batch)  # 40 characters: several batches
    docs = [Document(f"n{i}", "case-1", "note", f"笔记 {i}", f"看守所会见 {i}") for i in range(25)]
    assert rebuild_index(conn, docs) == 25
    rows = conn.execute("SELECT record_id, doc FROM search_document ORDER BY doc").fetchall()
    assert [r for r, _ in rows] == [f"n{i}" for i in reversed(range(25))]
    assert [doc for _, doc in rows] == list(range(NEWEST_FIRST_BASE - 25, NEWEST_FIRST_BASE))
    texts = conn.execute("SELECT rowid, title FROM search_text ORDER BY rowid").fetchall()
    assert [(doc, index_form(f"笔记 {r[1:]}")) for r, doc in rows] == texts
    conn.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")
    assert find("看守所 24") == ["n24"]


def test_many_documents_at_once_are_indexed_as_one_by_one(tmp_path):
    def docs(round_: int) -> list[Document]:
        pages = [
            Document(
                f"ev/t{p}", "case-1", "evidence", "", f"第{p}页 羁押 {round_}", "ev", p, "", "f.pdf"
            )
            for p in range(1, 6)
        ]
        return [*pages, Document("n1", "case-1", "note", "笔记", f"羁押 {round_}"), pages[0]]

    def state(conn):  # type: ignore[no-untyped-def]
        return (
            conn.execute("SELECT * FROM search_document ORDER BY doc").fetchall(),
            conn.execute(
                "SELECT rowid, title, body, scope, record_id, case_id, kind, parent_id, page,"
                " part, label FROM search_text ORDER BY rowid"
            ).fetchall(),
        )

    results = []
    for at_once in (False, True):
        vault, _ = Vault.create(tmp_path / f"v{at_once}", PASSPHRASE, kdf=FAST_KDF)
        with vault:
            conn = vault.connection
            index_document(conn, record_id="n0", case_id="c", kind="note", title="旧", body="")
            for round_ in (1, 2):  # the second round replaces what the first added
                if at_once:
                    assert index_documents(conn, docs(round_)) == 6
                else:
                    for d in docs(round_):
                        index_document(conn, **dataclasses.asdict(d))
            conn.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")
            results.append(state(conn))
    assert results[0] == results[1]
    documents, rows = results[1]
    assert len(documents) == len(rows) == 7
