"""The client's custody history: the places of the case (detention house, police station ...)
and the custody events at them (summons, detention, committal ...), each a table with the
selected row edited in the form beside it. The timeline of it all is a later view."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import Case, CustodyEvent, CustodyEventKind, Place, PlaceKind
from lawnotebook.gui.case.record_links import optional_date, place_id_from_name, place_text
from lawnotebook.gui.parts import i18n, labels, look
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services import detention


class PlacesTab(RecordTab):
    key = "places"
    record_type = Place
    record_kind = "place"
    widths = (220, 200, 180)
    edits_in_form = True
    long_columns = (3,)  # notes

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Place (e.g. 市第一看守所, 城关派出所办案区)"))
        self.name.setAccessibleName(self.tr("New place's name"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("New place's kind"))
        for label, value in labels.choices(PlaceKind, labels.place_kind):
            self.kind.addItem(label, value)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(self.make_form())
        split.setSizes([560, 400])
        fields = [(self.name, 2), (self.kind, 1)]
        self.add_form(fields, self.tr("Add place"), enter=self.name, body=split)

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Name"),
                lambda p: p.name,
                edit=lambda p, v: replace(p, name=str(v).strip() or p.name),
            ),
            Column(
                self.tr("Kind of place"),
                lambda p: labels.place_kind(p.place_kind),
                editor_value=lambda p: p.place_kind,
                edit=lambda p, v: replace(p, place_kind=PlaceKind(v)),
                choices=labels.choices(PlaceKind, labels.place_kind),
            ),
            Column(
                self.tr("Address"),
                lambda p: p.address,
                edit=lambda p, v: replace(p, address=str(v)),
            ),
            Column(self.tr("Notes"), lambda p: p.notes, edit=lambda p, v: replace(p, notes=str(v))),
        ]

    def table_name(self) -> str:
        return self.tr("Places of this case")

    def form_heading(self, record: Place) -> str:
        return f"{record.name} — {labels.place_kind(record.place_kind)}"

    def new_record(self) -> Place:
        kind = PlaceKind(self.kind.currentData())
        return detention.add_place(self.case_file, self.case, self.name.text(), kind)


class CustodyEventsTab(RecordTab):
    key = "custody_events"
    record_type = CustodyEvent
    record_kind = "custody_event"
    widths = (165, 165, 230, 200)
    edits_in_form = True
    long_columns = (4,)  # notes

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.places: dict[str, Place] = {}
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("New custody event's kind"))
        for label, value in labels.choices(CustodyEventKind, labels.event_kind):
            self.kind.addItem(label, value)
        self.time = DateField(self.tr("Custody event's time"), parent=self)
        self.place = QComboBox(self)
        self.place.setAccessibleName(self.tr("New custody event's place"))
        self.view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(self.make_form())
        split.setSizes([620, 380])
        fields = [(self.kind, 1), (self.time, 1), (self.place, 1)]
        self.add_form(fields, self.tr("Add custody event"), enter=self.time.edit, body=split)

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("Time"),
                lambda e: i18n.date_text(e.time),
                sort=lambda e: e.time.sort_key(),
                edit=lambda e, v: replace(e, time=FuzzyDate.parse(str(v))),
            ),
            Column(
                self.tr("Until (release, end)"),
                lambda e: i18n.date_text(e.end),
                sort=lambda e: e.end.sort_key() if e.end else "",
                edit=lambda e, v: replace(e, end=optional_date(v)),
            ),
            Column(
                self.tr("Kind of custody event"),
                lambda e: labels.event_kind(e.event_kind),
                editor_value=lambda e: e.event_kind,
                edit=lambda e, v: replace(e, event_kind=CustodyEventKind(v)),
                choices=labels.choices(CustodyEventKind, labels.event_kind),
            ),
            Column(
                self.tr("Place"),
                lambda e: place_text(e.place_id, self.places),
                edit=lambda e, v: replace(e, place_id=place_id_from_name(str(v), self.places)),
            ),
            Column(self.tr("Notes"), lambda e: e.notes, edit=lambda e, v: replace(e, notes=str(v))),
        ]

    def table_name(self) -> str:
        return self.tr("Custody events of this case")

    def form_heading(self, record: CustodyEvent) -> str:
        return f"{i18n.date_text(record.time)} — {labels.event_kind(record.event_kind)}"

    def load(self) -> None:
        self.places = self.by_id(Place)
        chosen = self.place.currentData()
        self.place.clear()
        self.place.addItem(self.tr("Place not known"), "")
        for place in sorted(self.places.values(), key=lambda p: p.name):
            self.place.addItem(place.name, place.id)
        found = self.place.findData(chosen)
        self.place.setCurrentIndex(max(found, 0))
        super().load()

    def new_record(self) -> CustodyEvent:
        return detention.add_custody_event(
            self.case_file,
            self.case,
            CustodyEventKind(self.kind.currentData()),
            self.time.parsed(),
            place=str(self.place.currentData() or ""),
        )


class DetentionTab(CaseTab):
    """Places above, custody events below: one tab of the workspace."""

    key = "detention"

    def __init__(self, case_file, case: Case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.places = PlacesTab(case_file, case, self)
        self.events = CustodyEventsTab(case_file, case, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for heading, part in (
            (self.tr("Places"), self.places),
            (self.tr("Custody events"), self.events),
        ):
            box = QWidget(split)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            title = QLabel(heading, box)
            title.setFont(look.scaled_font(1.1, bold=True))
            inner.addWidget(title)
            inner.addWidget(part, 1)
            split.addWidget(box)
            part.changed.connect(self._part_changed)
        split.setSizes([260, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def _part_changed(self, kind: str) -> None:
        if kind == "place":  # the events show places' names and offer them
            self.events.load()
        self.changed.emit(kind)

    def load(self) -> None:
        self.places.load()
        self.events.load()

    def select_record(self, record_id: str) -> bool:
        return self.places.select_record(record_id) or self.events.select_record(record_id)

    def current_record_id(self) -> str | None:
        return self.events.current_record_id() or self.places.current_record_id()

    def save_pending(self) -> None:
        self.places.save_pending()
        self.events.save_pending()

    def case_updated(self, case: Case) -> None:
        super().case_updated(case)
        self.places.case_updated(case)
        self.events.case_updated(case)
