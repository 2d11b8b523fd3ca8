"""Restore from a backup (the laptop is gone): choose the backup's drive or folder, type its
passphrase (or the recovery key), choose where the new vault goes; the window restores it with
progress, checks it deeply and opens it. Built only when asked for (the first page loads fast)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from lawnotebook.gui.parts.drive_picker import DrivePicker
from lawnotebook.gui.parts.file_dialogs import choose_folder
from lawnotebook.gui.parts.form_parts import ErrorLine, PassphraseField, card

BAR_STEPS = 1000


class RestorePage(QWidget):
    """Emits ``restore_requested(backup, secret, is_recovery_key, target)`` or
    ``back_requested``."""

    restore_requested = Signal(Path, str, bool, Path)
    back_requested = Signal()

    def __init__(self, target: Path | None, parent: QWidget | None = None) -> None:
        """``target``: where the new vault goes unless another folder is chosen (the window's
        vault folder when there is no vault there yet)."""
        super().__init__(parent)
        column = card(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Plug in your backup drive and choose it (or the folder the backup is in). "
                "The newest backup on it becomes a new working vault, checked page by page "
                "before it opens."
            ),
        )
        self.picker = DrivePicker(self.tr("Where the backup is"), self)
        self.picker.places.setMinimumHeight(110)
        self.secret = PassphraseField(self.tr("The vault's passphrase"), self)
        self.is_key = QCheckBox(self.tr("I am typing the recovery key instead"), self)
        self.is_key.toggled.connect(self._secret_kind)
        self.target = target
        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_target = QPushButton(self.tr("Choose where the new vault goes…"), self)
        self.choose_target.setAutoDefault(False)
        self.choose_target.clicked.connect(self._choose_target)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLine(self)
        self.submit = QPushButton(self.tr("&Restore and open"), self)
        self.submit.setDefault(True)
        self.back = QPushButton(self.tr("Back"), self)
        self.back.setAutoDefault(False)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_label, 1)
        target_row.addWidget(self.choose_target)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.submit)
        column.addWidget(self.picker)
        column.addWidget(self.secret)
        column.addWidget(self.is_key)
        column.addLayout(target_row)
        for w in (self.bar, self.status, self.error):
            column.addWidget(w)
        column.addLayout(row)
        column.addStretch(2)
        self.submit.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)
        self.back.clicked.connect(self.back_requested)
        self._show_target()
        self.picker.list_drives()

    def _secret_kind(self, recovery_key: bool) -> None:
        self.secret.setAccessibleName(
            self.tr("Recovery key") if recovery_key else self.tr("The vault's passphrase")
        )
        self.secret.setPlaceholderText(
            "XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX" if recovery_key else ""
        )

    def _show_target(self) -> None:
        self.target_label.setText(
            self.tr("The new vault goes in: {folder}").format(folder=self.target)
            if self.target is not None
            else self.tr("Choose an empty folder for the new vault.")
        )

    def _choose_target(self) -> None:
        folder = choose_folder(self, self.tr("Where the new vault goes"))
        if folder is not None:
            self.set_target(folder)

    def set_target(self, folder: Path) -> None:
        self.target = Path(folder)
        self._show_target()

    def _submit(self) -> None:
        backup = self.picker.folder()
        if backup is None:
            self.error.show_text(self.tr("Choose the drive or folder the backup is on."))
        elif not self.secret.text():
            self.error.show_text(self.tr("Type the vault's passphrase or its recovery key."))
        elif self.target is None:
            self.error.show_text(self.tr("Choose an empty folder for the new vault."))
        else:
            self.error.clear()
            self.restore_requested.emit(
                backup, self.secret.text(), self.is_key.isChecked(), self.target
            )

    def set_busy(self, busy: bool) -> None:
        for w in (self.picker, self.secret, self.is_key, self.choose_target, self.submit):
            w.setEnabled(not busy)
        self.back.setEnabled(not busy)
        self.bar.setVisible(busy)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(0)
        self.status.setText(
            self.tr("Restoring the backup and checking every page and evidence file…")
            if busy
            else ""
        )

    def show_progress(self, done: int, total: int | None) -> None:
        if total:
            self.bar.setValue(min(BAR_STEPS, done * BAR_STEPS // total))

    def show_error(self, text: str) -> None:
        self.error.show_text(text)
        self.secret.selectAll()
        self.secret.setFocus()

    def clear(self) -> None:
        self.secret.clear()
        self.error.clear()
        self.status.clear()
