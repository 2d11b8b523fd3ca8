"""Schema 8 renumbers the search index so that the newest documents have the lowest rowids:
a vault indexed under schema 7 (rowids counting up) is migrated and still finds the same."""

from __future__ import annotations

import functools

from lawnotebook.vault import schema
from lawnotebook.vault.migrations import MIGRATIONS
from lawnotebook.vault.search import index, index_document, query, remove_document, search
from lawnotebook.vault.search.index import NEWEST_FIRST_BASE
from lawnotebook.vault.search.text import index_form
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

# (record_id, case_id, kind, title, body, page fields), oldest first.
DOCUMENTS = [
    ("case-1", "case-1", "case", "张三刑讯逼供案", "", {}),
    ("person-1", "case-1", "person", "张三", "当事人", {}),
    *[
        (f"note-{i}", "case-1", "note", f"会见笔记 {i}", f"看守所会见，当事人陈述羁押情况 {i}", {})
        for i in range(8)
    ],
    ("note-x", "case-2", "note", "Interview", "The client described the interrogation.", {}),
    *[
        (
            f"ev-1/t{p}",
            "case-1",
            "evidence",
            "",
            f"讯问笔录第{p}页：侦查人员羁押期间讯问",
            {"parent_id": "ev-1", "page": p, "part": "", "label": "笔录.pdf"},
        )
        for p in (1, 2, 3)
    ],
    ("note-gone", "case-1", "note", "删除的笔记", "看守所", {}),
    ("note-last", "case-2", "note", "最新笔记", "看守所 羁押 interrogation", {}),
]
QUERIES = ["看守所", "羁押", "张三", "interrogation", "讯问", "会见 羁押", "笔记"]


def _add_text_schema_7(conn, rowid: int, doc: index.Document) -> None:  # type: ignore[no-untyped-def]
    """The FTS5 row as schema 7 wrote it: text and scope, no record fields."""
    conn.execute(
        "INSERT INTO search_text (rowid, title, body, scope) VALUES (?, ?, ?, ?)",
        (
            rowid,
            index_form(doc.title),
            index_form(doc.body),
            index.scope_tokens(case_id=doc.case_id, kind=doc.kind),
        ),
    )


# search() as schema 7 read its candidates: the highest rowids, fields from search_document.
_SQL_PLAIN_7 = """
SELECT coalesce(d.parent_id, d.record_id), d.case_id, d.kind, c.c0, c.c1,
       d.parent_id IS NOT NULL, d.page, d.part, d.label, m.rowid
FROM (SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?) AS m
JOIN search_text_content AS c ON c.id = m.rowid
JOIN search_document AS d ON d.doc = m.rowid
"""
_SQL_7 = f"""
SELECT coalesce(d.parent_id, d.record_id), d.case_id, d.kind, m.title, m.body,
       d.parent_id IS NOT NULL, d.page, d.part, d.label, m.rowid
FROM (
    SELECT rowid, {query._HIGHLIGHT}
    FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?
) AS m JOIN search_document AS d ON d.doc = m.rowid
"""  # noqa: S608 -- constant SQL


def _schema_7_vault(path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A vault at schema 7 whose index was written as schema 7 wrote it: rowids counting up."""
    up_to_7 = {v: m for v, m in MIGRATIONS.items() if v <= 7}
    with monkeypatch.context() as patch:
        patch.setattr(
            "lawnotebook.vault.vault.migrate",
            functools.partial(schema.migrate, migrations=up_to_7),
        )
        patch.setattr(
            index,
            "_next_rowid",
            lambda conn: (
                (conn.execute("SELECT max(doc) FROM search_document").fetchone()[0] or 0) + 1
            ),
        )
        patch.setattr(index, "_add_text", _add_text_schema_7)
        vault, _ = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
        with vault:
            assert vault.schema_version == 7
            conn = vault.connection
            for record_id, case_id, kind, title, body, page in DOCUMENTS:
                index_document(
                    conn, record_id=record_id, case_id=case_id, kind=kind, title=title,
                    body=body, **page,
                )  # fmt: skip
            # A replaced document keeps its rowid; a removed one leaves a gap (and FTS5 config
            # rows 'secure-delete' and version 5 behind).
            index_document(
                conn, record_id="note-3", case_id="case-1", kind="note", title="会见笔记 3",
                body="看守所会见（修改后）",
            )  # fmt: skip
            remove_document(conn, "note-gone")


def _texts(conn) -> dict[str, tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    rows = conn.execute(
        "SELECT d.record_id, d.doc, t.title, t.body FROM search_document AS d"
        " JOIN search_text AS t ON t.rowid = d.doc"
    )
    return {record_id: (doc, title, body) for record_id, doc, title, body in rows}


def _hits(conn, query_text: str, **options) -> list[tuple]:  # type: ignore[no-untyped-def]
    hits = search(conn, query_text, **options)
    return sorted((h.record_id, h.page, h.case_id, h.kind, h.title, h.snippet) for h in hits)


def _config(conn) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return dict(conn.execute("SELECT k, v FROM search_text_config").fetchall())


def test_migration_renumbers_the_index_newest_first(vault_dir, monkeypatch):
    _schema_7_vault(vault_dir, monkeypatch)
    with monkeypatch.context() as patch:  # open it as it is, without upgrading
        patch.setattr("lawnotebook.vault.vault.migrate", lambda *args, **kwargs: 7)
        patch.setattr(query, "_SQL_PLAIN", _SQL_PLAIN_7)
        patch.setattr(query, "_SQL", _SQL_7)
        with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as old:
            assert old.schema_version == 7
            before = _texts(old.connection)
            before_config = _config(old.connection)
            before_hits = {q: _hits(old.connection, q) for q in QUERIES}
            before_filtered = _hits(old.connection, "羁押", case_id="case-1", kinds=["evidence"])
            # The newest 4 matches of a word, as schema 7 chose them (highest rowids).
            newest = old.connection.execute(
                "SELECT d.record_id FROM search_text AS t JOIN search_document AS d"
                " ON d.doc = t.rowid WHERE search_text MATCH ? ORDER BY t.rowid DESC LIMIT 4",
                (f'"{index_form("看守所")}"',),
            ).fetchall()
    assert before_config["secure-delete"] == 0 and before_config["version"] == 5
    assert max(doc for doc, _, _ in before.values()) < 100
    assert "note-gone" not in before and len(before) == len(DOCUMENTS) - 1

    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        conn = vault.connection
        assert vault.schema_version == schema.CURRENT_VERSION >= 8
        after = _texts(conn)
        # Every document kept its text under its new rowid, 2^40 - the old one; nothing is
        # left without its text or the other way round.
        assert after == {
            record_id: (NEWEST_FIRST_BASE - doc, title, body)
            for record_id, (doc, title, body) in before.items()
        }
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM search_document), (SELECT count(*) FROM search_text)"
        ).fetchone()
        assert counts == (len(after), len(after))
        # The newest document (highest old rowid) now has the lowest rowid, the oldest the
        # highest, and all stay positive and below 2^40.
        by_new = sorted(after, key=lambda r: after[r][0])
        assert by_new[0] == "note-last" and by_new[-1] == "case-1"
        assert by_new == sorted(before, key=lambda r: before[r][0], reverse=True)
        assert 0 < after["note-last"][0] < after["case-1"][0] == NEWEST_FIRST_BASE - 1
        # Every FTS5 row carries its record's fields, as search_document holds them.
        fields = conn.execute(
            "SELECT d.record_id, d.case_id, d.kind, d.parent_id, d.page, d.part, d.label"
            " FROM search_document AS d ORDER BY d.doc"
        ).fetchall()
        in_rows = conn.execute(
            "SELECT record_id, case_id, kind, parent_id, page, part, label FROM search_text"
            " ORDER BY rowid"
        ).fetchall()
        assert in_rows == fields and len(fields) == len(after)
        # Page documents keep their page fields.
        pages = conn.execute(
            "SELECT record_id, parent_id, page, label FROM search_document"
            " WHERE parent_id IS NOT NULL ORDER BY page"
        ).fetchall()
        assert pages == [(f"ev-1/t{p}", "ev-1", p, "笔录.pdf") for p in (1, 2, 3)]

        # The same hits as before, and FTS5 finds its own index consistent.
        assert {q: _hits(conn, q) for q in QUERIES} == before_hits
        assert _hits(conn, "羁押", case_id="case-1", kinds=["evidence"]) == before_filtered
        assert any(page == 2 for _, page, *_ in before_filtered)
        conn.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")
        # The window of the newest matches is the same documents, now read forwards.
        monkeypatch.setattr(query, "RANK_WINDOW", 4)
        assert sorted(h.record_id for h in search(conn, "看守所")) == sorted(r for (r,) in newest)
        monkeypatch.undo()

        # The FTS5 settings came along; the old table and its shadow tables are gone.
        config = _config(conn)
        assert config["rank"] == "bm25(10.0, 1.0, 0.0)"
        assert config["secure-delete"] == 0
        assert config["hashsize"] == 1024 * 1024
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert not any(name.startswith("search_text_old") for name in names)

        # New documents go below everything there is.
        lowest = after["note-last"][0]
        index_document(
            conn, record_id="n-new", case_id="case-1", kind="note", title="看守所", body=""
        )
        index_document(
            conn, record_id="n-new2", case_id="case-1", kind="note", title="看守所", body=""
        )
        new = _texts(conn)
        assert new["n-new"][0] == lowest - 1 and new["n-new2"][0] == lowest - 2
        # ... and a replaced one keeps its rowid.
        index_document(conn, record_id="note-0", case_id="case-1", kind="note", title="改", body="")
        assert _texts(conn)["note-0"][0] == after["note-0"][0]
        assert remove_document(conn, "note-1")
        assert "note-1" not in _texts(conn)
        conn.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")
