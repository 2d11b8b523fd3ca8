"""Custody log entries in words, for the custody tab and the evidence integrity list.

An entry's ``details`` are stored as the code wrote them (``{"kind": "evidence", "fields":
["description"]}``); a lawyer, and a court, read them as sentences: *Description edited*,
*Bundle #3 sealed for Zhang Wei: 42 records, 5 files*. No raw field name and no JSON is ever
shown. Pure Python: every fixed word goes through ``words`` (English text -> text to print,
missing keys print English) like the reports; the words are in :data:`WORDS`, which
``services/reports.py`` adds to the report words the window translates.

An edit of an evidence item names what was edited (its description, its source, the people it
concerns): the file's bytes cannot be edited, and a sentence must never suggest they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from lawnotebook.core.dates import FuzzyDate, InvalidDate
from lawnotebook.core.local_time import local_time
from lawnotebook.vault.custody import CustodyEntry

Words = Mapping[str, str]

ACTIONS = {
    "intake": "Evidence added",
    "view": "Evidence viewed",
    "export": "Exported",
    "import": "Imported",
    "create": "Created",
    "edit": "Edited",
    "delete": "Deleted",
    "restore": "Restored",
    "verify": "Verified",
}
KINDS = {
    "case": "Case",
    "person": "Person",
    "note": "Note",
    "event": "Event",
    "interrogation": "Interrogation",
    "deadline": "Deadline",
    "evidence": "Evidence",
    "place": "Place",
    "custody_event": "Custody event",
    "finding_review": "Review of a legality finding",
}
# Every field a record kind has (core/records.py), as a lawyer calls it.
FIELDS = {
    "title": "Title",
    "client": "Client",
    "case_number": "Case number",
    "court": "Court",
    "charges": "Charges",
    "stage": "Stage",
    "status": "Status",
    "tags": "Tags",
    "archived": "Archived",
    "name": "Name",
    "role": "Role",
    "aliases": "Aliases",
    "contact_notes": "Contact notes",
    "text": "Text",
    "conflicts": "Parallel versions",
    "date": "Date",
    "description": "Description",
    "person_ids": "Linked people",
    "evidence_ids": "Linked evidence",
    "start": "Start",
    "end": "End",
    "place": "Place",
    "interrogator_ids": "Interrogators",
    "recorded_on_video": "On video",
    "rights_read": "Rights read",
    "client_account": "Client's account",
    "due": "Due date",
    "kind": "Kind of deadline",
    "done": "Done",
    "notes": "Notes",
    "file_name": "File name",
    "sha256": "SHA-256",
    "size": "Size",
    "media_type": "Type",
    "source": "Source",
    "added_by": "Added by",
    "added_at": "Added",
    # The custody model (issue 17): places, custody events, the sessions' new fields.
    "place_kind": "Kind of place",
    "address": "Address",
    "event_kind": "Kind of custody event",
    "time": "Time",
    "place_id": "Place (from the case's places)",
    "recording": "Recording",
    "recording_evidence_id": "Recording file",
    "recording_start": "Start the recording's clock shows",
    "recording_end": "End the recording's clock shows",
    "transcript_evidence_id": "Transcript file",
    "transcript_pages": "Transcript pages",
    "transcript_start": "Start written on the transcript",
    "transcript_end": "End written on the transcript",
    "transcript_signed": "Transcript signed by the client",
    "transcript_corrections": "Corrections to the transcript",
    "rest_breaks": "Rest breaks",
    "meals": "Meals",
    "interpreter_needed": "Interpreter needed",
    "interpreter_present": "Interpreter present",
    "guardian_needed": "Guardian needed",
    "guardian_present": "Guardian present",
    "outcome": "Outcome",
    "injuries_seen": "Injuries seen",
    "health_check_evidence_id": "Detention-house health check",
    # A review mark on a legality finding (issue 17).
    "finding_key": "Finding",
    "fingerprint": "What the finding computed",
    "state": "Review",
    "reason": "Reason",
    "ruleset": "Rule set version",
}
# A custody event's stored title is "<time> <kind>"; the kind is shown in words.
EVENT_KINDS = {
    "summons": "Summons",
    "compelled_appearance": "Compelled appearance",
    "detention": "Criminal detention",
    "arrest": "Arrest",
    "committal": "Committal to the detention house",
    "designated_residence": "Residential surveillance at a designated place",
    "supervision_detention": "Supervision detention",
    "transfer": "Transfer",
    "hospital": "Hospital",
    "release": "Release",
    "family_notified": "Family notified",
    "meeting_requested": "Lawyer asked to meet",
    "lawyer_meeting": "Lawyer's meeting",
    "other": "Other",
}
EDITED = "{fields} edited"
FIELD_SEPARATOR = ", "  # 、 in Chinese
SAVED_TO_FILE = "saved to a file outside the vault"
SEALED = "Bundle #{n} sealed for {recipients}: {records} records, {files} files"
A_PASSPHRASE = "a passphrase"  # noqa: S105 - a word printed, not a secret
APPLIED = (
    "Bundle #{n} from {sender} applied: {added} added, {changed} changed, {deleted} deleted, "
    "{conflicts} conflicts, {files} files"
)
WITHHELD = "Details withheld (not shared in the bundle this entry came in)"
MORE = "{n} further details recorded"
SOURCE_IS = "source: {source}"
RESTORED = "the version saved {when} restored"

WORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *ACTIONS.values(),
            *KINDS.values(),
            *FIELDS.values(),
            *EVENT_KINDS.values(),
            EDITED,
            FIELD_SEPARATOR,
            SAVED_TO_FILE,
            SEALED,
            A_PASSPHRASE,
            APPLIED,
            WITHHELD,
            MORE,
            SOURCE_IS,
            RESTORED,
        ]
    )
)
_KNOWN = {
    "kind",
    "title",
    "fields",
    "sha256",
    "size",
    "source",
    "file",
    "to",
    "bundle_sequence",
    "base",
    "recipients",
    "records",
    "files",
    "from",
    "added",
    "changed",
    "deleted",
    "conflicts",
    "restored",
}


def _w(words: Words | None, text: str) -> str:
    return (words or {}).get(text, text)


def _fields(entry: CustodyEntry) -> list[str]:
    fields = entry.details.get("fields")
    return [str(f) for f in fields] if isinstance(fields, list) else []


def action_text(entry: CustodyEntry, words: Words | None = None) -> str:
    """What was done: *Evidence added*, *Description edited*, *Client's account, Start edited*."""
    fields = _fields(entry) if entry.action == "edit" else []
    if fields:
        names = _w(words, FIELD_SEPARATOR).join(_w(words, FIELDS.get(f, f)) for f in fields)
        return _w(words, EDITED).format(fields=names)
    return _w(words, ACTIONS.get(entry.action, entry.action))


def titles(log: Iterable[CustodyEntry]) -> dict[str, str]:
    """Each record's title as its creation (or latest titled) entry gave it, by record id."""
    out: dict[str, str] = {}
    for entry in log:
        title = entry.details.get("title")
        if entry.record_id and isinstance(title, str) and title:
            out[entry.record_id] = title
    return out


def details_text(
    entry: CustodyEntry,
    words: Words | None = None,
    *,
    who: Callable[[str], str] = str,
    known_titles: Mapping[str, str] | None = None,
    language: str = "en",
) -> str:
    """What the entry was about, in words. ``who`` names a key fingerprint; ``known_titles``
    (from :func:`titles`) names the record of an entry that does not; ``language`` renders the
    date an interrogation's stored title starts with."""
    if entry.redacted:
        return _w(words, WITHHELD)
    d: dict[str, Any] = entry.details
    if entry.action == "export" and "bundle_sequence" in d:
        recipients = [str(r) for r in d.get("recipients") or []]
        named = [_w(words, A_PASSPHRASE) if r == "passphrase" else who(r) for r in recipients]
        return _w(words, SEALED).format(
            n=d["bundle_sequence"],
            recipients=_w(words, FIELD_SEPARATOR).join(named),
            records=d.get("records", 0),
            files=d.get("files", 0),
        )
    if entry.action == "import" and "bundle_sequence" in d:
        return _w(words, APPLIED).format(
            n=d["bundle_sequence"],
            sender=who(str(d.get("from", ""))),
            **{k: d.get(k, 0) for k in ("added", "changed", "deleted", "conflicts", "files")},
        )
    parts: list[str] = []
    kind = str(d.get("kind", ""))
    if kind:
        parts.append(_w(words, KINDS.get(kind, kind)))
    title = d.get("title") or d.get("file") or (known_titles or {}).get(entry.record_id, "")
    if title:
        shown = str(title)
        if kind == "interrogation":
            shown = dated_title(shown, language)
        elif kind == "custody_event":
            shown = event_title(shown, words, language)
        parts.append(f"“{shown}”")
    if d.get("sha256"):
        parts.append(f"SHA-256 {str(d['sha256'])[:16]}…")
    if d.get("source"):
        parts.append(_w(words, SOURCE_IS).format(source=d["source"]))
    if d.get("to") == "file":
        parts.append(_w(words, SAVED_TO_FILE))
    if d.get("restored"):  # an earlier version brought back from the record's history
        parts.append(_w(words, RESTORED).format(when=local_time(str(d["restored"]))))
    more = len(set(d) - _KNOWN)
    if more:
        parts.append(_w(words, MORE).format(n=more))
    return " ".join(parts)


def dated_title(title: str, language: str) -> str:
    """A stored title that starts with a date (``between 2024-05-03 and 2024-05-04 讯问室``)
    with that date in ``language``; any other title as it is."""
    words = title.split(" ")
    for end in range(min(len(words), 6), 0, -1):
        try:
            date = FuzzyDate.parse(" ".join(words[:end]))
        except InvalidDate:
            continue
        return " ".join([date.text(language), *words[end:]])
    return title


def event_title(title: str, words: Words | None, language: str) -> str:
    """A custody event's stored title (``2024-05-19 21:10 committal``) with its date in
    ``language`` and its kind in words."""
    when, _, kind = title.rpartition(" ")
    if kind not in EVENT_KINDS:
        return dated_title(title, language)
    return " ".join(t for t in (dated_title(when, language), _w(words, EVENT_KINDS[kind])) if t)
