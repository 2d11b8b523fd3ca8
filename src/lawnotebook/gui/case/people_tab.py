"""The cast of a case: client, family, witnesses, officers, interrogators, prosecutors, judges."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Person, PersonRole
from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView


def _names(text: str) -> list[str]:
    return [a.strip() for a in text.replace("，", ",").split(",") if a.strip()]


class PeopleTab(CaseTab):
    key = "people"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        roles = labels.choices(PersonRole, labels.role)
        self.model = RecordTableModel(
            [
                Column(
                    self.tr("Name"),
                    lambda p: p.name,
                    edit=lambda p, v: replace(p, name=str(v).strip() or p.name),
                ),
                Column(
                    self.tr("Role"),
                    lambda p: labels.role(p.role),
                    editor_value=lambda p: p.role,
                    edit=lambda p, v: replace(p, role=PersonRole(v)),
                    choices=roles,
                ),
                Column(
                    self.tr("Also known as"),
                    lambda p: ", ".join(p.aliases),
                    edit=lambda p, v: replace(p, aliases=_names(str(v))),
                ),
                Column(
                    self.tr("Contact and notes"),
                    lambda p: p.contact_notes,
                    edit=lambda p, v: replace(p, contact_notes=str(v)),
                ),
            ],
            save=self._save,
            parent=self,
        )
        self.view = RecordView(self.model, self.tr("People in this case"), self)
        self.view.set_widths(200, 130, 180)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("New person's name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("New person's role"))
        for label, value in roles:
            self.role.addItem(label, value)
        self.add = QPushButton(self.tr("Add person"), self)
        self.error = ErrorLine(self)
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.role, 1)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        self.add.clicked.connect(self.add_person)
        self.name.returnPressed.connect(self.add_person)

    def _save(self, person: Person) -> Person:
        saved = self.case_file.update(person)
        self.changed.emit("person")
        return saved

    def load(self) -> None:
        self.model.set_records(self.case_file.list(Person, self.case))

    def add_person(self) -> None:
        try:
            person = self.case_file.add_person(
                self.case, self.name.text(), PersonRole(self.role.currentData())
            )
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.name.clear()
        self.load()
        self.view.select(person.id)
        self.changed.emit("person")

    def select_record(self, record_id: str) -> bool:
        return self.view.select(record_id)

    def current_record_id(self) -> str | None:
        record = self.view.current_record()
        return record.id if record else None
