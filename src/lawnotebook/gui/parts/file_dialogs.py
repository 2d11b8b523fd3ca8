"""File dialogs that leave no trail: Qt's own dialog remembers the folders it visited (in the
QtProject settings file); we erase that memory after every use, since a folder's name can name
a case or a client."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

# Quotes a name may be typed in: ASCII, and the ones a Chinese input method types for ".
_CLOSING = {'"': '"', "“": "”", "＂": "＂", "「": "」"}


def _forget_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    if "FileDialog" in settings.childGroups():
        settings.remove("FileDialog")
        settings.sync()


def typed_names(text: str) -> list[str]:
    """The file names typed in a file dialog's name field: each in quotes (``"a" "b"``, or
    ``“a” “b”`` as a Chinese input method types them), or one name without quotes. Text left
    outside the quotes is a name too: Qt's own dialog drops it without a word (a fourth name
    typed without quotes was skipped silently, issue 16 point 4)."""
    if not any(q in text for q in _CLOSING):
        return [text.strip()] if text.strip() else []
    names: list[str] = []
    outside, i = "", 0
    while i < len(text):
        closing = _CLOSING.get(text[i])
        end = text.find(closing, i + 1) if closing else -1
        if closing is None or end < 0:  # plain text, or a quote never closed
            outside += text[i] if closing is None else ""
            i += 1
            continue
        names += [outside.strip()] if outside.strip() else []
        outside = ""
        names += [text[i + 1 : end]] if text[i + 1 : end].strip() else []
        i = end + 1
    names += [outside.strip()] if outside.strip() else []
    return names


class _OpenFilesDialog(QFileDialog):
    """Qt's dialog, reading every typed name: before Qt parses the name field, the names in it
    are put in plain quotes, so Qt checks each (and says which one it cannot find)."""

    def accept(self) -> None:
        typed = self.findChild(QLineEdit, "fileNameEdit")
        if typed is not None and any(q in typed.text() for q in _CLOSING):
            typed.setText(" ".join(f'"{name}"' for name in typed_names(typed.text())))
        super().accept()


def open_files(parent: QWidget, title: str, filters: str = "") -> list[Path]:
    """Files to open. Names typed in Qt's own dialog that it did not return (see
    :func:`typed_names`) are returned too, resolved in the dialog's folder, so that one it
    skipped, or one that does not exist, reaches the caller and is reported there."""
    dialog = _OpenFilesDialog(parent, title, "", filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    try:
        if not dialog.exec():
            return []
        chosen = [Path(n) for n in dialog.selectedFiles()]
        typed = dialog.findChild(QLineEdit, "fileNameEdit")  # None for a native dialog
        folder = Path(dialog.directory().absolutePath())
        for name in typed_names(typed.text()) if typed is not None else []:
            path = Path(name).expanduser()
            path = path if path.is_absolute() else folder / path
            if path not in chosen:
                chosen.append(path)
        return chosen
    finally:
        dialog.deleteLater()
        _forget_history()


def open_file(parent: QWidget, title: str, filters: str = "") -> Path | None:
    try:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    finally:
        _forget_history()
    return Path(name) if name else None


def save_file(parent: QWidget, title: str, suggested: str, filters: str = "") -> Path | None:
    try:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    finally:
        _forget_history()
    return Path(name) if name else None


def choose_folder(parent: QWidget, title: str, start: str = "") -> Path | None:
    try:
        name = QFileDialog.getExistingDirectory(parent, title, start)
    finally:
        _forget_history()
    return Path(name) if name else None
