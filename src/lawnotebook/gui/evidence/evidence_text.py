"""Text from evidence in the window: the background extraction queue of the unlocked vault.

:class:`TextReading` owns the :class:`~lawnotebook.services.extraction.ExtractionQueue` while
the vault is unlocked. The window starts it once the desk is shown and stops it before the
vault closes (lock, idle lock, system lock, window close, quit). The queue reports on its own
thread; :attr:`TextReading.progressed` carries each report to the GUI thread, so no widget is
ever touched from the queue's thread.

Reading can be paused (:meth:`TextReading.pause`; the evidence tab's Pause button): it stays
paused while the vault is unlocked, whichever case is shown, and starts again at the next
unlock (the queue is new then; nothing is lost either way: unread items simply wait).

``LAWNOTEBOOK_NO_EXTRACTION=1`` keeps the queue off (the GUI tests that do not test it).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from lawnotebook.services.extraction import ExtractionQueue, JobStatus, Progress, page_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

OFF_VARIABLE = "LAWNOTEBOOK_NO_EXTRACTION"

__all__ = ["TextReading", "enabled", "page_text", "problem_text", "status_text"]


def enabled() -> bool:
    """Whether the app reads text from evidence (on unless ``LAWNOTEBOOK_NO_EXTRACTION=1``)."""
    return os.environ.get(OFF_VARIABLE, "").strip().lower() not in ("1", "true", "yes", "on")


class TextReading(QObject):
    """The unlocked vault's extraction queue, for the GUI thread.

    Emits ``progressed(case_id, Progress)`` whenever a case's reading moves on,
    ``started()`` once the queue runs and ``paused_changed(bool)`` on pause and resume. Every
    method is safe to call when the queue is not running (before start, after stop, or with
    extraction turned off): it does nothing.
    """

    progressed = Signal(str, object)
    started = Signal()
    paused_changed = Signal(bool)

    def __init__(self, vault: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._queue: ExtractionQueue | None = None
        self._unsubscribe: Any = None
        self._stopped = False

    # -- lifecycle ----------------------------------------------------------------------------

    def make_queue(self) -> ExtractionQueue | None:
        """Build the queue (cheap: workers are spawned only when there is work)."""
        if self._stopped or self._queue is not None:
            return self._queue
        self._queue = ExtractionQueue(self._vault)
        self._unsubscribe = self._queue.subscribe(self._report)
        return self._queue

    def start_in_background(self) -> None:
        """``ExtractionQueue.start()`` (opens a connection, queues evidence without a job):
        run it in the calling (background) thread; :attr:`started` follows."""
        queue = self._queue
        if queue is None or self._stopped:
            return
        queue.start()
        if self._stopped:  # stopped while starting: make sure nothing is left running
            queue.stop()
            return
        self.started.emit()  # queued to the GUI thread

    def stop(self) -> None:
        """Stop reading now (before the vault closes): workers are killed, unfinished items
        stay queued for the next unlock. Idempotent; returns within about a second."""
        self._stopped = True
        queue, self._queue = self._queue, None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if queue is not None:
            queue.stop(timeout=2.0)

    @property
    def queue(self) -> ExtractionQueue | None:
        return self._queue

    @property
    def running(self) -> bool:
        return self._queue is not None and self._queue.running

    def _report(self, case_id: str, progress: Progress) -> None:  # the queue's thread
        if not self._stopped:
            self.progressed.emit(case_id, progress)

    # -- questions and commands (GUI thread) --------------------------------------------------

    def progress(self, case_id: str) -> Progress | None:
        if not self.running:
            return None
        try:
            return self._queue.progress(case_id)  # type: ignore[union-attr]
        except RuntimeError:
            return None

    def statuses(self, case_id: str) -> dict[str, JobStatus]:
        if not self.running:
            return {}
        try:
            return {s.evidence_id: s for s in self._queue.statuses(case_id)}  # type: ignore[union-attr]
        except RuntimeError:
            return {}

    def reading_now(self) -> set[str]:
        """The evidence ids a worker is reading at this moment."""
        queue = self._queue
        if queue is None:
            return set()
        try:
            return set(dict(queue._running))  # the queue's own bookkeeping, read only
        except RuntimeError:  # changed size while copied: try again at the next report
            return set()

    def reindex_case(self, case_id: str) -> int:
        if not self.running:
            return 0
        return self._queue.reindex_case(case_id)  # type: ignore[union-attr]

    def wake(self) -> None:
        if self._queue is not None:
            self._queue.wake()

    @property
    def paused(self) -> bool:
        return self._queue is not None and self._queue.paused

    def pause(self) -> None:
        """Hold all reading until :meth:`resume` (or the next unlock)."""
        if self._queue is not None and not self._queue.paused:
            self._queue.pause()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self._queue is not None and self._queue.paused:
            self._queue.resume()
            self.paused_changed.emit(False)


def problem_text(problem: str) -> str:
    """Why a file could not be read, from the queue's problem code."""
    words = {
        "password": translate("EvidenceText", "it is protected by a password"),
        "too_large": translate("EvidenceText", "the file is too large"),
        "timeout": translate("EvidenceText", "reading took too long"),
        "crashed": translate("EvidenceText", "the reader stopped unexpectedly"),
        "unreadable": translate("EvidenceText", "the file is damaged or not what its name says"),
        "no_text": translate("EvidenceText", "there is no text in it"),
        "no_ocr": translate("EvidenceText", "text recognition (OCR) is not installed"),
        "page_limit": translate("EvidenceText", "it has too many pages; the rest was not read"),
        "time_budget": translate("EvidenceText", "reading it took too long; the rest was not read"),
        "depth_limit": translate(
            "EvidenceText", "e-mails are nested in it too deeply; the innermost were not read"
        ),
        "attachments": translate("EvidenceText", "some of its attachments could not be read"),
    }
    return words.get(problem, translate("EvidenceText", "an unknown problem"))


def status_text(status: JobStatus | None, reading: bool = False) -> str:
    """The evidence table's "Text" column for one item."""
    if status is None:
        return ""
    if status.state == "queued":
        return (
            translate("EvidenceText", "reading…")
            if reading
            else translate("EvidenceText", "queued")
        )
    if status.state == "done" or (status.state == "partial" and not status.problem):
        return pages_read(status.units)
    if status.state == "partial":
        return translate("EvidenceText", "{read}, in part: {reason}").format(
            read=pages_read(status.units), reason=problem_text(status.problem)
        )
    if status.state == "no_text":
        return translate("EvidenceText", "no text")
    return translate("EvidenceText", "could not read: {reason}").format(
        reason=problem_text(status.problem)
    )


def pages_read(units: int) -> str:
    if units == 1:
        return translate("EvidenceText", "read 1 page")
    return translate("EvidenceText", "read {n} pages").format(n=units)


def progress_text(progress: Progress | None, paused: bool = False) -> str:
    """The evidence tab's progress line: empty once everything is read."""
    if paused and progress is not None and progress.pending:
        return translate("EvidenceText", "Reading paused: {done} of {total} read.").format(
            done=progress.done, total=progress.total
        )
    if paused:
        return translate("EvidenceText", "Reading paused.")
    if progress is None or progress.total == 0 or progress.pending == 0:
        if progress is not None and progress.failed:
            return translate(
                "EvidenceText", "Text read from every file; {n} could not be read."
            ).format(n=progress.failed)
        return ""
    return translate("EvidenceText", "Reading evidence: {done} of {total}…").format(
        done=progress.done, total=progress.total
    )
