"""Search results as you type: one list over every case, matches highlighted in title and text."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from lawnotebook.core.records import PersonRole
from lawnotebook.gui.parts import i18n, labels, look
from lawnotebook.gui.parts.delegates import HtmlDelegate

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 3
# A person is found by their role too: the index holds the stored word ("witness").
_ROLE_WORD = re.compile(
    r"(?<![A-Za-z_])(" + "|".join(r.value for r in PersonRole) + r")(?![A-Za-z_])"
)


def roles_in_words(snippet: str) -> str:
    """A person's snippet with the stored role words in the interface's language."""
    if i18n.current() == i18n.ENGLISH:
        return snippet
    return _ROLE_WORD.sub(lambda m: html.escape(labels.role(PersonRole(m[1]))), snippet)


def marks() -> tuple[str, str]:
    """The HTML around each match: bold on a highlighter colour, readable in light and dark.
    The text colour is fixed too: on a selected row the rest turns white, which on the
    highlighter's yellow could not be read."""
    background, text = ("#7a5c00", "#ffffff") if look.is_dark() else ("#ffe08a", "#000000")
    return (
        f'<span style="background-color:{background}; color:{text}; font-weight:bold">',
        "</span>",
    )


class HitModel(QAbstractListModel):
    """Rows are ``SearchHit`` s from the case-file search (already HTML-escaped and marked)."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.hits: list[Any] = []
        self.case_titles: Mapping[str, str] = {}

    def set_hits(self, hits: Sequence[Any], case_titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self.hits, self.case_titles = list(hits), case_titles
        self.endResetModel()

    def where_in_file(self, hit) -> str:  # type: ignore[no-untyped-def]
        """``file name — page N`` (the file name already escaped and marked), with the
        attachment when the text is inside one."""
        title = hit.title
        if hit.part:
            title = self.tr("{file} (attachment {part})").format(
                file=title, part=html.escape(hit.part)
            )
        if hit.page is None:
            return self.tr("{file} — in its text").format(file=title)
        return self.tr("{file} — page {n}").format(file=title, n=hit.page)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            case = html.escape(self.case_titles.get(hit.case_id, ""))
            kind = html.escape(labels.record_kind(hit.kind))
            muted = look.muted().name()
            title = hit.title
            if getattr(hit, "in_text", False):  # a page of a file's text
                title = self.where_in_file(hit)
            first = f'<span style="color:{muted}">{kind} · {case}</span><br><b>{title}</b>'
            snippet = roles_in_words(hit.snippet) if hit.kind == "person" else hit.snippet
            return first + (f"<br>{snippet}" if snippet else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "".join(t for t, _ in hit.title_segments)
        if role == Qt.ItemDataRole.ToolTipRole and getattr(hit, "in_text", False):
            return self.tr("Found in the text of this file. Enter opens it at this page.")
        if role == HIT_ROLE:
            return hit
        return None


class SearchResults(QWidget):
    """Emits ``hit_chosen(hit)`` on Enter, double-click or click."""

    hit_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HitModel(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Search summary"))
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.activated.connect(self._chosen)
        self.list.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_hits(self, query: str, hits: Sequence[Any], case_titles: Mapping[str, str]) -> None:
        self.model.set_hits(hits, case_titles)
        if not query.strip():
            self.summary.setText("")
        elif hits:
            count = (
                self.tr("1 result")
                if len(hits) == 1
                else self.tr("{n} results").format(n=len(hits))
            )
            self.summary.setText(
                self.tr("{count}. Enter opens the highlighted one; ↑ ↓ choose.").format(count=count)
            )
        else:
            self.summary.setText(self.tr("Nothing found. Every word must appear; try fewer words."))
        if hits:
            self.list.setCurrentIndex(self.model.index(0))

    def move(self, step: int) -> None:
        """Move the highlighted result up or down (the search box keeps the focus)."""
        if not self.model.hits:
            return
        row = max(0, min(self.model.rowCount() - 1, self.list.currentIndex().row() + step))
        self.list.setCurrentIndex(self.model.index(row))

    def choose_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self._chosen(index)

    def _chosen(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_chosen.emit(hit)

    def clear(self) -> None:
        self.model.set_hits([], {})
        self.summary.clear()
