""" "Last backup: N days ago" on the desk, in the warning style once older than the lawyer's
threshold (Settings) or when there has been no backup at all."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from lawnotebook.gui.parts import look
from lawnotebook.services.backup import days_since_last_backup
from lawnotebook.services.vault_access import Vault


class BackupAge(QLabel):
    def __init__(self, warn_after_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warn_after_days = warn_after_days
        self.warning = False
        self.setToolTip(self.tr("Back up with File → Back up now…"))

    def show_age(self, days: int | None, warn_after_days: int | None = None) -> None:
        if warn_after_days is not None:
            self.warn_after_days = warn_after_days
        if days is None:
            text = self.tr("Last backup: never")
        elif days == 0:
            text = self.tr("Last backup: today")
        elif days == 1:
            text = self.tr("Last backup: yesterday")
        else:
            text = self.tr("Last backup: {days} days ago").format(days=days)
        self.warning = days is None or days > self.warn_after_days
        self.setText(text)
        self.setStyleSheet(look.alert_style() if self.warning else "")
        self.setAccessibleName(text)

    def read(self, vault: Vault, now: datetime | None = None) -> None:
        """Read the age from the vault's own list of backup drives (a small query)."""
        self.show_age(days_since_last_backup(vault, now))
