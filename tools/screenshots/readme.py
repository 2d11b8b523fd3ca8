"""Take the README screenshots on a throw-away vault with the fictional demo cases.

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb LAWNOTEBOOK_KEYCHAIN=off \\
        .venv/bin/python -m tools.screenshots.readme docs/screenshots

Uses the cheapest Argon2id the header accepts, so it is quick; never use those for real vaults.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.demo.cases import populate
from lawnotebook.gui.application import make_application
from lawnotebook.gui.settings.settings import DeskSettings
from lawnotebook.gui.window.main_window import MainWindow
from lawnotebook.services.vault_access import NoKeyStore

DEMO_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
PASSPHRASE = "the river remembers every stone we threw"
OWNER = ("Alex Morgan", "Morgan & Lee (demo)", "DEMO-0001")  # name, firm, licence number
TABS = ("overview", "notes", "people", "chronology", "interrogations", "deadlines", "custody")


def _settle(app: QApplication, until=lambda: True, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


NO_KEYCHAIN = "This computer has no system keychain, so the vault cannot be remembered here."


def demo_window(
    tmp: Path, language: str | None = None, no_keychain: str = NO_KEYCHAIN
) -> MainWindow:
    """A shown 1400×860 window on a new vault folder in ``tmp``, its settings kept there too."""
    settings = DeskSettings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    if language is not None:
        settings.language = language
    window = MainWindow(
        tmp / "vault", keystore=NoKeyStore(no_keychain), settings=settings, kdf=DEMO_KDF
    )
    window.resize(1400, 860)
    window.show()
    return window


def create_through_window(app: QApplication, window: MainWindow, shot=None) -> None:  # type: ignore[no-untyped-def]
    """Create the vault as a user would (``shot(name)`` before each step, if given) and wait
    for the desk."""
    page = window.create_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    page.owner.name.setText(OWNER[0])
    page.owner.firm.setText(OWNER[1])
    page.owner.licence.setText(OWNER[2])
    if shot:
        shot("create-vault")
    page.submit.click()
    _settle(app, lambda: window.pages.currentWidget() is window.key_page)
    if shot:
        shot("recovery-key")
    window.key_page.written.setChecked(True)
    window.key_page.done.click()
    _settle(app, lambda: window.desk is not None)
    assert window.session is not None and window.desk is not None


def grabber(app: QApplication, out: Path, saved: list[Path], suffix: str = ""):  # type: ignore[no-untyped-def]
    """A ``grab(widget, name)`` that lets the app settle, saves the widget as
    ``out/<name><suffix>.png`` and adds the file to ``saved``."""

    def grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle(app)
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    return grab


def take(out: Path) -> list[Path]:
    """Drive the window through every screen and save a PNG of each; returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    window = demo_window(Path(tempfile.mkdtemp(prefix="lawnotebook-shots-")))
    saved: list[Path] = []
    grab = grabber(app, out, saved)

    def shot(name: str) -> None:
        grab(window, name)

    create_through_window(app, window, shot)
    assert window.session is not None and window.desk is not None
    english, chinese = populate(window.session.case_file)
    window.desk.refresh()
    shot("agenda")
    for case, lang in ((english, "en"), (chinese, "zh")):
        window.desk.open_case(case.id)
        for tab in TABS:
            window.desk.workspace.show_tab(tab)  # type: ignore[union-attr]
            if tab == "notes":
                notes = window.desk.workspace.parts["notes"]  # type: ignore[union-attr]
                notes.list.setCurrentIndex(notes.proxy.index(0, 0))
            shot(f"case-{lang}-{tab}")
    from tools.screenshots.sharing import take_sharing

    take_sharing(app, window, chinese, DEMO_KDF, out, shot, grab)
    saved.append(out / "report-integrity-zh.png")
    for query, name in (("confession", "search-en"), ("逼供", "search-zh")):
        window.desk.focus_search()
        window.desk.search.setText(query)
        _settle(app, lambda: window.desk.results.model.rowCount() > 0)  # type: ignore[union-attr]
        shot(name)
    window.desk.search.clear()
    window.lock()
    shot("lock-screen")
    window.unlock_page.passphrase.setText("the river forgets")
    window.unlock_page.submit.click()
    _settle(app, lambda: window.unlock_page.error.isVisible())
    shot("unlock-wrong-passphrase")
    window.close()
    return saved


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
