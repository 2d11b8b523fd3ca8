"""Reading evidence text can be paused and resumed from the evidence tab (the state is the
vault's, shown in every case, and a new unlock starts reading again); a scanned PDF read by the
real OCR is found by search and opened at its page with the OCR word boxes drawn over it."""

from __future__ import annotations

import multiprocessing

import pytest
from PySide6.QtCore import Qt

from gui.test_evidence_hit_marks import CELL, LINE, LINE_TOP, _cell, _scan, scanned_pdf
from lawnotebook.gui.evidence import evidence_text
from lawnotebook.gui.evidence.viewers.pdf_viewer import PdfViewer

READ_TIMEOUT_MS = 90_000


@pytest.fixture
def unlocked(make_window, ui, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv(evidence_text.OFF_VARIABLE, raising=False)
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    window.resize(1400, 900)
    return window


def _open_case(window, title: str):  # type: ignore[no-untyped-def]
    desk = window.desk
    case = desk.case_file.new_case(title)
    desk.refresh()
    assert desk.open_case(case.id, "evidence")
    return case, desk.workspace.current_tab()


def _stored_units(tab) -> int:  # type: ignore[no-untyped-def]
    row = tab.case_file.vault.connection.execute("SELECT count(*) FROM evidence_text").fetchone()
    return row[0]


def _texts(tab) -> list[str]:  # type: ignore[no-untyped-def]
    column = len(tab.model.columns) - 1
    return [tab.model.index(r, column).data() or "" for r in range(tab.model.rowCount())]


def test_pause_holds_reading_until_resumed_then_the_scan_is_found_and_boxed(
    unlocked, ui, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    qtbot.waitUntil(lambda: window.text_reading.running, timeout=10_000)
    queue = window.text_reading.queue
    case, tab = _open_case(window, "Scans")
    assert not tab.pause_button.isVisible()  # nothing to read: nothing to pause
    scan = tmp_path / "interrogation-record.pdf"
    scan.write_bytes(scanned_pdf([_scan(), _scan(LINE), _scan(), _scan()]))
    assert tab.add_files([scan])
    qtbot.waitUntil(tab.pause_button.isVisible, timeout=10_000)
    assert tab.pause_button.text() == "Pause reading"

    qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    assert queue.paused and window.text_reading.paused
    assert tab.pause_button.text() == "Resume reading"
    assert tab.text_line.text() == "Reading paused: 0 of 1 read."
    assert _texts(tab) == ["queued"]
    qtbot.wait(1000)  # the queue's thread takes the pause in at its next turn
    units = _stored_units(tab)
    qtbot.wait(3000)
    assert _stored_units(tab) == units  # no page read meanwhile
    assert queue.progress(case.id).done == 0 and _texts(tab) == ["queued"]

    # Another case shows the same state (one queue for the vault), and so does this case's
    # tab when it is opened again (a new tab).
    _other, other_tab = _open_case(window, "Another case")
    assert other_tab.pause_button.isVisible()
    assert other_tab.pause_button.text() == "Resume reading"
    assert other_tab.text_line.text() == "Reading paused."
    assert window.desk.open_case(case.id, "evidence")
    tab = window.desk.workspace.current_tab()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.pause_button.isVisible() and tab.pause_button.text() == "Resume reading"
    assert tab.text_line.text() == "Reading paused: 0 of 1 read."

    qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    assert not queue.paused and tab.pause_button.text() == "Pause reading"
    qtbot.waitUntil(lambda: _texts(tab) == ["read 4 pages"], timeout=READ_TIMEOUT_MS)
    assert not tab.pause_button.isVisible() and tab.text_line.text() == ""

    # Search finds the words the OCR read on page 2; the hit opens the PDF there, boxed.
    desk = window.desk
    ui.commit(desk.search, "逼供")
    qtbot.waitUntil(lambda: any(h.page == 2 for h in desk.results.model.hits), timeout=5_000)
    row = next(i for i, h in enumerate(desk.results.model.hits) if h.page == 2)
    desk.results.list.setCurrentIndex(desk.results.model.index(row))
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(tab.viewer.viewer, PdfViewer), timeout=5_000)
    pdf = tab.viewer.viewer
    qtbot.waitUntil(lambda: bool(pdf.view.marks), timeout=3_000)
    marked = pdf.view.marks[1]
    assert "".join(b.text for b in marked) == "逼供"
    for box, i in zip(marked, (5, 6), strict=True):  # the OCR's box is where it was drawn
        cell = _cell(i)
        assert (box.x0 + box.x1) / 2 == pytest.approx(cell.center().x(), abs=CELL / 3)
        assert box.y0 == pytest.approx(LINE_TOP, abs=0.05)
    qtbot.wait(1200)
    assert pdf.current_page() == 1
    assert all(pdf.view.viewport().rect().contains(r.toRect()) for r in pdf.marked_rects(1))
    pdf.view.viewport().grab().save(str(tmp_path / "ocr-pdf-hit.png"))  # to look at

    # Pause, lock and unlock: reading starts again (a new queue), not paused.
    tab.read_again()
    qtbot.waitUntil(tab.pause_button.isVisible, timeout=5_000)
    qtbot.mouseClick(tab.pause_button, Qt.MouseButton.LeftButton)
    assert queue.paused
    window.lock()
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=3_000)
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.text_reading is not None and window.text_reading.running,
                    timeout=10_000)  # fmt: skip
    assert not window.text_reading.paused
    tab = window.desk.workspace.current_tab()
    assert tab.pause_button.text() == "Pause reading"
    qtbot.waitUntil(lambda: _texts(tab) == ["read 4 pages"], timeout=READ_TIMEOUT_MS)
