"""Version 6: text from evidence — the extraction queue, page texts with OCR word boxes, and
page-level documents in the search index (see "Text from evidence" in docs/vault-format.md).
"""

from lawnotebook.vault.migrations.sql import execute_script

VERSION = 6


def migrate(conn) -> None:
    execute_script(
        conn,
        """
        -- A page of an evidence file is its own search document: parent_id is the evidence
        -- record, page its 1-based page (NULL for page-less text), part the e-mail attachment
        -- it is in ('' for the file itself), label the file name to show.
        ALTER TABLE search_document ADD COLUMN parent_id TEXT;
        ALTER TABLE search_document ADD COLUMN page INTEGER;
        ALTER TABLE search_document ADD COLUMN part TEXT;
        ALTER TABLE search_document ADD COLUMN label TEXT;
        CREATE INDEX search_document_parent ON search_document (parent_id)
            WHERE parent_id IS NOT NULL;

        -- The durable work queue: one row per evidence record whose text is wanted.
        CREATE TABLE extraction_job (
            evidence_id  TEXT PRIMARY KEY,
            case_id      TEXT NOT NULL,
            sha256       TEXT NOT NULL,
            state        TEXT NOT NULL
                CHECK (state IN ('queued', 'done', 'partial', 'failed', 'no_text')),
            problem      TEXT NOT NULL DEFAULT '',   -- a code the GUI translates
            detail       TEXT NOT NULL DEFAULT '',   -- the same in plain English
            units        INTEGER NOT NULL DEFAULT 0, -- pages (or page-less parts) stored
            ocr_pages    INTEGER NOT NULL DEFAULT 0,
            engine       TEXT NOT NULL DEFAULT '',
            queued_seq   INTEGER NOT NULL,           -- first in, first out
            finished_at  TEXT
        ) WITHOUT ROWID;
        CREATE INDEX extraction_job_queue ON extraction_job (state, queued_seq);
        CREATE INDEX extraction_job_case ON extraction_job (case_id, state);

        -- What was read, page by page, for snippets and the viewer's overlay. boxes is a JSON
        -- array of [text, x0, y0, x1, y1, confidence] (fractions of the page) for OCR'd pages.
        CREATE TABLE evidence_text (
            evidence_id  TEXT NOT NULL,
            unit         INTEGER NOT NULL,
            part         TEXT NOT NULL,
            page         INTEGER,
            source       TEXT NOT NULL CHECK (source IN ('text', 'ocr')),
            text         TEXT NOT NULL,
            boxes        TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (evidence_id, unit)
        ) WITHOUT ROWID;

        -- A deleted evidence record takes its text and job with it. (INSERT OR REPLACE, used
        -- for edits, fires no delete trigger while recursive_triggers is off, as it is.)
        CREATE TRIGGER evidence_text_gone AFTER DELETE ON records WHEN old.kind = 'evidence'
        BEGIN
            DELETE FROM evidence_text WHERE evidence_id = old.id;
            DELETE FROM extraction_job WHERE evidence_id = old.id;
        END;
        """,
    )
