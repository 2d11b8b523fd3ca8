"""A case's own fields, edited in place and saved as each field is left."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case, CaseStatus
from lawnotebook.gui.parts import i18n, labels, look
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.agenda import Urgency, next_deadlines, urgency


def _split(text: str, seps: str) -> list[str]:
    for sep in seps[1:]:
        text = text.replace(sep, seps[0])
    return [part.strip() for part in text.split(seps[0]) if part.strip()]


class OverviewTab(CaseTab):
    key = "overview"

    def __init__(self, case_file, case: Case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.title = QLineEdit(self)
        self.client = QLineEdit(self)
        self.number = QLineEdit(self)
        self.court = QLineEdit(self)
        self.charges = QLineEdit(self)
        self.charges.setPlaceholderText(self.tr("Separate charges with ;"))
        self.stage = QLineEdit(self)
        self.stage.setPlaceholderText(
            self.tr("e.g. investigation, indictment, first instance, appeal")
        )
        self.status = QComboBox(self)
        for label, value in labels.choices(CaseStatus, labels.status):
            self.status.addItem(label, value)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Separate tags with commas"))
        self.archived = QCheckBox(self.tr("Archived (hidden from the case list)"), self)
        self.next_deadline = QLabel(self)
        self.next_deadline.setWordWrap(True)
        self.error = ErrorLine(self)
        form = QFormLayout()
        rows = [
            (self.tr("Title"), self.title),
            (self.tr("Client"), self.client),
            (self.tr("Case number"), self.number),
            (self.tr("Court"), self.court),
            (self.tr("Charges"), self.charges),
            (self.tr("Stage"), self.stage),
            (self.tr("Status"), self.status),
            (self.tr("Tags"), self.tags),
        ]
        for label, widget in rows:
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("", self.archived)
        form.addRow(self.tr("Next deadline"), self.next_deadline)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        for edit in (
            self.title,
            self.client,
            self.number,
            self.court,
            self.charges,
            self.stage,
            self.tags,
        ):
            edit.editingFinished.connect(self.save_pending)
        self.status.activated.connect(lambda _i: self.save_pending())
        self.archived.clicked.connect(lambda _c: self.save_pending())

    def load(self) -> None:
        c = self.case
        self.title.setText(c.title)
        self.client.setText(c.client)
        self.number.setText(c.case_number)
        self.court.setText(c.court)
        self.charges.setText("; ".join(c.charges))
        self.stage.setText(c.stage)
        self.status.setCurrentIndex(list(CaseStatus).index(c.status))
        self.tags.setText(", ".join(c.tags))
        self.archived.setChecked(c.archived)
        deadline = next_deadlines(self.case_file).get(c.id)
        if deadline is None:
            self.next_deadline.setText(self.tr("None open"))
            self.next_deadline.setStyleSheet("")
        else:
            late = urgency(deadline, datetime.now()) == Urgency.OVERDUE
            text = f"{i18n.date_text(deadline.due)} — {deadline.title}"
            self.next_deadline.setText(text + (self.tr("  (overdue)") if late else ""))
            self.next_deadline.setStyleSheet(
                f"font-weight: bold; color: {look.alert().name()};"
                if late
                else "font-weight: bold;"
            )

    def _edited(self) -> Case:
        return replace(
            self.case,
            title=self.title.text().strip() or self.case.title,
            client=self.client.text().strip(),
            case_number=self.number.text().strip(),
            court=self.court.text().strip(),
            charges=_split(self.charges.text(), ";；"),
            stage=self.stage.text().strip(),
            status=CaseStatus(self.status.currentData()),
            tags=_split(self.tags.text(), ",，、"),
            archived=self.archived.isChecked(),
        )

    def save_pending(self) -> None:
        edited = self._edited()
        if edited == self.case:
            return
        try:
            self.case = self.case_file.update(edited)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.changed.emit("case")
