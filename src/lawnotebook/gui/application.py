"""Starting the desktop app: the Qt application object, fonts, and the window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from lawnotebook.gui.settings.settings import DeskSettings
from lawnotebook.gui.window.main_window import MainWindow

if TYPE_CHECKING:
    from lawnotebook.services.vault_access import DeviceKeyStore


def make_application(argv: list[str] | None = None) -> QApplication:
    """The (single) QApplication, named so QSettings and the desktop file find it."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("Lawnotebook")
    QCoreApplication.setApplicationName("Lawnotebook")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Lawnotebook")
    app.setDesktopFileName("lawnotebook")
    return app


def open_window(
    vault_dir: Path, bundle: Path | None = None, *, keystore: DeviceKeyStore
) -> MainWindow:
    """The main window on ``keystore`` (app.py passes the OS keychain) and the real settings,
    shown (``bundle``: open it once the vault is unlocked)."""
    window = MainWindow(vault_dir, keystore=keystore, settings=DeskSettings())
    window.pending_bundle = bundle
    window.show()
    return window


def run(vault_dir: Path, bundle: Path | None = None, *, keystore: DeviceKeyStore) -> int:
    """Run the app until the window closes; returns the process exit code."""
    app = make_application()
    window = open_window(vault_dir, bundle, keystore=keystore)
    code = app.exec()
    del window
    return int(code)
