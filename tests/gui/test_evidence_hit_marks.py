"""Opening a search hit inside a file marks the words found: OCR word boxes drawn over the
page of a scanned (image-only) PDF, where QtPdf has no text to search, and the query's words
highlighted in text shown as text (plain text, and the text read from Word or e-mail files).

The page text and word boxes are written through the same store the extraction queue writes
(``stored.save_units``); the real OCR's boxes are tested in test_evidence_reading_pause.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter
from PySide6.QtWidgets import QPushButton

from lawnotebook.demo.evidence import image_pdf
from lawnotebook.gui.evidence import evidence_text
from lawnotebook.gui.evidence.evidence_viewer import box_runs
from lawnotebook.gui.evidence.viewers.pdf_viewer import PdfViewer
from lawnotebook.gui.evidence.viewers.text_viewer import TextViewer, query_spans
from lawnotebook.vault.extract import stored
from lawnotebook.vault.extract.model import TextUnit
from lawnotebook.vault.ocr.words import WordBox
from lawnotebook.vault.transaction import transaction

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SCAN_WIDTH, SCAN_HEIGHT = 874, 1240  # A5 at 150 dpi
LINE = "被告人遭到逼供"
CELL = 0.1  # each character of LINE in a cell 0.1 of the page wide, from x = 0.1
LINE_TOP, LINE_BOTTOM = 0.45, 0.52


def _font(size: int) -> QFont:
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(FONT_FILE))
    font = QFont(families[0] if families else "WenQuanYi Micro Hei")
    font.setPixelSize(size)
    return font


def _cell(i: int) -> QRectF:
    """Where character ``i`` of LINE is, as fractions of the page."""
    return QRectF(0.1 + i * CELL, LINE_TOP, CELL, LINE_BOTTOM - LINE_TOP)


def _scan(lines: str = "", block: QRectF | None = None) -> QImage:
    """A white "scanned page": LINE drawn one character per cell, or a black block."""
    image = QImage(SCAN_WIDTH, SCAN_HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(_font(60))
    for i, ch in enumerate(lines):
        cell = _cell(i)
        rect = QRectF(cell.x() * SCAN_WIDTH, cell.y() * SCAN_HEIGHT,
                      cell.width() * SCAN_WIDTH, cell.height() * SCAN_HEIGHT)  # fmt: skip
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, ch)
    if block is not None:
        painter.fillRect(
            QRectF(block.x() * SCAN_WIDTH, block.y() * SCAN_HEIGHT,
                   block.width() * SCAN_WIDTH, block.height() * SCAN_HEIGHT),
            QColor("black"),
        )  # fmt: skip
    painter.end()
    return image


def scanned_pdf(pages: list[QImage]) -> bytes:
    """An image-only PDF (no text layer): each image fills an A5 page."""
    return image_pdf(pages, QPageSize.PageSizeId.A5)


def line_boxes() -> tuple[WordBox, ...]:
    return tuple(
        WordBox(ch, c.left(), c.top(), c.right(), c.bottom(), 0.98)
        for ch, c in ((ch, _cell(i)) for i, ch in enumerate(LINE))
    )


def _dark_box(image: QImage, step: int = 1) -> QRectF:
    """The bounding box of the dark pixels of ``image`` (black, or black tinted by a mark)."""
    xs, ys = [], []
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colour = image.pixelColor(x, y)
            if colour.green() < 110 and colour.blue() < 80:  # black, also under a mark
                xs.append(x)
                ys.append(y)
    assert xs, "nothing dark on screen"
    return QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _settle(qtbot, ms: int = 300) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(ms)


def _yellowish(colour: QColor) -> bool:
    """White under the translucent mark: red stays, blue drops (about 255, 236, 165)."""
    return colour.red() > 235 and 215 < colour.green() < 250 and 130 < colour.blue() < 200


# -- the PDF view: marks where QtPdf draws the page ------------------------------------------


def test_marks_land_on_the_page_as_drawn_at_any_zoom_and_scroll(qtbot) -> None:  # type: ignore[no-untyped-def]
    block = QRectF(0.25, 0.5, 0.5, 0.1)  # a black block on page 2, marked with a box of its size
    viewer = PdfViewer(scanned_pdf([_scan(), _scan(block=block), _scan()]))
    qtbot.addWidget(viewer)
    viewer.resize(600, 800)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.mark_boxes(1, [WordBox("x", 0.25, 0.5, 0.75, 0.6, 1.0)])
    viewer.open_at(1, (0.5, 0.55))
    _settle(qtbot, 1000)
    view = viewer.view
    for zoom in (None, 1.6, 0.6):
        if zoom is not None:
            viewer.set_zoom(zoom)
            viewer.open_at(1, (0.5, 0.55))
            _settle(qtbot, 1000)
        assert viewer.current_page() == 1  # the marked page is the current one
        (mark,) = viewer.marked_rects(1)
        assert view.viewport().rect().contains(mark.toRect())  # scrolled into view
        dark = _dark_box(view.viewport().grab().toImage())
        # The block as QtPdf rendered it is where the mark is, to a pixel or two.
        for got, want in zip(
            (dark.left(), dark.top(), dark.right(), dark.bottom()),
            (mark.left(), mark.top(), mark.right(), mark.bottom()),
            strict=True,
        ):
            assert got == pytest.approx(want, abs=2.5), (zoom, dark, mark)
    viewer.forget_plaintext()
    assert viewer.view.marks == {}


def test_only_the_words_found_make_runs() -> None:
    boxes = (
        *line_boxes(),
        WordBox("逼", 0.1, 0.8, 0.2, 0.9, 0.9),
        WordBox("供", 0.3, 0.8, 0.4, 0.9, 0.9),
    )
    runs = box_runs(boxes, "逼供")
    assert [[b.text for b in run] for run in runs] == [["逼", "供"], ["逼", "供"]]
    assert runs[0][0].y0 == LINE_TOP  # reading order: the first on the page first
    assert box_runs(boxes, "证言") == []


# -- from a search hit, in the window --------------------------------------------------------


@pytest.fixture
def window(make_window, ui, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(evidence_text.OFF_VARIABLE, "1")  # the text is written below instead
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    window.resize(1400, 900)
    return window


def _add(window, qtbot, path) -> tuple:  # type: ignore[no-untyped-def]
    desk = window.desk
    case = desk.case_file.new_case("Hit marks")
    desk.refresh()
    assert desk.open_case(case.id, "evidence")
    tab = desk.workspace.current_tab()
    assert tab.add_files([path])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    return case, tab


def _store_text(tab, case, evidence, units: list[TextUnit]) -> None:  # type: ignore[no-untyped-def]
    """Write the text as the extraction queue does (same store, same search index)."""
    conn = tab.case_file.vault.connection
    with transaction(conn):
        stored.save_units(conn, evidence_id=evidence.id, case_id=case.id,
                          file_name=evidence.file_name, units=enumerate(units))  # fmt: skip


def _open_hit(window, ui, qtbot, query: str, page: int | None):  # type: ignore[no-untyped-def]
    """Type the query in the desk's search (as an input method commits it) and open the hit
    on ``page`` with Enter."""
    desk = window.desk
    ui.commit(desk.search, query)
    assert desk.search.text() == query

    def row() -> int | None:
        hits = desk.results.model.hits
        return next(
            (i for i, h in enumerate(hits) if getattr(h, "in_text", False) and h.page == page),
            None,
        )

    qtbot.waitUntil(lambda: row() is not None, timeout=5_000)
    desk.results.list.setCurrentIndex(desk.results.model.index(row()))
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)


def _evidence(tab):  # type: ignore[no-untyped-def]
    tab.view.table.selectRow(0)
    return tab.view.current_record()


def test_a_hit_on_a_scanned_pdf_page_opens_there_with_the_words_boxed(
    window, ui, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "confession-scan.pdf"
    path.write_bytes(scanned_pdf([_scan(), _scan(LINE), _scan()]))
    case, tab = _add(window, qtbot, path)
    evidence = _evidence(tab)
    _store_text(tab, case, evidence, [
        TextUnit("", 1, "ocr", "第一页", ()),
        TextUnit("", 2, "ocr", LINE, line_boxes()),
        TextUnit("", 3, "ocr", "第三页", ()),
    ])  # fmt: skip
    _open_hit(window, ui, qtbot, "逼供", 2)
    viewer = tab.viewer
    qtbot.waitUntil(lambda: isinstance(viewer.viewer, PdfViewer), timeout=5_000)
    pdf = viewer.viewer
    qtbot.waitUntil(lambda: bool(pdf.view.marks), timeout=2_000)
    assert list(pdf.view.marks) == [1]  # page 2, 0-based
    assert [b.text for b in pdf.view.marks[1]] == ["逼", "供"]
    assert pdf.found.text() == "1 found"
    assert pdf.search_model.searchString() == ""  # no QtPdf search on a page without text
    _settle(qtbot, 1200)
    assert pdf.current_page() == 1 and viewer.page == 2
    view = pdf.view
    marks = pdf.marked_rects(1)
    page = view.page_rect(1)
    for mark, i in zip(marks, (5, 6), strict=True):  # 逼 and 供: cells 5 and 6 of the line
        assert view.viewport().rect().contains(mark.toRect())
        assert mark.x() == pytest.approx(page.x() + _cell(i).x() * page.width(), abs=1)
        assert mark.width() == pytest.approx(CELL * page.width(), abs=1)
        assert mark.y() == pytest.approx(page.y() + LINE_TOP * page.height(), abs=1)

    # On screen: the marks are tinted, the rest of the line is not.
    shot = view.viewport().grab().toImage()
    shot.save(str(tmp_path / "scanned-pdf-hit.png"))  # to look at: a synthetic page
    for mark in marks:
        assert _yellowish(shot.pixelColor(int(mark.left()) + 3, int(mark.top()) + 3))
    unmarked = QRectF(marks[0]).translated(-2 * marks[0].width(), 0)  # 人, two cells left
    assert shot.pixelColor(int(unmarked.left()) + 3, int(unmarked.top()) + 3) == QColor("white")
    # The glyphs under the marks are QtPdf's rendering of the scan: dark pixels inside them.
    inside = shot.copy(marks[0].toRect())
    assert _dark_box(inside).width() > 5

    # Zoom in with the button: the marks grow with the page.
    width = marks[0].width()
    zoom_in = next(b for b in pdf.findChildren(QPushButton) if b.text() == "Zoom in")
    qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pdf.marked_rects(1)[0].width() > width * 1.1, timeout=2_000)


def test_a_text_layer_pdf_still_uses_the_pdf_search(window, ui, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gui.evidence_support import pdf_bytes

    path = tmp_path / "typed.pdf"
    path.write_bytes(pdf_bytes(["Nothing here", "The sworn affidavit"]))
    case, tab = _add(window, qtbot, path)
    evidence = _evidence(tab)
    _store_text(tab, case, evidence, [
        TextUnit("", 1, "text", "Nothing here"),
        TextUnit("", 2, "text", "The sworn affidavit"),
    ])  # fmt: skip
    _open_hit(window, ui, qtbot, "affidavit", 2)
    qtbot.waitUntil(lambda: isinstance(tab.viewer.viewer, PdfViewer), timeout=5_000)
    pdf = tab.viewer.viewer
    qtbot.waitUntil(lambda: pdf.found_count() > 0, timeout=3_000)
    assert pdf.view.marks == {}


# -- text shown as text ----------------------------------------------------------------------


def test_query_words_are_found_as_the_search_finds_them() -> None:
    text = "刑讯逼供。The Café contract, o'Brien; contracts 逼 供 𠀀逼供"
    found = lambda q: [text[a:b] for a, b in query_spans(text, q)]  # noqa: E731
    assert found("逼供") == ["逼供", "逼供"]  # a CJK run anywhere, not the spaced-out one
    assert found("供") == ["供", "供", "供"]
    assert found("cafe") == ["Café"]
    assert found("CONTRACT") == ["contract"]  # whole words: not "contracts"
    assert found("O'brien") == ["o'Brien"]
    assert found("逼供 contract") == ["逼供", "contract", "逼供"]
    assert found("证言") == [] and found("  ") == []


def test_the_marks_count_utf16_positions_past_rare_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = TextViewer("𠀀𠀁 证人说：被告人遭到逼供。\n".encode())
    qtbot.addWidget(viewer)
    assert viewer.mark_query("逼供") == 1
    assert viewer.marked_text() == ["逼供"]


def test_a_hit_in_a_text_file_highlights_the_words_and_scrolls_to_them(
    window, ui, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    filler = "".join(f"第{i}行：无关的记录。\n" for i in range(400))
    body = filler + "证人说：被告人遭到逼供，签字时没有律师。\n" + filler
    path = tmp_path / "statement.txt"
    path.write_text(body, encoding="utf-8")
    case, tab = _add(window, qtbot, path)
    evidence = _evidence(tab)
    _store_text(tab, case, evidence, [TextUnit("", None, "text", body)])
    _open_hit(window, ui, qtbot, "逼供", None)
    qtbot.waitUntil(lambda: isinstance(tab.viewer.viewer, TextViewer), timeout=5_000)
    text_viewer = tab.viewer.viewer
    assert text_viewer.marked_text() == ["逼供"]
    browser = text_viewer.browser
    (selection,) = browser.extraSelections()
    assert selection.cursor.selectedText() == "逼供"
    assert selection.format.background().color().blue() < 100  # a yellow background
    _settle(qtbot)
    # Scrolled down to the line (400 lines in), and the words are on screen.
    assert browser.verticalScrollBar().value() > 0
    cursor_rect = browser.cursorRect(selection.cursor)
    assert browser.viewport().rect().contains(cursor_rect.center())
    text_viewer.grab().save(str(tmp_path / "text-hit.png"))  # to look at: synthetic text
    tab.viewer.forget_plaintext()
    assert browser.extraSelections() == []


def test_a_word_file_hit_shows_the_text_read_from_it_marked(window, ui, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "contract.docx"
    path.write_bytes(b"PK\x03\x04 not really a Word file: its text is stored below")
    case, tab = _add(window, qtbot, path)
    evidence = _evidence(tab)
    _store_text(tab, case, evidence, [TextUnit("", None, "text", "The Café contract was signed.")])
    _open_hit(window, ui, qtbot, "cafe", None)
    qtbot.waitUntil(lambda: isinstance(tab.viewer.viewer, TextViewer), timeout=5_000)
    text_viewer = tab.viewer.viewer
    assert text_viewer.browser.toPlainText() == "The Café contract was signed."
    assert text_viewer.marked_text() == ["Café"]
    assert "text read from this file" in text_viewer.info.text()
