"""Running a multi-statement SQL script inside the migration's transaction.

``Connection.executescript`` would COMMIT first and break the all-or-nothing upgrade, so
migrations use :func:`execute_script`, which runs one complete statement at a time.
"""

from __future__ import annotations

import sqlcipher3

from lawnotebook.vault.database import Connection


def execute_script(conn: Connection, script: str) -> None:
    """Execute each statement of ``script`` in the current transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlcipher3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("the script ends in an incomplete statement")
