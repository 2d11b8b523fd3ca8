"""A case's notes: a list (thousands scroll smoothly), the editor, and each note's history."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.records import Note
from lawnotebook.gui.case.note_editor import NoteEditor
from lawnotebook.gui.case.note_history import NoteHistory
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.record_actions import RecordActions

Index = QModelIndex | QPersistentModelIndex


class NoteListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.notes: list[Note] = []
        self.rows: dict[str, int] = {}

    def set_notes(self, notes: list[Note]) -> None:
        self.beginResetModel()
        self.notes = notes
        self.rows = {n.id: i for i, n in enumerate(notes)}
        self.endResetModel()

    def clear(self) -> None:
        """Forget every note (at lock, before the desk is deleted)."""
        self.set_notes([])

    def add(self, note: Note) -> int:
        row = len(self.notes)
        self.beginInsertRows(QModelIndex(), row, row)
        self.notes.append(note)
        self.rows[note.id] = row
        self.endInsertRows()
        return row

    def replace(self, note: Note) -> None:
        row = self.rows.get(note.id)
        if row is not None:
            self.notes[row] = note
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.notes)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        note = self.notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return note.title_text() or self.tr("(empty note)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Last saved {when}").format(when=i18n.time_text(note.updated_at))
        if role == Qt.ItemDataRole.UserRole:
            return note.id
        return None


class NotesTab(CaseTab):
    key = "notes"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.model = NoteListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter note titles"))
        self.filter.setAccessibleName(self.tr("Filter note titles"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.new = QPushButton(self.tr("New note"), self)
        self.show_history = QPushButton(self.tr("History"), self)
        self.show_history.setCheckable(True)
        self.editor = NoteEditor(case_file, self)
        self.history = NoteHistory(self)
        self.history.setVisible(False)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addWidget(self.show_history)
        left_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.addWidget(self.history)
        split.setStretchFactor(1, 3)
        split.setSizes([220, 700, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        # Tab reads as the screen does: the list, then the note (title, text), then the buttons.
        chain = [self.filter, self.list, self.editor.title, self.editor.text, self.editor.preview]
        chain += [self.new, self.show_history]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self.new.clicked.connect(self.new_note)
        self.show_history.toggled.connect(self._toggle_history)
        self.editor.saved.connect(self._saved)
        self.history.restore_requested.connect(self._restore)
        self._install_record_actions()

    def load(self) -> None:
        current = self.current_record_id()
        self.editor.show_note(None)
        self.model.set_notes(self.case_file.list(Note, self.case))
        if current:
            self.select_record(current)

    def _chosen(self, index: QModelIndex) -> None:
        note_id = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if self.editor.note is not None and self.editor.note.id == note_id:
            return
        row = self.model.rows.get(note_id) if note_id else None
        self.editor.show_note(self.model.notes[row] if row is not None else None)
        self._refresh_history()

    def new_note(self) -> None:
        self.editor.save()
        note = self.case_file.add_note(self.case, "", title="")
        row = self.model.add(note)
        self.filter.clear()
        self.list.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))
        self.editor.text.setFocus()
        self.record_actions.stack.added(note)
        self.changed.emit("note")

    def _saved(self, note: Note) -> None:
        self.model.replace(note)
        self._refresh_history()
        self.changed.emit("note")

    def _toggle_history(self, on: bool) -> None:
        self.history.setVisible(on)
        self._refresh_history()

    def _refresh_history(self) -> None:
        note = self.editor.note
        if self.history.isVisible() and note is not None:
            self.history.set_revisions(self.case_file.note_history(note))
        else:
            self.history.clear()

    def _restore(self, text: str, title: str) -> None:
        self.editor.title.setText(title)
        self.editor.text.setPlainText(text)
        self.editor.save()

    def select_record(self, record_id: str) -> bool:
        row = self.model.rows.get(record_id)
        if row is None:
            return False
        self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row))
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def current_record_id(self) -> str | None:
        return self.editor.note.id if self.editor.note else None

    def save_pending(self) -> None:
        self.editor.save()

    # -- delete and undo (gui/parts/record_actions.py) ------------------------------------------

    def _install_record_actions(self) -> None:
        self.record_actions = RecordActions(self, self.list, "note", self.selected)

    def selected(self) -> list[Note]:
        note_id = self.current_record_id()
        row = self.model.rows.get(note_id) if note_id else None
        return [self.model.notes[row]] if row is not None else []
