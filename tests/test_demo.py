"""``lawnotebook --demo``: a vault of fictional cases, opened at once, gone without a trace."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QLabel

from lawnotebook import demo
from lawnotebook.core.records import (
    ChronologyEvent,
    Deadline,
    Evidence,
    Interrogation,
    Person,
)
from lawnotebook.services import session as sessions
from lawnotebook.services.evidence import open_evidence
from lawnotebook.services.owner import owner_profile

# Words of the demo data; a file holding any of them in plain text would be a leak.
CANARIES = [w.encode() for w in ("Mensah", "Harbour Road", "刘志强", "wrist-photo", "手腕")]


def _leaks(root: Path) -> list[str]:
    return [
        f"{path}: {canary!r}"
        for path in root.rglob("*")
        if path.is_file()
        for canary in CANARIES
        if canary in path.read_bytes()
    ]


def _demo_folders(root: Path) -> list[Path]:
    return sorted(root.glob(f"{demo.FOLDER_PREFIX}*"))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The demo's temp folder for this test (tempfile and child processes both use it)."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setenv("TMPDIR", str(root))
    return root


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        ("zh_CN", {}, "zh_CN"),
        ("zh-cn", {}, "zh_CN"),
        ("zh", {}, "zh_CN"),
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language_from_option_then_locale(given, env, expected):
    assert demo.language_for(given, env) == expected


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_demo_vault_holds_a_whole_case_with_three_evidence_files(qapp, tmp_path, lang):
    made = demo.build_vault(tmp_path / "vault", lang)
    session = sessions.unlock_with_passphrase(made.root, demo.DEMO_PASSPHRASE)
    try:
        files = session.case_file
        case = files.case(made.featured.id)
        assert ("刘" in case.title) == (lang == "zh_CN")
        owner = owner_profile(files.conn)  # a named lawyer, not "Lawnotebook user"
        assert owner.name == ("张律师" if lang == "zh_CN" else "Alex Morgan")
        assert owner.firm and owner.licence
        assert len(files.cases()) == 4
        assert len(files.list(Person, case)) >= 5
        events = files.list(ChronologyEvent, case)
        assert len(events) >= 5
        assert any(not e.date.is_exact for e in events), "no uncertain date in the demo"
        sessions_ = files.list(Interrogation, case)
        assert len(sessions_) >= 2
        assert len(files.list(Deadline, case)) >= 3
        evidence = files.list(Evidence, case)
        kinds = sorted(e.media_type for e in evidence)
        assert kinds == ["application/pdf", "audio/wav", "image/png"]
        assert set(sessions_[0].evidence_ids) == {e.id for e in evidence}
        content = {
            e.media_type: open_evidence(files, e).read(e.size + 1) for e in evidence
        }  # read back through the vault: what a viewer gets
    finally:
        session.close()
    assert content["image/png"].startswith(b"\x89PNG\r\n\x1a\n")
    pdf = content["application/pdf"]
    assert pdf.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2
    with wave.open(io.BytesIO(content["audio/wav"])) as wav:
        assert wav.getnframes() / wav.getframerate() >= 1.0
    assert not _leaks(tmp_path), "demo text in plain bytes on disk"


def test_window_opens_unlocked_on_the_chosen_case_then_everything_goes(qtbot, private_tmp):
    run = demo.DemoRun.start("zh_CN", watch_system=False)
    folder = run.folder
    window = run.window
    assert window is not None
    try:
        assert folder.parent == private_tmp
        assert folder.stat().st_mode & 0o777 == 0o700
        qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
        assert window.desk.workspace is not None
        assert window.desk.workspace.case.title == "刘志强涉嫌故意杀人案"
        assert window.desk.case_list.table.model().rowCount() == 4
        banner = window.findChild(QLabel, "demo-banner-text")
        assert banner is not None and banner.isVisible()
        assert demo.banner_text() in banner.text()
        assert demo.banner_text() in window.windowTitle()
        # Qt appends the application's name itself: said once, not "Lawnotebook — … — Lawnotebook"
        assert "Lawnotebook" not in window.windowTitle()
        titles = [c.title for c in window.session.case_file.cases(include_archived=True)]
        assert len(titles) == 4
        assert all(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles  # Chinese only
        assert not _leaks(private_tmp), "the demo wrote case text outside the encrypted vault"
    finally:
        run.close()
    assert not folder.exists()
    assert not _demo_folders(private_tmp)
    assert not _leaks(private_tmp)


def test_run_quits_after_the_timer_and_removes_its_folder(qapp, private_tmp):
    started = time.monotonic()
    assert demo.run("en", quit_after=1.0, watch_system=False) == 0
    assert time.monotonic() - started < 30
    assert not _demo_folders(private_tmp)
    assert not _leaks(private_tmp)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_closes_the_demo_and_removes_its_folder(private_tmp, signum):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LAWNOTEBOOK_KEYCHAIN="off")
    env.pop(demo.QUIT_AFTER_ENV, None)
    child = subprocess.Popen(
        [sys.executable, "-m", "lawnotebook", "--demo"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(private_tmp.glob(f"{demo.FOLDER_PREFIX}*/settings.ini")):
            assert child.poll() is None, child.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the demo window never opened"
            time.sleep(0.1)
        time.sleep(1.0)  # unlocked and idle in the event loop
        child.send_signal(signum)
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert not _demo_folders(private_tmp)
    assert not _leaks(private_tmp)


@pytest.mark.skipif(os.name != "posix", reason="dead-process check uses os.kill(pid, 0)")
def test_a_crashed_demos_folder_is_swept_but_a_running_ones_is_not(private_tmp):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = private_tmp / f"{demo.FOLDER_PREFIX}{gone.pid}-abc"
    alive = private_tmp / f"{demo.FOLDER_PREFIX}{os.getpid()}-def"
    unrelated = private_tmp / "lawnotebook-demo-notes"
    for folder in (dead, alive, unrelated):
        (folder / "vault").mkdir(parents=True)
    assert demo.sweep_leftovers() == [dead]
    assert not dead.exists() and alive.exists() and unrelated.exists()


def test_cli_routes_demo_and_language_to_the_app(monkeypatch):
    import lawnotebook.app as app

    calls = []
    monkeypatch.setattr(app, "window_unavailable_reason", lambda: None)
    monkeypatch.setattr(app, "open_demo", lambda lang: calls.append(lang) or 0)
    assert app.main(["--demo", "--lang", "zh_CN"]) == 0
    assert app.main(["--demo"]) == 0
    assert calls == ["zh_CN", None]


def test_cli_demo_without_a_display_says_why(monkeypatch, capsys):
    import lawnotebook.app as app

    monkeypatch.setattr(app, "window_unavailable_reason", lambda: "No display here.")
    monkeypatch.setattr(app, "open_demo", lambda lang: pytest.fail("opened without a display"))
    assert app.main(["--demo"]) == 2
    assert "No display here." in capsys.readouterr().err
