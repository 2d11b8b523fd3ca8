"""The viewer beside the evidence table: opens one item (logged as a view in the custody log),
picks the viewer for its type, and exports a decrypted copy when the user insists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from lawnotebook.core.records import Evidence
from lawnotebook.gui import look
from lawnotebook.gui.background import Worker
from lawnotebook.gui.file_dialogs import save_file
from lawnotebook.gui.form_parts import BusyBar, ErrorLine
from lawnotebook.gui.messages import explain
from lawnotebook.gui.viewers import in_memory, memory_limit, viewer_kind
from lawnotebook.gui.viewers.other_viewer import OtherViewer
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import open_evidence
from lawnotebook.vault.atomic_file import write_atomic_stream


def _load(files: CaseFile, evidence: Evidence, kind: str):  # type: ignore[no-untyped-def]
    """In the background: log the view, then the bytes (or, for media, the open reader)."""
    reader = open_evidence(files, evidence, purpose="view")
    if kind == "media":
        return reader
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
        self.busy = BusyBar(self)
        self.error = ErrorLine(self)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addLayout(self.body, 1)

    def show_evidence(self, evidence: Evidence) -> None:
        """Open ``evidence`` in the viewer for its type (reading happens in the background)."""
        self.close_viewer()
        self.evidence = evidence
        self.title.setText(evidence.file_name)
        self.export_button.setEnabled(True)
        kind = viewer_kind(evidence.media_type, evidence.file_name)
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
            from lawnotebook.gui.viewers.media_viewer import MediaViewer

            self._place(MediaViewer(loaded, evidence.file_name, evidence.media_type, self))
            return
        data, truncated = loaded
        if kind == "image":
            from lawnotebook.gui.viewers.image_viewer import ImageViewer

            self._place(ImageViewer(data, self))
        elif kind == "pdf":
            try:
                from lawnotebook.gui.viewers.pdf_viewer import PdfViewer
            except ImportError:  # QtPdf missing from this installation
                reason = self.tr("This installation has no PDF viewer.")
                self._place(self._other(evidence, reason))
                return
            self._place(PdfViewer(data, self))
        else:
            from lawnotebook.gui.viewers.text_viewer import TextViewer

            self._place(TextViewer(data, kind == "markdown", truncated, self))

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
