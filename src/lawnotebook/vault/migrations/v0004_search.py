"""Version 4: the full-text search index (see "Search index" in docs/vault-format.md).

``search_document`` maps each indexed record to the FTS5 row that holds its text;
``search_text`` is an FTS5 table with the ``unicode61`` tokenizer over text in which every CJK
character is its own token (``lawnotebook.vault.search.text``). The DDL is spelled out here, not
imported, because a released migration never changes.
"""

VERSION = 4

# Token characters: letters, numbers, marks (so a combining accent never splits a word), private
# use, and Cn — characters unassigned in the Unicode 6.1 tables SQLite uses, which includes the
# CJK extension ideographs added since (rare characters in personal names). Everything else,
# including the 0x1F separator the indexer inserts between CJK characters, separates tokens.
_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* M* Co Cn'"


def migrate(conn) -> None:
    conn.execute(
        "CREATE TABLE search_document ("
        " doc INTEGER PRIMARY KEY,"  # = search_text.rowid
        " record_id TEXT NOT NULL UNIQUE,"
        " case_id TEXT NOT NULL,"
        " kind TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX search_document_case ON search_document (case_id)")
    # scope holds two tokens per row, "c<hash of case id>" and "k<hash of kind>", so a case or
    # kind filter is a doclist intersection inside FTS5 instead of a scan of every match.
    conn.execute(
        f'CREATE VIRTUAL TABLE search_text USING fts5(title, body, scope, tokenize="{_TOKENIZE}")'
    )
    # bm25 weights: title 10, body 1, scope 0 (the filter tokens never affect ranking).
    conn.execute(
        "INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.0)')"
    )
    # FTS5 'secure-delete' stays off here: it costs ~0.1 s per replaced note. remove_document
    # switches it on for the one deletion (see "Search index" in docs/vault-format.md).
