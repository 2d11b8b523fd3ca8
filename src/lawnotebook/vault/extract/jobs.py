"""The extraction queue as stored in the vault: one ``extraction_job`` row per evidence record.

The queue lives in the encrypted database, so work queued before a lock (or a crash) resumes
after the next unlock. States: ``queued`` → ``done`` | ``partial`` | ``failed`` | ``no_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from lawnotebook.core.ids import utc_now
from lawnotebook.vault.database import Connection

FINISHED = ("done", "partial", "failed", "no_text")


@dataclass(frozen=True)
class Job:
    """One queued evidence item, with what a worker needs to read it."""

    evidence_id: str
    case_id: str
    sha256: str
    file_name: str
    media_type: str
    seq: int  # its place in the queue; a job queued again meanwhile gets a new one


@dataclass(frozen=True)
class JobStatus:
    """How reading one evidence item went; ``problem`` is a code the GUI translates
    (``password``, ``too_large``, ``timeout``, ``crashed``, ``unreadable``, ``no_text``,
    ``page_limit``), ``detail`` the same in plain English."""

    evidence_id: str
    state: str
    problem: str
    detail: str
    units: int
    ocr_pages: int
    finished_at: str | None


class Progress(NamedTuple):
    """A case's (or the vault's) extraction: ``done`` counts every finished item, ``failed``
    those of them that could not be read (``partial`` ones count as done, not failed)."""

    done: int
    total: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.done


def _next_seq(conn: Connection) -> int:
    row = conn.execute("SELECT coalesce(max(queued_seq), 0) + 1 FROM extraction_job").fetchone()
    return int(row[0])


def queue(conn: Connection, evidence_id: str, case_id: str, sha256: str) -> None:
    """Queue (or queue again) one evidence record; call inside the caller's transaction."""
    conn.execute(
        "INSERT INTO extraction_job (evidence_id, case_id, sha256, state, queued_seq)"
        " VALUES (?, ?, ?, 'queued', ?)"
        " ON CONFLICT (evidence_id) DO UPDATE SET state = 'queued', problem = '', detail = '',"
        " sha256 = excluded.sha256, case_id = excluded.case_id,"
        " queued_seq = excluded.queued_seq, finished_at = NULL",
        (evidence_id, case_id, sha256, _next_seq(conn)),
    )


_EVIDENCE = (
    "SELECT id, case_id, json_extract(body, '$.sha256') FROM records WHERE kind = 'evidence'"
)


def queue_missing(conn: Connection) -> int:
    """Queue every evidence record that has no job yet (added by a bundle, or before schema
    6); returns how many. Call inside a transaction."""
    rows = conn.execute(
        _EVIDENCE + " AND id NOT IN (SELECT evidence_id FROM extraction_job) ORDER BY sort_key"  # noqa: S608
    ).fetchall()
    for evidence_id, case_id, sha256 in rows:
        queue(conn, evidence_id, case_id, sha256)
    return len(rows)


def queue_case(conn: Connection, case_id: str) -> int:
    """Queue every evidence item of a case again (``evidence reindex``); returns how many."""
    rows = conn.execute(
        _EVIDENCE + " AND case_id = ? ORDER BY sort_key",
        (case_id,),
    ).fetchall()
    for evidence_id, row_case, sha256 in rows:
        queue(conn, evidence_id, row_case, sha256)
    return len(rows)


def next_jobs(
    conn: Connection, count: int, busy: set[str] | frozenset[str] = frozenset()
) -> list[Job]:
    """Up to ``count`` queued jobs, oldest first, skipping those being worked on."""
    rows = conn.execute(
        "SELECT j.evidence_id, j.case_id, j.sha256, json_extract(r.body, '$.file_name'),"
        " json_extract(r.body, '$.media_type'), j.queued_seq FROM extraction_job j"
        " JOIN records r ON r.id = j.evidence_id"
        " WHERE j.state = 'queued' ORDER BY j.queued_seq LIMIT ?",
        (count + len(busy),),
    ).fetchall()
    jobs = [Job(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5]) for r in rows if r[0] not in busy]
    return jobs[:count]


def finish(
    conn: Connection,
    evidence_id: str,
    *,
    state: str,
    problem: str = "",
    detail: str = "",
    units: int = 0,
    ocr_pages: int = 0,
    engine: str = "",
    seq: int | None = None,
) -> bool:
    """Record how an item ended; with ``seq``, only if it was not queued again meanwhile.
    Returns whether the row was updated."""
    if state not in FINISHED:
        raise ValueError(f"not a finished state: {state}")
    cur = conn.execute(
        "UPDATE extraction_job SET state = ?, problem = ?, detail = ?, units = ?, ocr_pages = ?,"
        " engine = ?, finished_at = ? WHERE evidence_id = ? AND state = 'queued'"
        " AND (? IS NULL OR queued_seq = ?)",
        (state, problem, detail, units, ocr_pages, engine, utc_now(), evidence_id, seq, seq),
    )
    return cur.rowcount > 0


def progress(conn: Connection, case_id: str | None = None) -> Progress:
    """Finished, total and failed items, for one case or the whole vault."""
    sql = (
        "SELECT count(*), coalesce(sum(state != 'queued'), 0), coalesce(sum(state = 'failed'), 0)"
        " FROM extraction_job"
    )
    row = (
        conn.execute(sql + " WHERE case_id = ?", (case_id,))
        if case_id is not None
        else conn.execute(sql)
    ).fetchone()
    return Progress(done=int(row[1]), total=int(row[0]), failed=int(row[2]))


def status(conn: Connection, evidence_id: str) -> JobStatus | None:
    """How reading one evidence item went, or None if it was never queued."""
    row = conn.execute(
        "SELECT evidence_id, state, problem, detail, units, ocr_pages, finished_at"
        " FROM extraction_job WHERE evidence_id = ?",
        (evidence_id,),
    ).fetchone()
    return JobStatus(*row) if row else None


def statuses(conn: Connection, case_id: str) -> list[JobStatus]:
    """Every item of a case, in queue order."""
    rows = conn.execute(
        "SELECT evidence_id, state, problem, detail, units, ocr_pages, finished_at"
        " FROM extraction_job WHERE case_id = ? ORDER BY queued_seq",
        (case_id,),
    ).fetchall()
    return [JobStatus(*r) for r in rows]
