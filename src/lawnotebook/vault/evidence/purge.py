"""Erasing the files of deleted evidence: blobs no evidence record names any more.

Deleting an evidence record leaves its blob in place for a while, so that the window's Undo can
bring the record back with its file. The blob goes when the vault locks, closes or opens:
:func:`purge_unnamed` removes its rows (its key among them, overwritten by ``secure_delete``)
and its pack files. A blob is kept while any evidence record, in any case, names its SHA-256.

The packs must never look like the leftovers the open-time sweep (``packs.py``) quarantines, so
they leave ``packs/`` through ``packs-staging/``, whose rule the sweep already follows:

1. one transaction: each pack is moved from ``packs/`` into ``packs-staging/`` (renames in one
   folder tree), then the blob's rows are deleted, then COMMIT;
2. after the commit, the staged packs are deleted.

A crash before the COMMIT leaves staged packs the database still names: the next sweep moves
them back into ``packs/``. A crash after it leaves staged packs nothing names: the next sweep
deletes them. Neither case reaches the quarantine.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.packs import packs_dir, staging_dir

# The files deleted evidence records described (their revisions outlive them) and still held.
_DELETED_FILES = (
    "SELECT DISTINCT b.id, b.sha256 FROM tombstones t "
    "JOIN revisions v ON v.record_id = t.id "
    "JOIN evidence_blob b ON b.sha256 = json_extract(v.body, '$.sha256') "
    "WHERE t.kind = 'evidence'"
)
_LIVE_FILES = "SELECT json_extract(body, '$.sha256') FROM records WHERE kind = 'evidence'"


def unnamed_blobs(conn: Connection) -> list[int]:
    """Row ids of the blobs a deleted evidence record described and no live one names.

    Only files of deleted records: a blob no record ever named (a caller's own use of the
    store) is not this module's to erase."""
    candidates = conn.execute(_DELETED_FILES).fetchall()
    if not candidates:
        return []
    live = {row[0] for row in conn.execute(_LIVE_FILES)}
    return [blob for blob, sha256 in candidates if sha256 not in live]


def purge_unnamed(root: Path, conn: Connection) -> int:
    """Erase every blob no evidence record names, rows and pack files; how many went.

    Call with the vault open and no intake or bundle open running on it.
    """
    if conn.in_transaction:  # someone else's transaction: not ours to commit or roll back
        return 0
    packs, staging = packs_dir(root), staging_dir(root)
    moved: list[str] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        blobs = unnamed_blobs(conn)
        names = [
            row[0]
            for blob in blobs
            for row in conn.execute("SELECT name FROM evidence_pack WHERE blob = ?", (blob,))
        ]
        if names:
            staging.mkdir(mode=0o700, exist_ok=True)
        for name in names:
            with contextlib.suppress(FileNotFoundError):  # already gone: nothing to keep
                os.replace(packs / name, staging / name)
                moved.append(name)
        if names:
            fsync_dir(staging)
            fsync_dir(packs)
        # Chunks and packs go with their blob (ON DELETE CASCADE).
        conn.executemany("DELETE FROM evidence_blob WHERE id = ?", [(b,) for b in blobs])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        for name in moved:  # the database still names them: back into place
            with contextlib.suppress(OSError):
                os.replace(staging / name, packs / name)
        raise
    for name in moved:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging / name)
    if moved:
        fsync_dir(staging)
    return len(blobs)
