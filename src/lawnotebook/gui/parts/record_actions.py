"""Delete, Undo and Redo on a case tab: the Delete key on the selected rows, a context menu,
Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, and the window's Edit menu (which calls :func:`run`).

Deleting asks first when other records cite what goes (an interrogation or event citing an
evidence file, an event naming a person), naming them; deleting evidence always asks, and says
what happens to the file: it stays, encrypted, until the vault locks, so Undo can bring it back,
and is erased then. Every step goes on the case's undo stack (``undo.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QMessageBox, QTabWidget, QWidget

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Evidence, Record
from lawnotebook.gui.parts import labels
from lawnotebook.gui.parts.edit_keys import delete_keys, native, redo_keys, undo_keys
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.undo import CaseUndo, stack_for

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


# How many citing records a question names before "and N more".
_NAMED = 8


def _label(record: Record) -> str:
    return f"{labels.record_kind(record.KIND)} “{record.title_text()}”"


class RecordActions(QObject):
    """Delete/Undo/Redo for one tab. ``selected()`` gives the records the user selected;
    ``tab.load()`` is called after the tab's kind changed through an undo or redo."""

    def __init__(
        self, tab: QWidget, view: QAbstractItemView, kind: str, selected: Callable[[], list]
    ) -> None:
        super().__init__(tab)
        self.tab = tab
        self.view = view
        self.kind = kind
        self.selected = selected
        self.stack: CaseUndo = stack_for(tab.case_file, tab.case.id)  # type: ignore[attr-defined]
        self.problem: Callable[[str], None] = self._warn  # a tab with an error line sets its own
        self.delete_action = self._action(
            translate("RecordActions", "Delete"), delete_keys(), self.delete_selected, view
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.undo_action = self._action(translate("RecordActions", "Undo"), undo_keys(), self.undo)
        self.redo_action = self._action(translate("RecordActions", "Redo"), redo_keys(), self.redo)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        self.stack.applied.connect(self._applied)

    def _action(
        self,
        text: str,
        keys: tuple[QKeySequence, ...],
        slot: Callable[[], object],
        owner: QWidget | None = None,
    ) -> QAction:
        owner = owner or self.tab
        action = QAction(text, owner)
        action.setShortcuts(list(keys))
        # The tab's (the add row's text fields keep Ctrl+Z for their own typing).
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.tab, translate("RecordActions", "Not done"), text)

    # -- the menu -------------------------------------------------------------------------

    def _menu(self, point: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """Delete (the selected rows), Undo, Redo: what the right mouse button offers."""
        menu = QMenu(self.view)
        delete = menu.addAction(
            f"{translate('RecordActions', 'Delete')}\t{native(delete_keys())}",
            self.delete_selected,
        )
        delete.setEnabled(bool(self.selected()))
        undo = menu.addAction(
            f"{translate('RecordActions', 'Undo')}\t{native(undo_keys())}", self.undo
        )
        undo.setEnabled(self.stack.can_undo())
        redo = menu.addAction(
            f"{translate('RecordActions', 'Redo')}\t{native(redo_keys())}", self.redo
        )
        redo.setEnabled(self.stack.can_redo())
        return menu

    # -- deleting -------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        """Delete the selected records (asking first when needed); whether any went."""
        self._save_pending()  # what was typed is saved first: the deletion keeps it for Undo
        records = self.selected()
        if not records or not self.confirm(records):
            return False
        files = self.tab.case_file  # type: ignore[attr-defined]
        gone: list[Record] = []
        try:
            for record in records:
                gone.append(files.delete(record.id))
        except LawnotebookError as exc:
            self.problem(explain(exc))
        self.stack.deleted(gone)
        if gone:
            self._reload(self.kind)
        return bool(gone)

    def confirm(self, records: list[Record]) -> bool:
        """Ask before deleting evidence or anything other records cite; whether to go on."""
        files = self.tab.case_file  # type: ignore[attr-defined]
        going = {r.id for r in records}
        citing = [c for r in records for c in files.references(r) if c.id not in going]
        evidence = [r for r in records if isinstance(r, Evidence)]
        if not citing and not evidence:
            return True
        return ask_delete(self.tab, records, citing, evidence)

    # -- undo -----------------------------------------------------------------------------

    def undo(self) -> None:
        self._step(self.stack.undo)

    def redo(self) -> None:
        self._step(self.stack.redo)

    def _save_pending(self) -> None:
        save_pending = getattr(self.tab, "save_pending", None)
        if save_pending is not None:
            save_pending()

    def _step(self, move: Callable[[], object]) -> None:
        self._save_pending()
        try:
            move()
        except LawnotebookError as exc:
            self.problem(explain(exc))

    def _applied(self, kind: str, record_id: str) -> None:
        if kind != self.kind:
            return
        self._reload(kind)
        _show(self.tab)
        select = getattr(self.tab, "select_record", None)
        if select is not None:
            select(record_id)

    def _reload(self, kind: str) -> None:
        self.tab.load()  # type: ignore[attr-defined]
        self.tab.changed.emit(kind)  # type: ignore[attr-defined]


def _show(tab: QWidget) -> None:
    """Bring the tab forward in its workspace (the undone step may be another tab's)."""
    parent = tab.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    if isinstance(parent, QTabWidget):
        parent.setCurrentWidget(tab)


def ask_delete(
    parent: QWidget, records: list[Record], citing: list[Record], evidence: list[Record]
) -> bool:
    """The question before a delete that needs one; whether the user said Delete."""
    paragraphs: list[str] = []
    if len(records) == 1:
        paragraphs.append(
            translate("RecordActions", "Delete {what}?").format(what=_label(records[0]))
        )
    else:
        paragraphs.append(translate("RecordActions", "Delete {n} items?").format(n=len(records)))
    if citing:
        lines = [translate("RecordActions", "These records cite it and will lose the link:")]
        lines += [f"• {_label(c)}" for c in citing[:_NAMED]]
        if len(citing) > _NAMED:
            lines.append(translate("RecordActions", "and {n} more").format(n=len(citing) - _NAMED))
        paragraphs.append("\n".join(lines))
    if evidence:
        paragraphs.append(
            translate(
                "RecordActions",
                "The file stays in the vault, encrypted, until the vault is locked, so Undo "
                "can bring it back. When the vault locks it is erased, unless another evidence "
                "item holds the same file. The custody log keeps its name and SHA-256.",
            )
        )
    title = translate("RecordActions", "Delete")
    box = QMessageBox(QMessageBox.Icon.Question, title, "\n\n".join(paragraphs), parent=parent)
    delete = box.addButton(title, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("RecordActions", "Keep"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # Enter keeps: deleting is a deliberate act
    box.setEscapeButton(keep)
    box.exec()
    chosen = box.clickedButton() is delete
    box.deleteLater()
    return chosen


def actions_of(tab: QWidget | None) -> RecordActions | None:
    """The tab's record actions, if it has them."""
    return getattr(tab, "record_actions", None)


def can(tab: QWidget | None, command: str) -> bool:
    """Whether ``command`` would do something on the shown tab now (the Edit menu)."""
    actions = actions_of(tab)
    if actions is None:
        return False
    if command == "delete":
        return bool(actions.selected())
    return actions.stack.can_undo() if command == "undo" else actions.stack.can_redo()


def run(tab: QWidget | None, command: str) -> bool:
    """The window's Edit menu: ``command`` ("undo", "redo", "delete") on the shown tab;
    whether the tab offers it."""
    actions = actions_of(tab)
    if actions is None:
        return False
    {"undo": actions.undo, "redo": actions.redo, "delete": actions.delete_selected}[command]()
    return True
