"""Small pieces the first-run and unlock pages share: a centred card, passphrase fields, a busy
bar and an inline error line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts import look

CARD_WIDTH = 560


def card(page: QWidget, title: str, intro: str) -> QVBoxLayout:
    """Lay ``page`` out as a centred column with a heading; returns the column to fill."""
    outer = QHBoxLayout(page)
    outer.addStretch(1)
    column_widget = QWidget(page)
    column_widget.setMaximumWidth(CARD_WIDTH)
    column_widget.setMinimumWidth(min(CARD_WIDTH, 420))
    outer.addWidget(column_widget, 4)
    outer.addStretch(1)
    column = QVBoxLayout(column_widget)
    column.addStretch(1)
    heading = QLabel(title, column_widget)
    heading.setFont(look.scaled_font(1.6, bold=True))
    heading.setWordWrap(True)
    column.addWidget(heading)
    if intro:
        text = QLabel(intro, column_widget)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(text)
    column.addSpacing(12)
    page.setProperty("card_column", column_widget)
    return column


def _eye_icon(widget: QWidget) -> QIcon:
    """The theme's "show" icon where there is one, else a small painted eye."""
    icon = QIcon.fromTheme("view-reveal-symbolic", QIcon.fromTheme("view-visible"))
    if not icon.isNull():
        return icon
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = widget.palette().color(QPalette.ColorRole.Text)
    painter.setPen(QPen(color, 2.2))
    eye = QPainterPath(QPointF(3, 16))
    eye.quadTo(16, 3, 29, 16)
    eye.quadTo(16, 29, 3, 16)
    painter.drawPath(eye)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(16, 16), 4.5, 4.5)
    painter.end()
    return QIcon(pixmap)


class PassphraseField(QLineEdit):
    """A password-style line edit with a show/hide action."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(accessible_name)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        self._toggle = QAction(self.tr("Show"), self)
        self._toggle.setIcon(_eye_icon(self))
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._toggle.setToolTip(self.tr("Show or hide what you typed"))
        self._toggle.triggered.connect(self._flip)

    def _flip(self) -> None:
        hidden = self.echoMode() == QLineEdit.EchoMode.Password
        self.setEchoMode(QLineEdit.EchoMode.Normal if hidden else QLineEdit.EchoMode.Password)


class BusyBar(QWidget):
    """An indeterminate progress bar with a line of text, hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setAccessibleName(self.tr("Working"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setVisible(False)

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.setVisible(True)

    def stop(self) -> None:
        self.setVisible(False)


def link_button(button: QAbstractButton) -> None:
    """Make a flat button read as a link (a secondary path, not the main action)."""
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        f"color: {button.palette().color(QPalette.ColorRole.Link).name()}; border: none;"
        "text-align: left; padding: 2px 0;"
    )


class ErrorLine(QLabel):
    """A plain-language error shown beside the form that caused it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(self.tr("Problem"))
        self.setStyleSheet(look.alert_style())
        self.setVisible(False)

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
        self.setVisible(False)
