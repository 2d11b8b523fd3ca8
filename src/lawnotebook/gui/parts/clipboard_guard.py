"""Clearing the clipboard at lock, but only of text that was copied from Lawnotebook.

Copies made while our window is active (or while we own the clipboard) are ours. Only a hash of
that text is kept, so the guard itself holds no case text.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours: bytes | None = None
        self.clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        text = self.clipboard.text()
        if text and (active or self.clipboard.ownsClipboard()):
            self._ours = _digest(text)
        elif text:
            self._ours = None  # another program's text now: not ours to clear

    def clear_ours(self) -> bool:
        """Clear the clipboard if it still holds our text; returns whether it did."""
        text = self.clipboard.text()
        ours = bool(text) and (
            self.clipboard.ownsClipboard()
            or (self._ours is not None and _digest(text) == self._ours)
        )
        self._ours = None
        if ours:
            self.clipboard.clear()
        return ours
