"""One open case: its title and a tab per part of the case file, each loaded when first shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QVBoxLayout, QWidget

from lawnotebook.core.records import Case
from lawnotebook.gui.case.chronology_tab import ChronologyTab
from lawnotebook.gui.case.custody_tab import CustodyTab
from lawnotebook.gui.case.deadlines_tab import DeadlinesTab
from lawnotebook.gui.case.detention_tab import DetentionTab
from lawnotebook.gui.case.interrogations_tab import InterrogationsTab
from lawnotebook.gui.case.notes_tab import NotesTab
from lawnotebook.gui.case.overview_tab import OverviewTab
from lawnotebook.gui.case.people_tab import PeopleTab
from lawnotebook.gui.evidence.evidence_tab import EvidenceTab
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.case_tab import CaseTab
from lawnotebook.services.case_file import CaseFile

# Which tab shows a record of each kind (search results jump there).
TAB_FOR_KIND = {
    "case": "overview",
    "note": "notes",
    "person": "people",
    "event": "chronology",
    "interrogation": "interrogations",
    "place": "detention",
    "custody_event": "detention",
    "finding_review": "interrogations",  # the findings panel beside the sessions
    "deadline": "deadlines",
    "evidence": "evidence",
}


def _native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


class CaseWorkspace(QWidget):
    """Emits ``changed(kind)`` after any save, so lists elsewhere can refresh."""

    changed = Signal(str)

    def __init__(
        self,
        case_file: CaseFile,
        case: Case,
        parent: QWidget | None = None,
        worker=None,  # type: ignore[no-untyped-def]
        text=None,  # type: ignore[no-untyped-def]
    ) -> None:
        super().__init__(parent)
        if worker is None:  # a workspace on its own (tests): its own background lane
            from lawnotebook.gui.parts.background import Worker

            worker = Worker(self)
        self.case = case
        self.heading = QLabel(self)
        self.heading.setFont(look.scaled_font(1.3, bold=True))
        self.heading.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Case file"))
        self.tabs.setDocumentMode(True)
        parts: list[tuple[CaseTab, str]] = [
            (OverviewTab(case_file, case, self), self.tr("Overview")),
            (NotesTab(case_file, case, self), self.tr("Notes")),
            (PeopleTab(case_file, case, self), self.tr("People")),
            (ChronologyTab(case_file, case, self), self.tr("Chronology")),
            (InterrogationsTab(case_file, case, self), self.tr("Interrogations")),
            (DetentionTab(case_file, case, self), self.tr("Custody and places")),
            (DeadlinesTab(case_file, case, self), self.tr("Deadlines")),
            (EvidenceTab(case_file, case, worker, self, text=text), self.tr("Evidence")),
            (CustodyTab(case_file, case, self), self.tr("Custody log")),
        ]
        self.parts = {tab.key: tab for tab, _ in parts}
        self._stale = set(self.parts)
        for tab, title in parts:
            self.tabs.addTab(tab, title)
            tab.changed.connect(self._part_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._shown)
        self._set_heading()
        self._shown()
        self._make_shortcuts()

    def _make_shortcuts(self) -> None:
        """Ctrl+1 … Ctrl+9 for the tabs; New note, Add event and Add evidence from any tab.
        Each shortcut is named in its tab's or button's tooltip."""
        for i in range(self.tabs.count()):
            keys = QKeySequence(f"Ctrl+{i + 1}")
            self._shortcut(keys, lambda *_, i=i: self.tabs.setCurrentIndex(i))
            self.tabs.setTabToolTip(i, f"{self.tabs.tabText(i)} ({_native(keys)})")
        notes, events, evidence = (self.parts[k] for k in ("notes", "chronology", "evidence"))
        self.new_note_action = self._shortcut(
            QKeySequence("Ctrl+Shift+N"), lambda: self._on_tab("notes", "new_note"), notes.new
        )
        self.add_event_action = self._shortcut(
            QKeySequence("Ctrl+Shift+E"),
            lambda: self._on_tab("chronology", "start_adding"),
            events.add,
        )
        self.add_evidence_action = self._shortcut(
            QKeySequence("Ctrl+Shift+A"),
            lambda: self._on_tab("evidence", "choose_files"),
            evidence.add_button,
        )

    def _shortcut(
        self, keys: QKeySequence, slot: Callable[[], object], button: QAbstractButton | None = None
    ) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        # The window's, while this case is shown (a search box or the case list may have focus).
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if button is not None:
            button.setToolTip(f"{button.toolTip() or button.text().rstrip('…')} ({_native(keys)})")
        return action

    def _on_tab(self, key: str, method: str) -> None:
        getattr(self.show_tab(key), method)()

    def _set_heading(self) -> None:
        text = self.case.title
        if self.case.client:
            text += f" — {self.case.client}"
        if self.case.case_number:  # a number like （2024）京0105刑初123号 brings its own brackets
            text += f"  ·  {self.case.case_number}"
        self.heading.setText(text)

    def _shown(self, *_args: object) -> None:
        tab = self.current_tab()
        if tab.key in self._stale:
            self._stale.discard(tab.key)
            tab.load()

    def _part_changed(self, kind: str) -> None:
        sender = self.sender()
        if kind == "case":
            self.case = self.parts["overview"].case
            for tab in self.parts.values():
                tab.case_updated(self.case)
            self._set_heading()
        # Other tabs show names, links, the next deadline and the log: reload when next shown.
        self._stale |= {key for key, tab in self.parts.items() if tab is not sender}
        self.changed.emit(kind)

    def current_tab(self) -> CaseTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, CaseTab)
        return tab

    def show_tab(self, key: str) -> CaseTab:
        tab = self.parts[key]
        self.tabs.setCurrentWidget(tab)
        self._shown()
        return tab

    def show_record(self, kind: str, record_id: str) -> bool:
        return self.show_tab(TAB_FOR_KIND.get(kind, "overview")).select_record(record_id)

    def save_pending(self) -> None:
        for tab in self.parts.values():
            tab.save_pending()
