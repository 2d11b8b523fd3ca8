"""Colours and fonts that follow the system's light or dark theme (no fixed palette)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def alert() -> QColor:
    """Text colour for errors and overdue items."""
    return QColor("#ffb4ab") if is_dark() else QColor("#b3261e")


def alert_background() -> QColor:
    return QColor("#5c1a15") if is_dark() else QColor("#fde7e5")


def soon_background() -> QColor:
    """Background for deadlines due this week."""
    return QColor("#4d3b00") if is_dark() else QColor("#fff4cc")


def muted() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def alert_style() -> str:
    return f"color: {alert().name()};"
