"""Starting the desktop app: the Qt application object, fonts, and the window.

The interface language is the setting's (``gui/parts/i18n.py`` installs our translations and
Qt's own, ``qtbase_<code>.qm`` from PySide6's translations folder, for the standard dialogs),
unless ``lawnotebook --lang zh_CN`` asks for another one for this run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
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


class LanguageForThisRun(DeskSettings):
    """The real settings, but the language given on the command line (``--lang``) for this
    run; another language chosen in the settings dialog is still saved, for the next start
    (the dialog's OK with the run's language untouched leaves the saved setting as it was)."""

    def __init__(self, language: str, store: QSettings | None = None) -> None:
        super().__init__(store)
        self.run_language = language

    @property  # type: ignore[override]
    def language(self) -> str:
        return self.run_language

    @language.setter
    def language(self, code: str) -> None:
        if code != self.run_language:
            DeskSettings.language.fset(self, code)  # type: ignore[attr-defined]


def open_window(
    vault_dir: Path,
    bundle: Path | None = None,
    *,
    keystore: DeviceKeyStore,
    language: str | None = None,
) -> MainWindow:
    """The main window on ``keystore`` (app.py passes the OS keychain) and the real settings,
    shown (``bundle``: open it once the vault is unlocked; ``language``: for this run)."""
    settings = LanguageForThisRun(language) if language else DeskSettings()
    window = MainWindow(vault_dir, keystore=keystore, settings=settings)
    window.pending_bundle = bundle
    window.show()
    return window


def run(
    vault_dir: Path,
    bundle: Path | None = None,
    *,
    keystore: DeviceKeyStore,
    language: str | None = None,
) -> int:
    """Run the app until the window closes; returns the process exit code."""
    app = make_application()
    window = open_window(vault_dir, bundle, keystore=keystore, language=language)
    code = app.exec()
    del window
    return int(code)
