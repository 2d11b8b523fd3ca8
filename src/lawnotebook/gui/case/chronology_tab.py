"""The chronology: dated events (exact or uncertain) as a sortable table and a timeline."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import ChronologyEvent, Person
from lawnotebook.gui.case.people_links import ids_from_names, names
from lawnotebook.gui.case.timeline import Timeline
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView


class ChronologyTab(CaseTab):
    key = "chronology"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.people: dict[str, Person] = {}
        self.model = RecordTableModel(
            [
                Column(
                    self.tr("Date"),
                    lambda e: str(e.date),
                    sort=lambda e: e.date.sort_key(),
                    edit=lambda e, v: replace(e, date=FuzzyDate.parse(str(v))),
                ),
                Column(
                    self.tr("Event"), lambda e: e.title, edit=lambda e, v: replace(e, title=str(v))
                ),
                Column(
                    self.tr("People"),
                    lambda e: names(e.person_ids, self.people),
                    edit=lambda e, v: replace(e, person_ids=ids_from_names(str(v), self.people)),
                ),
                Column(
                    self.tr("Details"),
                    lambda e: e.description,
                    edit=lambda e, v: replace(e, description=str(v)),
                ),
            ],
            save=self._save,
            parent=self,
        )
        self.view = RecordView(self.model, self.tr("Chronology"), self)
        self.view.set_widths(260, 300, 170)
        self.view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.timeline = Timeline(self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.timeline)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Timeline"))
        self.date = DateField(self.tr("Event date"), parent=self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("What happened"))
        self.title.setAccessibleName(self.tr("New event"))
        self.add = QPushButton(self.tr("Add event"), self)
        self.error = ErrorLine(self)
        row = QHBoxLayout()
        row.addWidget(self.date, 1)
        row.addWidget(self.title, 2)
        row.addWidget(self.add)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(scroll)
        split.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        self.add.clicked.connect(self.add_event)
        self.title.returnPressed.connect(self.add_event)
        self.timeline.event_clicked.connect(self.view.select)
        self.view.table.selectionModel().currentRowChanged.connect(self._follow)

    def _follow(self) -> None:
        record = self.view.current_record()
        self.timeline.select(record.id if record else None)

    def _save(self, event: ChronologyEvent) -> ChronologyEvent:
        saved = self.case_file.update(event)
        self.changed.emit("event")
        self.timeline.set_events([saved if e.id == saved.id else e for e in self.model.records()])
        return saved

    def load(self) -> None:
        self.people = {p.id: p for p in self.case_file.list(Person, self.case)}
        events = self.case_file.list(ChronologyEvent, self.case)
        self.model.set_records(events)
        self.timeline.set_events(events)

    def add_event(self) -> None:
        try:
            when = self.date.parsed()
            if not self.title.text().strip():
                self.error.show_text(self.tr("Say what happened."))
                return
            event = self.case_file.add_event(self.case, when, self.title.text().strip())
        except LawnotebookError as exc:
            if not self.date.error.isVisible():
                self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.date.clear()
        self.title.clear()
        self.load()
        self.view.select(event.id)
        self.changed.emit("event")

    def select_record(self, record_id: str) -> bool:
        found = self.view.select(record_id)
        self.timeline.select(record_id if found else None)
        return found

    def current_record_id(self) -> str | None:
        record = self.view.current_record()
        return record.id if record else None
