"""Long work off the GUI thread: one background lane whose results come back as signals.

A single thread keeps the vault connection used by at most one background job at a time, and
lets locking wait for whatever is still running before the vault is closed. Results cross to
the GUI thread through one long-lived relay object (queued signal), so no per-job Qt object
can be freed while a thread still uses it.

Long jobs (intake, seal, opening a bundle) report progress through the same relay, throttled
to a few updates a second, and take a cancel flag that locking sets (``cancel_all``) so a lock
never waits for a gigabyte to finish.
"""

from __future__ import annotations

import itertools
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Report = Callable[[int, "int | None"], None]
PROGRESS_INTERVAL_S = 0.08


class _Relay(QObject):
    finished = Signal(int, bool, object)  # job id, succeeded, result or exception
    progress = Signal(int, object, object)  # job id, done, total (None: unknown)


class Worker(QObject):
    """Runs submitted functions one at a time, in order, in a background thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lawnotebook")
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._relay.progress.connect(self._deliver_progress)
        self._callbacks: dict[int, tuple[Done, Failed]] = {}
        self._progress: dict[int, Report] = {}
        self._owners: dict[int, QObject] = {}
        self._futures: set[Future] = set()
        self._cancels: weakref.WeakSet[threading.Event] = weakref.WeakSet()
        self._lock = threading.Lock()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Done,
        on_failed: Failed,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Run ``work()`` in the background; ``on_done(result)`` or ``on_failed(exception)``
        follow in the GUI thread (dropped if ``owner`` was deleted meanwhile). Exceptions never
        escape the worker."""
        return self._start(lambda _report: work(), on_done, on_failed, None, owner)

    def submit_long(
        self,
        work: Callable[[Report], Any],
        on_done: Done,
        on_failed: Failed,
        on_progress: Report,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Like :meth:`submit`, but ``work(report)`` may call ``report(done, total)`` as often
        as it likes; ``on_progress`` sees a few calls a second (and the last one)."""
        return self._start(work, on_done, on_failed, on_progress, owner)

    def cancel_flag(self) -> threading.Event:
        """A flag a long job polls; :meth:`cancel_all` sets every flag still in use."""
        flag = threading.Event()
        self._cancels.add(flag)
        return flag

    def cancel_all(self) -> None:
        for flag in list(self._cancels):
            flag.set()

    def _start(self, work, on_done, on_failed, on_progress, owner) -> int:  # type: ignore[no-untyped-def]
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_failed)
        if on_progress is not None:
            self._progress[job] = on_progress
        if owner is not None:
            self._owners[job] = owner
        relay = self._relay
        last = [0.0]

        def report(done: int, total: int | None) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL_S or (total is not None and done >= total):
                last[0] = now
                relay.progress.emit(job, done, total)

        def run() -> None:
            try:
                result = work(report)
            except BaseException as exc:  # reported to the GUI thread as a value
                relay.finished.emit(job, False, exc)
            else:
                relay.finished.emit(job, True, result)

        future = self._executor.submit(run)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return job

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._futures.discard(future)

    def _alive(self, job: int) -> bool:
        owner = self._owners.get(job)
        return owner is None or shiboken6.isValid(owner)

    def _deliver(self, job: int, ok: bool, value: object) -> None:
        callbacks = self._callbacks.pop(job, None)
        self._progress.pop(job, None)
        alive = self._alive(job)
        self._owners.pop(job, None)
        if callbacks is not None and alive:
            callbacks[0 if ok else 1](value)  # type: ignore[arg-type]

    def _deliver_progress(self, job: int, done: object, total: object) -> None:
        callback = self._progress.get(job)
        if callback is not None and self._alive(job):
            callback(done, total)  # type: ignore[arg-type]

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every started job has finished (results may still be queued)."""
        with self._lock:
            pending = list(self._futures)
        _, not_done = wait(pending, timeout=timeout)
        return not not_done

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
