"""The viewer beside the evidence table: opens one item (logged as a view in the custody log),
picks the viewer for its type, and exports a decrypted copy when the user insists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.records import Evidence
from lawnotebook.gui.evidence.viewers import in_memory, memory_limit, viewer_kind
from lawnotebook.gui.evidence.viewers.other_viewer import OtherViewer
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.file_dialogs import save_file
from lawnotebook.gui.parts.form_parts import BusyBar, ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import open_evidence
from lawnotebook.services.files import write_atomic_stream


def _load(files: CaseFile, evidence: Evidence, kind: str):  # type: ignore[no-untyped-def]
    """In the background: log the view, then the bytes (or, for media, the open reader)."""
    reader = open_evidence(files, evidence, purpose="view")
    if kind == "media":
        return reader
    if kind == "read":  # shown as the text read from it: the view is logged, nothing read
        reader.close()
        return None
    with reader:
        limit = memory_limit(kind)
        return reader.read(limit), evidence.size > limit


class EvidenceViewer(QWidget):
    """Emits ``changed()`` after an export (the custody log grew)."""

    changed = Signal()

    def __init__(self, worker: Worker, case_file: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.case_file = worker, case_file
        self.evidence: Evidence | None = None
        self.viewer: QWidget | None = None
        self._generation = 0
        self.title = QLabel(self.tr("Choose an item to view it here."), self)
        self.title.setFont(look.scaled_font(1.1, bold=True))
        self.title.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export decrypted copy…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export(self.evidence))
        self.text_button = QPushButton(self.tr("Show text"), self)
        self.text_button.setCheckable(True)
        self.text_button.setToolTip(self.tr("Show the text read from this page (copyable)"))
        self.text_button.setEnabled(False)
        self.text_button.toggled.connect(self._text_toggled)
        self.page_text = QPlainTextEdit(self)
        self.page_text.setReadOnly(True)
        self.page_text.setAccessibleName(self.tr("Text of this page"))
        self.page_text.setVisible(False)
        self.page: int | None = None  # the page shown (1-based), None for files without pages
        self.part = ""
        self.query = ""
        self.busy = BusyBar(self)
        self.error = ErrorLine(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.text_button)
        head.addWidget(self.export_button)
        holder = QWidget(self)
        self.body = QVBoxLayout(holder)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.split = QSplitter(self)
        self.split.addWidget(holder)
        self.split.addWidget(self.page_text)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.split, 1)

    def show_evidence(
        self, evidence: Evidence, *, page: int | None = None, part: str = "", query: str = ""
    ) -> None:
        """Open ``evidence`` in the viewer for its type (reading happens in the background);
        ``page`` (1-based) and ``query``: a search hit inside its text, shown and marked."""
        self.close_viewer()
        self.evidence = evidence
        self.page, self.part, self.query = page, part, query
        self.title.setText(evidence.file_name)
        self.export_button.setEnabled(True)
        self.text_button.setEnabled(True)
        self._show_page_text()
        kind = viewer_kind(evidence.media_type, evidence.file_name)
        if kind == "other" and self._stored_page(page) is not None:
            kind = "read"  # Word, e-mail, RTF…: no viewer, but their text was read
        if kind == "other":
            self._place(
                self._other(evidence, self.tr("Lawnotebook has no viewer for this type of file."))
            )
            return
        if (
            in_memory(kind)
            and kind not in ("text", "markdown")
            and evidence.size > memory_limit(kind)
        ):
            reason = self.tr("This file is too large to show inside Lawnotebook.")
            self._place(self._other(evidence, reason))
            return
        self._generation += 1
        generation, files = self._generation, self.case_file
        self.busy.start(self.tr("Opening “{name}”…").format(name=evidence.file_name))
        self.worker.submit(
            lambda: _load(files, evidence, kind),
            lambda loaded: self._loaded(generation, evidence, kind, loaded),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _other(self, evidence: Evidence, reason: str) -> OtherViewer:
        viewer = OtherViewer(evidence, reason, self)
        viewer.export_requested.connect(lambda: self.export(evidence))
        return viewer

    def _loaded(self, generation: int, evidence: Evidence, kind: str, loaded) -> None:  # type: ignore[no-untyped-def]
        if generation != self._generation:  # the user moved on: drop it
            if kind == "media":
                loaded.close()
            return
        self.busy.stop()
        self.changed.emit()  # the view is in the custody log now
        if kind == "media":
            from lawnotebook.gui.evidence.viewers.media_viewer import MediaViewer

            self._place(MediaViewer(loaded, evidence.file_name, evidence.media_type, self))
            return
        if kind == "read":
            self._show_read_text()
            return
        data, truncated = loaded
        if kind == "image":
            from lawnotebook.gui.evidence.viewers.image_viewer import ImageViewer

            viewer = ImageViewer(data, self)
            self._place(viewer)
            page = self._page_text()
            if page is not None and self.query:
                viewer.mark_boxes(boxes_matching(page.boxes, self.query))
        elif kind == "pdf":
            try:
                from lawnotebook.gui.evidence.viewers.pdf_viewer import PdfViewer
            except ImportError:  # QtPdf missing from this installation
                reason = self.tr("This installation has no PDF viewer.")
                self._place(self._other(evidence, reason))
                return
            pdf = PdfViewer(data, self)
            self._place(pdf)
            pdf.page_changed.connect(self._pdf_page_shown)
            if self.page is not None or self.query:
                page, query = self.page, self.query  # the page may change as the PDF loads
                QTimer.singleShot(0, lambda: self._show_hit(pdf, page, query))
        else:
            from lawnotebook.gui.evidence.viewers.text_viewer import TextViewer

            text_viewer = TextViewer(data, kind == "markdown", truncated, self)
            self._place(text_viewer)
            if self.query:
                text_viewer.mark_query(self.query)

    def _show_read_text(self) -> None:
        """A file no viewer shows, whose text was read (Word, OpenDocument, RTF, e-mail, or a
        part inside one): that text, read-only, with the search's words marked."""
        from lawnotebook.gui.evidence.viewers.text_viewer import TextViewer

        stored = self._stored_page(self.page)
        if stored is None:  # read again meanwhile: the text is being replaced
            self._place(self._other(self.evidence, self.tr("Its text is being read again.")))
            return
        note = self.tr("The text read from this file (export a copy to see it as it looks)")
        viewer = TextViewer(parent=self, text=stored.text, note=note)
        viewer.info.setWordWrap(True)
        self._place(viewer)
        if self.query:
            viewer.mark_query(self.query)

    def _show_hit(self, pdf, page: int | None, query: str) -> None:  # type: ignore[no-untyped-def]
        if self.viewer is not pdf:
            return
        runs = []
        if page is not None and query:
            stored = self._stored_page(page)
            if stored is not None and stored.source == "ocr":  # a scan: QtPdf finds nothing
                runs = box_runs(stored.boxes, query)
        if runs:
            first = runs[0][0]
            pdf.mark_boxes(page - 1, [b for run in runs for b in run], found=len(runs))
            pdf.open_at(page - 1, ((first.x0 + first.x1) / 2, (first.y0 + first.y1) / 2))
            return
        if page is not None:
            pdf.open_at(page - 1)
        words = query.split()
        if words:
            pdf.search(max(words, key=len))  # QtPdf searches one string: the longest word

    def _pdf_page_shown(self, index: int) -> None:
        if self.page != index + 1:
            self.page = index + 1
            self._show_page_text()

    # -- the text read from the page ------------------------------------------------------

    def _page_text(self):  # type: ignore[no-untyped-def]
        """The stored text of the page shown, or None (not read yet, or no text)."""
        return self._stored_page(self.page)

    def _stored_page(self, page: int | None):  # type: ignore[no-untyped-def]
        """The stored text of ``page`` (None: the page-less text, else page 1), or None."""
        if self.evidence is None:
            return None
        from lawnotebook.gui.evidence.evidence_text import page_text

        tries = [page] if page is not None else [None, 1]
        for page in tries:
            try:
                return page_text(self.case_file.vault, self.evidence.id, page, self.part)
            except LookupError:
                continue
            except Exception:  # a vault without the text tables: no text
                return None
        return None

    def _text_toggled(self, on: bool) -> None:
        self.page_text.setVisible(on)
        self._show_page_text()

    def _show_page_text(self) -> None:
        if not self.text_button.isChecked():
            self.page_text.clear()
            return
        page = self._page_text()
        if page is None:
            self.page_text.setPlainText("")
            self.page_text.setPlaceholderText(self.tr("No text has been read from this page yet."))
        else:
            self.page_text.setPlainText(page.text)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.busy.stop()
            self.error.show_text(explain(exc))

    def _place(self, viewer: QWidget) -> None:
        self.error.clear()
        self.viewer = viewer
        self.body.addWidget(viewer, 1)

    def close_viewer(self) -> None:
        """Close what is shown and drop its plaintext."""
        self._generation += 1
        self.busy.stop()
        self.error.clear()
        if self.viewer is not None:
            forget = getattr(self.viewer, "forget_plaintext", None)
            if forget:
                forget()
            self.viewer.hide()
            self.viewer.deleteLater()
            self.viewer = None
        self.evidence = None
        self.page, self.part, self.query = None, "", ""
        self.page_text.clear()
        self.text_button.setEnabled(False)
        self.title.setText(self.tr("Choose an item to view it here."))
        self.export_button.setEnabled(False)

    def export(self, evidence: Evidence | None) -> None:
        """Write a decrypted copy where the user says, after a warning (logged as an export)."""
        if evidence is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Export a decrypted copy?"),
            self.tr(
                "The copy will NOT be encrypted: anyone who can open the place where you save "
                "it can read it. Lawnotebook records this export in the custody log. Delete "
                "the copy when you no longer need it."
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        path = save_file(self, self.tr("Export decrypted copy"), evidence.file_name)
        if path is None:
            return
        files = self.case_file

        def work() -> Path:
            with open_evidence(files, evidence, purpose="export", details={"to": "file"}) as r:
                write_atomic_stream(path, r)
            return path

        self.busy.start(self.tr("Exporting “{name}”…").format(name=evidence.file_name))
        self.worker.submit(
            work, self._exported, lambda exc: self._failed(self._generation, exc), owner=self
        )

    def _exported(self, path: Path) -> None:
        self.busy.stop()
        self.error.clear()
        self.changed.emit()
        QMessageBox.information(
            self,
            self.tr("Exported"),
            self.tr("A decrypted copy was written to {path}.").format(path=str(path)),
        )

    def forget_plaintext(self) -> None:
        self.close_viewer()


def boxes_matching(boxes, query: str) -> list:  # type: ignore[no-untyped-def]
    """The OCR word boxes that make up any word of ``query`` (a Chinese character or an
    English word per box; case and spaces ignored)."""
    hit = {id(b) for run in box_runs(boxes, query) for b in run}
    return [b for b in boxes if id(b) in hit]


def box_runs(boxes, query: str) -> list[list]:  # type: ignore[no-untyped-def]
    """Each place a word of ``query`` is found in the OCR word boxes, as the boxes that make
    it up, in the order of the boxes (reading order)."""
    owner: list[int] = []
    joined = ""
    for i, box in enumerate(boxes):
        text = "".join(box.text.split()).casefold()
        joined += text
        owner += [i] * len(text)
    runs: dict[tuple[int, ...], None] = {}
    for word in {w.casefold() for w in query.split()}:
        start = joined.find(word)
        while word and start >= 0:
            runs[tuple(dict.fromkeys(owner[start : start + len(word)]))] = None
            start = joined.find(word, start + 1)
    return [[boxes[i] for i in run] for run in sorted(runs)]
