"""The real extraction worker, crashed: no core file (issue 15, point 2); and an OCR run
leaves nothing under the home, XDG or temp folders (issue 15, point 5)."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from lawnotebook.vault.extract import scratch
from lawnotebook.vault.extract.model import Limits
from lawnotebook.vault.extract.pool import Event, WorkerPool

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux core dumps")


def _events_until_end(pool: WorkerPool, seconds: float = 120) -> list[Event]:
    events: list[Event] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        events += pool.poll(0.1)
        if any(e.end for e in events):
            return events
    raise AssertionError("the worker did not finish")


@pytest.fixture
def core_limit_raised():
    """The test run's soft core limit raised to its hard one (a desktop with dumps on), so a
    worker spawned now inherits it; put back after."""
    resource = pytest.importorskip("resource")
    before = resource.getrlimit(resource.RLIMIT_CORE)
    if before[1] == 0:
        pytest.skip("core dumps are off for good in this test run")
    resource.setrlimit(resource.RLIMIT_CORE, (before[1], before[1]))
    yield
    resource.setrlimit(resource.RLIMIT_CORE, before)


def _core_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("core*"))


def _cores_land_in_cwd() -> bool:
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    return bool(pattern) and not pattern.startswith(("|", "/"))


def _core_limit_of(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return " ".join(line.split()[4:6])
    raise AssertionError("no core limit line")


@linux_only
def test_a_worker_killed_by_sigsegv_leaves_no_core(tmp_path, monkeypatch, core_limit_raised):
    monkeypatch.chdir(tmp_path)  # where core_pattern "core" would put the dump
    pool = WorkerPool(1, Limits(), ocr=False)
    try:
        data = "讯问笔录 a note the worker holds".encode()
        pool.submit("job", [data], len(data), "note.txt", "text/plain")
        assert _events_until_end(pool)[-1].code == ""  # the worker is up and has read a file
        (running,) = pool._workers
        pid = running.process.pid
        assert _core_limit_of(pid) == "0 0"  # what the kernel reads, whatever core_pattern is
        os.kill(pid, signal.SIGSEGV)
        running.process.join(30)
        assert running.process.exitcode == -signal.SIGSEGV
    finally:
        pool.close()
    assert _core_files(tmp_path) == []

    if not _cores_land_in_cwd():
        return  # a core handler program: the limit and the flag above are what it obeys
    control = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(60,))
    control.start()  # the same kind of process, spawned the same way, without the hardening
    time.sleep(0.5)
    os.kill(control.pid, signal.SIGSEGV)
    control.join(30)
    assert _core_files(tmp_path), "an unhardened process leaves a core here, so this can tell"


# -- point 5: traces outside the vault --------------------------------------------------------


def _scan_png() -> bytes:
    image = Image.new("L", (1400, 300), 255)
    font = ImageFont.load_default(size=64)
    ImageDraw.Draw(image).text((40, 100), "RECORD OF INTERROGATION", fill=0, font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _everything_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@pytest.fixture
def private_places(tmp_path, monkeypatch):
    """HOME, the XDG folders and TMPDIR of this test (and the workers it starts) are fresh,
    empty folders, so anything written to them is seen."""
    places = {}
    for var in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                "XDG_RUNTIME_DIR", "TMPDIR"):  # fmt: skip
        folder = tmp_path / var.lower()
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(var, str(folder))
        places[var] = folder
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.delenv("ORT_DISABLE_TELEMETRY", raising=False)
    return places


def test_an_ocr_run_leaves_no_file_under_home_xdg_or_tmp(private_places):
    data = _scan_png()
    pool = WorkerPool(1, Limits(), ocr=True)
    try:
        pool.submit("scan", [data], len(data), "scan.png", "image/png")
        events = _events_until_end(pool)
        (running,) = pool._workers
        folder = running.folder
        assert folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o700
    finally:
        pool.close()
    text = "".join(e.unit.text for e in events if e.unit is not None)
    assert "INTERROGATION" in text  # OCR really ran (ONNX Runtime loaded and used)
    assert not folder.exists()  # the worker's own folder went with it
    for var, place in private_places.items():
        assert _everything_under(place) == set(), f"{var}: {sorted(_everything_under(place))}"


def test_a_killed_workers_folder_is_removed(private_places):
    pool = WorkerPool(1, Limits(), ocr=False)
    data = b"some text"
    try:
        pool.submit("a", [data], len(data), "a.txt", "text/plain")
        _events_until_end(pool)
        (running,) = pool._workers
        folder = running.folder
        assert folder.parent == private_places["XDG_RUNTIME_DIR"]
        os.kill(running.process.pid, signal.SIGKILL)
        pool.submit("b", [data], len(data), "b.txt", "text/plain")
        assert _events_until_end(pool)[-1].code == "crashed"
    finally:
        pool.close()
    assert not folder.exists()
    assert _everything_under(private_places["XDG_RUNTIME_DIR"]) == set()


def test_folders_of_a_killed_app_are_swept_at_the_next_start(private_places):
    dead = multiprocessing.get_context("spawn").Process(target=time.sleep, args=(0,))
    dead.start()
    dead.join()
    left = private_places["XDG_RUNTIME_DIR"] / f"{scratch.PREFIX}{dead.pid}-x1"
    (left / "home" / ".cache").mkdir(parents=True, mode=0o700)
    (left / "home" / ".cache" / "deviceid").write_text("left by a library")
    ours = scratch.make()  # this app's own: alive, kept
    WorkerPool(1, Limits(), ocr=False).close()
    assert not left.exists()
    assert ours.exists()
    scratch.remove(ours)
