"""File dialogs that leave no trail: Qt's own dialog remembers the folders it visited (in the
QtProject settings file); we erase that memory after every use, since a folder's name can name
a case or a client."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def _forget_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    if "FileDialog" in settings.childGroups():
        settings.remove("FileDialog")
        settings.sync()


def open_files(parent: QWidget, title: str, filters: str = "") -> list[Path]:
    try:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    finally:
        _forget_history()
    return [Path(n) for n in names]


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
