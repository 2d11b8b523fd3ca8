"""A sortable table over a :class:`RecordTableModel`, with a line for edit problems."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from lawnotebook.gui.parts.delegates import ChoiceDelegate
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.record_table import RecordTableModel, SourceSortedProxy


class RecordView(QWidget):
    """Table + proxy (sorting by each column's sort key) + inline problem line."""

    def __init__(self, model: RecordTableModel, accessible_name: str, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.model = model
        self.proxy = SourceSortedProxy(self)
        self.proxy.setSourceModel(model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(accessible_name)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for i, column in enumerate(model.columns):
            if column.choices is not None:
                self.table.setItemDelegateForColumn(i, ChoiceDelegate(column.choices, self.table))
        self.problem = ErrorLine(self)
        model.problem.connect(self.problem.show_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)

    def set_widths(self, *widths: int) -> None:
        for i, w in enumerate(widths):
            self.table.setColumnWidth(i, w)

    def current_record(self):  # type: ignore[no-untyped-def]
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def select(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True
