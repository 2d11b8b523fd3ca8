"""Settings: auto-lock minutes, clipboard clearing, language, the backup warning; what locks the
vault by itself; while a vault is open, your name, law firm and licence number and the settings
of the legality checks (kept in the vault)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.owner_fields import OwnerFields
from lawnotebook.gui.settings.check_settings_box import CheckSettingsBox
from lawnotebook.gui.settings.settings import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_BACKUP_WARNING_DAYS,
    DeskSettings,
)
from lawnotebook.services.check_settings import CheckSettingsAccess
from lawnotebook.services.owner import OwnerDetails


class SettingsDialog(QDialog):
    """Edits :class:`DeskSettings` on OK. Nothing here names a case."""

    def __init__(
        self,
        settings: DeskSettings,
        lock_status: str,
        parent: QWidget | None = None,
        *,
        rotate_key: Callable[[str], None] | None = None,
        owner: OwnerDetails | None = None,
        recovery_shares: Callable[[QDialog], None] | None = None,
        checks: CheckSettingsAccess | None = None,
    ) -> None:
        """``rotate_key(passphrase)``, given while a vault is open, offers "Change the vault's
        key": the dialog closes and the window does the change. ``owner``, given while a vault
        is open, offers "You": name, law firm and licence number, stored on OK. ``checks``, the
        same, offers "Legality checks" (the thresholds and the serious charges)."""
        super().__init__(parent)
        self.settings = settings
        self._owner = owner
        self.you = QGroupBox(self.tr("You"), self)
        self.owner_fields = OwnerFields(self.you)
        self.owner_error = ErrorLine(self.you)
        you_layout = QVBoxLayout(self.you)
        you_layout.addWidget(self.owner_fields)
        you_layout.addWidget(self.owner_error)
        self.you.setVisible(owner is not None)
        if owner is not None:
            self.owner_fields.set_profile(owner.get())
            self.owner_fields.note.setText(
                self.tr(
                    "Your name is on your key card: colleagues see it there and on the bundles "
                    "you send. After changing it, send your key card again (Colleagues → Save "
                    "my key card); the fingerprint stays the same. The firm and licence number "
                    "are printed in the head of reports."
                )
            )
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
        self.backup_days = QSpinBox(self)
        self.backup_days.setRange(1, MAX_BACKUP_WARNING_DAYS)
        self.backup_days.setSuffix(self.tr(" days"))
        self.backup_days.setValue(max(1, settings.backup_warning_days))
        self.backup_days.setAccessibleName(
            self.tr("Warn when the last backup is older than this many days")
        )
        theme = QLabel(self.tr("Follows your system's light or dark setting."), self)
        system = QLabel(lock_status, self)
        system.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.minutes)
        form.addRow("", self.clipboard)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Warn about backups after"), self.backup_days)
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
        # Recovery shares (issue 18): the dialog opens over this one, given an open vault.
        self.shares_button = QPushButton(self.tr("Make recovery shares…"), self)
        self.shares_button.setToolTip(
            self.tr("Split the recovery key among colleagues you trust (for example 2 of 3)")
        )
        self.shares_button.setVisible(recovery_shares is not None)
        if recovery_shares is not None:
            self.shares_button.clicked.connect(lambda: recovery_shares(self))
        form.addRow(self.tr("Recovery shares"), self.shares_button)
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
        layout.addWidget(self.you)
        self.checks = CheckSettingsBox(checks, self) if checks is not None else None
        self.checks_changed = False
        if self.checks is not None:
            layout.addWidget(self.checks)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if self.checks is not None:  # wrapped notes: tall enough for them from the start
            self.setMinimumWidth(660)
            layout.activate()
            self.resize(660, layout.totalHeightForWidth(660))

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
        if self._owner is not None:
            typed = self.owner_fields.profile()
            try:
                self._owner.set(typed.name, typed.firm, typed.licence)
            except LawnotebookError as exc:
                from lawnotebook.gui.parts.messages import explain

                self.owner_error.show_text(explain(exc))
                self.owner_fields.name.setFocus()
                return
        if self.checks is not None:
            self.checks_changed = self.checks.changed()
            if self.checks_changed and not self.checks.store():
                return
        self.settings.auto_lock_minutes = self.minutes.value()
        self.settings.clear_clipboard = self.clipboard.isChecked()
        self.settings.language = self.language.currentData()
        self.settings.backup_warning_days = self.backup_days.value()
        self.settings.sync()
        super().accept()
