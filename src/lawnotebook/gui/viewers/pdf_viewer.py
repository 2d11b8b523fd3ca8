"""PDF evidence: pages, zoom and text search, rendered by QtPdf from a buffer in memory."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Signal
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
        self.view = QPdfView(self)
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

    def open_at(self, index: int) -> None:
        """Show page ``index`` as the viewer opens: the first layouts (fit to width, the
        splitter settling) scroll back to the top, so the page is kept in view for a moment."""
        self._opening_at = index
        self._settled.start()
        self.go_to_page(index)

    def _layout_changed(self, *_range: int) -> None:
        if self._opening_at is not None:
            index = self._opening_at
            QTimer.singleShot(0, lambda: self._opening_at == index and self.go_to_page(index))

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

    def text_of_page(self, index: int) -> str:
        return self.document.getAllText(index).text()

    def forget_plaintext(self) -> None:
        self.search_model.setSearchString("")
        self.document.close()  # unloads every page; the view and search model go blank
        self.buffer.close()
        self.buffer.setData(QByteArray())
