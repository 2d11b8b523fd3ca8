"""The evidence tab: adding files by drop and by dialog, cancelling mid-intake, the viewers
(image, PDF, text, audio), exporting a decrypted copy, editing and linking."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from gui.evidence_support import pdf_bytes, png_bytes, wav_bytes
from gui.file_dialog_support import type_in_file_dialog
from lawnotebook.core.records import ChronologyEvent, Evidence
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.evidence import evidence_intake
from lawnotebook.gui.parts.background import Worker
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from lawnotebook.vault.evidence import PACKS_DIR
from support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(
        tmp_path_factory.mktemp("evidence") / "vault", PASSPHRASE, kdf=FAST_KDF
    )
    yield session
    session.close()


@pytest.fixture
def case_file(session):
    return session.case_file


@pytest.fixture
def open_tab(qtbot, case_file):
    """An evidence tab on a new case, with its own background lane."""
    workers = []

    def make(title: str = "Evidence case"):  # type: ignore[no-untyped-def]
        case = case_file.new_case(title)
        worker = Worker()
        workers.append(worker)
        workspace = CaseWorkspace(case_file, case, worker=worker)
        qtbot.addWidget(workspace)
        workspace.resize(1300, 800)
        workspace.show()
        workers.append(workspace)  # keep it alive for the test
        return case, workspace.show_tab("evidence")

    yield make
    for worker in workers:
        if isinstance(worker, Worker):
            worker.cancel_all()
            worker.wait()


def _files(tmp_path: Path, named: dict[str, bytes]) -> list[Path]:
    paths = []
    for name, data in named.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPointF(20, 20).toPoint(),
        actions,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)


def _stored(case_file, sha: str) -> bytes:  # type: ignore[no-untyped-def]
    from lawnotebook.services.evidence import store_for

    with store_for(case_file.vault).open_blob(sha) as reader:
        return reader.read()


def test_files_dropped_on_the_tab_are_stored_hashed_and_listed(
    qtbot, case_file, open_tab, tmp_path
):
    case, tab = open_tab()
    paths = _files(
        tmp_path, {"photo.png": png_bytes(), "会见笔录.txt": "会见笔录：当事人称".encode()}
    )
    _drop(tab, paths)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    items = {e.file_name: e for e in case_file.list(Evidence, case)}
    assert set(items) == {"photo.png", "会见笔录.txt"}
    for path in paths:
        item = items[path.name]
        assert item.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert _stored(case_file, item.sha256) == path.read_bytes()
    row = tab.model.row_of(items["photo.png"].id)
    assert tab.model.index(row, 1).data() == "image/png"
    assert tab.model.index(row, 3).data() == items["photo.png"].sha256[:12] + "…"
    assert tab.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole) == items["photo.png"].sha256
    assert not tab.intake.isVisible()


def test_files_chosen_in_the_dialog_are_added_and_the_full_hash_copies(
    qtbot, case_file, open_tab, tmp_path, monkeypatch
):
    case, tab = open_tab()
    _files(tmp_path, {"a.bin": b"\x00\x01" * 5000, "b.bin": b"evidence b"})

    seen: list[str] = []
    failures: list[str] = []
    type_in_file_dialog('"a.bin" "b.bin"', tmp_path, seen, failures)  # two names, then Open
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert failures == []
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    assert sorted(e.file_name for e in case_file.list(Evidence, case)) == ["a.bin", "b.bin"]
    tab.view.select(tab.model.record(0).id)
    tab.copy_hash()
    assert QApplication.clipboard().text() == tab.model.record(0).sha256


def _pack_files(case_file) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    packs = Path(case_file.vault.paths.root) / PACKS_DIR
    return {(p.name, p.stat().st_size) for p in packs.rglob("*") if p.is_file()}


def _blob_count(case_file) -> int:  # type: ignore[no-untyped-def]
    return case_file.conn.execute("SELECT count(*) FROM evidence_blob").fetchone()[0]


def test_cancel_mid_intake_leaves_no_row_and_no_stored_bytes(
    qtbot, case_file, open_tab, tmp_path, monkeypatch
):
    case, tab = open_tab()
    (big,) = _files(tmp_path, {"interview.mp4": bytes(range(256)) * (48 * 4096)})  # 48 MiB
    started, resume = threading.Event(), threading.Event()
    real = evidence_intake.add_evidence

    def slow_add(*args, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        def held(done, total):  # type: ignore[no-untyped-def]
            if not started.is_set():  # pause after the first chunk until Cancel is pressed
                started.set()
                resume.wait(10)
            progress(done, total)

        return real(*args, progress=held, **kwargs)

    monkeypatch.setattr(evidence_intake, "add_evidence", slow_add)
    packs_before, blobs_before = _pack_files(case_file), _blob_count(case_file)
    assert tab.add_files([big])
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert tab.intake.isVisible()
    qtbot.mouseClick(tab.intake.cancel_button, Qt.MouseButton.LeftButton)
    resume.set()
    qtbot.waitUntil(lambda: not tab.intake.busy, timeout=10_000)
    assert tab.model.rowCount() == 0
    assert case_file.list(Evidence, case) == []
    assert _blob_count(case_file) == blobs_before
    assert _pack_files(case_file) == packs_before
    assert "Cancelled" in tab.error.text()
    assert [e.action for e in case_file.log(case) if e.action == "intake"] == []


def _view(qtbot, tab, evidence_id: str):  # type: ignore[no-untyped-def]
    tab.load()
    tab.view.select(evidence_id)
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.viewer.viewer is not None, timeout=10_000)
    return tab.viewer.viewer


def test_image_viewer_shows_the_pixels_and_the_view_is_logged(qtbot, case_file, open_tab):
    case, tab = open_tab()
    item = add_evidence(case_file, case, _bytes_io(png_bytes(), "scan.png"))
    viewer = _view(qtbot, tab, item.id)
    from lawnotebook.gui.evidence.viewers.image_viewer import ImageViewer

    assert isinstance(viewer, ImageViewer)
    assert (viewer.image.width(), viewer.image.height()) == (64, 48)
    assert viewer.image.pixelColor(5, 7) == QColor("blue")
    assert viewer.image.pixelColor(6, 7) == QColor("red")
    assert "PNG, 64 × 48 px" in viewer.info.text()
    viewer.rotate()
    assert viewer.picture.pixmap().height() > viewer.picture.pixmap().width()
    viewed = [e for e in case_file.log(case) if e.action == "view"]
    assert [e.record_id for e in viewed] == [item.id]


def _bytes_io(data: bytes, name: str):  # type: ignore[no-untyped-def]
    import io

    stream = io.BytesIO(data)
    stream.name = name
    return stream


def test_pdf_viewer_pages_and_search_from_memory(qtbot, case_file, open_tab):
    pytest.importorskip(
        "PySide6.QtPdf", reason="QtPdf is missing: add PySide6-Pdf to the dependencies"
    )
    case, tab = open_tab()
    pdf = pdf_bytes(["First page", "Second page: confession signed at 6 am", "Third page"])
    item = add_evidence(case_file, case, _bytes_io(pdf, "record.pdf"))
    viewer = _view(qtbot, tab, item.id)
    from lawnotebook.gui.evidence.viewers.pdf_viewer import PdfViewer

    assert isinstance(viewer, PdfViewer)
    assert viewer.page_count() == 3
    assert "confession signed" in viewer.text_of_page(1)
    viewer.find.setText("confession")
    viewer.find_next()
    qtbot.waitUntil(lambda: viewer.found_count() == 1, timeout=5000)
    assert viewer.found.text() == "1 found"
    viewer.find_next()
    assert viewer.view.currentSearchResultIndex() == 0
    viewer.forget_plaintext()
    assert viewer.buffer.data().size() == 0


def test_text_viewer_reads_chinese_in_gb18030_and_finds(qtbot, case_file, open_tab):
    case, tab = open_tab()
    text = "讯问笔录\n当事人称遭到刑讯逼供，连续三天不让睡觉。\n"
    item = add_evidence(case_file, case, _bytes_io(text.encode("gb18030"), "笔录.txt"))
    viewer = _view(qtbot, tab, item.id)
    from lawnotebook.gui.evidence.viewers.text_viewer import TextViewer

    assert isinstance(viewer, TextViewer)
    assert viewer.browser.toPlainText() == text.rstrip("\n") or "刑讯逼供" in (
        viewer.browser.toPlainText()
    )
    assert viewer.info.text().startswith("GB18030")
    viewer.find.setText("逼供")
    assert viewer.find_next()


def test_audio_viewer_plays_a_wav_streamed_from_the_vault(qtbot, case_file, open_tab):
    from PySide6.QtMultimedia import QMediaFormat

    if not QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode):
        pytest.skip("no Qt multimedia backend could be loaded on this computer (no decoders)")
    case, tab = open_tab()
    item = add_evidence(case_file, case, _bytes_io(wav_bytes(3.0), "meeting.wav"))
    viewer = _view(qtbot, tab, item.id)
    from lawnotebook.gui.evidence.viewers.media_viewer import MediaViewer

    assert isinstance(viewer, MediaViewer)
    qtbot.waitUntil(lambda: viewer.player.duration() > 0, timeout=10_000)
    assert 2900 <= viewer.player.duration() <= 3100
    assert viewer.player.isSeekable()
    viewer.seek(2000)
    qtbot.waitUntil(lambda: viewer.player.position() >= 1900, timeout=5000)
    viewer.forget_plaintext()
    assert not viewer.device.isOpen()


def test_other_files_show_metadata_and_export_a_logged_decrypted_copy(
    qtbot, case_file, open_tab, tmp_path, monkeypatch
):
    case, tab = open_tab()
    data = b"PK\x05\x06" + bytes(18)
    item = add_evidence(case_file, case, _bytes_io(data, "archive.zip"))
    viewer = _view(qtbot, tab, item.id)
    from lawnotebook.gui.evidence.viewers.other_viewer import OtherViewer

    assert isinstance(viewer, OtherViewer)
    assert [e for e in case_file.log(case) if e.action == "view"] == []  # nothing was opened
    out = tmp_path / "exported.zip"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(viewer.export, Qt.MouseButton.LeftButton)
    # Wait for the window's own "written" message: the file and its log entry exist before
    # the job's result reaches the window, and a test ending in between would leave that
    # message to a real, modal box after the patch is undone.
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert str(out) in told[0]
    assert out.read_bytes() == data
    assert out.stat().st_mode & 0o777 == 0o600
    assert any(e.action == "export" for e in case_file.log(case))


def test_source_and_description_edit_in_place_and_links_to_events(qtbot, case_file, open_tab):
    case, tab = open_tab()
    item = add_evidence(case_file, case, _bytes_io(b"medical report", "medical.txt"))
    event = case_file.add_event(case, "2016-06-16", "Medical examination")
    tab.load()
    row = tab.model.row_of(item.id)
    assert tab.model.setData(tab.model.index(row, 4), "Detention centre clinic")
    assert tab.model.setData(tab.model.index(row, 5), "体检记录")
    stored = case_file.record(item.id, Evidence, case)
    assert (stored.source, stored.description) == ("Detention centre clinic", "体检记录")

    from lawnotebook.gui.evidence.evidence_links import EvidenceLinks

    dialog = EvidenceLinks(case_file, stored, tab)
    dialog.check(event.id)
    assert dialog.save() == 1
    assert case_file.record(event.id, ChronologyEvent, case).evidence_ids == [item.id]
    tab.load()
    assert "Medical examination" in tab.model.index(row, 8).data()


def test_evidence_links_to_the_people_it_concerns(qtbot, case_file, open_tab):
    from lawnotebook.core.records import PersonRole
    from lawnotebook.gui.evidence.evidence_links import EvidenceLinks

    case, tab = open_tab()
    item = add_evidence(case_file, case, _bytes_io(b"photo of injuries", "injuries.jpg"))
    client = case_file.add_person(case, "刘志强", PersonRole.CLIENT)
    doctor = case_file.add_person(case, "Dr. Chen", PersonRole.EXPERT)
    dialog = EvidenceLinks(case_file, case_file.record(item.id, Evidence, case), tab)
    qtbot.addWidget(dialog)
    dialog.check(client.id)
    dialog.check(doctor.id)
    assert dialog.save() == 1
    assert sorted(case_file.record(item.id, Evidence, case).person_ids) == sorted(
        [client.id, doctor.id]
    )
    again = EvidenceLinks(case_file, case_file.record(item.id, Evidence, case), tab)
    qtbot.addWidget(again)
    again.check(doctor.id, checked=False)
    assert again.save() == 1
    assert case_file.record(item.id, Evidence, case).person_ids == [client.id]
    tab.load()
    linked = tab.model.index(tab.model.row_of(item.id), 8).data()
    assert "刘志强" in linked and "Dr. Chen" not in linked
