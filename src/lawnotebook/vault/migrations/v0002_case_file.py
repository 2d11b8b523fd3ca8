"""Version 2: the case file — records, their revisions, tombstones and the custody log.

Every record kind (case, person, note, event, interrogation, deadline, evidence) lives in one
``records`` table as a JSON body plus bookkeeping columns; every write also appends the new body
to ``revisions`` (a note's history of edits, and the common ancestor when merging bundles).
A deletion leaves a tombstone so a merge does not bring the record back.
"""

from lawnotebook.vault.migrations.sql import execute_script

VERSION = 2


def migrate(conn) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE records (
            id          TEXT PRIMARY KEY,
            case_id     TEXT NOT NULL,
            kind        TEXT NOT NULL,
            body        TEXT NOT NULL,          -- JSON: the lawyer's fields
            author      TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            hlc         TEXT NOT NULL,          -- hybrid logical clock of the last change
            sort_key    TEXT NOT NULL DEFAULT '',
            changed     INTEGER NOT NULL        -- local change counter (vault/changes.py)
        ) WITHOUT ROWID;
        CREATE INDEX records_by_case ON records (case_id, kind, sort_key);
        CREATE INDEX records_by_kind ON records (kind);

        CREATE TABLE revisions (
            record_id   TEXT NOT NULL,
            hlc         TEXT NOT NULL,
            kind        TEXT NOT NULL,
            body        TEXT NOT NULL,
            author      TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            changed     INTEGER NOT NULL,
            PRIMARY KEY (record_id, hlc)
        ) WITHOUT ROWID;

        CREATE TABLE tombstones (
            id          TEXT PRIMARY KEY,
            case_id     TEXT NOT NULL,
            kind        TEXT NOT NULL,
            author      TEXT NOT NULL,
            deleted_at  TEXT NOT NULL,
            hlc         TEXT NOT NULL,
            changed     INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- One chain per (case, origin): each vault that worked on the case keeps its own chain,
        -- and chains received in bundles are stored beside ours, still verifiable.
        CREATE TABLE custody_log (
            case_id     TEXT NOT NULL,
            origin      TEXT NOT NULL,          -- the node (vault) that wrote the chain
            seq         INTEGER NOT NULL,       -- 1, 2, 3, ... per chain
            at          TEXT NOT NULL,
            actor       TEXT NOT NULL,
            action      TEXT NOT NULL,
            record_id   TEXT NOT NULL DEFAULT '',
            details     TEXT NOT NULL DEFAULT '{}',
            details_hash TEXT NOT NULL,         -- SHA-256 of the details: what the chain covers
            prev_hash   TEXT NOT NULL,
            hash        TEXT NOT NULL,
            PRIMARY KEY (case_id, origin, seq)
        ) WITHOUT ROWID;

        -- The newest entry per chain, kept apart so that dropping the tail of a log shows.
        CREATE TABLE custody_heads (
            case_id     TEXT NOT NULL,
            origin      TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            hash        TEXT NOT NULL,
            PRIMARY KEY (case_id, origin)
        ) WITHOUT ROWID;
        """,
    )
