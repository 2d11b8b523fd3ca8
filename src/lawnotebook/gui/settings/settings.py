"""The window's own settings, kept in QSettings: nothing here may name a case, client or search.

Only machine-level preferences live outside the vault: window geometry, auto-lock minutes,
clipboard clearing, the interface language and after how many days without a backup the desk
warns (the backup drives themselves are remembered inside the vault).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_AUTO_LOCK_MINUTES = 5
MAX_AUTO_LOCK_MINUTES = 240
DEFAULT_BACKUP_WARNING_DAYS = 7  # the desk warns once the last backup is older than this
MAX_BACKUP_WARNING_DAYS = 365
LANGUAGES = ("system", "en", "zh_CN", "zh_TW")  # "system": follow the computer's locale


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class DeskSettings:
    """Typed access to the few settings stored outside the vault."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings("Lawnotebook", "Lawnotebook")

    @property
    def auto_lock_minutes(self) -> int:
        try:
            value = int(self.store.value("lock/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES
        return max(1, min(MAX_AUTO_LOCK_MINUTES, value))

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self.store.setValue("lock/auto_lock_minutes", max(1, min(MAX_AUTO_LOCK_MINUTES, minutes)))

    @property
    def clear_clipboard(self) -> bool:
        return _bool(self.store.value("lock/clear_clipboard"), True)

    @clear_clipboard.setter
    def clear_clipboard(self, on: bool) -> None:
        self.store.setValue("lock/clear_clipboard", on)

    @property
    def language(self) -> str:
        value = str(self.store.value("ui/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, code: str) -> None:
        self.store.setValue("ui/language", code if code in LANGUAGES else "system")

    @property
    def backup_warning_days(self) -> int:
        try:
            value = int(self.store.value("backup/warning_days", DEFAULT_BACKUP_WARNING_DAYS))
        except (TypeError, ValueError):
            return DEFAULT_BACKUP_WARNING_DAYS
        return max(0, min(MAX_BACKUP_WARNING_DAYS, value))

    @backup_warning_days.setter
    def backup_warning_days(self, days: int) -> None:
        self.store.setValue("backup/warning_days", max(0, min(MAX_BACKUP_WARNING_DAYS, days)))

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    def sync(self) -> None:
        self.store.sync()
