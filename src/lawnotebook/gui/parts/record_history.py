"""A record's history beside its form: every saved version, newest first, with its local save
time and what it changed; a version's fields shown labelled as the form labels them, and any
older version restorable (the restore is saved as a new version; nothing is ever overwritten).

Used for people, events and interrogations; a note's history (``gui/case/note_history.py``)
shows Markdown and counts words instead."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.record_table import Column

Index = QModelIndex | QPersistentModelIndex


def _shown(column: Column, record: Any) -> str:
    if column.check is not None:
        return "✓" if column.check(record) else ""
    return column.show(record)


class VersionModel(QAbstractListModel):
    """Rows: ``(revision, record as that revision stored it, titles of the fields it changed)``,
    newest first."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[tuple[Any, Any, list[str]]] = []

    def set_versions(self, revisions: Sequence[Any], versions: Sequence[Any]) -> None:
        rows = []
        before = None
        for revision, version in zip(revisions, versions, strict=True):
            changed = [
                c.title
                for c in self.columns
                if before is not None and _shown(c, before) != _shown(c, version)
            ]
            rows.append((revision, version, changed))
            before = version
        self.beginResetModel()
        self.rows = list(reversed(rows))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        revision, _version, changed = self.rows[index.row()]
        when = i18n.time_text(revision.updated_at)
        if index.row() == len(self.rows) - 1:
            return self.tr("{when} · created").format(when=when)
        if not changed:
            return self.tr("{when} · saved unchanged").format(when=when)
        return self.tr("{when} · {fields}").format(when=when, fields=self.tr(", ").join(changed))


class RecordHistory(QWidget):
    """Emits ``restore_requested(revision)`` for the older version shown."""

    restore_requested = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VersionModel(columns, self)
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

    def set_versions(self, revisions: Sequence[Any], versions: Sequence[Any]) -> None:
        """``revisions`` oldest first, and each as a record (``CaseFile.version_of``)."""
        self.model.set_versions(revisions, versions)
        self.view.clear()
        self.restore.setEnabled(False)

    def clear(self) -> None:
        self.set_versions([], [])

    def _current(self) -> tuple[Any, Any, list[str]] | None:
        index = self.list.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _show(self) -> None:
        row = self._current()
        if row is None:
            self.view.clear()
            self.restore.setEnabled(False)
            return
        revision, version, changed = row
        saved = self.tr("Saved {when}").format(when=i18n.time_text(revision.updated_at))
        changed_here = html.escape(self.tr("changed in this version"))
        parts = [f"<p><b>{html.escape(saved)}</b></p>"]
        for column in self.model.columns:
            text = html.escape(_shown(column, version)).replace("\n", "<br>")
            title = html.escape(column.title)
            if column.title in changed:  # what this save changed, said in words
                title += f" · <i>{changed_here}</i>"
            parts.append(f"<p><b>{title}</b><br>{text or '—'}</p>")
        self.view.setHtml("".join(parts))
        self.restore.setEnabled(self.list.currentIndex().row() > 0)  # the newest is the record

    def _restore(self) -> None:
        row = self._current()
        if row is not None and self.list.currentIndex().row() > 0:
            self.restore_requested.emit(row[0])
