"""PDF evidence: pages, zoom and text search, rendered by QtPdf from a buffer in memory; OCR
word boxes of scanned pages drawn over them (QtPdf can only search a text layer)."""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class MarkedPdfView(QPdfView):
    """A :class:`QPdfView` that also draws marks (OCR word boxes, ``x0, y0, x1, y1`` as
    fractions of the page, as stored) over its pages, at any zoom and scroll position.

    QPdfView does not tell where it draws a page, so :meth:`page_rect` lays the pages out the
    way it does (MultiPage mode: pages stacked with ``pageSpacing`` between them inside
    ``documentMargins``, each centred; 1 pt = logical DPI / 72 pixels × zoom, or the width of
    the viewport in FitToWidth mode). The tests check the marks against the rendered pixels.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: dict[int, list] = {}  # page index -> boxes
        self._layout_key: tuple = ()
        self._tops: list[QRect] = []

    def set_marks(self, index: int, boxes) -> None:  # type: ignore[no-untyped-def]
        if boxes:
            self.marks[index] = list(boxes)
        else:
            self.marks.pop(index, None)
        self.viewport().update()

    def clear_marks(self) -> None:
        self.marks = {}
        self.viewport().update()

    def _page_rects(self) -> list[QRect]:
        """Every page's rectangle in document coordinates (cached per layout)."""
        document = self.document()
        if document is None or document.status() != QPdfDocument.Status.Ready:
            return []
        width = self.viewport().width()
        margins, spacing = self.documentMargins(), self.pageSpacing()
        key = (
            document.pageCount(), width, self.zoomMode(), self.zoomFactor(),
            margins.left(), margins.top(), margins.right(), spacing,
        )  # fmt: skip
        if key == self._layout_key:
            return self._tops
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen else 72.0) / 72.0
        sizes = []
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            if self.zoomMode() == QPdfView.ZoomMode.FitToWidth:
                size = (points * resolution).toSize()
                room = width - margins.left() - margins.right()
                size = size * (room / max(size.width(), 1))
            elif self.zoomMode() == QPdfView.ZoomMode.FitInView:
                size = (points * resolution).toSize()
                room = self.viewport().size()
                room.setWidth(room.width() - margins.left() - margins.right())
                room.setHeight(room.height() - spacing)
                size = size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
            else:
                size = (points * resolution * self.zoomFactor()).toSize()
            sizes.append(size)
        total = max((s.width() for s in sizes), default=0) + margins.left() + margins.right()
        rects, y = [], margins.top()
        for size in sizes:
            rects.append(QRect((max(total, width) - size.width()) // 2, y, size.width(),
                               size.height()))  # fmt: skip
            y += size.height() + spacing
        self._layout_key, self._tops = key, rects
        return rects

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` is drawn, in viewport coordinates (empty if no such page)."""
        rects = self._page_rects()
        if not 0 <= index < len(rects) or self.pageMode() != QPdfView.PageMode.MultiPage:
            return QRect()
        return rects[index].translated(
            -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        )

    def marked_rects(self, index: int) -> list[QRectF]:
        """The marks of page ``index`` in viewport coordinates."""
        page = QRectF(self.page_rect(index))
        if page.isEmpty():
            return []
        return [
            QRectF(
                page.x() + b.x0 * page.width(),
                page.y() + b.y0 * page.height(),
                (b.x1 - b.x0) * page.width(),
                (b.y1 - b.y0) * page.height(),
            )
            for b in self.marks.get(index, [])
        ]

    def scroll_to(self, index: int, x: float, y: float) -> None:
        """Scroll so the point (``x``, ``y``; fractions of page ``index``) sits a little above
        the middle of the view: that page stays the current one (QtPdf takes the page under
        the line at 40 % of the height as current)."""
        page = self.page_rect(index)
        if page.isEmpty():
            return
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setValue(
            vertical.value() + page.y() + round(y * page.height() - 0.4 * self.viewport().height())
        )
        horizontal.setValue(
            horizontal.value() + page.x()
            + round(x * page.width() - 0.5 * self.viewport().width())
        )  # fmt: skip

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self.marks:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QColor(200, 120, 0, 220))
        painter.setBrush(QColor(255, 200, 0, 90))
        visible = QRectF(self.viewport().rect())
        for index in self.marks:
            for rect in self.marked_rects(index):
                if rect.intersects(visible):
                    painter.drawRect(rect)
        painter.end()


class PdfViewer(QWidget):
    """Emits ``page_changed(index)`` (0-based) when another page comes into view."""

    page_changed = Signal(int)

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)  # the document reads from here; it never sees a file
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = MarkedPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(self.document)
        self.view.setSearchModel(self.search_model)
        self.page = QSpinBox(self)
        self.page.setRange(1, max(self.document.pageCount(), 1))
        self.page.setAccessibleName(self.tr("Page"))
        self.page.setPrefix(self.tr("Page "))
        self.page.setSuffix(self.tr(" of {n}").format(n=self.document.pageCount()))
        self.page.valueChanged.connect(lambda n: (self._stop_holding(), self.go_to_page(n - 1)))
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find in this PDF"))
        self.find.setAccessibleName(self.tr("Find in this PDF"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self.find_next)
        self.found = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.page)
        for text, slot in (
            (self.tr("Zoom in"), lambda: self.set_zoom(self.view.zoomFactor() * 1.25)),
            (self.tr("Zoom out"), lambda: self.set_zoom(self.view.zoomFactor() / 1.25)),
            (self.tr("Fit width"), self.fit_width),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(self.find, 1)
        search.addWidget(self.found)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(search)
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self._opening_at: int | None = None  # a page to keep in view while the layout settles
        self._settled = QTimer(self, singleShot=True, interval=800)
        self._settled.timeout.connect(self._stop_holding)
        self.view.verticalScrollBar().rangeChanged.connect(self._layout_changed)
        self.search_model.countChanged.connect(self._count_changed)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.found.setText(self.tr("This PDF could not be read. Its bytes are intact."))

    def page_count(self) -> int:
        return self.document.pageCount()

    def go_to_page(self, index: int) -> None:
        self.view.pageNavigator().jump(index, QPointF(), self.view.pageNavigator().currentZoom())

    def open_at(self, index: int, at: tuple[float, float] | None = None) -> None:
        """Show page ``index`` as the viewer opens (with ``at``, the point ``x, y`` of the page,
        as fractions, scrolled into view): the first layouts (fit to width, the splitter
        settling) scroll back to the top, so the page is kept in view for a moment."""
        target = (index, at)
        self._opening_at = target
        self._settled.start()
        self._go(target)

    def _go(self, target: tuple[int, tuple[float, float] | None]) -> None:
        index, at = target
        self.go_to_page(index)
        if at is not None:
            self.view.scroll_to(index, *at)

    def _layout_changed(self, *_range: int) -> None:
        if self._opening_at is not None:
            target = self._opening_at
            QTimer.singleShot(0, lambda: self._opening_at == target and self._go(target))

    def _stop_holding(self) -> None:
        self._opening_at = None

    def _page_shown(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)
        self.page_changed.emit(index)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, 0.1), 8.0))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def search(self, text: str) -> None:
        """Highlight every match of ``text`` (QtPdf searches page by page in the background;
        :meth:`found_count` grows as matches are found)."""
        self.search_model.setSearchString(text)
        self._count_changed()

    def found_count(self) -> int:
        return self.search_model.count()

    def _count_changed(self) -> None:
        text = self.search_model.searchString()
        self.found.setText(self.tr("{n} found").format(n=self.found_count()) if text else "")

    def find_next(self) -> None:
        text = self.find.text()
        count = self.found_count()
        if text != self.search_model.searchString():
            self.search(text)
            index = 0
        else:
            index = (self.view.currentSearchResultIndex() + 1) % count if count else -1
        if index >= 0 and self.found_count():
            self.view.setCurrentSearchResultIndex(index)
            link = self.search_model.resultAtIndex(index)
            self.view.pageNavigator().jump(link)

    def mark_boxes(self, index: int, boxes, found: int | None = None) -> None:  # type: ignore[no-untyped-def]
        """Highlight OCR word boxes on page ``index`` (for pages without a text layer, which
        QtPdf cannot search); ``found``: how many matches they make, shown beside the find box.
        """
        self.view.set_marks(index, boxes)
        if found is not None:
            self.found.setText(self.tr("{n} found").format(n=found))

    def marked_rects(self, index: int) -> list[QRectF]:
        """The marks of page ``index`` where they are drawn (viewport coordinates)."""
        return self.view.marked_rects(index)

    def text_of_page(self, index: int) -> str:
        return self.document.getAllText(index).text()

    def forget_plaintext(self) -> None:
        self.view.clear_marks()
        self.search_model.setSearchString("")
        self.document.close()  # unloads every page; the view and search model go blank
        self.buffer.close()
        self.buffer.setData(QByteArray())
