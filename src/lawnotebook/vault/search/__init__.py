"""Full-text search over a vault's records, Chinese included, inside the encrypted database.

The records store calls the writers inside its own transaction on every change; the CLI and the
GUI call :func:`search`. Nothing here writes outside the SQLCipher database.

Writing (each is all-or-nothing and nests in the caller's transaction via a SAVEPOINT)::

    index_document(conn, *, record_id, case_id, kind, title, body) -> None   # insert or replace
    index_documents(conn, documents: Iterable[Document]) -> int          # many (a file's pages)
    remove_document(conn, record_id) -> bool                                   # was it there?
    remove_pages(conn, parent_id, *, secure=False) -> int     # a record's page documents
    remove_case(conn, case_id) -> int                                          # how many removed
    rebuild_index(conn, documents: Iterable[Document]) -> int                  # replace all
    compact_index(conn) -> None                          # erase traces of old text (seconds)

Reading::

    search(conn, query, *, case_id=None, kinds=None, limit=50,
           open_mark="[", close_mark="]", escape=None,
           complete_last_word=False, snippet_tokens=32) -> list[SearchHit]

``SearchHit(record_id, case_id, kind, title, snippet, score, title_segments,
snippet_segments)``: ``title`` is the whole title and ``snippet`` an excerpt of the body (up to
``snippet_tokens`` tokens, a Chinese character counting as one), both showing the original text
with matches between the markers. ``escape`` is applied to the text, never to the markers, so the
GUI passes ``open_mark="<b>", close_mark="</b>", escape=html.escape``. The segments are the same
text as ``(text, is_match)`` pieces for any other rendering (see :func:`render`).

Query language: none, on purpose. Every whitespace-separated word must match (AND); a run of
CJK characters matches as a substring of any length (``逼供`` in ``刑讯逼供``, ``供``); Latin
words match whole words case- and accent-insensitively (``cafe`` finds ``café``, ``muller``
finds ``Müller``). With ``complete_last_word=True`` the last Latin word of 3+ characters,
while still being typed (no trailing space), also matches as a prefix (``confes`` →
``confession``; exact words rank first) — off by default (the GUI and the CLI search whole
words). A last ASCII word is expanded into the index's terms with that prefix (milliseconds);
any other word uses FTS5's prefix query, which costs seconds on a 100,000-note vault (it merges
every matching term's doclist; see docs/performance.md).
Quotes, ``*``, ``-``, ``:``, ``^``, parentheses, ``NEAR``, AND/OR/NOT are plain text. An
empty query returns ``[]``. Ranking is bm25 with the title weighted 10× the body.

How and why (one ``unicode61`` index with one token per CJK character, rather than a
``trigram`` index): "Search index" in ``docs/vault-format.md``.
"""

from __future__ import annotations

from lawnotebook.vault.search.index import (
    Document,
    compact_index,
    index_document,
    index_documents,
    rebuild_index,
    remove_case,
    remove_document,
    remove_pages,
)
from lawnotebook.vault.search.query import SearchHit, Segments, render, search

__all__ = [
    "Document",
    "SearchHit",
    "Segments",
    "compact_index",
    "index_document",
    "index_documents",
    "rebuild_index",
    "remove_case",
    "remove_document",
    "remove_pages",
    "render",
    "search",
]
