"""Forgotten passphrase: the recovery key opens the vault and a new passphrase is set."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from lawnotebook.gui.parts.form_parts import BusyBar, ErrorLine, PassphraseField, card
from lawnotebook.gui.start.passphrase_strength import MIN_LENGTH


class RecoverPage(QWidget):
    """Emits ``recover_requested(recovery_key_text, new_passphrase)`` or ``back_requested``."""

    recover_requested = Signal(str, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = card(
            self,
            self.tr("Open with your recovery key"),
            self.tr(
                "Type the recovery key you wrote down or printed when you created the vault "
                "(upper or lower case, with or without dashes), then choose a new passphrase."
            ),
        )
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX")
        self.first = PassphraseField(self.tr("New passphrase"), self)
        self.second = PassphraseField(self.tr("New passphrase again"), self)
        self.error = ErrorLine(self)
        self.busy = BusyBar(self)
        self.submit = QPushButton(self.tr("Open and set the new passphrase"), self)
        self.submit.setDefault(True)
        self.back = QPushButton(self.tr("Back"), self)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.submit)
        for w in (self.key, self.first, self.second, self.error, self.busy):
            column.addWidget(w)
        column.addLayout(row)
        column.addStretch(2)
        self.submit.clicked.connect(self._submit)
        self.second.returnPressed.connect(self._submit)
        self.back.clicked.connect(self.back_requested)

    def _submit(self) -> None:
        if len(self.first.text()) < MIN_LENGTH:
            self.error.show_text(
                self.tr("Choose a longer passphrase: at least {n} characters.").format(n=MIN_LENGTH)
            )
            return
        if self.first.text() != self.second.text():
            self.error.show_text(self.tr("The two new passphrases are different."))
            return
        self.error.clear()
        self.recover_requested.emit(self.key.text(), self.first.text())

    def set_busy(self, busy: bool) -> None:
        for w in (self.key, self.first, self.second, self.submit, self.back):
            w.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Opening the vault and setting the new passphrase…"))
        else:
            self.busy.stop()

    def show_error(self, text: str) -> None:
        self.error.show_text(text)

    def clear(self) -> None:
        for w in (self.key, self.first, self.second):
            w.clear()
        self.error.clear()
