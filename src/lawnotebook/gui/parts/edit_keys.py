"""The keys of Undo, Redo and Delete, shared by the window's Edit menu and the case tabs.

Functions, not constants: a QKeySequence made before the QApplication crashes Qt. A module of
its own, light to import: the window builds its Edit menu before the vault is unlocked.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def undo_keys() -> tuple[QKeySequence, ...]:
    return (QKeySequence(QKeySequence.StandardKey.Undo),)


def redo_keys() -> tuple[QKeySequence, ...]:
    return (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def delete_keys() -> tuple[QKeySequence, ...]:
    return (QKeySequence(QKeySequence.StandardKey.Delete),)


def native(keys: tuple[QKeySequence, ...]) -> str:
    """The first key as the platform writes it (menus, tooltips)."""
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText)
