"""A case's deadlines: hearings, filing limits, detention limits; overdue ones shown loudly."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Deadline, DeadlineKind
from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView
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
            lambda d: str(d.due),
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


class DeadlinesTab(CaseTab):
    key = "deadlines"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.model = RecordTableModel(
            deadline_columns(self), save=self._save, tone=deadline_tone, parent=self
        )
        self.view = RecordView(self.model, self.tr("Deadlines of this case"), self)
        self.view.set_widths(50, 150, 260, 120)
        self.due = DateField(self.tr("Due date"), parent=self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("What is due (e.g. file the exclusion motion)"))
        self.title.setAccessibleName(self.tr("New deadline"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of deadline"))
        for label, value in labels.choices(DeadlineKind, labels.deadline_kind):
            self.kind.addItem(label, value)
        self.add = QPushButton(self.tr("Add deadline"), self)
        self.error = ErrorLine(self)
        row = QHBoxLayout()
        row.addWidget(self.due, 1)
        row.addWidget(self.title, 2)
        row.addWidget(self.kind)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        self.add.clicked.connect(self.add_deadline)
        self.title.returnPressed.connect(self.add_deadline)

    def _save(self, deadline: Deadline) -> Deadline:
        saved = self.case_file.update(deadline)
        self.changed.emit("deadline")
        return saved

    def load(self) -> None:
        self.model.set_records(self.case_file.list(Deadline, self.case))

    def add_deadline(self) -> None:
        try:
            due = self.due.parsed()
            if not self.title.text().strip():
                self.error.show_text(self.tr("Say what is due."))
                return
            deadline = self.case_file.add_deadline(
                self.case, due, self.title.text().strip(), DeadlineKind(self.kind.currentData())
            )
        except LawnotebookError as exc:
            if not self.due.error.isVisible():
                self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.due.clear()
        self.title.clear()
        self.load()
        self.view.select(deadline.id)
        self.changed.emit("deadline")

    def select_record(self, record_id: str) -> bool:
        return self.view.select(record_id)

    def current_record_id(self) -> str | None:
        record = self.view.current_record()
        return record.id if record else None
