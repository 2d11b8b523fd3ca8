"""Version 7: covering indexes for what the desk reads right after unlocking — every case and
every deadline, in their natural order. Without them each of 1,000 cases was one random page of
the records table (~70 ms warm, several hundred ms after the file left the OS cache); with them
the list is a few consecutive pages. Partial indexes: only these two kinds, so notes (the bulk
of the records) are not stored twice. ``RecordStore.list`` names the kind as a literal so that
SQLite can use them.
"""

from lawnotebook.vault.migrations.sql import execute_script

VERSION = 7


def migrate(conn) -> None:
    execute_script(
        conn,
        """
        CREATE INDEX records_cases_listed ON records
            (sort_key, created_at, id, case_id, kind, body, author, updated_at, hlc)
            WHERE kind = 'case';
        CREATE INDEX records_deadlines_listed ON records
            (sort_key, created_at, id, case_id, kind, body, author, updated_at, hlc)
            WHERE kind = 'deadline';
        """,
    )
