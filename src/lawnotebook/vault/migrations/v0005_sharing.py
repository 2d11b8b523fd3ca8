"""Version 5: sharing — the owner's identity, colleagues' key cards, bundle sequence numbers.

Vaults made before this version get their owner identity here, on upgrade.
"""

from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.vault.migrations.sql import execute_script

VERSION = 5
DEFAULT_OWNER_NAME = "Lawnotebook user"


def migrate(conn) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE contacts (
            id          TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            name        TEXT NOT NULL,
            card        TEXT NOT NULL,          -- the key card as received
            verified    INTEGER NOT NULL DEFAULT 0,
            added_at    TEXT NOT NULL
        ) WITHOUT ROWID;

        -- What we sealed: per case and recipient set, the sequence and the clock watermark
        -- that the next --since-last bundle starts from.
        CREATE TABLE bundle_seals (
            case_id         TEXT NOT NULL,
            recipients_key  TEXT NOT NULL,
            sequence        INTEGER NOT NULL,
            sealed_at       TEXT NOT NULL,
            watermark       INTEGER NOT NULL,   -- local change counter at sealing
            PRIMARY KEY (case_id, recipients_key, sequence)
        ) WITHOUT ROWID;

        -- What we applied: replayed or older bundles are recognised by these.
        CREATE TABLE bundle_receipts (
            sender          TEXT NOT NULL,
            recipients_key  TEXT NOT NULL,
            case_id         TEXT NOT NULL,
            sequence        INTEGER NOT NULL,
            applied_at      TEXT NOT NULL,
            manifest_sha256 TEXT NOT NULL,
            PRIMARY KEY (sender, recipients_key, case_id, sequence)
        ) WITHOUT ROWID;
        """,
    )
    has_identity = conn.execute("SELECT 1 FROM vault_meta WHERE key = 'owner_identity'").fetchone()
    if not has_identity:
        identity = LawyerIdentity.generate(DEFAULT_OWNER_NAME)
        conn.execute(
            "INSERT INTO vault_meta VALUES ('owner_identity', ?)", (identity.to_secret_text(),)
        )
        conn.execute(
            "INSERT OR REPLACE INTO vault_meta VALUES ('owner_fingerprint', ?)",
            (identity.key_card().fingerprint,),
        )
