"""A case tab over one kind of record: a table edited in place and, above it, a row of fields
with an add button. The concrete tabs say which columns, which fields, and how the fields make
a new record; loading, saving an edit, adding, the error line and selection live here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
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

    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(case_file, case, parent)
        self.model = RecordTableModel(self.columns(), save=self._save, tone=self.tone, parent=self)
        self.view = RecordView(self.model, self.table_name(), self)
        self.view.set_widths(*self.widths)
        self.error = ErrorLine(self)
        self._fields: list[QWidget] = []

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

    def _save(self, record: Any) -> Any:
        saved = self.case_file.update(record)
        self.changed.emit(self.record_kind)
        return saved

    def select_record(self, record_id: str) -> bool:
        return self.view.select(record_id)

    def current_record_id(self) -> str | None:
        record = self.view.current_record()
        return record.id if record else None

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
        self.load()
        self.view.select(record.id)
        self.changed.emit(self.record_kind)

    def _date_problem_shown(self) -> bool:
        return any(f.error.isVisible() for f in self._fields if isinstance(f, DateField))
