"""Worker processes for extraction, seen from the app: send a file, receive its pages.

Each worker is a separate process (spawned, never forked: a fork would copy the app's memory,
keys included) holding one file at a time. The pool enforces the per-item limits from outside:
a worker silent for longer than ``page_seconds`` (no page finished) or busy longer than
``item_seconds`` is killed, as is one that dies on its own (a crash, the memory cap); the item
ends with what it sent so far, and a fresh worker takes the next item. Each worker runs in a
private folder of its own (:mod:`lawnotebook.vault.extract.scratch`), removed here when the
worker ends, however it ends.

Used from one thread (the extraction queue's dispatcher).
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import signal
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from lawnotebook.vault.extract import scratch, worker
from lawnotebook.vault.extract.model import Limits, TextUnit, WordBox

CAN_SUSPEND = hasattr(signal, "SIGSTOP")  # POSIX: pause workers in place


@dataclass
class Event:
    """What a worker reported: a unit read (``unit``), or the end of an item (``end``), with
    the reason it stopped short (``partial``) or failed (``code``/``message``)."""

    job: str
    unit: TextUnit | None = None
    end: bool = False
    partial: str = ""
    problem: str = ""  # with ``partial``: its code (``page_limit``, ``time_budget``, ...)
    code: str = ""
    message: str = ""


@dataclass
class _Worker:
    process: Any
    conn: Connection
    folder: Path
    job: str | None = None
    last_heard: float = 0.0
    started: float = 0.0
    pages: int = 0
    paused_at: float | None = None
    units: list[str] = field(default_factory=list)


def _unit(message: dict[str, Any]) -> TextUnit:
    boxes = tuple(WordBox(str(b[0]), *(float(v) for v in b[1:6])) for b in message["boxes"])
    page = message["page"]
    return TextUnit(
        str(message["part"]),
        int(page) if page is not None else None,
        "ocr" if message["source"] == "ocr" else "text",
        str(message["text"]),
        boxes,
    )


class WorkerPool:
    """Up to ``size`` worker processes; :meth:`submit` an item, :meth:`poll` for events."""

    def __init__(self, size: int, limits: Limits, *, ocr: bool = True) -> None:
        self.size = max(1, size)
        self.limits = limits
        self._ocr = ocr
        self._workers: list[_Worker] = []
        self._context = multiprocessing.get_context("spawn")
        self._paused = False
        self._folders: set[Path] = set()
        scratch.sweep_orphans()
        # At exit without close() (multiprocessing ends daemon workers then): folders go too.
        weakref.finalize(self, _remove_all, self._folders)

    # -- workers ---------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        folder = scratch.make()
        self._folders.add(folder)
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=worker.serve,
            args=(theirs, self.limits.memory_bytes, self._ocr, str(folder)),
            name="lawnotebook-extract",
            daemon=True,
        )
        try:
            process.start()
        except BaseException:
            self._folders.discard(folder)
            scratch.remove(folder)
            raise
        theirs.close()
        made = _Worker(process, ours, folder)
        self._workers.append(made)
        return made

    def _kill(self, w: _Worker) -> None:
        if w.process.is_alive():
            if w.paused_at is not None and CAN_SUSPEND:
                os.kill(w.process.pid, signal.SIGCONT)  # a stopped process cannot die of KILL
            w.process.kill()
        w.process.join(timeout=2)
        w.conn.close()
        self._workers.remove(w)
        self._folders.discard(w.folder)
        scratch.remove(w.folder)

    @property
    def free(self) -> int:
        """How many more items can be submitted now."""
        return 0 if self._paused else self.size - sum(1 for w in self._workers if w.job)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def busy(self) -> set[str]:
        return {w.job for w in self._workers if w.job}

    def submit(self, job: str, chunks: Iterable[bytes], size: int, file_name: str,
               media_type: str) -> None:  # fmt: skip
        """Send one item to an idle worker (starting one if needed); ``chunks`` are the file's
        bytes, ``size`` in all, streamed so the app never holds the whole file."""
        idle = next((w for w in self._workers if w.job is None), None) or self._spawn()
        header = {
            "size": size,
            "file_name": file_name,
            "media_type": media_type,
            "limits": dataclasses.asdict(self.limits),
        }
        now = time.monotonic()
        idle.job, idle.started, idle.last_heard, idle.pages = job, now, now, 0
        try:
            idle.conn.send_bytes(json.dumps(header).encode())
            for chunk in chunks:
                idle.conn.send_bytes(chunk)
        except (OSError, ValueError):
            pass  # the worker died: poll() reports the item as crashed

    # -- events ----------------------------------------------------------------------------

    def poll(self, timeout: float) -> list[Event]:
        """Wait up to ``timeout`` seconds for news from the workers; returns the events."""
        events: list[Event] = []
        working = [w for w in self._workers if w.job]
        if not working or self._paused:
            time.sleep(timeout)
            return events
        ready = wait([w.conn for w in working], timeout=timeout)
        for w in working:
            if w.conn in ready:
                events += self._read(w)
        events += self._check_limits()
        return events

    def _read(self, w: _Worker) -> list[Event]:
        job = w.job
        assert job is not None
        try:
            message = json.loads(w.conn.recv_bytes())
        except (EOFError, OSError, ValueError):
            self._kill(w)
            return [Event(job, end=True, code="crashed",
                          message=self._stopped_at(w, "the reader stopped"))]  # fmt: skip
        w.last_heard = time.monotonic()
        if "begin" in message:
            w.started = w.last_heard
            return []
        if "unit" in message:
            w.pages += 1
            try:
                return [Event(job, unit=_unit(message["unit"]))]
            except (KeyError, TypeError, ValueError, IndexError):
                self._kill(w)
                return [Event(job, end=True, code="crashed", message="the reader misbehaved")]
        w.job = None
        if "error" in message:
            error = message["error"]
            return [Event(job, end=True, code=str(error.get("code", "unreadable")),
                          message=str(error.get("message", "")))]  # fmt: skip
        end = message.get("end", {})
        return [Event(job, end=True, partial=str(end.get("partial", "")),
                      problem=str(end.get("problem", "")))]  # fmt: skip

    def _stopped_at(self, w: _Worker, what: str) -> str:
        where = f" after {w.pages} page(s)" if w.pages else ""
        return f"{what}{where} (out of memory, or a damaged file)"

    def _check_limits(self) -> list[Event]:
        events = []
        now = time.monotonic()
        for w in [w for w in self._workers if w.job]:
            page_late = now - w.last_heard > self.limits.page_seconds
            item_late = now - w.started > self.limits.item_seconds
            if not (page_late or item_late):
                continue
            job, pages = w.job, w.pages
            assert job is not None
            self._kill(w)
            if item_late:
                message = f"reading took longer than {self.limits.item_seconds:g} s"
            else:
                message = f"page {pages + 1} took longer than {self.limits.page_seconds:g} s"
            events.append(Event(job, end=True, code="timeout", message=message))
        return events

    # -- pause, cancel, close ----------------------------------------------------------------

    def pause(self) -> list[str]:
        """Stop work in place where the OS allows (the item continues on :meth:`resume`);
        elsewhere end the running items. Returns the jobs ended (to be queued again)."""
        self._paused = True
        ended = []
        for w in list(self._workers):
            if not w.job:
                continue
            if CAN_SUSPEND and w.process.is_alive():
                os.kill(w.process.pid, signal.SIGSTOP)
                w.paused_at = time.monotonic()
            else:
                ended.append(w.job)
                self._kill(w)
        return ended

    def resume(self) -> None:
        self._paused = False
        now = time.monotonic()
        for w in self._workers:
            if w.paused_at is not None:
                away = now - w.paused_at
                w.started += away  # time spent paused does not count against the limits
                w.last_heard += away
                w.paused_at = None
                if w.process.is_alive():
                    os.kill(w.process.pid, signal.SIGCONT)

    def cancel(self, job: str) -> bool:
        """End one running item at once; returns whether it was running."""
        for w in self._workers:
            if w.job == job:
                self._kill(w)
                return True
        return False

    def close(self) -> list[str]:
        """Kill every worker now (at lock: nothing to wait for); returns the unfinished jobs."""
        unfinished = [w.job for w in self._workers if w.job]
        for w in list(self._workers):
            self._kill(w)
        return unfinished


def _remove_all(folders: set[Path]) -> None:
    for folder in list(folders):
        scratch.remove(folder)
