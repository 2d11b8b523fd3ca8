"""The case list: all cases, filtered by status, tag and archive; sorted; counted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.records import Case, CaseStatus, Deadline
from lawnotebook.gui.parts import i18n, labels
from lawnotebook.gui.parts.record_table import (
    RECORD_ROLE,
    Column,
    RecordTableModel,
    SourceSortedProxy,
)

Index = QModelIndex | QPersistentModelIndex


class CaseFilter(SourceSortedProxy):
    """Status, tag (part of any tag, case-insensitive) and archived filters."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._records: RecordTableModel | None = None
        self.status: CaseStatus | None = None
        self.tag = ""
        self.show_archived = False

    def set_filter(self, status: CaseStatus | None, tag: str, show_archived: bool) -> None:
        self.beginFilterChange()
        self.status, self.tag, self.show_archived = status, tag.strip().casefold(), show_archived
        self.endFilterChange()

    def setSourceModel(self, model) -> None:  # type: ignore[no-untyped-def]
        self._records = model if isinstance(model, RecordTableModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        # Called once per case on every reset: straight to the record, not through data().
        source = self._records
        case: Case = (
            source.record(row)
            if source is not None
            else self.sourceModel().index(row, 0, parent).data(RECORD_ROLE)
        )
        if case.archived and not self.show_archived:
            return False
        if self.status is not None and case.status != self.status:
            return False
        return not self.tag or any(self.tag in t.casefold() for t in case.tags)


class CaseList(QWidget):
    """Emits ``case_chosen(case_id)`` on activation (double-click or Enter)."""

    case_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._next: Mapping[str, Deadline] = {}
        self.model = RecordTableModel(
            [
                Column(self.tr("Case"), lambda c: c.title, sort=lambda c: c.title.casefold()),
                Column(self.tr("Client"), lambda c: c.client, sort=lambda c: c.client.casefold()),
                Column(self.tr("Number"), lambda c: c.case_number),
                Column(self.tr("Status"), lambda c: labels.status(c.status)),
                Column(
                    self.tr("Next deadline"),
                    self._next_text,
                    sort=lambda c: self._next[c.id].due.sort_key() if c.id in self._next else "~",
                ),
            ],
            parent=self,
        )
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((175, 95, 95, 65)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("All statuses"), None)
        for value in CaseStatus:
            self.status.addItem(labels.status(value), value)
        self.tag = QLineEdit(self)
        self.tag.setPlaceholderText(self.tr("Tag"))
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.tag.setClearButtonEnabled(True)
        self.archived = QCheckBox(self.tr("Archived too"), self)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of cases shown"))
        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.archived)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.status.currentIndexChanged.connect(self._refilter)
        self.tag.textChanged.connect(self._refilter)
        self.archived.toggled.connect(self._refilter)
        self._refilter()

    def _next_text(self, case: Case) -> str:
        deadline = self._next.get(case.id)
        return f"{i18n.date_text(deadline.due)}  {deadline.title}" if deadline else ""

    def load(self, cases: Sequence[Case], next_deadlines: Mapping[str, Deadline]) -> None:
        self._next = next_deadlines
        self.model.set_records(cases)
        self._update_count()

    def clear(self) -> None:
        self._next = {}
        self.model.clear()
        self.tag.clear()
        self._update_count()

    def _refilter(self) -> None:
        self.proxy.set_filter(self.status.currentData(), self.tag.text(), self.archived.isChecked())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(
                self.tr("1 case") if total == 1 else self.tr("{n} cases").format(n=total)
            )
        else:
            self.count.setText(self.tr("{shown} of {total} cases").format(shown=shown, total=total))

    def _activated(self, index: QModelIndex) -> None:
        case = index.data(RECORD_ROLE)
        if case is not None:
            self.case_chosen.emit(case.id)

    def select(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
