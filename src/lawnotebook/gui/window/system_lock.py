"""Locking with the computer: suspend and screen lock, where the platform reports them.

On Linux: logind's ``PrepareForSleep`` and our session's ``Lock`` on the system bus, and the
desktop's screen saver ``ActiveChanged`` (freedesktop, as KDE and others send it, and GNOME's
own) on the session bus, via QtDBus. Without a bus (or QtDBus) nothing is connected and
:meth:`SystemLockSignals.status` says so.

The buses are reached through :class:`MessageBuses` (QtDBus in the app, :func:`default_buses`);
the tests pass a fake bus that emits these signals into the real window.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple, Protocol

from PySide6.QtCore import QObject, Signal, Slot

LOGIN1 = "org.freedesktop.login1"
SESSION_LOCK = "session lock"


class Watch(NamedTuple):
    """One signal to follow: where it comes from and the slot (its Qt signature) it calls."""

    source: str  # what the settings dialog counts: "suspend", "session lock", "screen saver"
    bus: str  # "system" or "session"
    service: str  # "" for any sender
    path: str
    interface: str
    name: str
    slot: str


SUSPEND = Watch(
    "suspend",
    "system",
    LOGIN1,
    "/org/freedesktop/login1",
    f"{LOGIN1}.Manager",
    "PrepareForSleep",
    "_sleep(bool)",
)
SCREEN_SAVERS = tuple(
    Watch("screen saver", "session", "", path, interface, "ActiveChanged", "_screensaver(bool)")
    for path, interface in (
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE, Xfce, others
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),  # GNOME Shell sends only this one
    )
)


def session_lock(session_path: str) -> Watch:
    """logind sends ``Lock`` from the session's own object path (``.../session/_32``); the
    ``.../session/auto`` alias resolves method calls only, so a signal match on it never fires."""
    return Watch(
        SESSION_LOCK, "system", LOGIN1, session_path, f"{LOGIN1}.Session", "Lock", "_locked()"
    )


class MessageBuses(Protocol):
    """What the watch needs of D-Bus."""

    def connected(self, bus: str) -> bool:
        """Whether the ``"system"`` or ``"session"`` bus can be used."""
        ...

    def subscribe(self, watch: Watch, receiver: QObject) -> bool:
        """Call ``watch.slot`` of ``receiver`` on each such signal; whether that worked."""
        ...

    def login_session_path(self) -> str | None:
        """The object path of the logind session this program runs in, if logind says."""
        ...


class QtDBusBuses:
    """The system and session buses through QtDBus."""

    def __init__(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        self._buses = {
            "system": QDBusConnection.systemBus(),
            "session": QDBusConnection.sessionBus(),
        }

    def connected(self, bus: str) -> bool:
        return self._buses[bus].isConnected()

    def subscribe(self, watch: Watch, receiver: QObject) -> bool:
        from PySide6.QtCore import SLOT

        where = (watch.service, watch.path, watch.interface, watch.name)
        slot = SLOT(watch.slot)  # "1_sleep(bool)"; the stubs say bytes, PySide6 takes only str
        return bool(self._buses[watch.bus].connect(*where, receiver, slot))  # type: ignore[call-overload]

    def login_session_path(self) -> str | None:
        from PySide6.QtDBus import QDBusMessage

        call = QDBusMessage.createMethodCall(
            LOGIN1, "/org/freedesktop/login1", f"{LOGIN1}.Manager", "GetSession"
        )
        call.setArguments([os.environ.get("XDG_SESSION_ID") or "auto"])
        reply = self._buses["system"].call(call, timeout=2000)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        path = reply.arguments()[0]
        path = path.path() if hasattr(path, "path") else str(path)  # a QDBusObjectPath
        return path or None


def default_buses() -> MessageBuses | None:
    """The platform's buses, or None where there are none to follow (not Linux, no QtDBus)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return QtDBusBuses()
    except ImportError:
        return None


class SystemLockSignals(QObject):
    """Emits ``lock_now`` when the computer is about to sleep or its screen locks."""

    lock_now = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        buses: MessageBuses | None = None,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.platform = platform or sys.platform
        self.sources: list[str] = []
        if buses is None:
            buses = default_buses()
        if buses is not None:
            self._follow(buses)

    def _follow(self, buses: MessageBuses) -> None:
        watches: list[Watch] = []
        if buses.connected("system"):
            watches.append(SUSPEND)
            path = buses.login_session_path()
            if path:
                watches.append(session_lock(path))
        if buses.connected("session"):
            watches += SCREEN_SAVERS
        for watch in watches:
            if buses.subscribe(watch, self) and watch.source not in self.sources:
                self.sources.append(watch.source)

    @property
    def available(self) -> bool:
        return bool(self.sources)

    def status(self) -> str:
        """One sentence for the settings dialog."""
        if self.sources:
            return self.tr("Lawnotebook locks when the computer sleeps or its screen locks.")
        if not self.platform.startswith("linux"):
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
