"""One all-or-nothing unit of work on the vault database (nestable via savepoints)."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator

from lawnotebook.vault.database import Connection

_names = itertools.count(1)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception.

    Inside an open transaction it uses a savepoint instead, so services can compose.
    """
    if conn.in_transaction:
        name = f"sp{next(_names)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
