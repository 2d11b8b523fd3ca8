"""Changing the vault's key: what it protects and what it does not, then the passphrase.

The window locks the vault (stopping all background work), re-encrypts it under a new data
key off the GUI thread, and shows the new recovery key once (``gui/window/main_window.py``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class RotateKeyDialog(QDialog):
    """Asks for the current passphrase; ``passphrase()`` after ``exec()`` returns true."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the vault's key"))
        explained = QLabel(
            self.tr(
                "Lawnotebook will lock, re-encrypt the whole database (notes, records, the "
                "search index and the keys of the evidence files) under a new random key, and "
                "show you a new recovery key once. Afterwards an old copy of the vault's key "
                "file, the old passphrase and the old recovery key no longer open today's "
                "vault, and this computer no longer remembers it.\n\n"
                "It does not re-encrypt the evidence files themselves: each has its own key, "
                "kept inside the database. Someone who already holds an old copy of the "
                "database together with its old key can still read the evidence files that "
                "existed then. Copies made outside Lawnotebook (backups, sync folders) stay "
                "under the old key. Do not switch the computer off while it runs."
            ),
            self,
        )
        explained.setWordWrap(True)
        self.passphrase_field = QLineEdit(self)
        self.passphrase_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_field.setAccessibleName(self.tr("Current passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.passphrase_field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change the key"))
        self.ok.setEnabled(False)
        self.passphrase_field.textChanged.connect(lambda text: self.ok.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def passphrase(self) -> str:
        return self.passphrase_field.text()

    def done(self, result: int) -> None:
        super().done(result)
        if result != QDialog.DialogCode.Accepted:
            self.passphrase_field.clear()
