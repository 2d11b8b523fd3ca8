"""The custody log of a case: every creation, edit and export, hash-chained; read-only here."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView


def _details(details: dict) -> str:
    parts = []
    if "kind" in details:
        parts.append(labels.record_kind(str(details["kind"])))
    if details.get("title"):
        parts.append(f"“{details['title']}”")
    if details.get("fields"):
        parts.append("(" + ", ".join(map(str, details["fields"])) + ")")
    rest = {k: v for k, v in details.items() if k not in ("kind", "title", "fields")}
    if rest:
        parts.append(json.dumps(rest, ensure_ascii=False, sort_keys=True))
    return " ".join(parts)


class CustodyTab(CaseTab):
    key = "custody"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.model = RecordTableModel(
            [
                Column("#", lambda e: str(e.seq), sort=lambda e: e.seq),
                Column(self.tr("When (UTC)"), lambda e: e.at.replace("T", " ")[:19]),
                Column(self.tr("Action"), lambda e: labels.custody_action(e.action)),
                Column(self.tr("What"), lambda e: _details(e.details)),
                Column(self.tr("By"), lambda e: e.actor),
                Column(
                    self.tr("Entry hash"), lambda e: e.hash[:16] + "…", tooltip=lambda e: e.hash
                ),
            ],
            parent=self,
        )
        self.view = RecordView(self.model, self.tr("Custody log"), self)
        self.view.set_widths(50, 150, 110, 320, 200)
        note = QLabel(
            self.tr(
                "Every change to this case is recorded here and chained by hash, so later "
                "tampering shows. The log cannot be edited."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)

    def load(self) -> None:
        self.model.set_records(self.case_file.log(self.case))

    def select_record(self, record_id: str) -> bool:
        return False
