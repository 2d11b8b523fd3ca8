"""The interrogation record: one row per session. The core of a motion to exclude a coerced
confession: when, how long, where, by whom, on video or not, rights read.

Sessions are listed oldest first, the order a court reads them (and the report prints them).
The table is for reading; the selected session is edited in the form below it, the client's
account in full in a multi-line field, with its history."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QSplitter, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import Evidence, Interrogation, Person, Tristate
from lawnotebook.gui.case.people_links import ids_from_names, names
from lawnotebook.gui.parts import i18n, labels
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column


def duration_text(session: Interrogation) -> str:
    minutes = session.duration_minutes()
    if minutes is None:
        return ""
    if minutes >= 60:
        return QCoreApplication.translate("InterrogationsTab", "{h} h {m} min").format(
            h=minutes // 60, m=f"{minutes % 60:02d}"
        )
    return QCoreApplication.translate("InterrogationsTab", "{m} min").format(m=minutes)


def _end(value: object) -> FuzzyDate | None:
    text = str(value).strip()
    return FuzzyDate.parse(text) if text else None


class InterrogationsTab(RecordTab):
    key = "interrogations"
    record_type = Interrogation
    record_kind = "interrogation"
    widths = (165, 165, 85, 150, 130, 75, 85, 110)  # room for 2024年5月20日 23:00
    edits_in_form = True
    long_columns = (8,)  # the client's account

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.people: dict[str, Person] = {}
        self.evidence: dict[str, Evidence] = {}
        self.start = DateField(self.tr("Session start"), parent=self)
        self.end = DateField(self.tr("Session end"), optional=True, parent=self)
        self.end.edit.setPlaceholderText(self.tr("End (optional)"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Place (e.g. interrogation room, detention centre)"))
        self.place.setAccessibleName(self.tr("Session place"))
        self.view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first
        form = self.make_form(grid_columns=2)
        self.account = form.fields[8]
        self.account.setAccessibleName(self.tr("Client's account of the selected session"))
        self.account.setPlaceholderText(self.tr("No account recorded for this session yet."))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(form)
        split.setSizes([240, 320])
        fields = [(self.start, 1), (self.end, 1), (self.place, 2)]
        self.add_form(fields, self.tr("Add session"), enter=self.place, body=split)

    def columns(self) -> list[Column]:
        yes_no = labels.choices(Tristate, labels.tristate)
        return [
            Column(
                self.tr("Start"),
                lambda s: i18n.date_text(s.start),
                sort=lambda s: s.start.sort_key(),
                edit=lambda s, v: replace(s, start=FuzzyDate.parse(str(v))),
            ),
            Column(
                self.tr("End"),
                lambda s: i18n.date_text(s.end),
                sort=lambda s: s.end.sort_key() if s.end else "",
                edit=lambda s, v: replace(s, end=_end(v)),
            ),
            Column(
                self.tr("Duration"),
                duration_text,
                sort=lambda s: s.duration_minutes() or -1,
            ),
            Column(self.tr("Place"), lambda s: s.place, edit=lambda s, v: replace(s, place=str(v))),
            Column(
                self.tr("Interrogators"),
                lambda s: names(s.interrogator_ids, self.people),
                edit=lambda s, v: replace(s, interrogator_ids=ids_from_names(str(v), self.people)),
            ),
            Column(
                self.tr("On video"),
                lambda s: labels.tristate(s.recorded_on_video),
                editor_value=lambda s: s.recorded_on_video,
                edit=lambda s, v: replace(s, recorded_on_video=Tristate(v)),
                choices=yes_no,
            ),
            Column(
                self.tr("Rights read"),
                lambda s: labels.tristate(s.rights_read),
                editor_value=lambda s: s.rights_read,
                edit=lambda s, v: replace(s, rights_read=Tristate(v)),
                choices=yes_no,
            ),
            Column(
                self.tr("Linked evidence"),
                lambda s: ", ".join(
                    self.evidence[i].file_name if i in self.evidence else "?"
                    for i in s.evidence_ids
                ),
            ),
            Column(
                self.tr("Client's account"),
                lambda s: s.client_account,
                edit=lambda s, v: replace(s, client_account=str(v)),
            ),
        ]

    def table_name(self) -> str:
        return self.tr("Interrogation sessions")

    def load(self) -> None:
        self.people = self.by_id(Person)
        self.evidence = self.by_id(Evidence)
        super().load()

    def form_heading(self, record: Interrogation) -> str:
        when = " — ".join(t for t in (i18n.date_text(record.start), record.place) if t)
        return self.tr("Session of {when}").format(when=when)

    def new_record(self) -> Interrogation:
        start = self.start.parsed()
        end = self.end.parsed()
        return self.case_file.add_interrogation(
            self.case, start, end=str(end) if end else None, place=self.place.text().strip()
        )
