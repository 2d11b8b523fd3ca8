"""A case's deadlines: hearings, filing limits, detention limits; overdue ones shown loudly."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import Deadline, DeadlineKind
from lawnotebook.gui.parts import i18n, labels
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services.agenda import Urgency, urgency

TONES = {Urgency.OVERDUE: "overdue", Urgency.THIS_WEEK: "soon", Urgency.DONE: "done"}


def deadline_tone(deadline: Deadline) -> str | None:
    return TONES.get(urgency(deadline, datetime.now()))


def deadline_columns(owner) -> list[Column]:  # type: ignore[no-untyped-def]
    """Columns shared by a case's deadlines and the agenda (records are Deadlines)."""
    return [
        Column(
            QCoreApplication.translate("DeadlineColumns", "Done"),
            lambda d: "",
            sort=lambda d: d.done,
            check=lambda d: d.done,
            edit=lambda d, v: replace(d, done=bool(v)),
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Due"),
            lambda d: i18n.date_text(d.due),
            sort=lambda d: d.due.sort_key(),
            edit=lambda d, v: replace(d, due=FuzzyDate.parse(str(v))),
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Deadline"),
            lambda d: d.title,
            edit=lambda d, v: replace(d, title=str(v)),
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Kind"),
            lambda d: labels.deadline_kind(d.kind),
            editor_value=lambda d: d.kind,
            edit=lambda d, v: replace(d, kind=DeadlineKind(v)),
            choices=labels.choices(DeadlineKind, labels.deadline_kind),
        ),
        Column(
            QCoreApplication.translate("DeadlineColumns", "Notes"),
            lambda d: d.notes,
            edit=lambda d, v: replace(d, notes=str(v)),
        ),
    ]


class DeadlinesTab(RecordTab):
    key = "deadlines"
    record_type = Deadline
    record_kind = "deadline"
    widths = (50, 150, 260, 120)
    tone = staticmethod(deadline_tone)

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.due = DateField(self.tr("Due date"), parent=self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("What is due (e.g. file the exclusion motion)"))
        self.title.setAccessibleName(self.tr("New deadline"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of deadline"))
        for label, value in labels.choices(DeadlineKind, labels.deadline_kind):
            self.kind.addItem(label, value)
        fields = [(self.due, 1), (self.title, 2), (self.kind, 0)]
        self.add_form(fields, self.tr("Add deadline"), enter=self.title)

    def columns(self) -> list[Column]:
        return deadline_columns(self)

    def table_name(self) -> str:
        return self.tr("Deadlines of this case")

    def new_record(self) -> Deadline | None:
        due = self.due.parsed()
        if not self.title.text().strip():
            self.error.show_text(self.tr("Say what is due."))
            return None
        kind = DeadlineKind(self.kind.currentData())
        return self.case_file.add_deadline(self.case, due, self.title.text().strip(), kind)
