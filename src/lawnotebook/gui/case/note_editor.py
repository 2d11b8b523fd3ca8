"""Writing one note: Markdown on the left, its preview on the right, saved as you go.

Nothing typed is lost: the note is saved a moment after typing stops, when the editor loses
focus, when another note is chosen, and before the vault locks or the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Note
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.markdown import set_markdown
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.case_file import CaseFile

AUTOSAVE_MS = 1200
PREVIEW_MS = 250


class _MarkdownEdit(QPlainTextEdit):
    left = Signal()

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.left.emit()


class NoteEditor(QWidget):
    """Edits one :class:`Note`; ``saved(note)`` after each save."""

    saved = Signal(object)

    def __init__(self, case_file: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.note: Note | None = None
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Note title"))
        self.text = _MarkdownEdit(self)
        self.text.setAccessibleName(self.tr("Note text (Markdown)"))
        self.text.setPlaceholderText(
            self.tr("Write here. **bold**, *italic*, # headings and - lists are understood.")
        )
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.preview.setOpenLinks(False)
        self.state = QLabel(self)
        self.state.setAccessibleName(self.tr("Save state"))
        self.error = ErrorLine(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.text)
        split.addWidget(self.preview)
        split.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.state)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self._preview = QTimer(self, singleShot=True, interval=PREVIEW_MS)
        self._preview.timeout.connect(self._render)
        self.text.textChanged.connect(self._typed)
        self.title.textEdited.connect(lambda _t: self._typed())
        self.text.left.connect(self.save)
        self.title.editingFinished.connect(self.save)
        self._loading = False
        self.setEnabled(False)

    def show_note(self, note: Note | None) -> None:
        """Switch to ``note`` (saving the one being edited first)."""
        self.save()
        self._loading = True
        self.note = note
        self.title.setText(note.title if note else "")
        self.text.setPlainText(note.text if note else "")
        self._loading = False
        self._render()
        self.state.setText("")
        self.error.clear()
        self.setEnabled(note is not None)

    def _typed(self) -> None:
        if self._loading or self.note is None:
            return
        self.state.setText(self.tr("Editing…"))
        self._autosave.start()
        self._preview.start()

    def _render(self) -> None:
        set_markdown(self.preview, self.text.toPlainText())

    def is_dirty(self) -> bool:
        return self.note is not None and (
            self.text.toPlainText() != self.note.text or self.title.text() != self.note.title
        )

    def save(self) -> None:
        """Save now if anything changed (idempotent, cheap when nothing did)."""
        self._autosave.stop()
        if not self.is_dirty():
            return
        assert self.note is not None
        try:
            self.note = self.case_file.edit_note(
                self.note, self.text.toPlainText(), title=self.title.text()
            )
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.state.setText(self.tr("Saved"))
        self.saved.emit(self.note)

    def clear(self) -> None:
        self._autosave.stop()
        self._preview.stop()
        self._loading = True
        self.note = None
        self.title.clear()
        self.text.clear()
        self.preview.clear()
        self._loading = False
        self.state.clear()
        self.error.clear()
