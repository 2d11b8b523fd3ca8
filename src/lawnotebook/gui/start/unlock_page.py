"""The unlock screen (also the lock screen): passphrase, or the recovery-key path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from lawnotebook.gui.parts.form_parts import BusyBar, ErrorLine, PassphraseField, card, link_button


class UnlockPage(QWidget):
    """Emits ``unlock_requested(passphrase)``, ``recovery_requested``, ``device_requested`` or
    ``restore_requested``."""

    unlock_requested = Signal(str)
    recovery_requested = Signal()
    device_requested = Signal()
    restore_requested = Signal()

    def __init__(self, vault_dir: Path, can_use_keychain: bool, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        column = card(
            self,
            self.tr("Lawnotebook is locked"),
            self.tr("Type your passphrase to open your case files."),
        )
        self.where = where = QLabel(self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_vault_dir(vault_dir)
        self.passphrase = PassphraseField(self.tr("Passphrase"), self)
        self.error = ErrorLine(self)
        self.busy = BusyBar(self)
        self.submit = QPushButton(self.tr("Unlock"), self)
        self.submit.setDefault(True)
        self.forgot = QPushButton(self.tr("Forgot the passphrase? Use the recovery key"), self)
        link_button(self.forgot)
        self.device = QPushButton(self.tr("Unlock with this computer's keychain"), self)
        link_button(self.device)
        self.device.setVisible(can_use_keychain)
        row = QHBoxLayout()
        row.addWidget(self.forgot)
        row.addStretch(1)
        row.addWidget(self.submit)
        for w in (where, self.passphrase, self.error, self.busy):
            column.addWidget(w)
        column.addLayout(row)
        column.addWidget(self.device, 0, Qt.AlignmentFlag.AlignLeft)
        self.restore = QPushButton(self.tr("Restore from a backup…"), self)
        link_button(self.restore)
        self.restore.clicked.connect(self.restore_requested)
        column.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        self.passphrase.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self.forgot.clicked.connect(self.recovery_requested)
        self.device.clicked.connect(self.device_requested)

    def set_vault_dir(self, vault_dir: Path) -> None:
        self.where.setText(self.tr("Vault: {path}").format(path=vault_dir))

    def _submit(self) -> None:
        if not self.passphrase.text():
            self.error.show_text(self.tr("Type your passphrase first."))
            return
        self.error.clear()
        self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        for w in (self.passphrase, self.submit, self.forgot, self.device, self.restore):
            w.setEnabled(not busy)
        if busy:
            self.busy.start(
                self.tr("Checking the passphrase… (this takes about a second on purpose)")
            )
        else:
            self.busy.stop()
            self.passphrase.setFocus()

    def show_error(self, text: str) -> None:
        self.error.show_text(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def clear(self) -> None:
        self.passphrase.clear()
        self.error.clear()
