"""One record edited in a form beside its table: each column of the table a labelled field
(long texts such as the client's account multi-line), Save (Ctrl+S) and Cancel (Esc).

The form holds the record it was opened on, so an edit can only ever be saved to that record;
it says when what is typed differs from what is stored, and :func:`ask_unsaved` is how a tab
asks before showing another record (save, discard, or stay)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_history import RecordHistory
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services.case_file import CaseFile


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def ask_unsaved(parent: QWidget, heading: str) -> Unsaved:
    """Ask what to do with unsaved edits of ``heading``; Enter and Esc both stay."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("RecordForm", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate(
            "RecordForm", "Your changes to “{what}” are not saved yet."
        ).format(what=heading)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "RecordForm", "Save them, discard them, or stay to keep editing?"
        )
    )
    save = box.addButton(
        QCoreApplication.translate("RecordForm", "&Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("RecordForm", "&Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    stay = box.addButton(
        QCoreApplication.translate("RecordForm", "S&tay and keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(stay)  # a choice that loses nothing: pressing Enter must not lose text
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Unsaved.SAVE
    if clicked is discard:
        return Unsaved.DISCARD
    return Unsaved.STAY


def _set_keeping_undo(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Replace a field's text as an edit, so Ctrl+Z in the field brings back what was typed."""
    if isinstance(widget, QLineEdit):
        if widget.text() != text:
            widget.selectAll()
            widget.insert(text)
        return
    if widget.toPlainText() != text:
        cursor = widget.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)


class RecordForm(QWidget):
    """Emits ``saved(record)`` after each save or restore (the record as stored)."""

    saved = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(
        self,
        case_file: CaseFile,
        columns: Sequence[Column],
        *,
        long_columns: Sequence[int] = (),
        grid_columns: int = 1,
        heading: Callable[[Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.columns = list(columns)
        self.record: Any = None
        self._heading = heading or (lambda r: self.columns[0].show(r))
        self._initial: dict[int, Any] = {}
        self._dirty = False
        self._loading = False  # while show_record fills the fields
        self.title = QLabel(self)
        self.title.setFont(look.scaled_font(1.1, bold=True))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.state = QLabel(self.tr("Unsaved changes"), self)
        self.state.setStyleSheet(look.alert_style())
        self.state.setVisible(False)
        self.error = ErrorLine(self)
        self.fields: dict[int, QWidget] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        long_rows: list[int] = []
        place = 0
        for i, column in enumerate(self.columns):
            if i in long_columns:
                long_rows.append(i)
                continue
            widget = self._field(i, column, long=False)
            row, pair = divmod(place, grid_columns)
            place += 1
            label = QLabel(column.title, self)
            label.setBuddy(widget)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(widget, row, pair * 2 + 1)
            grid.setColumnStretch(pair * 2 + 1, 1)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self._keys(self.tr("Save"), QKeySequence.StandardKey.Save))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Cancel: back to what is stored (Esc)"))
        self.history_button = QPushButton(self.tr("History"), self)
        self.history_button.setCheckable(True)
        self.history_button.setToolTip(self.tr("Every saved version, restorable"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        fields = QWidget(self)
        column_layout = QVBoxLayout(fields)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.title)
        column_layout.addLayout(grid)
        for i in long_rows:
            widget = self._field(i, self.columns[i], long=True)
            label = QLabel(self.columns[i].title, self)
            label.setBuddy(widget)
            column_layout.addWidget(label)
            column_layout.addWidget(widget, 1)
        if not long_rows:
            column_layout.addStretch(1)
        column_layout.addWidget(self.error)
        column_layout.addLayout(buttons)
        self.history = RecordHistory(self.columns, self)
        self.history.setVisible(False)
        self._split = QSplitter(Qt.Orientation.Horizontal, self)
        self._split.addWidget(fields)
        self._split.addWidget(self.history)
        self._split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._split)
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Save), self.save)
        self._shortcut(QKeySequence(Qt.Key.Key_Escape), self.cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.history_button.toggled.connect(self._toggle_history)
        self.history.restore_requested.connect(self._restore)
        self._last_field: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.show_record(None)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new in self.fields.values():
            self._last_field = new

    # -- building -----------------------------------------------------------------------------

    def _keys(self, text: str, key: QKeySequence.StandardKey) -> str:
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        return f"{text} ({native})"

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> None:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _field(self, i: int, column: Column, *, long: bool) -> QWidget:
        widget: QWidget
        if column.edit is None:
            label = QLabel(self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            widget = label
        elif column.choices is not None:
            box = QComboBox(self)
            for text, value in column.choices:
                box.addItem(text, value)
            box.currentIndexChanged.connect(lambda _i: self._update_state())
            widget = box
        elif long:
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            text.textChanged.connect(self._update_state)
            widget = text
        else:
            line = QLineEdit(self)
            line.textChanged.connect(lambda _t: self._update_state())
            widget = line
        widget.setAccessibleName(column.title)
        self.fields[i] = widget
        return widget

    # -- values -------------------------------------------------------------------------------

    def field(self, title: str) -> QWidget:
        """The field labelled ``title`` (a column's title)."""
        for i, column in enumerate(self.columns):
            if column.title == title:
                return self.fields[i]
        raise KeyError(title)

    def _value(self, i: int) -> Any:
        widget = self.fields[i]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return None

    def _stored(self, i: int, record: Any) -> Any:
        column = self.columns[i]
        if column.choices is not None:
            return (column.editor_value or column.show)(record)
        return str((column.editor_value or column.show)(record))

    def _put(self, i: int, value: Any, *, keep_undo: bool) -> None:
        widget = self.fields[i]
        if isinstance(widget, QComboBox):
            found = widget.findData(value)
            widget.setCurrentIndex(found if found >= 0 else 0)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            if keep_undo:
                _set_keeping_undo(widget, str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
                widget.setCursorPosition(0)  # a long place or names reads from its start
            else:
                widget.setPlainText(str(value))
                widget.moveCursor(QTextCursor.MoveOperation.End)  # typing adds, as in a line

    def _editable(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.edit is not None]

    def is_dirty(self) -> bool:
        """Whether a field holds something other than what is stored."""
        if self.record is None:
            return False
        return any(self._value(i) != self._initial[i] for i in self._editable())

    def _update_state(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        self.state.setVisible(dirty)
        self.save_button.setEnabled(dirty)
        self.cancel_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def heading(self) -> str:
        return self._heading(self.record) if self.record is not None else ""

    # -- showing, saving, cancelling ----------------------------------------------------------

    def show_record(self, record: Any) -> None:
        """Show ``record`` (or nothing) as stored; what was typed for another record goes."""
        self.record = record
        self._last_field = None
        self.error.clear()
        self._initial = {}
        self._loading = True
        try:
            self._fill(record)
        finally:
            self._loading = False
        self.title.setText(self.heading() or self.tr("Select a row to see and edit it here."))
        self.history_button.setEnabled(record is not None)
        self._update_state()
        self._refresh_history()

    def _fill(self, record: Any) -> None:
        for i, column in enumerate(self.columns):
            widget = self.fields[i]
            widget.setEnabled(record is not None)
            if record is None:
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(-1)
                elif isinstance(widget, (QLineEdit, QPlainTextEdit, QLabel)):
                    widget.clear()
                continue
            if column.edit is None:
                assert isinstance(widget, QLabel)
                widget.setText(column.show(record))
                continue
            self._initial[i] = self._stored(i, record)
            self._put(i, self._initial[i], keep_undo=False)

    def focus_field(self, column: int | None = None) -> None:
        """Put the cursor in the field of ``column`` (an editable one), else back in the field
        last typed in, else in the first field."""
        editable = self._editable()
        if not editable or self.record is None:
            return
        if column in editable:
            widget = self.fields[column]
        elif self._last_field is not None:
            self._last_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        else:
            widget = self.fields[editable[0]]
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QPlainTextEdit):
            widget.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(widget, QLineEdit):
            widget.end(False)

    def edited(self) -> Any:
        """The record with what the fields hold; raises the first field's problem, named."""
        changed = self.record
        for i in self._editable():
            value = self._value(i)
            if value == self._initial[i]:
                continue
            edit = self.columns[i].edit
            assert edit is not None
            try:
                changed = edit(changed, value)
            except (LawnotebookError, ValueError) as exc:
                raise FieldProblem(i, exc) from exc
        return changed

    def save(self) -> bool:
        """Store what the fields hold in the record shown; ``False`` (and why, in the form)
        when it could not be stored, what was typed kept."""
        if self.record is None or not self.is_dirty():
            return True
        try:
            changed = self.edited()
            stored = self.case_file.update(changed) if changed != self.record else self.record
        except FieldProblem as problem:
            title = self.columns[problem.column].title
            self.error.show_text(f"{title}: {explain(problem.cause)}")
            self.fields[problem.column].setFocus()
            return False
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return False
        self.show_record(stored)
        self.saved.emit(stored)
        return True

    def cancel(self) -> None:
        """Back to the stored values (Ctrl+Z in a text field brings its typing back)."""
        if self.record is None:
            return
        for i in self._editable():
            self._put(i, self._initial[i], keep_undo=True)
        self.error.clear()
        self._update_state()

    def resolve_unsaved(self) -> bool:
        """Before the form shows something else: ``True`` when nothing typed is left unsaved
        (saved, discarded, or there was nothing), ``False`` to stay on this record."""
        if not self.is_dirty():
            return True
        answer = ask_unsaved(self, self.heading())
        if answer is Unsaved.SAVE:
            return self.save()
        if answer is Unsaved.DISCARD:
            self.cancel()
            return True
        self.focus_field()
        return False

    # -- history ------------------------------------------------------------------------------

    def _toggle_history(self, on: bool) -> None:
        self.history.setVisible(on)
        if on:  # a panel shown for the first time would get no width of its own
            width = max(self._split.width(), 600)
            self._split.setSizes([width * 3 // 5, width * 2 // 5])
        self._refresh_history()

    def _refresh_history(self) -> None:
        if self.record is None or not self.history.isVisibleTo(self):
            self.history.clear()
            return
        revisions = self.case_file.history(self.record)
        versions = [self.case_file.version_of(self.record, r) for r in revisions]
        self.history.set_versions(revisions, versions)

    def _restore(self, revision: Any) -> None:
        if self.record is None or not self.resolve_unsaved():
            return
        try:
            stored = self.case_file.restore_version(self.record, revision)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.show_record(stored)
        self.saved.emit(stored)


class FieldProblem(Exception):
    """A field's value the column could not take (the GUI's own: never leaves this module)."""

    def __init__(self, column: int, cause: Exception) -> None:
        super().__init__(str(cause))
        self.column = column
        self.cause = cause
