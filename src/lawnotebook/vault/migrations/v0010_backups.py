"""Version 10: the backup drives this vault has written, and what rollbacks it has noticed
(see "Backups" and "Generations" in docs/vault-format.md).

The vault's generation counter itself is a row of ``vault_meta`` (``generation``), made by the
first backup (``vault/backup/generation.py``), so this migration adds tables only.
"""

from lawnotebook.vault.migrations.sql import execute_script

VERSION = 10


def migrate(conn) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE backup_drives (
            backup_id        TEXT PRIMARY KEY,   -- the backup folder's random id (backup-id)
            location         TEXT NOT NULL,      -- that folder's path when last written
            first_at         TEXT NOT NULL,      -- UTC, ISO 8601
            last_at          TEXT NOT NULL,
            generation       INTEGER NOT NULL,   -- the backup's newest generation
            vault_generation INTEGER NOT NULL,   -- this vault's generation counter in it
            vault_changes    INTEGER NOT NULL    -- and its change counter (vault/changes.py)
        ) WITHOUT ROWID;
        CREATE TABLE rollback_notices (
            noticed_at  TEXT NOT NULL,           -- UTC, ISO 8601
            found_generation INTEGER NOT NULL,   -- the position this database held
            found_changes    INTEGER NOT NULL,
            seen_generation  INTEGER NOT NULL,   -- the later position seen elsewhere
            seen_changes     INTEGER NOT NULL,
            source      TEXT NOT NULL            -- 'device' or 'backup:<backup_id>'
        );
        """,
    )
