"""The worker process: reads one evidence file at a time, sent over a pipe, and sends back its
text page by page. Started by :class:`~lawnotebook.vault.extract.pool.WorkerPool`.

Parsers of hostile files (PDFium, image decoders, OCR) run here, not in the app: a crash or a
runaway allocation ends this process only. It leaves no core dump (:mod:`lawnotebook.core.process`:
a crash must not write the evidence it holds to disk), its address space is capped
(``RLIMIT_AS``) and it runs at low priority. Messages are JSON (never pickle) in both directions,
so a compromised worker cannot make the app run code by what it sends back.

Nothing is written to disk, by us or by the libraries we run: the worker's home, XDG and temp
folders all point into a private, empty folder the pool made for it (0700) and removes when the
worker ends, and ONNX Runtime's telemetry is off (``ORT_DISABLE_TELEMETRY``; its device id and
event database would otherwise land in ``~/.cache/Microsoft`` and ``$TMPDIR/.ses``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lawnotebook.core.process import forbid_core_dumps
from lawnotebook.vault.extract.model import ExtractionError, Limits, Outcome, TextUnit

CHUNK = 1024 * 1024

# Documented by ONNX Runtime (its Privacy.md): set before it initialises, no uploader, events or
# persistent device id for the life of the process.
TELEMETRY_OFF = {"ORT_DISABLE_TELEMETRY": "1"}

# Where libraries look for a home, caches and temp files: all of them into the private folder.
_HOME_VARS = ("HOME", "USERPROFILE")
_XDG_VARS = {
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "run",
    "APPDATA": "config",
    "LOCALAPPDATA": "cache",
}
_TEMP_VARS = ("TMPDIR", "TEMP", "TMP")


def use_private_folders(scratch: Path) -> None:
    """Point home, XDG, AppData and temp variables of this process into ``scratch`` (made by
    the pool, 0700), and turn third-party telemetry off; call before loading any library."""
    os.environ.update(TELEMETRY_OFF)
    home = scratch / "home"
    places = {var: home for var in _HOME_VARS}
    places |= {var: scratch / name for var, name in _XDG_VARS.items()}
    places |= {var: scratch / "tmp" for var in _TEMP_VARS}
    for var, place in places.items():
        place.mkdir(mode=0o700, exist_ok=True)
        os.environ[var] = str(place)
    tempfile.tempdir = None  # forget a temp dir looked up before


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
    _send(conn, {"end": {"partial": outcome.partial, "problem": outcome.problem}})


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


def serve(conn: Any, memory_bytes: int, use_ocr: bool, scratch: str | None = None) -> None:
    """The worker's main loop (the target of the spawned process); ``scratch`` is its private
    folder (see the module doc)."""
    forbid_core_dumps(lock=True)  # first: before a single byte of evidence is here
    if scratch is not None:
        use_private_folders(Path(scratch))
    else:
        os.environ.update(TELEMETRY_OFF)
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
