"""A whole sharing session through the window, then a search of every file it could have left:
evidence content and case text must appear only in the report the user saved (and the source
file they started from) — never in the vaults, the bundle, temp files, Qt's cache or settings,
or anywhere under HOME. Also: a dropped .lnb and ``lawnotebook FILE.lnb`` open the bundle."""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from lawnotebook.core.records import Evidence
from lawnotebook.gui.desk import desk_actions
from lawnotebook.gui.reports.report_dialog import ReportDialog
from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog
from lawnotebook.gui.sharing.share_wizard import ShareWizard
from lawnotebook.services.colleagues import Colleagues

BUNDLE_PASSPHRASE = "a long one-time bundle passphrase"
LOCATIONS = (
    QStandardPaths.StandardLocation.CacheLocation,
    QStandardPaths.StandardLocation.GenericCacheLocation,
    QStandardPaths.StandardLocation.ConfigLocation,
    QStandardPaths.StandardLocation.GenericConfigLocation,
    QStandardPaths.StandardLocation.AppDataLocation,
    QStandardPaths.StandardLocation.AppLocalDataLocation,
    QStandardPaths.StandardLocation.GenericDataLocation,
    QStandardPaths.StandardLocation.TempLocation,
)


def _drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, QDragEnterEvent(QPoint(30, 30), *args))
    QApplication.sendEvent(widget, QDropEvent(QPointF(30, 30), *args))


def _needles(*texts: str) -> list[bytes]:
    out = []
    for text in texts:
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return out


def _files_with(root: Path, needles: list[bytes], since: float | None = None) -> list[str]:
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            try:
                if not path.is_file() or path.stat().st_size > 64 << 20:
                    continue
                if since is not None and path.stat().st_mtime < since:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(n in data for n in needles):
                found.append(str(path))
    return found


def test_a_whole_sharing_session_leaves_no_plaintext_behind(
    qtbot, ui, make_window, tmp_path, monkeypatch
):
    started = time.time() - 1
    home, temp = tmp_path / "home", tmp_path / "tmp"
    for folder in (home, temp):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    for location in LOCATIONS:
        assert QStandardPaths.writableLocation(location).startswith(str(tmp_path))

    content_canary = f"EVIDENCE-CANARY-{secrets.token_hex(8)}"
    title_canary = f"机密案件{secrets.token_hex(4)}"
    source = tmp_path / "source"
    source.mkdir()
    original = source / "statement.txt"
    original.write_text(f"Client statement.\n{content_canary}\n当事人陈述。\n", "utf-8")

    # Ana: vault, case, evidence dropped on the window, viewed, searched, sealed.
    ana = make_window(tmp_path / "ana-vault")
    ui.create_vault(ana)
    desk = ana.desk
    case = desk.case_file.new_case(title_canary, client=title_canary)
    desk.refresh()
    desk.open_case(case.id)
    _drop(ana, [original])
    tab = desk.workspace.parts["evidence"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.view.select(tab.model.record(0).id)
    tab.open_current()
    qtbot.waitUntil(lambda: tab.viewer.viewer is not None, timeout=10_000)
    assert content_canary in tab.viewer.viewer.browser.toPlainText()
    desk.search.setText(title_canary)
    qtbot.waitUntil(lambda: desk.results.model.rowCount() > 0, timeout=10_000)
    desk.search.clear()

    usb = tmp_path / "usb"
    usb.mkdir()
    wizard = ShareWizard(desk.case_file, case, Colleagues(desk.case_file.vault), desk.worker, ana)
    wizard.show()
    wizard.recipients.to_passphrase.setChecked(True)
    wizard.recipients.passphrase.setText(BUNDLE_PASSPHRASE)
    wizard.recipients.again.setText(BUNDLE_PASSPHRASE)
    wizard.next()
    wizard.next()
    wizard.destination.add_place(usb)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.seal.done, timeout=20_000)
    wizard.accept()
    (bundle,) = usb.iterdir()

    report = tmp_path / "court" / "integrity.pdf"
    report.parent.mkdir()
    dialog = ReportDialog(desk.case_file, desk.workspace.case, ana)
    assert dialog.save_to(report)
    dialog.reject()

    # Bo: another vault opens the passphrase bundle and views the evidence.
    bo = make_window(tmp_path / "bo-vault")
    ui.create_vault(bo)
    opener = BundleOpenDialog(
        bo.desk.case_file, bo.desk.worker, bundle, bo, passphrase=BUNDLE_PASSPHRASE
    )
    opener.show()
    assert opener.start()
    qtbot.waitUntil(lambda: opener.state == "plan", timeout=20_000)
    opener.trust.setChecked(True)
    opener.apply_button.click()
    qtbot.waitUntil(lambda: opener.state == "done", timeout=20_000)
    opener.accept()
    bo.desk.refresh()
    bo.desk.open_case(case.id)
    bo_tab = bo.desk.workspace.show_tab("evidence")
    (received,) = bo.desk.case_file.list(Evidence, bo.desk.workspace.case)
    bo_tab.view.select(received.id)
    bo_tab.open_current()
    qtbot.waitUntil(lambda: bo_tab.viewer.viewer is not None, timeout=10_000)
    QApplication.clipboard().clear()
    ana.close()
    bo.close()

    needles = _needles(content_canary, title_canary)
    found = _files_with(tmp_path, needles)
    assert str(original) in found  # the search does find plaintext where it is
    assert [p for p in found if p not in (str(original), str(report))] == []
    assert report.read_bytes().startswith(b"%PDF")
    system_temp = Path("/tmp")
    others = [
        p
        for p in _files_with(system_temp, needles, since=started)
        if not p.startswith(str(tmp_path))
    ]
    assert others == []


def test_a_dropped_bundle_opens_the_bundle_flow(qtbot, ui, make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    opened = []
    monkeypatch.setattr(desk_actions, "open_bundle", lambda desk, path: opened.append(path))
    bundle = tmp_path / "bundle-0011aabb.lnb"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    _drop(window, [bundle])
    qtbot.waitUntil(lambda: opened == [bundle])


def test_lawnotebook_with_a_lone_bundle_path_opens_the_window_on_it(tmp_path, monkeypatch):
    import lawnotebook.app as app

    bundle = tmp_path / "bundle-0011aabb.lnb"
    bundle.write_bytes(b"x")
    calls = []
    monkeypatch.setattr(app, "window_unavailable_reason", lambda: None)
    monkeypatch.setattr(app, "open_bundle_in_window", lambda v, b: calls.append((v, b)) or 0)
    assert app.main(["--vault", str(tmp_path / "v"), str(bundle)]) == 0
    assert calls == [(tmp_path / "v", bundle)]
    assert app.main([str(tmp_path / "missing.lnb")]) == 2  # not a file: usual parsing


def test_locking_mid_intake_stops_it_closes_the_viewer_and_leaves_nothing(
    qtbot, ui, make_window, tmp_path, monkeypatch
):
    import threading

    from lawnotebook.gui.evidence import evidence_intake

    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    desk = window.desk
    case = desk.case_file.new_case("Lock test")
    desk.refresh()
    desk.open_case(case.id)
    first = tmp_path / "note.txt"
    first.write_text("viewed before the lock")
    tab = desk.workspace.show_tab("evidence")
    tab.add_files([first])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    tab.view.select(tab.model.record(0).id)
    tab.open_current()
    qtbot.waitUntil(lambda: tab.viewer.viewer is not None, timeout=10_000)
    viewer = tab.viewer.viewer

    started = threading.Event()
    real = evidence_intake.add_evidence

    def slow_add(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        def held(done, total):  # type: ignore[no-untyped-def]
            started.set()
            time.sleep(0.05)  # a slow USB stick
            progress(done, total)

        return real(*args, progress=held, **kwargs)

    monkeypatch.setattr(evidence_intake, "add_evidence", slow_add)
    big = tmp_path / "video.mp4"
    big.write_bytes(bytes(range(256)) * (64 * 4096))  # 64 MiB: many seconds at this speed
    tab.add_files([big])
    qtbot.waitUntil(started.is_set, timeout=10_000)
    t0 = time.monotonic()
    window.lock()
    assert time.monotonic() - t0 < 2.0
    assert window.is_locked
    assert viewer.browser.toPlainText() == ""
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None)
    names = [e.file_name for e in window.session.case_file.list(Evidence, case)]
    assert names == ["note.txt"]
