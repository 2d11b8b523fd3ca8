"""Linking one evidence item to the people, events and interrogation sessions it concerns.

People are kept on the evidence record itself; events and sessions keep their own lists of
evidence ids, so the link is saved on whichever record holds it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.records import ChronologyEvent, Evidence, Interrogation, Person
from lawnotebook.services.case_file import CaseFile


def _checklist(parent: QWidget, records, text) -> QListWidget:  # type: ignore[no-untyped-def]
    box = QListWidget(parent)
    for record in records:
        item = QListWidgetItem(text(record), box)
        item.setData(Qt.ItemDataRole.UserRole, record)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    return box


class EvidenceLinks(QDialog):
    def __init__(
        self, case_file: CaseFile, evidence: Evidence, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.case_file, self.evidence = case_file, evidence
        self.setWindowTitle(self.tr("Link “{name}”").format(name=evidence.file_name))
        case = case_file.case(evidence.case_id)
        events = sorted(case_file.list(ChronologyEvent, case), key=lambda e: e.date.sort_key())
        sessions = sorted(case_file.list(Interrogation, case), key=lambda s: s.start.sort_key())
        people = sorted(case_file.list(Person, case), key=lambda p: p.name.casefold())
        self.people = _checklist(self, people, lambda p: p.name)
        for i in range(self.people.count()):
            if self.people.item(i).data(Qt.ItemDataRole.UserRole).id in evidence.person_ids:
                self.people.item(i).setCheckState(Qt.CheckState.Checked)
        self.events = _checklist(self, events, lambda e: f"{e.date}  {e.title}")
        self.sessions = _checklist(self, sessions, lambda s: f"{s.start}  {s.place}")
        for box in (self.events, self.sessions):
            for i in range(box.count()):
                record = box.item(i).data(Qt.ItemDataRole.UserRole)
                if evidence.id in record.evidence_ids:
                    box.item(i).setCheckState(Qt.CheckState.Checked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("People this file concerns:"), self))
        layout.addWidget(self.people)
        layout.addWidget(QLabel(self.tr("Events in the chronology this file supports:"), self))
        layout.addWidget(self.events)
        layout.addWidget(QLabel(self.tr("Interrogation sessions this file concerns:"), self))
        layout.addWidget(self.sessions)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def check(self, record_id: str, checked: bool = True) -> None:
        for box in (self.people, self.events, self.sessions):
            for i in range(box.count()):
                item = box.item(i)
                if item.data(Qt.ItemDataRole.UserRole).id == record_id:
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )

    def save(self) -> int:
        """Write the changed links; returns how many records changed."""
        changed = 0
        chosen = [
            self.people.item(i).data(Qt.ItemDataRole.UserRole).id
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]
        if sorted(chosen) != sorted(self.evidence.person_ids):
            self.evidence = self.case_file.update(replace(self.evidence, person_ids=chosen))
            changed += 1
        for box in (self.events, self.sessions):
            for i in range(box.count()):
                item = box.item(i)
                record = item.data(Qt.ItemDataRole.UserRole)
                want = item.checkState() == Qt.CheckState.Checked
                has = self.evidence.id in record.evidence_ids
                if want == has:
                    continue
                ids = [x for x in record.evidence_ids if x != self.evidence.id]
                if want:
                    ids.append(self.evidence.id)
                self.case_file.update(replace(record, evidence_ids=ids))
                changed += 1
        return changed
