"""Long work off the GUI thread: one background lane whose results come back as signals.

A single thread keeps the vault connection used by at most one background job at a time, and
lets locking wait for whatever is still running before the vault is closed. Results cross to
the GUI thread through one long-lived relay object (queued signal), so no per-job Qt object
can be freed while a thread still uses it.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(int, bool, object)  # job id, succeeded, result or exception


class Worker(QObject):
    """Runs submitted functions one at a time, in order, in a background thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lawnotebook")
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done, Failed]] = {}
        self._futures: set[Future] = set()
        self._lock = threading.Lock()

    def submit(self, work: Callable[[], Any], on_done: Done, on_failed: Failed) -> int:
        """Run ``work()`` in the background; ``on_done(result)`` or ``on_failed(exception)``
        follow in the GUI thread. Exceptions never escape the worker."""
        job = next(self._ids)
        self._callbacks[job] = (on_done, on_failed)
        relay = self._relay

        def run() -> None:
            try:
                result = work()
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

    def _deliver(self, job: int, ok: bool, value: object) -> None:
        callbacks = self._callbacks.pop(job, None)
        if callbacks is not None:
            callbacks[0 if ok else 1](value)  # type: ignore[arg-type]

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
