"""The worker process: reads one evidence file at a time, sent over a pipe, and sends back its
text page by page. Started by :class:`~lawnotebook.vault.extract.pool.WorkerPool`.

Parsers of hostile files (PDFium, image decoders, OCR) run here, not in the app: a crash or a
runaway allocation ends this process only. Its address space is capped (``RLIMIT_AS``) and it
runs at low priority. Messages are JSON (never pickle) in both directions, so a compromised
worker cannot make the app run code by what it sends back. Nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from lawnotebook.vault.extract.model import ExtractionError, Limits, Outcome, TextUnit

CHUNK = 1024 * 1024


def _sandbox(memory_bytes: int) -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_THREAD_LIMIT"):
        os.environ[var] = "1"  # one core per worker: the pool runs several workers
    if hasattr(os, "nice"):
        try:
            os.nice(10)  # the desktop stays responsive while pages are read
        except OSError:
            pass
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ImportError, ValueError, OSError):
        pass  # Windows has no RLIMIT_AS; the per-item pixel and size limits still hold


def unit_message(unit: TextUnit) -> dict[str, Any]:
    return {
        "part": unit.part,
        "page": unit.page,
        "source": unit.source,
        "text": unit.text,
        "boxes": [[b.text, b.x0, b.y0, b.x1, b.y1, b.confidence] for b in unit.boxes],
    }


def _send(conn: Any, message: dict[str, Any]) -> None:
    conn.send_bytes(json.dumps(message, ensure_ascii=False).encode("utf-8"))


def _receive_data(conn: Any, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        data += conn.recv_bytes()
    return bytes(data)


def _run(conn: Any, header: dict[str, Any], data: bytes, ocr: Any) -> None:
    limits = Limits(**header["limits"])
    outcome = Outcome()
    try:
        for unit in _units(data, header, limits, ocr, outcome):
            _send(conn, {"unit": unit_message(unit)})
    except ExtractionError as exc:
        _send(conn, {"error": {"code": exc.code, "message": str(exc)}})
        return
    except MemoryError:
        _send(conn, {"error": {"code": "too_large", "message": "reading it needs too much memory"}})
        return
    except Exception as exc:  # a parser's own bug on a strange file: that file fails, not us
        name = type(exc).__name__
        _send(conn, {"error": {"code": "unreadable", "message": f"the file is damaged ({name})"}})
        return
    _send(conn, {"end": {"partial": outcome.partial}})


def _units(
    data: bytes, header: dict[str, Any], limits: Limits, ocr: Any, outcome: Outcome
) -> Iterator[TextUnit]:
    from lawnotebook.vault.extract.dispatch import extract_units

    return extract_units(
        data,
        file_name=header["file_name"],
        media_type=header["media_type"],
        limits=limits,
        ocr=ocr,
        outcome=outcome,
    )


def serve(conn: Any, memory_bytes: int, use_ocr: bool) -> None:
    """The worker's main loop (the target of the spawned process)."""
    _sandbox(memory_bytes)
    ocr = None
    if use_ocr:
        from lawnotebook.vault.ocr.ppocr import PpOcr

        ocr = PpOcr()
    while True:
        try:
            header = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        if header.get("stop"):
            return
        data = _receive_data(conn, int(header["size"]))
        _send(conn, {"begin": True})  # the item's clocks start now, not at our start-up
        _run(conn, header, data, ocr)
        del data


if __name__ == "__main__":  # pragma: no cover - started through multiprocessing only
    sys.exit("run through lawnotebook.vault.extract.pool")
