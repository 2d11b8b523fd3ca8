"""Writing the search index: add, replace and remove documents, rebuild everything.

Each write runs inside a SAVEPOINT, so it is all-or-nothing on its own and nests inside the
caller's transaction (the records store indexes a note in the same transaction that saves it).

Rowids run backwards: each new document gets a rowid one below the lowest in the index, so the
newest documents have the lowest rowids (see :data:`NEWEST_FIRST_BASE`). Replacing a document
keeps its rowid.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from lawnotebook.vault.database import Connection
from lawnotebook.vault.search.text import index_form

# The newest documents have the lowest rowids: the first document indexed gets
# NEWEST_FIRST_BASE - 1, each later one the lowest rowid in the index minus 1. So a search's
# window of the newest matches (``ORDER BY rowid ASC LIMIT``) reads FTS5's doclists forwards,
# 1.7-3x faster than backwards (``DESC``) on 100,000 notes. Positive because FTS5's seeks
# misbehave with negative rowids (AND queries 10x slower); 2^40 leaves room for a trillion
# documents. Vaults from before schema 8 were renumbered by migration v0008. The cost: new rows
# go in at the left edge of the rowid tables, where SQLite's b-tree leaves pages about half full
# (see "Search index" in docs/vault-format.md).
NEWEST_FIRST_BASE = 1 << 40

REBUILD_HASH_SIZE = 32 * 1024 * 1024
DEFAULT_HASH_SIZE = 1024 * 1024  # FTS5's own default
# rebuild_index writes documents in batches of about this many characters of text, each batch
# lowest rowid first (see _insert_batch). About what fills the 32 MiB hash anyway: 50,000 notes
# rebuilt in 14.3 s, as fast as in ascending rowid order (4M characters: 16.3 s).
REBUILD_BATCH = 16 * 1024 * 1024


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


def _next_rowid(conn: Connection) -> int:
    """One below the lowest rowid in the index (a primary-key lookup): the newest is lowest."""
    lowest = conn.execute("SELECT min(doc) FROM search_document").fetchone()[0]
    return (NEWEST_FIRST_BASE if lowest is None else int(lowest)) - 1


def _page_fields(doc: Document) -> tuple[str | None, int | None, str | None, str | None]:
    return (doc.parent_id, doc.page, doc.part or None, doc.label or None)


def _add_row(conn: Connection, rowid: int, doc: Document) -> None:
    conn.execute(
        "INSERT INTO search_document (doc, record_id, case_id, kind, parent_id, page, part, label)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (rowid, doc.record_id, doc.case_id, doc.kind, *_page_fields(doc)),
    )


def _add_text(conn: Connection, rowid: int, doc: Document) -> None:
    """The FTS5 row: the indexed text, and the record's fields (UNINDEXED, schema 8) that a
    search returns, so that it need not look each candidate up in search_document."""
    conn.execute(
        "INSERT INTO search_text (rowid, title, body, scope,"
        " record_id, case_id, kind, parent_id, page, part, label)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            rowid,
            index_form(doc.title),
            index_form(doc.body),
            scope_tokens(case_id=doc.case_id, kind=doc.kind),
            doc.record_id,
            doc.case_id,
            doc.kind,
            *_page_fields(doc),
        ),
    )


def _replace(conn: Connection, doc: Document) -> bool:
    """Replace what was indexed for ``doc``'s record, keeping its rowid; False (and nothing
    written) if the record is not in the index."""
    rowid = _delete(conn, doc.record_id)
    if rowid is None:
        return False
    conn.execute(
        "UPDATE search_document SET case_id = ?, kind = ?, parent_id = ?, page = ?,"
        " part = ?, label = ? WHERE doc = ?",
        (doc.case_id, doc.kind, *_page_fields(doc), rowid),
    )
    _add_text(conn, rowid, doc)
    return True


def _insert(conn: Connection, doc: Document) -> None:
    """Add or replace one document: a new one gets the lowest rowid, a replaced one keeps its."""
    _check(doc.record_id, doc.case_id, doc.kind)
    if not _replace(conn, doc):
        rowid = _next_rowid(conn)
        _add_row(conn, rowid, doc)
        _add_text(conn, rowid, doc)


def _insert_batch(conn: Connection, docs: list[Document]) -> None:
    """Add new documents, given oldest first: each gets a lower rowid than the one before.

    FTS5 writes its buffered terms out as a new segment whenever a row's rowid is below the
    previous row's, so the texts go in lowest rowid first: one segment per batch at most, not
    one per document (a rebuild of 20,000 notes one by one in descending order: 27 s, not 6 s).
    """
    if not docs:
        return
    top = _next_rowid(conn)
    for i, doc in enumerate(docs):
        _check(doc.record_id, doc.case_id, doc.kind)
        _add_row(conn, top - i, doc)
    for i in reversed(range(len(docs))):
        _add_text(conn, top - i, docs[i])


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
        _insert(conn, doc)


def index_documents(conn: Connection, documents: Iterable[Document]) -> int:
    """:func:`index_document` for many documents at once (an evidence file's pages): the same
    rowids and rows as calling it for each in turn, but the new documents' text goes in lowest
    rowid first, so that FTS5 buffers them into one segment instead of writing one per document
    (it does whenever a rowid is below the previous one). Returns how many were given."""
    pending: dict[str, Document] = {}  # a record given twice: its first place, its last text
    for doc in documents:
        _check(doc.record_id, doc.case_id, doc.kind)
        pending[doc.record_id] = doc
    with _Savepoint(conn, "search_index_many"):
        # Replaced documents keep their rowids, written at once; the new ones go in together.
        _insert_batch(conn, [doc for doc in pending.values() if not _replace(conn, doc)])
    return len(pending)


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

    Give the documents oldest first: each gets a lower rowid than the one before, so the last
    (newest) has the lowest, and a query with very many matches ranks the newest (see
    ``query.RANK_WINDOW`` and :data:`NEWEST_FIRST_BASE`). Record ids must be unique.

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
        batch: list[Document] = []
        size = 0
        for doc in documents:
            batch.append(doc)
            size += len(doc.title) + len(doc.body)
            if size >= REBUILD_BATCH:
                _insert_batch(conn, batch)
                count += len(batch)
                batch, size = [], 0
        _insert_batch(conn, batch)
        count += len(batch)
        _fts_config(conn, "hashsize", DEFAULT_HASH_SIZE)
        conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
    return count


def compact_index(conn: Connection) -> None:
    """Merge the index into one segment (FTS5 'optimize'): drops every trace of replaced and
    removed records' words; zeroed on disk by ``secure_delete``. Seconds on a large vault."""
    with _Savepoint(conn, "search_compact"):
        conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
