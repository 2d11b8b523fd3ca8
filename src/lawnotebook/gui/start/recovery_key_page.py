"""The recovery key, shown exactly once after creation, with Print and "I have written it down"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from lawnotebook.gui.parts import look, paper
from lawnotebook.gui.parts.form_parts import card


class RecoveryKeyPage(QWidget):
    """Emits ``confirmed`` when the user says the key is written down; then forgets the key."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = card(
            self,
            self.tr("Your recovery key"),
            self.tr(
                "If you ever forget your passphrase, this key is the only other way into the "
                "vault. Write it on paper or print it, and keep it somewhere safe away from this "
                "computer. It will not be shown again."
            ),
        )
        self.key_label = QLabel(self)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(look.scaled_font(1.35).pointSizeF())
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setMinimumHeight(64)
        self.key_label.setFrameShape(QLabel.Shape.StyledPanel)
        column.addWidget(self.key_label)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.setToolTip(self.tr("Print the recovery key on paper"))
        self.print_action.triggered.connect(self._print)
        self.written = QCheckBox(self.tr("I have written it down or printed it"), self)
        self.done = QPushButton(self.tr("Continue"), self)
        self.done.setEnabled(False)
        self.done.setDefault(True)
        self.print_button = print_button = QPushButton(self.print_action.text(), self)
        print_button.setAccessibleName(self.tr("Print the recovery key"))
        print_button.clicked.connect(self.print_action.trigger)
        self.addAction(self.print_action)
        # Top to bottom as the lawyer works: print it, tick that it is written down, continue;
        # Tab runs in the same order.
        column.addWidget(print_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done)
        column.addWidget(self.written)
        column.addLayout(row)
        QWidget.setTabOrder(print_button, self.written)
        QWidget.setTabOrder(self.written, self.done)
        column.addStretch(2)
        self.written.toggled.connect(self.done.setEnabled)
        self.done.clicked.connect(self._confirm)

    def show_key(self, key_text: str) -> None:
        self.key_label.setText(key_text)
        self.written.setChecked(False)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.print_button.setFocus()  # the key page starts with a focus, so Tab goes somewhere

    def _confirm(self) -> None:
        self.clear()
        self.confirmed.emit()

    def clear(self) -> None:
        self.key_label.clear()
        self.written.setChecked(False)

    def printable(self) -> QTextDocument:
        """The page that gets printed: the key, what it is for, and nothing about cases."""
        return paper.sheet(
            self,
            self.tr("Lawnotebook recovery key")
            + "\n\n"
            + self.key_label.text()
            + "\n\n"
            + self.tr(
                "This key opens your Lawnotebook vault if you forget the passphrase. "
                "Keep it somewhere safe, away from the computer."
            ),
        )

    def _print(self) -> None:
        paper.print_sheet(self, self.printable(), self.tr("Print the recovery key"))
