"""Driving Qt's own (non-native) file dialog in a test, as a lawyer would: wait for it to be
up, go to a folder, type names, press Open.

The wait is bounded: the dialog is looked for among the visible top-level widgets (offscreen,
``activeModalWidget()`` can be ``None`` while the dialog runs), and if none shows up in time
every visible modal dialog is rejected, so a test fails instead of hanging in ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

POLL_MS = 50
TRIES = 200  # 10 s


def _visible_file_dialog() -> QFileDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            return widget
    return None


def when_file_dialog(act: Callable[[QFileDialog], None], failures: list[str]) -> None:
    """Once a file dialog is visible, call ``act(dialog)``; give up after :data:`TRIES` polls,
    noting it in ``failures`` and closing whatever modal dialog is open."""

    def poll(left: int) -> None:
        dialog = _visible_file_dialog()
        if dialog is not None:
            act(dialog)
            return
        if left <= 0:
            failures.append("no file dialog appeared")
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
            return
        QTimer.singleShot(POLL_MS, lambda: poll(left - 1))

    QTimer.singleShot(POLL_MS, lambda: poll(TRIES))


def type_in_file_dialog(text: str, folder: Path, seen: list[str], failures: list[str]) -> None:
    """When the file dialog is up: go to ``folder``, type ``text`` in its name field, Open."""

    def act(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if edit is None:
            failures.append("the file dialog has no name field")
            dialog.reject()
            return
        edit.setText(text)
        seen.append(edit.text())
        dialog.accept()

    when_file_dialog(act, failures)
