"""Text from evidence, in the background: the extraction queue the GUI and the CLI run.

After an evidence file is stored, :func:`queue_text` (called by ``add_evidence`` in the same
transaction) puts it on the queue kept in the vault database. An :class:`ExtractionQueue`
reads queued files in worker processes (PDF text layers, office files, e-mail, OCR of scans)
and stores their text, page by page, in the encrypted search index. Queued work survives lock,
restart and crash: it resumes after the next unlock.

For the GUI::

    queue = ExtractionQueue(session.vault)       # after unlock
    queue.start()                                # also queues evidence added by bundles
    unsubscribe = queue.subscribe(callback)      # callback(case_id, Progress), worker thread!
    queue.progress(case_id) -> Progress(done, total, failed)   # poll from any thread
    queue.statuses(case_id) -> [JobStatus]       # per item: state, problem code, detail
    queue.pause() / queue.resume() / queue.paused
    queue.reindex_case(case_id)                  # read a case's files again
    queue.stop()                                 # before locking: returns within ~1 s
    page_text(files, evidence, page) -> PageText(text, boxes)   # the viewer's OCR overlay

``callback`` runs on the queue's own thread: a Qt GUI forwards it through a signal. Search hits
inside a file carry ``SearchHit.page`` and ``.part`` (see ``lawnotebook.vault.search``).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

from lawnotebook.core.records import Evidence
from lawnotebook.vault.database import Connection, wait_for_locks
from lawnotebook.vault.evidence import EvidenceError, EvidenceStore
from lawnotebook.vault.extract import Limits, TextUnit, jobs, stored
from lawnotebook.vault.extract.jobs import JobStatus, Progress
from lawnotebook.vault.extract.pool import Event, WorkerPool
from lawnotebook.vault.extract.stored import PageText
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

Subscriber = Callable[[str, Progress], None]

ENGINE = "pp-ocr v4 det + v5 rec"
_BATCH = 16  # units written per transaction: short locks, so the app's own writes never wait
_READ_CHUNK = 1024 * 1024
_BUSY_TIMEOUT_MS = 10_000

__all__ = [
    "ExtractionQueue",
    "JobStatus",
    "PageText",
    "Progress",
    "default_workers",
    "page_text",
    "queue_text",
]


def queue_text(conn: Connection, evidence: Evidence) -> None:
    """Queue an evidence item's text for reading (inside the transaction that adds it)."""
    jobs.queue(conn, evidence.id, evidence.case_id, evidence.sha256)


def page_text(vault: Vault, evidence_id: str, page: int | None, part: str = "") -> PageText:
    """The text and OCR word boxes of one page of an evidence file (``page=None`` for text
    without pages), for the viewer's overlay; raises ``LookupError`` if not read (yet)."""
    return stored.page_text(vault.connection, evidence_id, page, part)


def default_workers() -> int:
    """One worker per core, at most 4 (each holds the OCR models: ~150 MB)."""
    return max(1, min(4, os.cpu_count() or 1))


class ExtractionQueue:
    """Reads queued evidence of one open vault in worker processes; see the module doc."""

    def __init__(
        self,
        vault: Vault,
        *,
        workers: int | None = None,
        limits: Limits | None = None,
        ocr: bool = True,
        poll_seconds: float = 0.5,
    ) -> None:
        self._vault = vault
        self._limits = limits or Limits()
        self._pool = WorkerPool(workers or default_workers(), self._limits, ocr=ocr)
        self._poll = poll_seconds
        self._db_lock = threading.Lock()  # our connection is used by one thread at a time
        self._conn: Connection | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._paused = False
        self._subscribers: list[Subscriber] = []
        self._running: dict[str, _Running] = {}

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Open our own connection to the vault, queue evidence that has no job yet (bundles,
        older vaults) and start reading in the background."""
        if self._thread is not None:
            return
        # A second connection with the same key: the app's connection belongs to its own
        # thread. Every write here is a short BEGIN IMMEDIATE transaction; both connections
        # wait for each other's locks (busy timeout), never fail on them.
        self._conn = self._vault.open_connection()
        wait_for_locks(self._conn, _BUSY_TIMEOUT_MS)
        with self._db() as conn, transaction(conn):
            jobs.queue_missing(conn)
        self._thread = threading.Thread(target=self._run, name="evidence-text", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop now (call before locking): workers are killed, unfinished items stay queued
        and are read again after the next unlock; our connection is closed."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._shutdown()

    def _shutdown(self) -> None:
        self._pool.close()
        self._running.clear()
        with self._db_lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- control ---------------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Hold all reading (workers stop in place on Linux and macOS; elsewhere the running
        items are read again from the start on :meth:`resume`)."""
        self._paused = True
        self._wake.set()

    def resume(self) -> None:
        self._paused = False
        self._wake.set()

    def reindex_case(self, case_id: str) -> int:
        """Read every evidence file of a case again; returns how many were queued."""
        with self._db() as conn, transaction(conn):
            count = jobs.queue_case(conn, case_id)
        self._wake.set()
        self._notify({case_id})
        return count

    def wake(self) -> None:
        """Look for newly queued work now rather than at the next poll."""
        self._wake.set()

    # -- progress --------------------------------------------------------------------------

    def progress(self, case_id: str | None = None) -> Progress:
        """(done, total, failed) for a case, or the whole vault; safe from any thread."""
        with self._db() as conn:
            return jobs.progress(conn, case_id)

    def statuses(self, case_id: str) -> list[JobStatus]:
        with self._db() as conn:
            return jobs.statuses(conn, case_id)

    def status(self, evidence_id: str) -> JobStatus | None:
        with self._db() as conn:
            return jobs.status(conn, evidence_id)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(case_id, progress)`` (on the queue's thread) whenever a case's
        progress changes; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def wait(self, case_id: str | None = None, timeout: float | None = None,
             on_progress: Subscriber | None = None) -> bool:  # fmt: skip
        """Block until nothing of ``case_id`` (or anything) is queued; False on timeout."""
        done = threading.Event()
        last: list[Progress] = []

        def check(changed: str, p: Progress) -> None:
            if case_id is None or changed == case_id:
                if on_progress and p != (last[-1] if last else None):
                    on_progress(changed, p)
                    last.append(p)
                if self.progress(case_id).pending == 0:
                    done.set()

        unsubscribe = self.subscribe(check)
        try:
            if self.progress(case_id).pending == 0:
                return True
            return done.wait(timeout)
        finally:
            unsubscribe()

    # -- the dispatcher thread -------------------------------------------------------------

    @contextlib.contextmanager
    def _db(self) -> Iterator[Connection]:
        with self._db_lock:
            if self._conn is None:
                raise RuntimeError("the extraction queue is not running")
            yield self._conn

    def _notify(self, cases: set[str]) -> None:
        for case_id in cases:
            try:
                progress = self.progress(case_id)
            except RuntimeError:
                return
            for callback in list(self._subscribers):
                try:
                    callback(case_id, progress)
                except Exception:  # noqa: S112 -- a subscriber's bug must not stop the queue
                    continue

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                if not self._vault.is_open:
                    break  # locked without stop(): leave at once, nothing half-written
                self._follow_pause()
                changed = self._dispatch() if not self._paused else set()
                if self._running and not self._paused:
                    events = self._pool.poll(timeout=0.2)
                    changed |= self._handle(events)
                else:
                    self._wake.wait(self._poll)
                    self._wake.clear()
                if changed:
                    self._notify(changed)
        finally:
            self._shutdown()

    def _follow_pause(self) -> None:
        if self._paused and not self._pool.paused:
            for job in self._pool.pause():
                self._running.pop(job, None)  # ended: still queued, read again on resume
        elif not self._paused and self._pool.paused:
            self._pool.resume()

    def _dispatch(self) -> set[str]:
        free = self._pool.free
        if free <= 0:
            return set()
        with self._db() as conn:
            todo = jobs.next_jobs(conn, free, set(self._running))
        changed = set()
        for job in todo:
            if self._stopping.is_set():
                break
            changed |= self._begin(job)
        return changed

    def _begin(self, job: jobs.Job) -> set[str]:
        try:
            with self._db() as conn:
                reader = EvidenceStore(self._vault.paths.root, conn).open_blob(job.sha256)
                with transaction(conn):
                    stored.clear(conn, job.evidence_id)  # a read stopped by a lock left pages
        except EvidenceError as exc:
            return self._finish(job, "failed", "unreadable",
                                f"could not read: the stored file is damaged ({exc})")  # fmt: skip
        if reader.size > self._limits.max_input_bytes:
            reader.close()
            limit = self._limits.max_input_bytes >> 20
            return self._finish(job, "failed", "too_large",
                                f"could not read: larger than {limit} MiB")  # fmt: skip
        self._running[job.evidence_id] = _Running(job)
        with reader:
            self._pool.submit(job.evidence_id, _chunks(reader), reader.size, job.file_name,
                              job.media_type)  # fmt: skip
        return set()

    def _handle(self, events: list[Event]) -> set[str]:
        changed = set()
        for event in events:
            running = self._running.get(event.job)
            if running is None:
                continue
            if event.unit is not None:
                running.pending.append(event.unit)
                if len(running.pending) >= _BATCH:
                    self._flush(running)
            if event.end:
                changed |= self._end(running, event)
        return changed

    def _flush(self, running: _Running) -> None:
        job, units = running.job, running.pending
        numbered = list(enumerate(units, start=running.written))
        with self._db() as conn, transaction(conn):
            stored.save_units(conn, evidence_id=job.evidence_id, case_id=job.case_id,
                              file_name=job.file_name, units=numbered)  # fmt: skip
        running.written += len(units)
        running.ocr_pages += sum(1 for u in units if u.source == "ocr")
        running.pending = []

    def _end(self, running: _Running, event: Event) -> set[str]:
        job = running.job
        if running.pending:
            self._flush(running)
        del self._running[job.evidence_id]
        if event.code and running.written:
            state, detail = "partial", f"read in part: {event.message}"
        elif event.code:
            state, detail = (
                ("no_text" if event.code == "no_text" else "failed"),
                (f"could not read: {event.message}"),
            )
        elif event.partial:
            state, detail = "partial", f"read in part: {event.partial}"
        else:
            state, detail = "done", ""
        problem = event.code or event.problem or ("page_limit" if event.partial else "")
        return self._finish(job, state, problem, detail,
                            units=running.written, ocr_pages=running.ocr_pages)  # fmt: skip

    def _finish(self, job: jobs.Job, state: str, problem: str, detail: str,
                **counts: Any) -> set[str]:  # fmt: skip
        evidence_id, case_id, seq = job.evidence_id, job.case_id, job.seq
        engine = ENGINE if counts.get("ocr_pages") else ""
        with self._db() as conn, transaction(conn):
            jobs.finish(conn, evidence_id, state=state, problem=problem, detail=detail,
                        engine=engine, seq=seq, **counts)  # fmt: skip
        return {case_id}


class _Running:
    """An item being read: units received but not yet written, and how many were."""

    def __init__(self, job: jobs.Job) -> None:
        self.job = job
        self.pending: list[TextUnit] = []
        self.written = 0
        self.ocr_pages = 0


def _chunks(reader: Any) -> Iterator[bytes]:
    while chunk := reader.read(_READ_CHUNK):
        yield chunk
