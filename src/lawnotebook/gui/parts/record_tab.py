"""A case tab over one kind of record: a table and, above it, a row of fields with an add
button. The table is edited in place, or (``edits_in_form``) only read, each row edited in a
:class:`RecordForm` beside it. The concrete tabs say which columns, which fields, and how the
fields make a new record; loading, saving an edit, adding, the error line and selection live
here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_actions import RecordActions
from lawnotebook.gui.parts.record_form import RecordForm
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView
from lawnotebook.services.case_file import CaseFile


class RecordTab(CaseTab):
    """Hooks: ``record_type``, ``record_kind``, ``widths``, ``tone``, :meth:`columns` and
    :meth:`table_name` (the table); :meth:`add_form` and :meth:`new_record` (the add row, for
    tabs that have one: the evidence tab adds files instead).

    Translated strings stay in the concrete tabs: ``tr()`` takes its context from the class.
    """

    record_type: ClassVar[type]  # what the table lists, e.g. Person
    record_kind: ClassVar[str] = ""  # what ``changed`` says after a save, e.g. "person"
    widths: ClassVar[tuple[int, ...]] = ()  # first columns' widths; the last one stretches
    tone: ClassVar[Callable[[Any], str | None] | None] = None  # a row's colour, see the model
    edits_in_form: ClassVar[bool] = False  # the table only read, rows edited in self.form
    long_columns: ClassVar[tuple[int, ...]] = ()  # the form's multi-line fields

    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(case_file, case, parent)
        save = None if self.edits_in_form else self._save  # no editable cell at all
        self.model = RecordTableModel(self.columns(), save=save, tone=self.tone, parent=self)
        self.view = RecordView(self.model, self.table_name(), self)
        self.view.set_widths(*self.widths)
        self.error = ErrorLine(self)
        self._fields: list[QWidget] = []
        self._install_record_actions()

    # -- hooks --------------------------------------------------------------------------------

    def columns(self) -> list[Column]:
        """The table's columns (evaluated lazily: they may read what :meth:`load` sets)."""
        raise NotImplementedError

    def table_name(self) -> str:
        """The table's accessible name."""
        raise NotImplementedError

    def new_record(self) -> Any:
        """Store the record the add row describes and return it; raise the vault's error, or
        return ``None`` after saying in ``self.error`` what is missing."""
        raise NotImplementedError

    # -- the table ----------------------------------------------------------------------------

    def records(self) -> list[Any]:
        """This case's records of ``record_type``, as stored."""
        return self.case_file.list(self.record_type, self.case)

    def by_id(self, record_type: type) -> dict[str, Any]:
        """This case's records of another type by id, for names and links in the columns."""
        return {r.id: r for r in self.case_file.list(record_type, self.case)}

    def load(self) -> None:
        self.model.set_records(self.records())
        self.form_follow_load()

    def _save(self, record: Any) -> Any:
        before = self._shown_version(record)
        saved = self.case_file.update(record)
        self.record_actions.stack.edited(before, saved)
        self.changed.emit(self.record_kind)
        return saved

    def select_record(self, record_id: str) -> bool:
        return self.view.select(record_id) and self.form_shows(record_id)

    def current_record_id(self) -> str | None:
        record = self.view.current_record()
        return record.id if record else None

    def save_pending(self) -> None:
        self.save_pending_form()

    # -- the add row --------------------------------------------------------------------------

    def add_form(
        self,
        fields: Sequence[tuple[QWidget, int]],
        button_text: str,
        enter: QLineEdit,
        body: QWidget | None = None,
    ) -> None:
        """Lay the tab out: ``fields`` (widget, stretch) and an add button ``self.add`` in a row,
        the error line, then ``body`` (the table unless given). Enter in ``enter`` adds too."""
        self._fields = [field for field, _ in fields]
        self.add = QPushButton(button_text, self)
        row = QHBoxLayout()
        for field, stretch in fields:
            row.addWidget(field, stretch)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(body or self.view, 1)
        self.add.clicked.connect(self.add_record)
        enter.returnPressed.connect(self.add_record)

    def add_record(self) -> None:
        """Add what the row describes; on success clear what was typed and select the record."""
        try:
            record = self.new_record()
        except LawnotebookError as exc:
            if not self._date_problem_shown():  # a bad date already says why beside it
                self.error.show_text(explain(exc))
            return
        if record is None:
            return
        self.error.clear()
        for field in self._fields:
            if isinstance(field, (QLineEdit, DateField)):  # typed text goes; choices stay
                field.clear()
        self.record_actions.stack.added(record)
        self.load()
        self.view.select(record.id)
        self.changed.emit(self.record_kind)

    def _date_problem_shown(self) -> bool:
        return any(f.error.isVisible() for f in self._fields if isinstance(f, DateField))

    # -- the form (tabs with ``edits_in_form``) -----------------------------------------------

    form: RecordForm | None = None
    _following = False  # while the tab itself moves the table's current row

    def form_heading(self, record: Any) -> str:
        """Which record the form holds, in words (its title above the fields)."""
        return str(self.model.columns[0].show(record))

    def make_form(self, grid_columns: int = 1) -> RecordForm:
        """The form over this tab's columns, wired to the table: the row shown is the row
        edited; double-click or Enter puts the cursor in it; leaving a row with unsaved edits
        asks first."""
        form = RecordForm(
            self.case_file,
            self.model.columns,
            long_columns=self.long_columns,
            grid_columns=grid_columns,
            heading=self.form_heading,
            parent=self,
        )
        self.form = form
        table = self.view.table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.doubleClicked.connect(lambda index: self._open_in_form(index))
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        form.saved.connect(self._form_saved)
        return form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.form is not None
            and watched is self.view.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open_in_form(self.view.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _open_in_form(self, index: QModelIndex) -> None:
        assert self.form is not None
        if not index.isValid():
            return
        record = self.model.record(self.view.proxy.mapToSource(index).row())
        if self.form.record is None:
            return
        # A row other than the form's: the lawyer chose to stay on unsaved edits; back to them.
        self.form.focus_field(index.column() if self.form.record.id == record.id else None)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.form is None or self._following:
            return
        record = None
        if current.isValid():
            record = self.model.record(self.view.proxy.mapToSource(current).row())
        shown = self.form.record
        if record is not None and shown is not None and record.id == shown.id:
            return
        if not self.form.resolve_unsaved():  # stay: the table goes back to the row edited
            self._select_quietly(shown.id if shown is not None else None)
            return
        self.form.show_record(record)

    def _select_quietly(self, record_id: str | None) -> None:
        self._following = True
        try:
            if record_id is None or not self.view.select(record_id):
                self.view.table.selectionModel().clearCurrentIndex()
        finally:
            self._following = False

    def form_shows(self, record_id: str) -> bool:
        """Whether the form (if any) shows ``record_id`` (it may have stayed on unsaved edits)."""
        return self.form is None or (
            self.form.record is not None and self.form.record.id == record_id
        )

    def form_follow_load(self) -> None:
        """After the table was reloaded: the form keeps its record (and what was typed); the
        table selects that row again; an unchanged form shows the newest stored version."""
        if self.form is None or self.form.record is None:
            return
        record_id = self.form.record.id
        row = self.model.row_of(record_id)
        if not self.form.is_dirty():
            self.form.show_record(self.model.record(row) if row is not None else None)
        self._select_quietly(record_id if row is not None else None)

    def _form_saved(self, record: Any) -> None:
        self.record_actions.stack.edited(self._shown_version(record), record)
        self.model.replace(record)
        self.form_saved(record)
        self.changed.emit(self.record_kind)

    def form_saved(self, record: Any) -> None:
        """A tab's own follow-up after the form saved ``record`` (e.g. the timeline)."""

    def save_pending_form(self) -> None:
        """Store what the form holds (before lock, close, share or a report); a value the
        record cannot take stays in the form, explained."""
        if self.form is not None:
            self.form.save()

    # -- delete and undo (gui/parts/record_actions.py, gui/parts/undo.py) ---------------------

    def _install_record_actions(self) -> None:
        table = self.view.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.record_actions = RecordActions(self, table, self.record_type.KIND, self.selected)
        self.record_actions.problem = self.error.show_text

    def selected(self) -> list[Any]:
        """The records whose rows are selected, in the table's order."""
        rows = self.view.table.selectionModel().selectedRows()
        source = sorted(self.view.proxy.mapToSource(i).row() for i in rows)
        return [self.model.record(r) for r in source]

    def _shown_version(self, record: Any) -> Any:
        row = self.model.row_of(record.id)
        return self.model.record(row) if row is not None else record
