"""One table model for every list of records: columns described once, edits saved through a
callback, a failed edit kept on screen (in red, with the reason) instead of being lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.messages import explain

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
# The roles RecordTableModel.data answers (a view asks for about a dozen per cell it paints).
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        SORT_ROLE,
        RECORD_ROLE,
    )
)


@dataclass(frozen=True)
class Column:
    """How one column shows, sorts and (optionally) edits a record."""

    title: str
    show: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    edit: Callable[[Any, Any], Any] | None = None  # (record, value) -> changed record
    editor_value: Callable[[Any], Any] | None = None
    choices: Sequence[tuple[str, Any]] | None = None  # (label, value) for a drop-down
    check: Callable[[Any], bool] | None = None  # a checkbox column
    tooltip: Callable[[Any], str] | None = None


class SourceSortedProxy(QSortFilterProxyModel):
    """Filters in the proxy but lets the source model sort (far fewer Python calls)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


class RecordTableModel(QAbstractTableModel):
    """Rows are records (dataclasses), columns are :class:`Column` s."""

    problem = Signal(str)
    saved = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column],
        save: Callable[[Any], Any] | None = None,
        tone: Callable[[Any], str | None] | None = None,
        parent=None,  # type: ignore[no-untyped-def]
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._save = save
        self._tone = tone
        self._records: list[Any] = []
        self._rows: dict[str, int] = {}
        self._pending: dict[tuple[str, int], tuple[str, str]] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # -- content ----------------------------------------------------------------------------

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = list(records)
        if self._sorted_by is not None:  # new content keeps the order the user chose
            column, order = self._sorted_by
            key = self.columns[column].sort or self.columns[column].show
            self._records.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = {getattr(r, "id", str(i)): i for i, r in enumerate(self._records)}
        self._pending.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([])

    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: str) -> int | None:
        return self._rows.get(record_id)

    def replace(self, record: Any) -> None:
        """Show a newer version of a record already in the table."""
        row = self._rows.get(getattr(record, "id", ""))
        if row is None:
            return
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the records themselves: one key call per record, not one per comparison."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort or self.columns[column].show
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_rows = {id(r): i for i, r in enumerate(self._records)}
        moved = [(p, self._records[p.row()]) for p in self.persistentIndexList()]
        self._records.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = {getattr(r, "id", str(i)): i for i, r in enumerate(self._records)}
        new_rows = {id(r): i for i, r in enumerate(self._records)}
        for index, record in moved:
            if id(record) in old_rows:
                self.changePersistentIndex(index, self.index(new_rows[id(record)], index.column()))
        self.layoutChanged.emit()

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if role not in _ROLES or not index.isValid():  # font, alignment, icon, size: Qt's own
            return None
        record, column = self._records[index.row()], self.columns[index.column()]
        pending = self._pending.get((getattr(record, "id", ""), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            if column.check is not None:
                return None
            return pending[0] if pending else column.show(record)
        if role == Qt.ItemDataRole.EditRole:
            if pending:
                return pending[0]
            return (column.editor_value or column.show)(record)
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(record) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending:
                return pending[1]
            return column.tooltip(record) if column.tooltip else column.show(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            if pending or (self._tone and self._tone(record) == "overdue"):
                return look.alert()
            if self._tone and self._tone(record) == "done":
                return look.muted()
        if role == Qt.ItemDataRole.BackgroundRole and self._tone and not pending:
            tone = self._tone(record)
            if tone == "overdue":
                return look.alert_background()
            if tone == "soon":
                return look.soon_background()
        if role == SORT_ROLE:
            return (column.sort or column.show)(record)
        if role == RECORD_ROLE:
            return record
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        column = self.columns[index.column()]
        if self._save is not None and column.edit is not None:
            if column.check is not None:
                return base | Qt.ItemFlag.ItemIsUserCheckable
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()]
        if self._save is None or column.edit is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        record = self._records[index.row()]
        key = (record.id, index.column())
        try:
            changed = column.edit(record, value)
            if changed == record:
                self._pending.pop(key, None)
                return True
            saved = self._save(changed)
        except (LawnotebookError, ValueError) as exc:
            self._pending[key] = (str(value), explain(exc))
            self.dataChanged.emit(index, index)
            self.problem.emit(explain(exc))
            return True  # keep what was typed on screen
        self._pending.pop(key, None)
        self._records[index.row()] = saved
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        self.saved.emit(saved)
        self.problem.emit("")
        return True
