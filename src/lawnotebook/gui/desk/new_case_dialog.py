"""Opening a new case file: a title, and if known the client and case number."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.case_file import CaseFile


class NewCaseDialog(QDialog):
    """Creates the case on OK; ``created`` holds it afterwards."""

    def __init__(self, case_file: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.created: Case | None = None
        self.setWindowTitle(self.tr("New case"))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. People v. Chen, or 陈某涉嫌故意伤害案"))
        self.client = QLineEdit(self)
        self.number = QLineEdit(self)
        self.error = ErrorLine(self)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Title"), self.title),
            (self.tr("Client"), self.client),
            (self.tr("Case number"), self.number),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create case"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.show_text(self.tr("Give the case a title."))
            self.title.setFocus()
            return
        try:
            self.created = self.case_file.new_case(
                self.title.text().strip(),
                client=self.client.text().strip(),
                case_number=self.number.text().strip(),
            )
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        super().accept()
