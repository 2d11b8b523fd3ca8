"""The custody log of a case: every creation, edit and export, hash-chained; read-only here.

Entries are shown in words (``services/custody_text.py``, the same sentences as the integrity
list): *Description edited*, *Bundle #3 sealed for …*; never a raw field name or JSON. Times
are local (``gui/parts/i18n.time_text``); the full entry hash is in the tooltip.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.gui.parts.colleague_names import names_by_fingerprint
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView
from lawnotebook.gui.reports.report_words import translated_words
from lawnotebook.services import custody_text


class CustodyTab(CaseTab):
    key = "custody"

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.words: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.model = RecordTableModel(
            [
                Column("#", lambda e: str(e.seq), sort=lambda e: e.seq),
                Column(
                    self.tr("When"),
                    lambda e: i18n.time_text(e.at, seconds=True),
                    sort=lambda e: e.at,
                ),
                Column(self.tr("Action"), lambda e: custody_text.action_text(e, self.words)),
                Column(self.tr("What"), self._what),
                Column(self.tr("By"), lambda e: self.who(e.actor)),
                Column(
                    self.tr("Entry hash"), lambda e: e.hash[:16] + "…", tooltip=lambda e: e.hash
                ),
            ],
            parent=self,
        )
        self.view = RecordView(self.model, self.tr("Custody log"), self)
        self.view.set_widths(50, 150, 150, 360, 160)
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

    def who(self, fingerprint: str) -> str:
        return self.names.get(fingerprint, fingerprint[:11])

    def _what(self, entry) -> str:  # type: ignore[no-untyped-def]
        return custody_text.details_text(
            entry,
            self.words,
            who=self.who,
            known_titles=self.titles,
            language=i18n.current(),
        )

    def load(self) -> None:
        log = self.case_file.log(self.case)
        self.words = translated_words()
        self.names = names_by_fingerprint(self.case_file.conn)
        self.titles = custody_text.titles(log)
        self.model.set_records(log)

    def select_record(self, record_id: str) -> bool:
        return False
