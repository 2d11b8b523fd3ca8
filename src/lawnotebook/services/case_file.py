"""The case file's use cases: what the GUI and the CLI do with cases and their records.

``CaseFile`` wraps one open vault. Ids may be given in full or as a unique prefix (at least six
characters); a case can also be named by its exact case number.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import (
    Case,
    ChronologyEvent,
    Deadline,
    DeadlineKind,
    Evidence,
    Interrogation,
    Note,
    Person,
    PersonRole,
    Record,
    Tristate,
    from_body,
)
from lawnotebook.services.owner import owner_id
from lawnotebook.vault import custody, search
from lawnotebook.vault.errors import RecordNotFound
from lawnotebook.vault.evidence.purge import purge_unnamed
from lawnotebook.vault.extract import jobs
from lawnotebook.vault.records import RecordStore, Revision, load_clock
from lawnotebook.vault.search import SearchHit
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

R = TypeVar("R", bound=Record)


class CaseFile:
    """Cases and their records in one open vault."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.conn = vault.connection
        self.author = owner_id(self.conn)
        self.records = RecordStore(
            self.conn, load_clock(self.conn, vault.vault_id[:16]), self.author
        )

    # -- cases ------------------------------------------------------------------------------

    def new_case(self, title: str, **fields: Any) -> Case:
        """Open a new case file."""
        if not title.strip():
            raise InvalidInput("a case needs a title")
        return self.records.add(Case(title=title.strip(), **fields))

    def case(self, ref: str) -> Case:
        """A case by id, id prefix or exact case number."""
        by_number = self.records.case_by_number(ref)
        if by_number is not None:
            return by_number
        return self.records.find(ref, Case)

    def cases(self, *, include_archived: bool = False) -> list[Case]:
        return [c for c in self.records.list(Case) if include_archived or not c.archived]

    def archive_case(self, ref: str, archived: bool = True) -> Case:
        return self.records.update(replace(self.case(ref), archived=archived))

    def update(self, record: R) -> R:
        """Save an edited record (any kind)."""
        return self.records.update(record)

    def delete(self, record_id: str) -> Record:
        """Delete a record (not a case: cases are archived); returns it as it was, for
        :meth:`restore`. Custody-logged; the deletion travels in the case's next bundle.

        An evidence item's file stays (encrypted) in the vault until the vault locks, closes or
        opens, while Undo can still bring the record back; then it is erased unless another
        evidence record still names the same file (:meth:`erase_deleted_files`).
        """
        return self.records.delete(record_id)

    def restore(self, record: R) -> R:
        """Bring a deleted record back under its own id (the window's Undo of a delete),
        custody-logged as restored; see :meth:`RecordStore.restore` for when it refuses."""
        with transaction(self.conn):
            saved = self.records.restore(record)
            if isinstance(saved, Evidence):  # its text went with the record: read it again
                jobs.queue(self.conn, saved.id, saved.case_id, saved.sha256)
        return saved

    def is_deleted(self, record_id: str) -> bool:
        return self.records.deleted(record_id)

    def references(self, record: Record) -> builtins.list[Record]:
        """The records of the record's case that link to it (an event or interrogation citing
        an evidence file, an event naming a person, ...): what a deletion leaves pointing at
        nothing. Ordered as the tabs list them."""
        kinds: builtins.list[type[Record]] = [ChronologyEvent, Interrogation, Evidence]
        out: builtins.list[Record] = []
        for kind in kinds:
            for other in self.records.list(kind, record.case_id):
                links = [
                    getattr(other, name)
                    for name in ("person_ids", "evidence_ids", "interrogator_ids")
                    if hasattr(other, name)
                ]
                if any(record.id in ids for ids in links):
                    out.append(other)
        return out

    def erase_deleted_files(self) -> int:
        """Erase the files of deleted evidence no other record names (rows, key and pack
        files); how many files went. Undo can no longer bring those records back."""
        return purge_unnamed(self.vault.paths.root, self.conn)

    def record(self, ref: str, kind: type[R], case: Case | None = None) -> R:
        return self.records.find(ref, kind, case.id if case else None)

    # -- people, notes, chronology, interrogations, deadlines ------------------------------

    def add_person(
        self,
        case: Case,
        name: str,
        role: PersonRole = PersonRole.OTHER,
        aliases: Iterable[str] = (),
        contact_notes: str = "",
    ) -> Person:
        if not name.strip():
            raise InvalidInput("a person needs a name")
        return self.records.add(
            Person(
                case_id=case.id,
                name=name.strip(),
                role=role,
                aliases=list(aliases),
                contact_notes=contact_notes,
            )
        )

    def add_note(self, case: Case, text: str, title: str = "") -> Note:
        return self.records.add(Note(case_id=case.id, title=title, text=text))

    def edit_note(
        self, note: Note, text: str, title: str | None = None, *, resolve_conflicts: bool = False
    ) -> Note:
        """Save a note's new text; ``resolve_conflicts`` clears the parallel versions kept."""
        return self.records.update(
            replace(
                note,
                text=text,
                title=note.title if title is None else title,
                conflicts=[] if resolve_conflicts else note.conflicts,
            )
        )

    def note_history(self, note: Note) -> list[Revision]:
        return self.records.revisions(note.id)

    # -- history of people, events, interrogations (every kind keeps its revisions) --------

    def history(self, record: Record) -> builtins.list[Revision]:
        """Every saved version of ``record``, oldest first (the newest is the record itself)."""
        return self.records.revisions(record.id)

    def version_of(self, record: R, revision: Revision) -> R:
        """``record`` as ``revision`` stored it (its bookkeeping the current one's)."""
        if revision.record_id != record.id:
            raise InvalidInput("that version belongs to another record")
        meta = {
            "id": record.id,
            "case_id": record.case_id,
            "author": revision.author,
            "created_at": record.created_at,
            "updated_at": revision.updated_at,
            "hlc": revision.hlc,
        }
        # from_body builds the revision's kind, which is the record's (same id).
        return from_body(record.KIND, revision.body, **meta)  # type: ignore[return-value]

    def restore_version(self, record: R, revision: Revision) -> R:
        """Save ``revision``'s fields as the record's newest version: a new revision (the
        one replaced stays in the history) and an edit in the custody log that says which
        version came back. Refuses (:class:`StaleRecord`) if ``record`` is not the newest."""
        older = self.version_of(record, revision)
        restored = replace(older, hlc=record.hlc, updated_at=record.updated_at)
        return self.records.update(restored, custody_details={"restored": revision.updated_at})

    def _check_links(self, case: Case, kind: type[Record], ids: Iterable[str]) -> list[str]:
        resolved = []
        for ref in ids:
            record = self.records.find(ref, kind, case.id)
            resolved.append(record.id)
        return resolved

    def add_event(
        self,
        case: Case,
        date: str | FuzzyDate,
        title: str,
        description: str = "",
        person_ids: Iterable[str] = (),
        evidence_ids: Iterable[str] = (),
    ) -> ChronologyEvent:
        when = date if isinstance(date, FuzzyDate) else FuzzyDate.parse(date)
        return self.records.add(
            ChronologyEvent(
                case_id=case.id,
                date=when,
                title=title,
                description=description,
                person_ids=self._check_links(case, Person, person_ids),
                evidence_ids=self._check_links(case, Evidence, evidence_ids),
            )
        )

    def add_interrogation(
        self,
        case: Case,
        start: str | FuzzyDate,
        *,
        end: str | None = None,
        place: str = "",
        interrogator_ids: Iterable[str] = (),
        recorded_on_video: Tristate = Tristate.UNKNOWN,
        rights_read: Tristate = Tristate.UNKNOWN,
        client_account: str = "",
        evidence_ids: Iterable[str] = (),
        **details: Any,
    ) -> Interrogation:
        """A new session; ``details`` are its other fields (``place_id``, ``recording``,
        ``transcript_evidence_id``, ...), links given as ids or unique prefixes."""
        begin = start if isinstance(start, FuzzyDate) else FuzzyDate.parse(start)
        try:
            session = Interrogation(
                case_id=case.id,
                start=begin,
                end=FuzzyDate.parse(end) if end else None,
                place=place,
                interrogator_ids=self._check_links(case, Person, interrogator_ids),
                recorded_on_video=recorded_on_video,
                rights_read=rights_read,
                client_account=client_account,
                evidence_ids=self._check_links(case, Evidence, evidence_ids),
                **details,
            )
        except TypeError as exc:  # a field sessions do not have
            raise InvalidInput(str(exc)) from exc
        return self.records.add(self.checked_session(case, session))

    def checked_session(self, case: Case, session: Interrogation) -> Interrogation:
        """``session`` with its links resolved to this case's records (a prefix to the full
        id; a link to nothing is :class:`RecordNotFound`) and its rest breaks checked."""
        from lawnotebook.core.records import Evidence, Place, parse_rest_break

        def one(ref: str, kind: type[Record]) -> str:
            return self.records.find(ref, kind, case.id).id if ref else ""

        for entry in session.rest_breaks:
            try:
                parse_rest_break(entry)
            except ValueError as exc:
                raise InvalidInput("a rest break needs a start and an optional end") from exc
        place = self.records.get(one(session.place_id, Place), Place) if session.place_id else None
        return replace(
            session,
            # The free text follows a linked Place when empty: reports and older versions show it.
            place=session.place or (place.name if place else ""),
            place_id=place.id if place else "",
            recording_evidence_id=one(session.recording_evidence_id, Evidence),
            transcript_evidence_id=one(session.transcript_evidence_id, Evidence),
            health_check_evidence_id=one(session.health_check_evidence_id, Evidence),
        )

    def add_deadline(
        self,
        case: Case,
        due: str | FuzzyDate,
        title: str,
        kind: DeadlineKind = DeadlineKind.OTHER,
        notes: str = "",
    ) -> Deadline:
        when = due if isinstance(due, FuzzyDate) else FuzzyDate.parse(due)
        return self.records.add(
            Deadline(case_id=case.id, due=when, title=title, kind=kind, notes=notes)
        )

    def mark_done(self, deadline: Deadline, done: bool = True) -> Deadline:
        return self.records.update(replace(deadline, done=done))

    def list(self, kind: type[R], case: Case) -> list[R]:
        return self.records.list(kind, case.id)

    # -- search -----------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        case: Case | None = None,
        limit: int = 50,
        open_mark: str = "[",
        close_mark: str = "]",
        escape: Callable[[str], str] | None = None,
    ) -> builtins.list[SearchHit]:  # list: the method above
        """One query over every record (or one case's), best first, with marked snippets.

        The query is plain words (no syntax): see ``lawnotebook.vault.search``.
        """
        return search.search(
            self.conn,
            query,
            case_id=case.id if case else None,
            limit=limit,
            open_mark=open_mark,
            close_mark=close_mark,
            escape=escape,
        )

    # -- custody ----------------------------------------------------------------------------

    def log(self, case: Case) -> builtins.list[custody.CustodyEntry]:
        return custody.entries(self.conn, case.id)

    def all_case_ids(self) -> builtins.list[str]:
        """Every case with a custody log (archived ones included)."""
        return custody.case_ids_in_vault(self.conn)


def is_overdue(deadline: Deadline, now_iso_minute: str) -> bool:
    """Whether an open deadline's last possible moment has passed (``YYYY-MM-DDTHH:MM``)."""
    latest = deadline.due.latest
    return not deadline.done and latest is not None and latest <= now_iso_minute


__all__ = ["CaseFile", "RecordNotFound", "is_overdue"]
