"""The chronology: dated events (exact or uncertain) as a sortable table and a timeline; the
selected event edited in the form beside the table, with its history."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea, QSplitter, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import ChronologyEvent, Person
from lawnotebook.gui.case.people_links import ids_from_names, names
from lawnotebook.gui.case.timeline import Timeline
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column


class ChronologyTab(RecordTab):
    key = "chronology"
    record_type = ChronologyEvent
    record_kind = "event"
    widths = (200, 260, 150)
    edits_in_form = True
    long_columns = (3,)  # the details

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.people: dict[str, Person] = {}
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
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.view)
        top.addWidget(self.make_form())
        top.setSizes([620, 380])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(scroll)
        split.setSizes([340, 220])
        fields = [(self.date, 1), (self.title, 2)]
        self.add_form(fields, self.tr("Add event"), enter=self.title, body=split)
        self.timeline.event_clicked.connect(self.view.select)
        self.view.table.selectionModel().currentRowChanged.connect(self._follow)

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Date"),
                lambda e: i18n.date_text(e.date),
                sort=lambda e: e.date.sort_key(),
                edit=lambda e, v: replace(e, date=FuzzyDate.parse(str(v))),
            ),
            Column(self.tr("Event"), lambda e: e.title, edit=lambda e, v: replace(e, title=str(v))),
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
        ]

    def table_name(self) -> str:
        return self.tr("Chronology")

    def form_heading(self, record: ChronologyEvent) -> str:
        return f"{i18n.date_text(record.date)} — {record.title}"

    def form_saved(self, record: ChronologyEvent) -> None:
        self.timeline.set_events(self.model.records())  # the row holds the new version

    def _follow(self) -> None:
        record = self.view.current_record()
        self.timeline.select(record.id if record else None)

    def load(self) -> None:
        self.people = self.by_id(Person)
        events = self.records()
        self.model.set_records(events)
        self.timeline.set_events(events)
        self.form_follow_load()

    def start_adding(self) -> None:
        """Ready to type a new event: the date first, as the row reads."""
        self.date.edit.setFocus()
        self.date.edit.selectAll()

    def add_record(self) -> None:
        before = self.model.rowCount()
        super().add_record()
        if self.model.rowCount() > before:  # added: the next event starts at its date
            self.start_adding()

    def new_record(self) -> ChronologyEvent | None:
        when = self.date.parsed()
        if not self.title.text().strip():
            self.error.show_text(self.tr("Say what happened."))
            return None
        return self.case_file.add_event(self.case, when, self.title.text().strip())

    def select_record(self, record_id: str) -> bool:
        found = self.view.select(record_id) and self.form_shows(record_id)
        self.timeline.select(record_id if found else None)
        return found
