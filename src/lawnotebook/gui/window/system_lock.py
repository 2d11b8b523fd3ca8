"""Locking with the computer: suspend and screen lock, where the platform reports them.

On Linux: logind's ``PrepareForSleep`` and the session's ``Lock`` on the system bus, and the
desktop's ``org.freedesktop.ScreenSaver.ActiveChanged`` on the session bus, via QtDBus. Without
a bus (or QtDBus) nothing is connected and :attr:`SystemLockSignals.status` says so.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot

LOGIN1 = "org.freedesktop.login1"


class SystemLockSignals(QObject):
    """Emits ``lock_now`` when the computer is about to sleep or its screen locks."""

    lock_now = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        if sys.platform.startswith("linux"):
            self._connect_dbus()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(
                LOGIN1,
                "/org/freedesktop/login1",
                f"{LOGIN1}.Manager",
                "PrepareForSleep",
                self,
                SLOT("_sleep(bool)"),
            ):
                self.sources.append("suspend")
            if system.connect(
                LOGIN1,
                "/org/freedesktop/login1/session/auto",
                f"{LOGIN1}.Session",
                "Lock",
                self,
                SLOT("_locked()"),
            ):
                self.sources.append("session lock")
        session = QDBusConnection.sessionBus()
        if session.isConnected() and session.connect(
            "",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            self,
            SLOT("_screensaver(bool)"),
        ):
            self.sources.append("screen saver")

    @property
    def available(self) -> bool:
        return bool(self.sources)

    def status(self) -> str:
        """One sentence for the settings dialog."""
        if self.sources:
            return self.tr("Lawnotebook locks when the computer sleeps or its screen locks.")
        if not sys.platform.startswith("linux"):
            return self.tr(
                "On this system Lawnotebook cannot tell when the screen locks; "
                "it still locks after the idle time and with Ctrl+L."
            )
        return self.tr(
            "No system message bus (D-Bus) was found, so Lawnotebook cannot lock when the "
            "computer sleeps or the screen locks. It still locks after the idle time "
            "and with Ctrl+L."
        )

    @Slot(bool)
    def _sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_now.emit()

    @Slot()
    def _locked(self) -> None:
        self.lock_now.emit()

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.lock_now.emit()
