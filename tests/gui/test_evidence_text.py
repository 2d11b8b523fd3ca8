"""Text from evidence in the window: the queue runs while unlocked and never outlives a lock,
the evidence tab shows each file's reading status and the case's progress, search finds words
inside files (OCR included) and opens the viewer at the page with the words marked."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter

from gui.evidence_support import pdf_bytes
from lawnotebook.gui.evidence import evidence_text
from lawnotebook.gui.evidence.evidence_viewer import boxes_matching
from lawnotebook.gui.evidence.viewers.image_viewer import ImageViewer
from lawnotebook.gui.evidence.viewers.pdf_viewer import PdfViewer
from lawnotebook.services.extraction import JobStatus, Progress
from lawnotebook.vault.ocr.words import WordBox

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
READ_TIMEOUT_MS = 45_000


def _scan_png(text: str) -> bytes:
    """One line of Chinese, black on white, 800 × 200 (a small "scan")."""
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(FONT_FILE))
    image = QImage(800, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(QFont(families[0] if families else "WenQuanYi Micro Hei", 40))
    painter.drawText(QRect(0, 0, 800, 200), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _open_evidence_tab(window, title: str = "Text case"):  # type: ignore[no-untyped-def]
    desk = window.desk
    case = desk.case_file.new_case(title)
    desk.refresh()
    assert desk.open_case(case.id, "evidence")
    return case, desk.workspace.current_tab()


def _texts(tab) -> list[str]:  # type: ignore[no-untyped-def]
    column = len(tab.model.columns) - 1
    return [tab.model.index(r, column).data() or "" for r in range(tab.model.rowCount())]


def _no_workers() -> bool:
    return not multiprocessing.active_children()


@pytest.fixture
def unlocked(make_window, ui, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv(evidence_text.OFF_VARIABLE, raising=False)
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    return window


def test_words_in_a_scan_are_read_found_and_shown_at_their_page(unlocked, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    assert window.text_reading is not None
    qtbot.waitUntil(lambda: window.text_reading.running, timeout=10_000)
    _case, tab = _open_evidence_tab(window)
    note = tmp_path / "witness.txt"
    note.write_text("The witness saw the contract signed on Monday.\n", encoding="utf-8")
    scan = tmp_path / "scan.png"
    scan.write_bytes(_scan_png("被告人遭到逼供"))
    assert tab.add_files([note, scan])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10_000)
    assert tab.text_line.isVisible() or all(t.startswith("read") for t in _texts(tab))
    qtbot.waitUntil(lambda: _texts(tab) == ["read 1 page", "read 1 page"], timeout=READ_TIMEOUT_MS)
    assert tab.text_line.text() == ""  # everything read: the progress line goes away

    # Search finds the word inside the scan ("scan.png — …" and the snippet); Enter opens it.
    desk = window.desk
    desk.search.setText("逼供")
    qtbot.waitUntil(lambda: desk.results.model.rowCount() > 0, timeout=5_000)
    hits = desk.results.model.hits
    hit = next(h for h in hits if h.in_text)
    shown = desk.results.model.index(hits.index(hit)).data()
    where = "— in its text" if hit.page is None else f"— page {hit.page}"  # one image: no pages
    assert f"scan.png {where}" in shown
    desk.results.list.setCurrentIndex(desk.results.model.index(hits.index(hit)))
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    viewer = tab.viewer
    qtbot.waitUntil(lambda: isinstance(viewer.viewer, ImageViewer), timeout=5_000)
    assert viewer.evidence.file_name == "scan.png"
    assert viewer.page == hit.page
    marked = "".join(b.text for b in viewer.viewer.marks)
    assert "逼" in marked and "供" in marked and "被" not in marked

    # The text read from the page, beside it, read-only and copyable.
    viewer.text_button.setChecked(True)
    assert viewer.page_text.isVisible() and viewer.page_text.isReadOnly()
    assert "逼供" in viewer.page_text.toPlainText()

    # The plain text file is found too (a page-less text).
    desk.search.setText("contract")
    qtbot.waitUntil(lambda: desk.results.model.rowCount() > 0, timeout=5_000)
    rows = range(desk.results.model.rowCount())
    assert any("witness.txt — in its text" in desk.results.model.index(r).data() for r in rows)

    # A PDF: the hit opens the viewer at its page with QtPdf's search marking the word.
    pdf = tmp_path / "affidavit.pdf"
    pdf.write_bytes(pdf_bytes(["First page of the bundle", "Sworn affidavit of the witness"]))
    desk.search.clear()
    assert tab.add_files([pdf])
    qtbot.waitUntil(lambda: "read 2 pages" in _texts(tab), timeout=READ_TIMEOUT_MS)
    desk.search.setText("affidavit")
    qtbot.waitUntil(lambda: any(h.page == 2 for h in desk.results.model.hits), timeout=5_000)
    row = next(i for i, h in enumerate(desk.results.model.hits) if h.page == 2)
    assert "affidavit.pdf — page 2" in desk.results.model.index(row).data()
    desk.results.list.setCurrentIndex(desk.results.model.index(row))
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(viewer.viewer, PdfViewer), timeout=5_000)
    pdf_view = viewer.viewer
    qtbot.waitUntil(lambda: pdf_view.found_count() > 0)
    qtbot.waitUntil(lambda: pdf_view.current_page() == 1, timeout=2_000)
    assert "affidavit" in viewer.page_text.toPlainText()  # the text box follows the page

    # Read again: the case's files are queued and read once more.
    desk.search.clear()
    tab.read_again()
    assert any(t in ("queued", "reading…") for t in _texts(tab))
    qtbot.waitUntil(
        lambda: sorted(_texts(tab)) == ["read 1 page", "read 1 page", "read 2 pages"],
        timeout=READ_TIMEOUT_MS,
    )

    # Lock: the queue stops and no worker process is left.
    queue = window.text_reading.queue
    window.lock()
    assert window.text_reading is None and not queue.running
    qtbot.waitUntil(_no_workers, timeout=3_000)


def test_a_lock_while_reading_leaves_no_worker_and_reading_resumes(
    unlocked, ui, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    qtbot.waitUntil(lambda: window.text_reading.running, timeout=10_000)
    _case, tab = _open_evidence_tab(window, "Locked midway")
    scan = tmp_path / "midway.png"
    scan.write_bytes(_scan_png("证人证言笔录"))
    assert tab.add_files([scan])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: bool(multiprocessing.active_children()), timeout=5_000)
    queue = window.text_reading.queue
    began = time.monotonic()
    window.lock()
    assert time.monotonic() - began < 3.0
    assert not queue.running
    qtbot.waitUntil(_no_workers, timeout=3_000)

    ui.unlock(window)  # the item stayed queued: read after the next unlock
    qtbot.waitUntil(lambda: window.desk is not None and window.desk.workspace is not None)
    tab = window.desk.workspace.current_tab()
    assert tab.key == "evidence"
    qtbot.waitUntil(lambda: _texts(tab) == ["read 1 page"], timeout=READ_TIMEOUT_MS)
    window.close()  # closing the window stops the queue too
    assert window.text_reading is None
    qtbot.waitUntil(_no_workers, timeout=3_000)


def test_the_queue_stays_off_when_turned_off(make_window, ui, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(evidence_text.OFF_VARIABLE, "1")
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    assert window.text_reading is None
    _case, tab = _open_evidence_tab(window)
    assert not tab.reread_button.isVisible() and _texts(tab) == []


def test_statuses_read_as_plain_words() -> None:
    def status(state: str, problem: str = "", units: int = 0) -> JobStatus:
        return JobStatus("e", state, problem, "", units, 0, None)

    assert evidence_text.status_text(None) == ""
    assert evidence_text.status_text(status("queued")) == "queued"
    assert evidence_text.status_text(status("queued"), reading=True) == "reading…"
    assert evidence_text.status_text(status("done", units=3)) == "read 3 pages"
    assert (
        evidence_text.status_text(status("failed", "password"))
        == "could not read: it is protected by a password"
    )
    assert evidence_text.status_text(status("partial", "page_limit", 5)).startswith("read 5 pages")
    for code in ("too_large", "timeout", "crashed", "unreadable", "no_text", "no_ocr"):
        assert "could not read: " in evidence_text.status_text(status("failed", code))
    assert evidence_text.progress_text(Progress(3, 7, 0)) == "Reading evidence: 3 of 7…"
    assert evidence_text.progress_text(Progress(7, 7, 0)) == ""


def test_only_the_boxes_of_the_query_words_are_marked() -> None:
    boxes = [WordBox(c, i / 10, 0.1, (i + 1) / 10, 0.2, 0.99) for i, c in enumerate("被告遭到逼供")]
    boxes.append(WordBox("Contract", 0.7, 0.1, 0.9, 0.2, 0.99))
    assert [b.text for b in boxes_matching(boxes, "逼供 contract")] == ["逼", "供", "Contract"]
    assert boxes_matching(boxes, "证言") == []


def test_marks_scale_with_the_image() -> None:
    from gui.evidence_support import png_bytes

    viewer = ImageViewer(png_bytes(100, 50))
    viewer.mark_boxes([WordBox("供", 0.1, 0.2, 0.3, 0.6, 0.9)])
    rect = viewer.marked_rects(200, 100)[0]
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == pytest.approx((20, 20, 40, 40))
    viewer.rotate()
    viewer.forget_plaintext()
    assert viewer.marks == []
