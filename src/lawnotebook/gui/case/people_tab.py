"""The cast of a case: client, family, witnesses, officers, interrogators, prosecutors, judges;
the selected person edited in the form beside the table, with their history."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QWidget

from lawnotebook.core.records import Person, PersonRole
from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column


def _names(text: str) -> list[str]:
    return [a.strip() for a in text.replace("，", ",").split(",") if a.strip()]


class PeopleTab(RecordTab):
    key = "people"
    record_type = Person
    record_kind = "person"
    widths = (200, 130, 180)
    edits_in_form = True
    long_columns = (3,)  # contact and notes

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("New person's name"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("New person's role"))
        for label, value in labels.choices(PersonRole, labels.role):
            self.role.addItem(label, value)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(self.make_form())
        split.setSizes([620, 380])
        fields = [(self.name, 2), (self.role, 1)]
        self.add_form(fields, self.tr("Add person"), enter=self.name, body=split)

    def columns(self) -> list[Column]:
        return [
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
                choices=labels.choices(PersonRole, labels.role),
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
        ]

    def table_name(self) -> str:
        return self.tr("People in this case")

    def form_heading(self, record: Person) -> str:
        return f"{record.name} — {labels.role(record.role)}"

    def new_record(self) -> Person:
        role = PersonRole(self.role.currentData())
        return self.case_file.add_person(self.case, self.name.text(), role)
