"""Locking with the computer: a fake message bus sends logind's PrepareForSleep and Lock and the
screen savers' ActiveChanged into the real window, which locks and drops the key; a signal that
means "awake" or "unlocked", or comes from another login session, leaves the desk as it was."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt

from lawnotebook.core.records import Note
from lawnotebook.gui.window import system_lock
from lawnotebook.gui.window.main_window import MainWindow
from lawnotebook.gui.window.system_lock import SystemLockSignals, Watch
from lawnotebook.services.session import unlock_with_passphrase
from lawnotebook.services.vault_access import NoKeyStore
from support import FAST_KDF, PASSPHRASE

OUR_SESSION = "/org/freedesktop/login1/session/_32"
OTHER_SESSION = "/org/freedesktop/login1/session/c7"
LOGIN1 = "org.freedesktop.login1"
TITLE = "State v. Osei"
NOTE = "The client says the interrogators kept him awake for three nights"


class FakeBus:
    """The system and session buses as QtDBus shows them to the watch: a signal reaches a
    subscriber whose path, interface and member match, through the event loop, and only a slot
    the receiver really has (QtDBus refuses a connection to any other)."""

    def __init__(
        self, *, system: bool = True, session: bool = True, path: str | None = OUR_SESSION
    ):
        self.up = {"system": system, "session": session}
        self.path = path
        self.watches: list[tuple[Watch, QObject]] = []

    def connected(self, bus: str) -> bool:
        return self.up[bus]

    def subscribe(self, watch: Watch, receiver: QObject) -> bool:
        if not self.up[watch.bus] or receiver.metaObject().indexOfSlot(watch.slot) < 0:
            return False
        self.watches.append((watch, receiver))
        return True

    def login_session_path(self) -> str | None:
        return self.path if self.up["system"] else None

    def emit(self, bus: str, path: str, interface: str, name: str, *args: bool) -> int:
        """Send a signal; returns how many subscribers it reached."""
        reached = 0
        for watch, receiver in self.watches:
            if (watch.bus, watch.path, watch.interface, watch.name) != (bus, path, interface, name):
                continue
            method = watch.slot.split("(")[0]
            arguments = [Q_ARG(bool, a) for a in args]
            assert QMetaObject.invokeMethod(
                receiver, method, Qt.ConnectionType.QueuedConnection, *arguments
            )
            reached += 1
        return reached

    # the signals as the system sends them
    def prepare_for_sleep(self, going: bool) -> int:
        return self.emit(
            "system", "/org/freedesktop/login1", f"{LOGIN1}.Manager", "PrepareForSleep", going
        )

    def session_lock(self, path: str = OUR_SESSION) -> int:
        return self.emit("system", path, f"{LOGIN1}.Session", "Lock")

    def screen_saver(self, active: bool, *, gnome: bool = False) -> int:
        interface = "org.gnome.ScreenSaver" if gnome else "org.freedesktop.ScreenSaver"
        path = "/" + interface.replace(".", "/")
        return self.emit("session", path, interface, "ActiveChanged", active)


@pytest.fixture
def bus(monkeypatch) -> FakeBus:
    fake = FakeBus()
    monkeypatch.setattr(system_lock, "default_buses", lambda: fake)
    return fake


@pytest.fixture
def desk(qtbot, ui, bus, desk_settings, tmp_path):
    """The real window, watching the (fake) system as the app does, unlocked on a case with a
    note being typed."""
    window = MainWindow(
        tmp_path / "vault",
        keystore=NoKeyStore("No keychain (test)."),
        settings=desk_settings,
        kdf=FAST_KDF,
    )
    qtbot.addWidget(window)
    window.show()
    ui.create_vault(window)
    qtbot.waitUntil(lambda: window.system_lock is not None)
    session = window.session
    case = session.case_file.new_case(TITLE, client="Kwame Osei")
    window.desk.refresh()
    window.desk.open_case(case.id, "notes")
    notes = window.desk.workspace.current_tab()
    notes.new.click()
    ui.commit(notes.editor.text, NOTE)
    yield window, session, case
    window.lock()


def _assert_locked(window, session, visible_text) -> None:  # type: ignore[no-untyped-def]
    assert window.is_locked
    assert window.desk is None and window.pages.currentWidget() is window.unlock_page
    vault = session.vault
    assert not vault.is_open
    assert bytes(vault._data_key) == bytes(len(vault._data_key))  # our copy of the key, zeroed
    # No flush of the deferred deletions first: the desk goes in the next turn of the event
    # loop, but wipe() has already emptied its widgets and the models of its lists.
    assert TITLE not in visible_text() and NOTE not in visible_text()
    # the database is closed and the vault's lock released: it opens again, with the note saved
    again = unlock_with_passphrase(vault.paths.root, PASSPHRASE)
    try:
        (case,) = again.case_file.cases()
        assert [n.text for n in again.case_file.list(Note, case)] == [NOTE]
    finally:
        again.close()


def test_the_window_follows_suspend_our_session_lock_and_both_screen_savers(desk, bus):
    window, _, _ = desk
    assert window.system_lock.sources == ["suspend", "session lock", "screen saver"]
    assert window.system_lock.status() == (
        "Lawnotebook locks when the computer sleeps or its screen locks."
    )
    followed = {(w.bus, w.path, w.interface, w.name) for w, _ in bus.watches}
    assert ("system", OUR_SESSION, f"{LOGIN1}.Session", "Lock") in followed
    assert not any(path.endswith("/auto") for _, path, _, _ in followed)


def test_suspend_locks_the_window_and_drops_the_key(qtbot, desk, bus, visible_text):
    window, session, _ = desk
    assert bus.prepare_for_sleep(True) == 1
    qtbot.waitUntil(lambda: window.is_locked)
    _assert_locked(window, session, visible_text)


def test_waking_up_does_not_lock(qtbot, desk, bus):
    window, session, _ = desk
    assert bus.prepare_for_sleep(False) == 1
    qtbot.wait(50)
    assert not window.is_locked and session.is_open


def test_our_session_lock_locks_the_window_and_drops_the_key(qtbot, desk, bus, visible_text):
    window, session, _ = desk
    assert bus.session_lock(OTHER_SESSION) == 0  # another user's session locking: not ours
    qtbot.wait(50)
    assert not window.is_locked
    assert bus.session_lock() == 1
    qtbot.waitUntil(lambda: window.is_locked)
    _assert_locked(window, session, visible_text)


@pytest.mark.parametrize("gnome", [False, True], ids=["freedesktop", "gnome"])
def test_the_screen_saver_starting_locks_the_window(qtbot, desk, bus, visible_text, gnome):
    window, session, _ = desk
    assert bus.screen_saver(False, gnome=gnome) == 1  # it stopped: nothing to do
    qtbot.wait(50)
    assert not window.is_locked
    assert bus.screen_saver(True, gnome=gnome) == 1
    qtbot.waitUntil(lambda: window.is_locked)
    _assert_locked(window, session, visible_text)


def test_a_lock_signal_while_locked_changes_nothing_and_unlocking_returns_to_the_note(
    qtbot, ui, desk, bus
):
    window, _, _ = desk
    bus.prepare_for_sleep(True)
    qtbot.waitUntil(lambda: window.is_locked)
    bus.session_lock()  # the screen locks as the lid closes: a second signal, already locked
    qtbot.wait(50)
    assert window.pages.currentWidget() is window.unlock_page
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None and window.desk.workspace is not None)
    assert window.desk.workspace.current_tab().editor.text.toPlainText() == NOTE


@pytest.mark.parametrize(
    ("fake", "sources", "status"),
    [
        (FakeBus(), ["suspend", "session lock", "screen saver"], "locks when the computer sleeps"),
        (FakeBus(session=False), ["suspend", "session lock"], "locks when the computer sleeps"),
        (FakeBus(path=None), ["suspend", "screen saver"], "locks when the computer sleeps"),
        (FakeBus(system=False, session=False), [], "No system message bus (D-Bus) was found"),
    ],
    ids=["both-buses", "no-session-bus", "not-in-a-logind-session", "no-bus"],
)
def test_what_is_followed_and_what_settings_says(qapp, fake, sources, status):
    signals = SystemLockSignals(buses=fake, platform="linux")
    assert signals.sources == sources
    assert signals.available == bool(sources)
    assert status in signals.status()


def test_other_systems_say_they_cannot_tell(qapp, monkeypatch):
    monkeypatch.setattr(system_lock.sys, "platform", "darwin")
    assert system_lock.default_buses() is None
    signals = SystemLockSignals(platform="darwin")
    assert signals.sources == []
    assert signals.status().startswith("On this system Lawnotebook cannot tell")


def test_on_linux_the_buses_are_qtdbus_unless_it_is_missing(monkeypatch):
    monkeypatch.setattr(system_lock.sys, "platform", "linux")
    assert isinstance(system_lock.default_buses(), system_lock.QtDBusBuses)
    monkeypatch.setitem(sys.modules, "PySide6.QtDBus", None)  # a Qt build without QtDBus
    assert system_lock.default_buses() is None


def test_without_a_reachable_bus_qtdbus_connects_nothing(qapp, monkeypatch, tmp_path):
    # No bus at these addresses: what a desktop without D-Bus (or a container) gives QtDBus.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'none'}")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path / 'none'}")
    buses = system_lock.QtDBusBuses()
    if buses.connected("system") or buses.connected("session"):
        pytest.skip("this machine's buses were reached before the addresses were changed")
    signals = SystemLockSignals(buses=buses, platform="linux")
    assert signals.sources == []
    assert buses.login_session_path() is None
    for watch in (system_lock.SUSPEND, *system_lock.SCREEN_SAVERS):  # refused, not a TypeError
        assert buses.subscribe(watch, signals) is False
    assert signals.status().startswith("No system message bus (D-Bus) was found")
