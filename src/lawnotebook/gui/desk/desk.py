"""The unlocked desk: case list on the left; the agenda, an open case or search results on the
right; the search box on top. Built at unlock, torn down (and wiped) at lock."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.desk.agenda_pane import AgendaPane
from lawnotebook.gui.desk.backup_age import BackupAge
from lawnotebook.gui.desk.case_list import CaseList
from lawnotebook.gui.desk.new_case_dialog import NewCaseDialog
from lawnotebook.gui.desk.search_results import SearchResults, marks
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.settings.settings import DEFAULT_BACKUP_WARNING_DAYS
from lawnotebook.services.agenda import Docket, docket
from lawnotebook.services.session import Session

SEARCH_DEBOUNCE_MS = 120


@dataclass(frozen=True)
class Place:
    """Where the user was: ids only, never text (kept in memory across a lock)."""

    case_id: str | None
    tab: str | None
    record_id: str | None


class Desk(QWidget):
    """Emits ``problem(text)`` for the status bar."""

    problem = Signal(str)

    def __init__(
        self,
        session: Session,
        worker: Worker,
        parent: QWidget | None = None,
        loaded: Docket | None = None,
        text=None,  # type: ignore[no-untyped-def]
        backup_warning_days: int = DEFAULT_BACKUP_WARNING_DAYS,
    ) -> None:
        super().__init__(parent)
        self.case_file = session.case_file
        self.text = text  # TextReading while evidence text is read, else None
        self.worker = worker
        self.workspace: CaseWorkspace | None = None
        self.case_titles: dict[str, str] = {}
        self._search_generation = 0
        self._searching = False
        self._jump_when_found = False
        self._before_search: QWidget | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search all cases: names, notes, 逼供… (Ctrl+K)"))
        self.search.setAccessibleName(self.tr("Search everything"))
        self.search.setClearButtonEnabled(True)
        self.case_list = CaseList(self)
        self.agenda = AgendaPane(self.case_file, self)
        self.results = SearchResults(self)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.agenda)
        self.right.addWidget(self.results)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.case_list)
        split.addWidget(self.right)
        split.setStretchFactor(1, 3)
        self.case_list.setMinimumWidth(320)  # title, client and number stay readable
        split.setSizes([560, 840])
        self.backup_age = BackupAge(backup_warning_days, self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.backup_age)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.installEventFilter(self)
        self.results.hit_chosen.connect(self._jump)
        self.case_list.case_chosen.connect(self.open_case)
        self.agenda.deadline_chosen.connect(lambda c, d: self.open_case(c, "deadlines", d))
        self.show_docket(loaded if loaded is not None else docket(self.case_file))
        self.backup_age.read(self.case_file.vault)

    # -- lists --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the case list and agenda now (on the GUI thread)."""
        self.show_docket(docket(self.case_file))

    def refresh_later(self) -> None:
        """Re-read them in the background (a vault with many cases takes a moment)."""
        case_file = self.case_file
        self.worker.submit(
            lambda: docket(case_file), self.show_docket, lambda e: self.problem.emit(explain(e))
        )

    def show_docket(self, loaded: Docket) -> None:
        self.case_titles = {c.id: c.title for c in loaded.cases}
        self.case_list.load(loaded.cases, loaded.next_deadlines)
        self.agenda.show_items(loaded.agenda)
        if self.workspace is not None:
            self.case_list.select(self.workspace.case.id)

    def _changed(self, kind: str) -> None:
        if kind in ("case", "deadline"):
            self.refresh_later()

    # -- cases --------------------------------------------------------------------------------

    def open_case(self, case_id: str, tab: str | None = None, record_id: str | None = None) -> bool:
        if self.workspace is None or self.workspace.case.id != case_id:
            try:
                case = self.case_file.case(case_id)
            except LawnotebookError as exc:
                self.problem.emit(explain(exc))
                return False
            self.close_case()
            self.workspace = CaseWorkspace(
                self.case_file, case, self, worker=self.worker, text=self.text
            )
            self.workspace.changed.connect(self._changed)
            self.right.addWidget(self.workspace)
        self.right.setCurrentWidget(self.workspace)
        self.case_list.select(case_id)
        if tab:
            self.workspace.show_tab(tab)
        if record_id:
            self.workspace.current_tab().select_record(record_id)
        return True

    def close_case(self) -> None:
        if self.workspace is None:
            return
        self.workspace.save_pending()
        wipe(self.workspace)
        self.right.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.workspace = None
        self.right.setCurrentWidget(self.agenda)

    def new_case(self) -> None:
        dialog = NewCaseDialog(self.case_file, self)
        if dialog.exec() and dialog.created is not None:
            self.refresh()
            self.open_case(dialog.created.id, "overview")

    # -- search -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self) -> None:
        query = self.search.text()
        self._search_generation += 1
        generation = self._search_generation
        if not query.strip():
            self._searching = False
            self._leave_search()
            return
        if self.right.currentWidget() is not self.results:
            self._before_search = self.right.currentWidget()
            self.right.setCurrentWidget(self.results)
        open_mark, close_mark = marks()
        case_file = self.case_file

        def work():  # type: ignore[no-untyped-def]
            return case_file.search(
                query, open_mark=open_mark, close_mark=close_mark, escape=html.escape
            )

        self._searching = True
        self.worker.submit(
            work,
            lambda hits: self._show_hits(generation, query, hits),
            lambda exc: self._search_failed(generation, exc),
        )

    def _show_hits(self, generation: int, query: str, hits: list) -> None:
        if generation != self._search_generation:  # an older query's answer arrives late: drop it
            return
        self._searching = False
        self.results.show_hits(query, hits, self.case_titles)
        if self._jump_when_found:
            self._jump_when_found = False
            self.results.choose_current()

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._search_generation:
            self._searching = False
            self._jump_when_found = False
            self.problem.emit(explain(exc))

    def _leave_search(self) -> None:
        self.results.clear()
        if self.right.currentWidget() is self.results:
            back = (
                self._before_search
                if self._before_search in (self.agenda, self.workspace)
                else None
            )
            self.right.setCurrentWidget(back or self.workspace or self.agenda)

    def _jump(self, hit) -> None:  # type: ignore[no-untyped-def]
        query = self.search.text()
        self._search_generation += 1
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()
        if self.open_case(hit.case_id) and self.workspace is not None:
            self.workspace.show_record(hit.kind, hit.record_id)
            self.workspace.current_tab().setFocus()
            if getattr(hit, "in_text", False):  # a page of a file's text: open it there
                tab = self.workspace.current_tab()
                show_page = getattr(tab, "show_text_hit", None)
                if callable(show_page):
                    show_page(hit.record_id, hit.page, hit.part, query)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.results.move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive() or self._searching:
                    self._jump_when_found = True  # Enter right after typing: jump on arrival
                    if self._debounce.isActive():
                        self._debounce.stop()
                        self._run_search()
                else:
                    self.results.choose_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # -- lock ---------------------------------------------------------------------------------

    def place(self) -> Place:
        if self.workspace is None:
            return Place(None, None, None)
        tab = self.workspace.current_tab()
        return Place(self.workspace.case.id, tab.key, tab.current_record_id())

    def restore(self, place: Place | None) -> None:
        if place is not None and place.case_id:
            self.open_case(place.case_id, place.tab, place.record_id)

    def save_pending(self) -> None:
        if self.workspace is not None:
            self.workspace.save_pending()


def wipe(root: QWidget) -> None:
    """Empty every text-bearing widget under ``root`` (before it is deleted at lock).

    Signals are blocked first and stay blocked: clearing a field must never look like an edit
    (no autosave, no "editing finished"), as the widgets are about to be deleted anyway.
    """
    for widget in [root, *root.findChildren(QWidget)]:  # viewers drop decrypted evidence first
        forget = getattr(widget, "forget_plaintext", None)
        if callable(forget):
            forget()
    for obj in [root, *root.findChildren(QObject)]:  # widgets, models and autosave timers
        obj.blockSignals(True)
        if isinstance(obj, QTimer):
            obj.stop()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.clear()
        elif isinstance(widget, QLabel):
            widget.clear()
        elif isinstance(widget, QComboBox) and widget.isEditable():
            widget.clearEditText()
        elif isinstance(widget, QAbstractButton) and widget.property("case_text"):
            widget.setText("")
    for view in root.findChildren(QWidget):
        model = getattr(view, "model", None)
        if isinstance(view, QAbstractItemView):  # a list or table: its model holds case text
            model = view.model()
        if callable(getattr(model, "clear", None)):
            model.clear()
