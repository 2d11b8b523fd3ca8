"""Notes two lawyers edited in parallel: both texts side by side; keep one, or merge by hand.

The merge keeps the text with the newer stamp as the note and the other in ``note.conflicts``;
saving here writes the chosen text and clears the parallel versions (``resolve_conflicts``).
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case, Note
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.colleague_names import names_by_fingerprint
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.case_file import CaseFile

CHAR_DIFF_LIMIT = 4000  # a changed block longer than this is marked whole (difflib is quadratic)
SHORT_COMMON = 2  # common runs this short inside a changed line are marked too
Span = tuple[int, int]  # start, end offsets into a text


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def differing_spans(a: str, b: str) -> tuple[list[Span], list[Span]]:
    """Where ``a`` and ``b`` differ, as character spans in each: by lines first, then character
    by character inside the changed lines (Chinese has no spaces to split words on)."""
    la, lb = a.splitlines(keepends=True), b.splitlines(keepends=True)
    sa, sb = _line_starts(la), _line_starts(lb)
    out_a: list[Span] = []
    out_b: list[Span] = []
    lines = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            continue
        pa, pb = a[sa[i1] : sa[i2]], b[sb[j1] : sb[j2]]
        if op != "replace" or max(len(pa), len(pb)) > CHAR_DIFF_LIMIT:
            out_a += [(sa[i1], sa[i2])] if pa else []
            out_b += [(sb[j1], sb[j2])] if pb else []
            continue
        ops = difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes()
        for n, (cop, c1, c2, d1, d2) in enumerate(ops):
            # A character or two in common between two changes (有, ，) is marked with them:
            # one changed phrase reads better than a comb of marks.
            island = 0 < n < len(ops) - 1 and c2 - c1 <= SHORT_COMMON
            if cop != "equal" or island:
                out_a += [(sa[i1] + c1, sa[i1] + c2)] if c2 > c1 else []
                out_b += [(sb[j1] + d1, sb[j1] + d2)] if d2 > d1 else []
    return out_a, out_b


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: a character beyond the BMP (rare CJK) is two."""
    return len(text[:index].encode("utf-16-le")) // 2


def _mark(edit: QPlainTextEdit, spans: list[Span]) -> None:
    """Background on the differing characters (extra selections: the text itself is untouched)."""
    text = edit.toPlainText()
    look_ = QTextCharFormat()
    look_.setBackground(QColor("#6b4f00") if look.is_dark() else QColor("#ffe08a"))
    look_.setForeground(QColor("#ffffff") if look.is_dark() else QColor("#000000"))
    marks = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(edit.document())
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor, selection.format = cursor, look_
        marks.append(selection)
    edit.setExtraSelections(marks)


def _pane(parent: QWidget, title: str, editable: bool) -> tuple[QWidget, QLabel, QPlainTextEdit]:
    box = QWidget(parent)
    label = QLabel(title, box)
    label.setFont(look.scaled_font(1.0, bold=True))
    label.setWordWrap(True)
    text = QPlainTextEdit(box)
    text.setReadOnly(not editable)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(text, 1)
    return box, label, text


class ConflictView(QDialog):
    """Emits ``resolved(note_id)`` after each note is saved."""

    resolved = Signal(str)

    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file, self.case = case_file, case
        self.setWindowTitle(
            self.tr("Notes edited on both sides — {title}").format(title=case.title)
        )
        self.names = names_by_fingerprint(case_file.conn)
        self.notes = QListWidget(self)
        self.notes.setAccessibleName(self.tr("Notes with two versions"))
        self.notes.currentItemChanged.connect(lambda *_: self._show())
        intro = QLabel(
            self.tr(
                "These notes were changed by you and a colleague at the same time. Both "
                "versions are kept. Read them, then keep one or write the merged text below."
            ),
            self,
        )
        intro.setWordWrap(True)
        current, self.current_label, self.current = _pane(self, "", False)
        other, self.other_label, self.other = _pane(self, "", False)
        result, _, self.result_text = _pane(self, self.tr("Text to keep (you can edit it)"), True)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.addWidget(current)
        sides.addWidget(other)
        self.keep_current = QPushButton(self.tr("Use the left text"), self)
        self.keep_other = QPushButton(self.tr("Use the right text"), self)
        self.save = QPushButton(self.tr("Save and resolve"), self)
        self.save.setDefault(True)
        self.keep_current.clicked.connect(
            lambda: self.result_text.setPlainText(self.current.toPlainText())
        )
        self.keep_other.clicked.connect(
            lambda: self.result_text.setPlainText(self.other.toPlainText())
        )
        self.save.clicked.connect(self.resolve_current)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        self.error = ErrorLine(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_current)
        buttons.addWidget(self.keep_other)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.save)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(sides)
        right.addWidget(result)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.notes)
        main.addWidget(right)
        main.setStretchFactor(1, 4)
        main.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(main, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(1180, 720)
        self.reload()

    def reload(self) -> int:
        """List the case's notes that still have parallel versions; returns how many."""
        self.notes.clear()
        for note in self.case_file.list(Note, self.case):
            if note.conflicts:
                item = QListWidgetItem(note.title_text() or self.tr("(untitled note)"), self.notes)
                item.setData(Qt.ItemDataRole.UserRole, note)
        if self.notes.count():
            self.notes.setCurrentRow(0)
        else:
            self._show()
        return self.notes.count()

    def _who(self, fingerprint: str) -> str:
        return self.names.get(fingerprint, fingerprint[:17] + "…")

    def current_note(self) -> Note | None:
        item = self.notes.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show(self) -> None:
        note = self.current_note()
        enabled = note is not None
        for widget in (self.keep_current, self.keep_other, self.save, self.result_text):
            widget.setEnabled(enabled)
        if note is None:
            for text in (self.current, self.other, self.result_text):
                text.clear()
                text.setExtraSelections([])
            self.current_label.setText(self.tr("No notes left to resolve."))
            self.other_label.setText("")
            return
        other = note.conflicts[-1]
        self.current_label.setText(
            self.tr("Now in the note — by {who}").format(who=self._who(note.author))
        )
        self.current.setPlainText(note.text)
        self.other_label.setText(
            self.tr("Parallel version — by {who}").format(who=self._who(other.get("author", "")))
        )
        self.other.setPlainText(other.get("text", ""))
        self.result_text.setPlainText(note.text)
        left, right = differing_spans(self.current.toPlainText(), self.other.toPlainText())
        _mark(self.current, left)
        _mark(self.other, right)

    def resolve_current(self) -> bool:
        note = self.current_note()
        if note is None:
            return False
        try:
            saved = self.case_file.edit_note(
                note, self.result_text.toPlainText(), resolve_conflicts=True
            )
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return False
        self.error.clear()
        self.resolved.emit(saved.id)
        self.reload()
        return True

    def forget_plaintext(self) -> None:
        for text in (self.current, self.other, self.result_text):
            text.clear()
            text.setExtraSelections([])
        self.notes.clear()
