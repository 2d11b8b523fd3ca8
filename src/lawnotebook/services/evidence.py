"""Evidence use cases: take a file in, read it back (logged), re-hash everything for verify."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from lawnotebook.core.ids import utc_now
from lawnotebook.core.records import Case, Evidence
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.extraction import queue_text
from lawnotebook.vault import custody
from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence import BlobInfo, BlobReader, EvidenceError, EvidenceStore
from lawnotebook.vault.evidence.errors import DuplicateEvidence, DuplicateSource
from lawnotebook.vault.evidence.exif_summary import exif_summary as exif_summary  # for the GUI
from lawnotebook.vault.records import evidence_files
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

# BlobReader is re-exported: open_evidence returns one, and the media viewer streams from it.
__all__ = [
    "BlobReader",
    "Progress",
    "add_evidence",
    "check_all_evidence",
    "earlier_records",
    "open_evidence",
    "same_file",
    "store_for",
]

Progress = Callable[[int, int | None], None]


def store_for(vault: Vault) -> EvidenceStore:
    return EvidenceStore.for_vault(vault)


def add_evidence(
    files: CaseFile,
    case: Case,
    source: str | Path | BinaryIO,
    *,
    file_name: str | None = None,
    source_note: str = "",
    description: str = "",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    another_source: bool = False,
) -> Evidence:
    """Take one file into the case: stored encrypted, hashed, described and logged — or not at
    all (a failure or cancel leaves no trace). Its text is queued for reading in the background
    (``services/extraction.py``).

    A file already in the case (the same SHA-256) is not added again: :class:`DuplicateEvidence`
    names the item it matches. With ``another_source`` a second record of it is kept, for a
    file received again from somewhere else: ``source_note`` must then name a source no record
    of that file already gives (else :class:`DuplicateSource`).
    """
    name = file_name or (
        os.path.basename(source)
        if isinstance(source, str | Path)
        else getattr(source, "name", "") or "unnamed"
    )
    added: list[Evidence] = []

    def record(conn: Connection, info: BlobInfo) -> None:
        _refuse_duplicate(files, case, str(name), info.sha256, source_note, another_source)
        evidence = Evidence(
            case_id=case.id,
            file_name=str(name),
            sha256=info.sha256,
            size=info.size,
            media_type=info.media_type,
            source=source_note,
            description=description,
            added_by=files.author,
            added_at=utc_now(),
        )
        added.append(
            files.records.add(
                evidence,
                custody_details={"sha256": info.sha256, "size": info.size, "source": source_note},
            )
        )
        queue_text(conn, added[-1])  # its text is read in the background, never here

    store_for(files.vault).put(
        source, file_name=str(name), progress=progress, cancel=cancel, on_commit=record
    )
    return added[0]


def same_file(files: CaseFile, case: Case, sha256: str) -> list[Evidence]:
    """The case's evidence items that hold exactly this file (the same SHA-256), oldest first."""
    return [e for e in files.list(Evidence, case) if e.sha256 == sha256.lower()]


def earlier_records(items: list[Evidence]) -> dict[str, Evidence]:
    """For each item that is a further record of a file an earlier item already holds (kept for
    another source, or arrived so in a bundle): that earlier item, by the further item's id."""
    first: dict[str, Evidence] = {}
    out: dict[str, Evidence] = {}
    for item in sorted(items, key=lambda e: (e.added_at, e.created_at, e.id)):
        if item.sha256 in first:
            out[item.id] = first[item.sha256]
        else:
            first[item.sha256] = item
    return out


def _refuse_duplicate(
    files: CaseFile, case: Case, name: str, sha256: str, source: str, another_source: bool
) -> None:
    same = same_file(files, case, sha256)
    if not same:
        return
    match = same[0]
    said = f"the same file as {match.file_name!r}, added {match.added_at}"
    if not another_source:
        raise DuplicateEvidence(
            f"{name} is already in the case: {said}", file_name=name, existing=match
        )
    given = source.strip().casefold()
    if not given or given in {e.source.strip().casefold() for e in same}:
        raise DuplicateSource(
            f"{name} is already in the case ({said}); a second record of it needs a source "
            "that no record of it gives yet",
            file_name=name,
            existing=match,
        )


def open_evidence(
    files: CaseFile, evidence: Evidence, *, purpose: str = "view", details: dict | None = None
) -> BlobReader:
    """A reader over an evidence file's bytes; opening it is written to the custody log
    (``purpose`` "view" for the in-app viewer, "export" when it leaves the vault)."""
    reader = store_for(files.vault).open_blob(evidence.sha256)
    with transaction(files.conn):
        custody.append(
            files.conn,
            evidence.case_id,
            purpose,
            files.author,
            origin=files.records.clock.node,
            record_id=evidence.id,
            details={"sha256": evidence.sha256, "file": evidence.file_name, **(details or {})},
        )
    return reader


def check_all_evidence(
    vault: Vault, progress: Callable[[int, int], None] | None = None
) -> tuple[int, list[str]]:
    """Re-hash every stored file; returns (how many checked, problems in plain words)."""
    store = store_for(vault)
    rows = evidence_files(vault.connection)
    problems = []
    for done, (sha, name) in enumerate(rows, start=1):
        try:
            store.verify_blob(sha)
        except EvidenceError as exc:
            problems.append(f"{name} ({sha[:12]}…): {exc}")
        if progress:
            progress(done, len(rows))
    return len(rows), problems
