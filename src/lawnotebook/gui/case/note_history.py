"""A note's history: every saved version, newest first, viewable and restorable.

Each version is listed with its local save time and its length: in words for a note in a
language written with spaces, in characters (字) once it holds Chinese, Japanese or Korean, as
a word processor counts 字数 (each CJK character one, each run of other letters one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.markdown import set_markdown

Index = QModelIndex | QPersistentModelIndex
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)
_OTHER_WORD = re.compile(r"[^\s\u3000-\u303f\uff00-\uffef]+")


def length(text: str) -> tuple[int, bool]:
    """``(count, in_characters)``: characters (each CJK one, each run of other letters one)
    when the text holds CJK, else words."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split()), False
    others = _OTHER_WORD.findall(_CJK.sub(" ", text))
    return cjk + len([w for w in others if any(c.isalnum() for c in w)]), True


class RevisionModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.revisions: list[Any] = []  # services' Revision: body, updated_at

    def set_revisions(self, revisions: Sequence[Any]) -> None:
        self.beginResetModel()
        self.revisions = list(reversed(revisions))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.revisions)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        rev = self.revisions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = i18n.time_text(rev.updated_at)
            count, in_characters = length(str(rev.body.get("text", "")))
            if in_characters:
                return self.tr("{when} · {n} characters").format(when=when, n=count)
            return self.tr("{when} · {n} words").format(when=when, n=count)
        return None


class NoteHistory(QWidget):
    """Emits ``restore_requested(text, title)`` for the version shown."""

    restore_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RevisionModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Saved versions"))
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("Saved version"))
        self.restore = QPushButton(self.tr("Restore this version"), self)
        self.restore.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Saved versions (newest first)"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.restore)
        self.list.selectionModel().currentChanged.connect(self._show)
        self.restore.clicked.connect(self._restore)

    def set_revisions(self, revisions: Sequence[Any]) -> None:
        self.model.set_revisions(revisions)
        self.view.clear()
        self.restore.setEnabled(False)

    def _current(self) -> Any:
        index = self.list.currentIndex()
        return self.model.revisions[index.row()] if index.isValid() else None

    def _show(self) -> None:
        rev = self._current()
        set_markdown(self.view, str(rev.body.get("text", "")) if rev else "")
        self.restore.setEnabled(rev is not None and index_is_old(self.list.currentIndex()))

    def _restore(self) -> None:
        rev = self._current()
        if rev is not None:
            self.restore_requested.emit(
                str(rev.body.get("text", "")), str(rev.body.get("title", ""))
            )

    def clear(self) -> None:
        self.set_revisions([])


def index_is_old(index: QModelIndex) -> bool:
    """The newest version is the note itself; only older ones can be restored."""
    return index.isValid() and index.row() > 0
