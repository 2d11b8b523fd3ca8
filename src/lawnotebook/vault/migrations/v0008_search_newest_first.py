"""Version 8: the search index's newest documents get the lowest rowids, and each FTS5 row
carries its record's fields (see "Search index" in docs/vault-format.md).

A search ranks the newest 100 matches. They used to be the highest rowids, read with ``ORDER BY
rowid DESC``, and FTS5 iterates its doclists backwards 1.7-3x slower than forwards (measured on
100,000 notes: a name query's window 5 ms, against 1.5 ms forwards). So new documents now count
down from 2^40 (``search.index.NEWEST_FIRST_BASE``) and the window is ``ORDER BY rowid ASC``.
Not negative rowids, which would make the order natural: FTS5's seeks compare them badly and AND
queries were 10x slower.

The FTS5 table also gets the fields a hit needs (record id, case id, kind and the page fields),
``UNINDEXED``: stored in the content row a search reads anyway, so it no longer looks each of its
100 candidates up in ``search_document`` — one random page less per candidate, 2-3 ms of a name
query's 10 on 100,000 notes when the pages are not yet in SQLCipher's cache. ``search_document``
stays the table writes look records up in.

This renumbers every existing document to 2^40 - rowid: old rowids are small and positive, so
the order reverses and nothing collides. FTS5 cannot change a rowid in place, and deleting and
re-inserting every row took 45 s on 100,000 notes (FTS5 re-tokenizes each deleted row to find
its index entries). Instead the old table is renamed, a new one made with the same definition
as v0004 and filled from the old one's stored text in ascending new rowid order (one pass, FTS5
buffering 32 MiB of terms per segment), the old table dropped and the result merged into one
segment. Opening a 400 MB vault of 100,000 notes took 17-28 s with this upgrade (and the
backup copy before it): 12-13 s to fill the new table, 5.5 s to drop the old one (its pages
are zeroed: ``secure_delete``), 1.5-2 s to renumber ``search_document``, 3-4 s to merge. The
old table's pages stay in ``vault.db`` as free pages (the file grew to 646 MB, 244 MB of it
free), reused by later writes. Holding the text in memory instead and dropping the old table
first kept the file at 407 MB, but took 30 s and 470 MB of memory (it grows with the vault).

The DDL is spelled out here, not imported: a released migration never changes.
"""

VERSION = 8

_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* M* Co Cn'"  # as in v0004
_BULK_HASH_SIZE = 32 * 1024 * 1024
_DEFAULT_HASH_SIZE = 1024 * 1024  # FTS5's own default


def _config(conn, key: str, value: object) -> None:
    conn.execute("INSERT INTO search_text (search_text, rank) VALUES (?, ?)", (key, value))


def migrate(conn) -> None:
    # FTS5 renames its shadow tables with it (search_text_old_content, ..._config, ...).
    conn.execute("ALTER TABLE search_text RENAME TO search_text_old")
    conn.execute(
        "CREATE VIRTUAL TABLE search_text USING fts5(title, body, scope,"
        " record_id UNINDEXED, case_id UNINDEXED, kind UNINDEXED, parent_id UNINDEXED,"
        f' page UNINDEXED, part UNINDEXED, label UNINDEXED, tokenize="{_TOKENIZE}")'
    )
    _config(conn, "rank", "bm25(10.0, 1.0, 0.0)")  # title 10, body 1, scope 0, as in v0004
    # Any other setting the old table had ('secure-delete' once remove_document has run) carries
    # over; 'version' is FTS5's own (it becomes 5 again with the next secure delete) and
    # 'hashsize' is set below.
    settings = conn.execute(
        "SELECT k, v FROM search_text_old_config WHERE k NOT IN ('version', 'rank', 'hashsize')"
    ).fetchall()
    for key, value in settings:
        _config(conn, key, value)
    _config(conn, "hashsize", _BULK_HASH_SIZE)
    # New rowid = 2^40 - old, in ascending new rowid order: FTS5 writes its buffered terms out
    # as a segment whenever a rowid is below the previous one. The stored text is read from the
    # content table (id, c0 title, c1 body, c2 scope), already in the index form; the record's
    # fields from search_document, whose doc is still the old rowid.
    conn.execute(
        "INSERT INTO search_text (rowid, title, body, scope,"
        " record_id, case_id, kind, parent_id, page, part, label)"
        " SELECT 1099511627776 - o.id, o.c0, o.c1, o.c2,"
        " d.record_id, d.case_id, d.kind, d.parent_id, d.page, d.part, d.label"
        " FROM search_text_old_content AS o JOIN search_document AS d ON d.doc = o.id"
        " ORDER BY o.id DESC"
    )
    _config(conn, "hashsize", _DEFAULT_HASH_SIZE)
    conn.execute("DROP TABLE search_text_old")
    conn.execute("UPDATE search_document SET doc = 1099511627776 - doc")  # 2^40 - doc
    conn.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
