"""What every tab of a case workspace offers the workspace: load, select, remember, save."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from lawnotebook.core.records import Case
from lawnotebook.services.case_file import CaseFile


class CaseTab(QWidget):
    """Base for the workspace tabs. ``changed(kind)`` tells the others something was saved."""

    changed = Signal(str)
    key = ""

    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.case = case

    def load(self) -> None:
        """(Re)read this tab's records from the vault."""

    def select_record(self, record_id: str) -> bool:
        """Show and select one record; ``False`` if it is not in this tab."""
        return False

    def current_record_id(self) -> str | None:
        return None

    def save_pending(self) -> None:
        """Save anything typed but not yet saved (before lock, close or switching)."""

    def case_updated(self, case: Case) -> None:
        self.case = case
