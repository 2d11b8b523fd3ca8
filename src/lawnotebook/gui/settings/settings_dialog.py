"""Settings: auto-lock minutes, clipboard clearing, language; what locks the vault by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts import i18n
from lawnotebook.gui.settings.settings import MAX_AUTO_LOCK_MINUTES, DeskSettings


class SettingsDialog(QDialog):
    """Edits :class:`DeskSettings` on OK. Nothing here names a case."""

    def __init__(
        self,
        settings: DeskSettings,
        lock_status: str,
        parent: QWidget | None = None,
        *,
        rotate_key: Callable[[str], None] | None = None,
    ) -> None:
        """``rotate_key(passphrase)``, given while a vault is open, offers "Change the vault's
        key": the dialog closes and the window does the change."""
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, MAX_AUTO_LOCK_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(settings.auto_lock_minutes)
        self.minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.clipboard = QCheckBox(
            self.tr("Clear the clipboard when locking, if it holds text copied from Lawnotebook"),
            self,
        )
        self.clipboard.setChecked(settings.clear_clipboard)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as this computer"), i18n.SYSTEM)
        # Each language is named in itself, so a user can find theirs in any interface.
        self.language.addItem("English", i18n.ENGLISH)
        self.language.addItem("简体中文", i18n.CHINESE_SIMPLIFIED)
        if i18n.qm_path(i18n.CHINESE_TRADITIONAL) is not None:
            self.language.addItem("繁體中文", i18n.CHINESE_TRADITIONAL)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, index))
        self.language.setAccessibleName(self.tr("Language"))
        self.language_note = QLabel(
            self.tr("A new language is used from the next time Lawnotebook starts."), self
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self._show_language_note(self.language.currentData() != settings.language)
        )
        theme = QLabel(self.tr("Follows your system's light or dark setting."), self)
        system = QLabel(lock_status, self)
        system.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.minutes)
        form.addRow("", self.clipboard)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Appearance"), theme)
        form.addRow(self.tr("Screen lock and sleep"), system)
        self.rotate_button = QPushButton(self.tr("Change the vault's key…"), self)
        self.rotate_button.setToolTip(
            self.tr("Re-encrypt the vault under a new key and get a new recovery key")
        )
        self.rotate_button.setVisible(rotate_key is not None)
        self._rotate_key = rotate_key
        self.rotate_button.clicked.connect(self._ask_rotate_key)
        form.addRow(self.tr("Vault key"), self.rotate_button)
        privacy = QLabel(
            self.tr(
                "These settings are stored on this computer outside the vault, so they never "
                "name a case, client or search."
            ),
            self,
        )
        privacy.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _ask_rotate_key(self) -> None:
        from lawnotebook.gui.settings.rotate_key_dialog import RotateKeyDialog

        ask = RotateKeyDialog(self)
        if ask.exec() and self._rotate_key is not None:
            passphrase = ask.passphrase()
            ask.passphrase_field.clear()
            self.reject()  # settings edits are not saved by this; the window locks next
            self._rotate_key(passphrase)

    def _show_language_note(self, shown: bool) -> None:
        # A wrapped label in a form does not make a shown dialog taller by itself: grow it to
        # the height its text needs, so "used from the next start" is not clipped.
        self.language_note.setVisible(shown)
        layout = self.layout()
        if layout is not None:
            layout.activate()
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def accept(self) -> None:
        self.settings.auto_lock_minutes = self.minutes.value()
        self.settings.clear_clipboard = self.clipboard.isChecked()
        self.settings.language = self.language.currentData()
        self.settings.sync()
        super().accept()
