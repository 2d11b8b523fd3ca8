"""Storing case-file records: add, update, get, list, delete — each write one transaction.

Each write stamps the record (author, times, HLC), keeps the new body as a revision, updates the
search index and appends to the case's custody log, all in the same transaction: either all of
it is on disk or none.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from lawnotebook.core.clock import Hlc, HlcClock
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.ids import utc_now
from lawnotebook.core.records import (
    RECORD_TYPES,
    Case,
    ChronologyEvent,
    CustodyEvent,
    Deadline,
    Evidence,
    Interrogation,
    Note,
    Person,
    Place,
    Record,
    from_body,
    to_body,
)
from lawnotebook.vault import custody
from lawnotebook.vault.changes import next_change
from lawnotebook.vault.database import Connection
from lawnotebook.vault.errors import DeletedFileGone, DeletionShared, RecordNotFound, StaleRecord
from lawnotebook.vault.transaction import transaction

R = TypeVar("R", bound=Record)
Indexer = Callable[[Connection, Record | None, str], None]  # (conn, record or None, record_id)

_HLC_KEY = "hlc_last"


def sort_key(record: Record) -> str:
    """How records of one kind are ordered in lists and timelines."""
    if isinstance(record, ChronologyEvent):
        return record.date.sort_key()
    if isinstance(record, Interrogation):
        return record.start.sort_key()
    if isinstance(record, Deadline):
        return record.due.sort_key()
    if isinstance(record, CustodyEvent):
        return record.time.sort_key()
    if isinstance(record, Place):
        return record.name.casefold()
    if isinstance(record, Person):
        return record.name.casefold()
    if isinstance(record, Case):
        return record.title.casefold()
    if isinstance(record, Evidence):
        return record.added_at
    return record.created_at


@dataclass(frozen=True)
class Revision:
    """One saved version of a record (its edit history: notes, people, events, sessions...)."""

    record_id: str
    hlc: str
    body: dict
    author: str
    updated_at: str


def search_indexer(conn: Connection, record: Record | None, record_id: str) -> None:
    """Keep the full-text index in step with the records."""
    from lawnotebook.vault import search

    if record is None:
        search.remove_document(conn, record_id)
    else:
        search.index_document(
            conn,
            record_id=record.id,
            case_id=record.case_id,
            kind=record.KIND,
            title=record.title_text(),
            body=record.search_text(),
        )


def load_clock(conn: Connection, node: str) -> HlcClock:
    """The vault's clock, resumed from the last stamp it issued."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (_HLC_KEY,)).fetchone()
    return HlcClock(node, Hlc.parse(row[0]) if row else None)


def save_clock(conn: Connection, clock: HlcClock) -> None:
    """Remember the clock's last stamp (after it observed stamps from a bundle), inside the
    caller's transaction, so :func:`load_clock` resumes past them."""
    conn.execute("INSERT OR REPLACE INTO vault_meta VALUES (?, ?)", (_HLC_KEY, str(clock.last)))


def _sealed_up_to(conn: Connection, case_id: str) -> int:
    """The highest local change any bundle of the case sealed here covered (0: none)."""
    row = conn.execute(
        "SELECT max(CAST(watermark AS INTEGER)) FROM bundle_seals WHERE case_id = ?", (case_id,)
    ).fetchone()
    return int(row[0] or 0)


def _blob_held(conn: Connection, sha256: str) -> bool:
    row = conn.execute("SELECT 1 FROM evidence_blob WHERE sha256 = ?", (sha256,)).fetchone()
    return row is not None


def evidence_files(conn: Connection) -> list[tuple[str, str]]:
    """Each distinct ``(sha256, file name)`` that an evidence record describes, in any case
    (one file taken in twice under one name is listed once)."""
    return conn.execute(
        "SELECT DISTINCT json_extract(body, '$.sha256'), json_extract(body, '$.file_name') "
        "FROM records WHERE kind = 'evidence'"
    ).fetchall()


# Kinds with a covering partial index for listing them all (migration v0007).
_LISTED = {
    "case": "FROM records INDEXED BY records_cases_listed WHERE kind = 'case'",
    "deadline": "FROM records INDEXED BY records_deadlines_listed WHERE kind = 'deadline'",
}


class RecordStore:
    """The case file's records in one open vault."""

    def __init__(
        self, conn: Connection, clock: HlcClock, author: str, indexer: Indexer = search_indexer
    ) -> None:
        self.conn = conn
        self.clock = clock
        self.author = author
        self._indexer = indexer

    def _stamp(self) -> str:
        stamp = str(self.clock.tick())
        save_clock(self.conn, self.clock)  # tick() made the stamp the clock's last
        return stamp

    def _write(self, record: R, *, created: bool) -> R:
        now = utc_now()
        record = replace(
            record,
            author=self.author,
            updated_at=now,
            hlc=self._stamp(),
            created_at=record.created_at if not created else now,
        )
        if isinstance(record, Case):
            record = replace(record, case_id=record.id)
        body = json.dumps(to_body(record), ensure_ascii=False, sort_keys=True)
        self.conn.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.case_id,
                record.KIND,
                body,
                record.author,
                record.created_at,
                record.updated_at,
                record.hlc,
                sort_key(record),
                next_change(self.conn),
            ),
        )
        self.conn.execute(
            "INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (record.id, record.hlc, record.KIND, body, record.author, now, next_change(self.conn)),
        )
        self._indexer(self.conn, record, record.id)
        return record

    def add(self, record: R, *, custody_details: dict | None = None) -> R:
        """Store a new record; a non-case record's case must exist."""
        with transaction(self.conn):
            if not isinstance(record, Case):
                self.get(record.case_id, Case)
            saved = self._write(record, created=True)
            action = "intake" if isinstance(record, Evidence) else "create"
            details = {"kind": saved.KIND, "title": saved.title_text(), **(custody_details or {})}
            custody.append(
                self.conn,
                saved.case_id,
                action,
                self.author,
                origin=self.clock.node,
                record_id=saved.id,
                details=details,
            )
        return saved

    def update(self, record: R, *, custody_details: dict | None = None) -> R:
        """Save a changed record; refuses if it changed since it was read (:class:`StaleRecord`).
        ``custody_details`` add to the custody entry (e.g. which version a restore brought back)."""
        with transaction(self.conn):
            current = self.get(record.id, type(record))
            if current.hlc != record.hlc:
                raise StaleRecord(f"the {record.KIND} was changed elsewhere; reload it")
            saved = self._write(replace(record, case_id=current.case_id), created=False)
            changed = sorted(k for k, v in to_body(saved).items() if to_body(current)[k] != v)
            custody.append(
                self.conn,
                saved.case_id,
                "edit",
                self.author,
                origin=self.clock.node,
                record_id=saved.id,
                details={"kind": saved.KIND, "fields": changed, **(custody_details or {})},
            )
        return saved

    def delete(self, record_id: str) -> Record:
        """Remove a record, leaving a tombstone (so merges do not resurrect it); returns the
        record as it was, which :meth:`restore` can bring back."""
        with transaction(self.conn):
            record: Record = self.get(record_id)
            if isinstance(record, Case):
                raise InvalidInput("cases are archived, not deleted")
            self.conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
            self.conn.execute(
                "INSERT OR REPLACE INTO tombstones VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record_id,
                    record.case_id,
                    record.KIND,
                    self.author,
                    utc_now(),
                    self._stamp(),
                    next_change(self.conn),
                ),
            )
            self._indexer(self.conn, None, record_id)
            details: dict[str, object] = {"kind": record.KIND, "title": record.title_text()}
            if isinstance(record, Evidence):  # the integrity list names the file that went
                details |= {"sha256": record.sha256, "size": record.size}
            custody.append(
                self.conn,
                record.case_id,
                "delete",
                self.author,
                origin=self.clock.node,
                record_id=record_id,
                details=details,
            )
        return record

    def restore(self, record: R) -> R:
        """Bring a deleted record back under its own id (an undone delete): the tombstone goes,
        the record is saved as a new version and the custody log says *restored*.

        Refuses with :class:`DeletionShared` when the deletion may already be in a colleague's
        vault (it was sealed into a bundle, or came in one): there the tombstone wins, and a
        later bundle would delete the record here again. Refuses with
        :class:`DeletedFileGone` for evidence whose file was erased meanwhile.
        """
        with transaction(self.conn):
            stone = self.conn.execute(
                "SELECT case_id, kind, hlc, changed FROM tombstones WHERE id = ?", (record.id,)
            ).fetchone()
            if stone is None or stone[1] != record.KIND:
                raise RecordNotFound(f"no deleted {record.KIND} with id {record.id}")
            if Hlc.parse(stone[2]).node != self.clock.node or stone[3] <= _sealed_up_to(
                self.conn, stone[0]
            ):
                raise DeletionShared(f"the deletion of this {record.KIND} was already shared")
            if isinstance(record, Evidence) and not _blob_held(self.conn, record.sha256):
                raise DeletedFileGone(f"the file {record.file_name} was already erased")
            self.conn.execute("DELETE FROM tombstones WHERE id = ?", (record.id,))
            saved = self._write(replace(record, case_id=stone[0]), created=False)
            details: dict[str, object] = {"kind": saved.KIND, "title": saved.title_text()}
            if isinstance(saved, Evidence):
                details |= {"sha256": saved.sha256, "size": saved.size}
            custody.append(
                self.conn,
                saved.case_id,
                "restore",
                self.author,
                origin=self.clock.node,
                record_id=saved.id,
                details=details,
            )
        return saved

    def deleted(self, record_id: str) -> bool:
        """Whether a tombstone says this record was deleted."""
        row = self.conn.execute("SELECT 1 FROM tombstones WHERE id = ?", (record_id,))
        return row.fetchone() is not None

    def get(self, record_id: str, kind: type[R] | None = None) -> R:
        """One record by id (optionally of a given kind), or :class:`RecordNotFound`."""
        row = self.conn.execute(
            "SELECT id, case_id, kind, body, author, created_at, updated_at, hlc FROM records "
            "WHERE id = ?",
            (record_id,),
        ).fetchone()
        if row is None or (kind is not None and row[2] != kind.KIND):
            what = kind.KIND if kind else "record"
            raise RecordNotFound(f"no {what} with id {record_id}")
        # The row's kind is kind.KIND (checked above), but mypy cannot tie a row to a class.
        return self._from_row(row)  # type: ignore[return-value]

    def case_by_number(self, case_number: str) -> Case | None:
        """The case whose case number is exactly ``case_number``, or None (the first stored,
        should two share one)."""
        row = self.conn.execute(
            "SELECT id FROM records WHERE kind = 'case' "
            "AND json_extract(body, '$.case_number') = ?",
            (case_number,),
        ).fetchone()
        return self.get(row[0], Case) if row else None

    def list(self, kind: type[R], case_id: str | None = None) -> list[R]:
        """Records of one kind (in one case), in their natural order."""
        sql = (
            "SELECT id, case_id, kind, body, author, created_at, updated_at, hlc FROM records "
            "WHERE kind = ?"
        )
        args: tuple = (kind.KIND,)
        listed = _LISTED.get(kind.KIND)
        if case_id is None and listed is not None:
            # The kind's covering partial index (schema 7): a few consecutive pages instead of
            # one random page per record. Named, as the planner would pick records_by_kind; the
            # kind a literal, as a partial index needs.
            sql = sql.replace("FROM records WHERE kind = ?", listed)
            args = ()
        if case_id is not None:
            sql += " AND case_id = ?"
            args += (case_id,)
        rows = self.conn.execute(sql + " ORDER BY sort_key, created_at, id", args)
        # Every row is of kind.KIND (the WHERE clause), but mypy cannot tie a row to a class.
        return [self._from_row(r) for r in rows]  # type: ignore[misc]

    def revisions(self, record_id: str) -> builtins.list[Revision]:  # list: the method above
        """Every saved version of a record, oldest first."""
        rows = self.conn.execute(
            "SELECT record_id, hlc, body, author, updated_at FROM revisions WHERE record_id = ? "
            "ORDER BY hlc",
            (record_id,),
        )
        return [Revision(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def find(self, prefix: str, kind: type[R] | None = None, case_id: str | None = None) -> R:
        """A record by its full id or a unique prefix of at least 6 characters (CLI use)."""
        if len(prefix) < 6:
            raise RecordNotFound(f"give at least 6 characters of the id, not {prefix!r}")
        sql = "SELECT id FROM records WHERE id >= ? AND id < ?"
        args: list = [prefix, prefix + "\uffff"]
        if kind is not None:
            sql += " AND kind = ?"
            args.append(kind.KIND)
        if case_id is not None:
            sql += " AND case_id = ?"
            args.append(case_id)
        ids = [r[0] for r in self.conn.execute(sql + " LIMIT 2", args)]
        if len(ids) != 1:
            what = kind.KIND if kind else "record"
            raise RecordNotFound(
                f"no {what} matches {prefix!r}"
                if not ids
                else f"more than one {what} matches {prefix!r}"
            )
        return self.get(ids[0], kind)

    @staticmethod
    def _from_row(row: tuple) -> Record:
        rid, case_id, kind, body, author, created_at, updated_at, hlc = row
        return from_body(
            kind,
            json.loads(body),
            id=rid,
            case_id=case_id,
            author=author,
            created_at=created_at,
            updated_at=updated_at,
            hlc=hlc,
        )


__all__ = [
    "RECORD_TYPES",
    "Note",
    "RecordStore",
    "Revision",
    "evidence_files",
    "load_clock",
    "save_clock",
    "sort_key",
]
