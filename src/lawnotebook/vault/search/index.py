"""Writing the search index: add, replace and remove documents, rebuild everything.

Each write runs inside a SAVEPOINT, so it is all-or-nothing on its own and nests inside the
caller's transaction (the records store indexes a note in the same transaction that saves it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from lawnotebook.vault.database import Connection
from lawnotebook.vault.search.text import index_form

REBUILD_HASH_SIZE = 32 * 1024 * 1024
DEFAULT_HASH_SIZE = 1024 * 1024  # FTS5's own default


@dataclass(frozen=True)
class Document:
    """One searchable record: a case, person, note, event, interrogation or evidence item —
    or one page of an evidence file's text, whose ``parent_id`` is the evidence record."""

    record_id: str
    case_id: str
    kind: str
    title: str
    body: str
    parent_id: str | None = None  # set for a page of a record (schema 6)
    page: int | None = None  # 1-based; None for text without pages
    part: str = ""  # the e-mail attachment the page is in ("" for the file itself)
    label: str = ""  # shown as the hit's title when ``title`` is empty (the file name)


def scope_tokens(*, case_id: str | None = None, kind: str | None = None) -> str:
    """The filter tokens of the ``scope`` column: hashed, so any id or kind string is safe."""
    tokens = []
    if case_id is not None:
        tokens.append("c" + hashlib.sha256(case_id.encode()).hexdigest()[:32])
    if kind is not None:
        tokens.append("k" + hashlib.sha256(kind.encode()).hexdigest()[:16])
    return " ".join(tokens)


def _check(record_id: str, case_id: str, kind: str) -> None:
    for name, value in (("record_id", record_id), ("case_id", case_id), ("kind", kind)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string")


def _delete(conn: Connection, record_id: str) -> int | None:
    row = conn.execute("SELECT doc FROM search_document WHERE record_id = ?", (record_id,))
    found = row.fetchone()
    if found is None:
        return None
    conn.execute("DELETE FROM search_text WHERE rowid = ?", (found[0],))
    return int(found[0])


def _insert(conn: Connection, doc: Document, replace: bool) -> None:
    _check(doc.record_id, doc.case_id, doc.kind)
    rowid = _delete(conn, doc.record_id) if replace else None
    page_fields = (doc.parent_id, doc.page, doc.part or None, doc.label or None)
    if rowid is None:
        cur = conn.execute(
            "INSERT INTO search_document (record_id, case_id, kind, parent_id, page, part, label)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc.record_id, doc.case_id, doc.kind, *page_fields),
        )
        rowid = cur.lastrowid
    else:
        conn.execute(
            "UPDATE search_document SET case_id = ?, kind = ?, parent_id = ?, page = ?,"
            " part = ?, label = ? WHERE doc = ?",
            (doc.case_id, doc.kind, *page_fields, rowid),
        )
    conn.execute(
        "INSERT INTO search_text (rowid, title, body, scope) VALUES (?, ?, ?, ?)",
        (
            rowid,
            index_form(doc.title),
            index_form(doc.body),
            scope_tokens(case_id=doc.case_id, kind=doc.kind),
        ),
    )


class _Savepoint:
    def __init__(self, conn: Connection, name: str) -> None:
        self.conn, self.name = conn, name

    def __enter__(self) -> None:
        self.conn.execute(f"SAVEPOINT {self.name}")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is not None:
            self.conn.execute(f"ROLLBACK TO {self.name}")
        self.conn.execute(f"RELEASE {self.name}")


def index_document(
    conn: Connection,
    *,
    record_id: str,
    case_id: str,
    kind: str,
    title: str,
    body: str,
    parent_id: str | None = None,
    page: int | None = None,
    part: str = "",
    label: str = "",
) -> None:
    """Add a record to the index, or replace what was indexed for it before.

    A page of a record's text (an evidence file's page) passes ``parent_id`` (the record),
    ``page``, ``part`` and ``label``; its hits come back under the parent's id with the page.
    """
    doc = Document(record_id, case_id, kind, title, body, parent_id, page, part, label)
    with _Savepoint(conn, "search_index"):
        _insert(conn, doc, replace=True)


def _remove_children(conn: Connection, parent_id: str) -> int:
    docs = [
        r[0]
        for r in conn.execute("SELECT doc FROM search_document WHERE parent_id = ?", (parent_id,))
    ]
    for doc in docs:
        conn.execute("DELETE FROM search_text WHERE rowid = ?", (doc,))
    conn.execute("DELETE FROM search_document WHERE parent_id = ?", (parent_id,))
    return len(docs)


def remove_pages(conn: Connection, parent_id: str, *, secure: bool = False) -> int:
    """Take every page document of a record out of the index; returns how many there were.

    ``secure`` erases their words from the index pages at once (FTS5 'secure-delete', as
    :func:`remove_document` does); without it (re-reading a file whose pages are about to be
    indexed again) the old words linger in older segments until merged.
    """
    with _Savepoint(conn, "search_remove_pages"):
        if secure:
            _fts_config(conn, "secure-delete", 1)
        count = _remove_children(conn, parent_id)
        if secure:
            _fts_config(conn, "secure-delete", 0)
    return count


def _fts_config(conn: Connection, key: str, value: int) -> None:
    conn.execute("INSERT INTO search_text (search_text, rank) VALUES (?, ?)", (key, value))


def remove_document(conn: Connection, record_id: str) -> bool:
    """Take a record (and its page documents, if any) out of the index; returns whether the
    record was there.

    Uses FTS5 'secure-delete': the record's words and positions are erased from the index pages
    at once (~0.1 s), instead of lingering in older segments until a merge reaches them.
    """
    with _Savepoint(conn, "search_remove"):
        _fts_config(conn, "secure-delete", 1)
        rowid = _delete(conn, record_id)
        _remove_children(conn, record_id)
        _fts_config(conn, "secure-delete", 0)
        if rowid is not None:
            conn.execute("DELETE FROM search_document WHERE doc = ?", (rowid,))
    return rowid is not None


def remove_case(conn: Connection, case_id: str) -> int:
    """Take every record of a case out of the index; returns how many there were.

    Plain FTS5 deletes (secure-delete would cost ~0.1 s per record): the words linger in older
    index segments until merged; :func:`compact_index` erases them at once.
    """
    with _Savepoint(conn, "search_remove_case"):
        rows = conn.execute("SELECT doc FROM search_document WHERE case_id = ?", (case_id,))
        docs = [r[0] for r in rows.fetchall()]
        for doc in docs:
            conn.execute("DELETE FROM search_text WHERE rowid = ?", (doc,))
        conn.execute("DELETE FROM search_document WHERE case_id = ?", (case_id,))
    return len(docs)


def rebuild_index(conn: Connection, documents: Iterable[Document]) -> int:
    """Replace the whole index with ``documents``; returns how many were indexed.

    Give the documents oldest first: rowids follow this order, and a query with very many
    matches ranks the newest (see ``query.RANK_WINDOW``). Record ids must be unique.

    All-or-nothing (a savepoint: its own transaction if the caller has none). Ends with an FTS5
    ``optimize``, which merges the index into one segment and so also drops every trace of the
    rows it replaced.
    """
    count = 0
    with _Savepoint(conn, "search_rebuild"):
        conn.execute("DELETE FROM search_text")
        conn.execute("DELETE FROM search_document")
        # Buffer 32 MiB of terms before writing a segment (default 1 MiB): fewer, larger
        # segments to merge, ~15 % faster.
        _fts_config(conn, "hashsize", REBUILD_HASH_SIZE)
        for doc in documents:
            _insert(conn, doc, replace=False)
            count += 1
        _fts_config(conn, "hashsize", DEFAULT_HASH_SIZE)
        conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
    return count


def compact_index(conn: Connection) -> None:
    """Merge the index into one segment (FTS5 'optimize'): drops every trace of replaced and
    removed records' words; zeroed on disk by ``secure_delete``. Seconds on a large vault."""
    with _Savepoint(conn, "search_compact"):
        conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
