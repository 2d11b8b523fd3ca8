"""GUI test fixtures: offscreen Qt, settings in a temp file, a fast KDF, module-scoped vaults."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from lawnotebook.gui.settings.settings import DeskSettings
from lawnotebook.gui.window.main_window import MainWindow
from lawnotebook.vault.keychain import NoKeyStore
from support import FAST_KDF, PASSPHRASE

NO_KEYCHAIN = "This computer has no system keychain (test)."


@pytest.fixture
def desk_settings(tmp_path) -> DeskSettings:
    return DeskSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, desk_settings):
    """Build a MainWindow on a vault folder with a fast KDF and no keychain."""
    windows = []

    def make(vault_dir, keystore=None, settings=None):  # type: ignore[no-untyped-def]
        window = MainWindow(
            vault_dir,
            keystore=keystore or NoKeyStore(NO_KEYCHAIN),
            settings=settings or desk_settings,
            kdf=FAST_KDF,
            watch_system=False,
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.lock()


class Ui:
    """Driving the real widgets the way a user does (plus a few waits)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot

    def create_vault(self, window, passphrase: str = PASSPHRASE) -> str:  # type: ignore[no-untyped-def]
        """Fill the first-run page, create, return the recovery key shown, confirm it."""
        page = window.create_page
        page.first.setText(passphrase)
        page.second.setText(passphrase)
        self.qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(
            lambda: window.pages.currentWidget() is window.key_page, timeout=10_000
        )
        key = window.key_page.key_label.text()
        window.key_page.written.setChecked(True)
        self.qtbot.mouseClick(window.key_page.done, Qt.MouseButton.LeftButton)
        self.qtbot.waitUntil(lambda: window.desk is not None)
        return key

    def unlock(self, window, passphrase: str = PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
        page = window.unlock_page
        page.passphrase.setText(passphrase)
        self.qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)

    def shortcut(self, window, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
        if not window.isActiveWindow():  # offscreen: closing a dialog leaves no active window
            window.activateWindow()
            self.qtbot.waitUntil(window.isActiveWindow)
        focus = QApplication.focusWidget() or window
        self.qtbot.keyClick(focus, key, Qt.KeyboardModifier.ControlModifier)

    @staticmethod
    def commit(widget, text: str) -> None:  # type: ignore[no-untyped-def]
        """Type ``text`` as an input method commits it (how Chinese arrives)."""
        widget.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def ui(qtbot) -> Ui:
    return Ui(qtbot)


@pytest.fixture
def visible_text():
    return all_text


def all_text() -> str:
    """Every string any widget currently holds or displays, item models included."""
    parts: list[str] = []
    for w in QApplication.allWidgets():
        parts.append(w.windowTitle())
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            parts.append(w.text())
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            parts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for r in range(model.rowCount()):
                for c in range(model.columnCount()):
                    parts.append(str(model.index(r, c).data() or ""))
    return "\n".join(parts)
