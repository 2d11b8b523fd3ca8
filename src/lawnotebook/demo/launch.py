"""Starting and ending the demo: the vault, the unlocked window with its banner, and the
cleanup that runs however the demo ends (window closed, Ctrl+C, SIGTERM, SIGHUP)."""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import signal
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from lawnotebook.core.records import Case, CaseStatus, Interrogation
from lawnotebook.demo import cases as demo_data
from lawnotebook.demo.evidence import DemoFile, demo_files
from lawnotebook.demo.folder import make_folder, remove_folder, sweep_leftovers
from lawnotebook.services import session as sessions
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import OwnerProfile, checked_profile
from lawnotebook.services.vault_access import Argon2Params, NoKeyStore

if TYPE_CHECKING:
    from lawnotebook.gui.window.main_window import MainWindow

# The cheapest Argon2id the vault header accepts: the passphrase is printed on the banner anyway.
DEMO_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
DEMO_PASSPHRASE = "demo"  # noqa: S105 - shown to the user; the vault holds fictional data only
QUIT_AFTER_ENV = "LAWNOTEBOOK_DEMO_QUIT_AFTER"  # seconds; for smoke tests of built packages
CHINESE, ENGLISH = "zh_CN", "en"
# The demo's lawyer, so custody entries, report heads and the key card show a named user
# (fictional, like every case here).
DEMO_OWNERS: dict[str, OwnerProfile] = {
    CHINESE: checked_profile("张律师", "示例律师事务所（演示）", "演示-0001"),
    ENGLISH: checked_profile("Alex Morgan", "Morgan & Lee (demo)", "DEMO-0001"),
}
_CATCH = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

# Strings are translated in the "Demo" context; each literal sits in its own translate() call
# so that pyside6-lupdate finds it.


def banner_text() -> str:
    return QCoreApplication.translate(
        "Demo", "Demo — nothing here is real; everything is deleted when you close this window"
    )


def language_for(lang: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``zh_CN`` or ``en``: from ``--lang`` if given (``zh``, ``zh-CN``, ``zh_CN.UTF-8`` ...),
    else from the locale variables, as the interface will be."""
    env = os.environ if environ is None else environ
    if not lang:
        lang = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    return CHINESE if lang.lower().replace("-", "_").startswith("zh") else ENGLISH


@dataclass
class DemoVault:
    """What was made: the vault folder and the case the window opens first."""

    root: Path
    featured: Case
    cases: list[Case] = field(default_factory=list)


def build_vault(root: Path, lang: str, files: list[DemoFile] | None = None) -> DemoVault:
    """Create the demo vault at ``root`` (closed again on return): the fictional case in
    ``lang``, holding the evidence, and three more for the list — all Chinese for ``zh_CN``;
    for English, the Chinese case too (it shows Chinese search and reports)."""
    session, _recovery = sessions.create_vault(
        root,
        DEMO_PASSPHRASE,
        kdf=DEMO_KDF,
        keystore=NoKeyStore("The demo is never remembered."),
        owner=DEMO_OWNERS[CHINESE if lang == CHINESE else ENGLISH],
    )
    try:
        case_file = session.case_file
        if lang == CHINESE:  # a Chinese desk holds Chinese cases only
            cases = [demo_data.chinese_case(case_file)]
            _attach_evidence(case_file, cases[0], demo_files(lang) if files is None else files)
            cases.append(
                case_file.new_case(
                    "王某某变更强制措施申请", client="王某某", status=CaseStatus.ON_HOLD
                )
            )
            cases.append(case_file.new_case("周某涉嫌寻衅滋事案", client="周某", tags=["一审"]))
        else:  # English first; a Chinese case beside it shows Chinese search and reports
            cases = [demo_data.english_case(case_file), demo_data.chinese_case(case_file)]
            _attach_evidence(case_file, cases[0], demo_files(lang) if files is None else files)
            cases.append(
                case_file.new_case(
                    "In re Amina Yusuf (bail appeal)",
                    client="Amina Yusuf",
                    status=CaseStatus.ON_HOLD,
                )
            )
        featured = cases[0]
        cases.append(case_file.new_case("陈某某申诉案", client="陈某某", tags=["申诉"]))
    finally:
        session.close()
    return DemoVault(root, featured, cases)


def _attach_evidence(case_file: CaseFile, case: Case, files: list[DemoFile]) -> None:
    """Add each file from memory and link them all to the first interrogation."""
    added = [
        add_evidence(
            case_file,
            case,
            io.BytesIO(f.data),
            file_name=f.name,
            source_note=f.source,
            description=f.description,
        )
        for f in files
    ]
    interrogations = case_file.list(Interrogation, case)
    if interrogations and added:
        first = interrogations[0]
        case_file.update(replace(first, evidence_ids=[*first.evidence_ids, *(e.id for e in added)]))


def add_banner(window: QMainWindow) -> QToolBar:
    """The banner above everything (also over the lock screen) and the window title."""
    bar = QToolBar(QCoreApplication.translate("Demo", "Demo"), window)
    bar.setObjectName("demo-banner")
    bar.setMovable(False)
    bar.setFloatable(False)
    label = QLabel(
        f"<b>{banner_text()}</b> &nbsp; "
        + QCoreApplication.translate(
            "Demo", "If you lock it, the passphrase is: {passphrase}"
        ).format(passphrase=DEMO_PASSPHRASE),
        bar,
    )
    label.setObjectName("demo-banner-text")
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setStyleSheet("QLabel { background: #fff1c2; color: #4a3800; padding: 6px 10px; }")
    bar.addWidget(label)
    first = window.findChild(QToolBar, "main-toolbar")
    if first is not None:
        window.insertToolBar(first, bar)
        window.insertToolBarBreak(first)
    else:
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    # Qt adds " — Lawnotebook" (the application's display name) to the title itself.
    window.setWindowTitle(banner_text())
    return bar


class DemoRun:
    """A demo from start to finish: folder, vault, unlocked window; :meth:`close` removes all."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.window: MainWindow | None = None
        self.vault: DemoVault | None = None
        atexit.register(remove_folder, folder)  # also on sys.exit() from anywhere

    @classmethod
    def start(cls, lang: str | None = None, *, watch_system: bool = True) -> DemoRun:
        """Make the vault and open the window on it, unlocking it straight away."""
        from lawnotebook.gui.desk.desk import Place
        from lawnotebook.gui.settings.settings import DeskSettings
        from lawnotebook.gui.window.main_window import MainWindow

        language = language_for(lang)
        sweep_leftovers()
        run = cls(make_folder())
        try:
            run.vault = build_vault(run.folder / "vault", language)
            # Window settings live in the folder too: the demo never touches the real ones.
            store = QSettings(str(run.folder / "settings.ini"), QSettings.Format.IniFormat)
            settings = DeskSettings(store)
            settings.language = language  # the window follows it once translations exist
            window = MainWindow(
                run.vault.root,
                keystore=NoKeyStore(
                    QCoreApplication.translate(
                        "Demo", "The demo vault is never remembered on this computer."
                    )
                ),
                settings=settings,
                kdf=DEMO_KDF,
                watch_system=watch_system,
            )
            run.window = window
            add_banner(window)
            window.place = Place(run.vault.featured.id, None, None)  # restored at unlock
            window.show()
            window.unlock_page.unlock_requested.emit(DEMO_PASSPHRASE)
        except BaseException:
            run.close()
            raise
        return run

    def close(self) -> None:
        """Lock and close the window, then delete the folder (idempotent)."""
        window, self.window = self.window, None
        if window is not None:
            window.close()  # locks: the database is closed before its files go
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        remove_folder(self.folder)
        atexit.unregister(remove_folder)


@contextlib.contextmanager
def _signals_quit(app: QCoreApplication, quit_now: Callable[[], None]) -> Iterator[None]:
    """Ctrl+C, SIGTERM and SIGHUP close the demo like its window's close button.

    Python runs signal handlers only between bytecodes, so a timer wakes it while Qt waits.
    """
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(200)

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_now)

    previous = {sig: signal.signal(sig, on_signal) for sig in _CATCH}
    try:
        yield
    finally:
        waker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def quit_after_seconds(environ: Mapping[str, str] | None = None) -> float | None:
    value = (os.environ if environ is None else environ).get(QUIT_AFTER_ENV, "")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def run(
    lang: str | None = None, quit_after: float | None = None, *, watch_system: bool = True
) -> int:
    """Run the demo until its window closes (or ``quit_after`` seconds); returns the exit code.
    The folder is gone when this returns, however it ended short of SIGKILL."""
    from lawnotebook.gui.application import make_application

    app = make_application()
    quit_after = quit_after if quit_after is not None else quit_after_seconds()
    demo: DemoRun | None = None

    def quit_now() -> None:
        if demo is not None and demo.window is not None:
            demo.window.close()
        app.quit()

    _install_language(language_for(lang))
    previous = {sig: signal.getsignal(sig) for sig in _CATCH}
    for sig in _CATCH:  # while building the vault: stop at once, cleanup runs in ``finally``
        signal.signal(sig, _raise_interrupt)
    try:
        demo = DemoRun.start(lang, watch_system=watch_system)
        with _signals_quit(app, quit_now):
            if quit_after is not None:
                QTimer.singleShot(int(quit_after * 1000), quit_now)
            return int(app.exec())
    except KeyboardInterrupt:
        return 130
    finally:
        for sig in _CATCH:  # a second Ctrl+C must not cut the cleanup short
            signal.signal(sig, signal.SIG_IGN)
        if demo is not None:
            demo.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _install_language(language: str) -> None:
    """The interface in the demo's language, where the translation exists (gui/parts/i18n.py); done
    here, not in DemoRun, because translators are process-wide and this process is ours."""
    try:
        from lawnotebook.gui.parts import i18n

        i18n.install(language)
    except (ImportError, AttributeError):  # an older tree without translations: English
        return


def _raise_interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
