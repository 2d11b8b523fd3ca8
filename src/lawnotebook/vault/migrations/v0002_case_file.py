"""Version 2: the case file records (cases, people, notes, events, ...), revisions, tombstones, custody log."""

VERSION = 2


def migrate(conn) -> None:  # type: ignore[no-untyped-def]
    pass  # filled in by the case-file issue
