"""Version 1: the vault's own key/value facts (vault id, owner identity)."""

VERSION = 1


def migrate(conn) -> None:
    conn.execute(
        "CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
    )
