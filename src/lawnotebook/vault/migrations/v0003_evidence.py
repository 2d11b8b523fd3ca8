"""Version 3: evidence blobs: the index of encrypted chunks in pack files.

One ``evidence_blob`` row per unique content (keyed by SHA-256), with its own random key; the
chunks' places in the pack files under ``<vault>/packs/`` are in ``evidence_chunk``. The spec is
"Evidence storage" in ``docs/vault-format.md``.
"""

VERSION = 3


def migrate(conn) -> None:
    conn.execute(
        """
        CREATE TABLE evidence_blob (
            id          INTEGER PRIMARY KEY,
            blob_id     BLOB NOT NULL UNIQUE CHECK (length(blob_id) = 16),
            sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            size        INTEGER NOT NULL CHECK (size >= 0),
            padded_size INTEGER NOT NULL CHECK (padded_size >= size),
            chunk_size  INTEGER NOT NULL CHECK (chunk_size > 0),
            cipher      TEXT NOT NULL,
            key         BLOB NOT NULL CHECK (length(key) = 32),
            media_type  TEXT NOT NULL,
            created_at  TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE evidence_pack (
            id      INTEGER PRIMARY KEY,
            name    TEXT NOT NULL UNIQUE CHECK (length(name) = 32),
            blob    INTEGER NOT NULL REFERENCES evidence_blob (id) ON DELETE CASCADE,
            size    INTEGER NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX evidence_pack_blob ON evidence_pack (blob)")
    conn.execute(
        """
        CREATE TABLE evidence_chunk (
            blob    INTEGER NOT NULL REFERENCES evidence_blob (id) ON DELETE CASCADE,
            idx     INTEGER NOT NULL CHECK (idx >= 0),
            pack    INTEGER NOT NULL REFERENCES evidence_pack (id) ON DELETE CASCADE,
            start   INTEGER NOT NULL CHECK (start >= 0),
            length  INTEGER NOT NULL CHECK (length > 16),
            PRIMARY KEY (blob, idx)
        ) WITHOUT ROWID
        """
    )
    conn.execute("CREATE INDEX evidence_chunk_pack ON evidence_chunk (pack)")
