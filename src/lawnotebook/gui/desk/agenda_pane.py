"""The agenda: open deadlines across every case, overdue first in red, this week in amber."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lawnotebook.core.records import Case, Deadline
from lawnotebook.gui.case.deadlines_tab import deadline_columns, deadline_tone
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView
from lawnotebook.services.agenda import AgendaItem, Urgency, agenda, urgency
from lawnotebook.services.case_file import CaseFile


class AgendaPane(QWidget):
    """Emits ``deadline_chosen(case_id, deadline_id)``."""

    deadline_chosen = Signal(str, str)

    def __init__(self, case_file: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.cases: dict[str, Case] = {}
        columns = deadline_columns(self)
        columns.insert(
            3,
            Column(
                self.tr("Case"),
                lambda d: self.cases[d.case_id].title if d.case_id in self.cases else "",
            ),
        )
        self.model = RecordTableModel(columns, save=self._save, tone=deadline_tone, parent=self)
        self.view = RecordView(self.model, self.tr("Deadlines across all cases"), self)
        self.view.set_widths(50, 150, 260, 220, 110)
        self.view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.heading = QLabel(self.tr("Deadlines across all cases"), self)
        self.heading.setFont(look.scaled_font(1.3, bold=True))
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Deadline summary"))
        hint = QLabel(
            self.tr("Open a case from the list on the left, or press Ctrl+K to search everything."),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.view.table.doubleClicked.connect(self._open)
        self.view.table.activated.connect(self._open)

    def _save(self, deadline: Deadline) -> Deadline:
        return self.case_file.update(deadline)

    def load(self) -> None:
        self.show_items(agenda(self.case_file))

    def show_items(self, items: list[AgendaItem]) -> None:
        self.cases = {i.case.id: i.case for i in items}
        deadlines = [i.deadline for i in items]
        self.model.set_records(deadlines)
        now = datetime.now()
        overdue = sum(urgency(d, now) == Urgency.OVERDUE for d in deadlines)
        soon = sum(urgency(d, now) == Urgency.THIS_WEEK for d in deadlines)
        self.summary.setText(
            self.tr("{overdue} overdue · {soon} due within 7 days · {total} open").format(
                overdue=overdue, soon=soon, total=len(deadlines)
            )
        )
        self.summary.setStyleSheet(look.alert_style() + "font-weight: bold;" if overdue else "")

    def _open(self, index) -> None:  # type: ignore[no-untyped-def]
        deadline = self.model.record(self.view.proxy.mapToSource(index).row())
        self.deadline_chosen.emit(deadline.case_id, deadline.id)

    def clear(self) -> None:
        self.model.clear()
        self.cases = {}
        self.summary.clear()
