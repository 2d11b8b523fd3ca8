"""Version 4: the full-text search index."""

VERSION = 4


def migrate(conn) -> None:  # type: ignore[no-untyped-def]
    pass  # filled in by the case-file issue
