"""The window: first run, unlock and recovery pages while locked; the desk while unlocked.

Locking saves what is being typed, closes every dialog, waits for background work, closes the
vault, wipes and deletes the desk (so no case text stays in any widget), clears the clipboard
if it holds our text, and shows the unlock page. Unlocking rebuilds the desk where the user was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QStackedWidget, QToolBar

from lawnotebook.gui.parts import edit_keys, i18n
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.clipboard_guard import ClipboardGuard
from lawnotebook.gui.settings.settings import DeskSettings
from lawnotebook.gui.start.create_vault_page import CreateVaultPage
from lawnotebook.gui.start.recover_page import RecoverPage
from lawnotebook.gui.start.recovery_key_page import RecoveryKeyPage
from lawnotebook.gui.start.unlock_page import UnlockPage
from lawnotebook.gui.window.idle_lock import IdleLock
from lawnotebook.gui.window.import_ahead import ImportAhead, meet_qt_types
from lawnotebook.services.vault_location import vault_exists

if TYPE_CHECKING:
    from lawnotebook.gui.desk.desk import Desk, Place
    from lawnotebook.gui.evidence.evidence_text import TextReading
    from lawnotebook.gui.start.restore_page import RestorePage
    from lawnotebook.services import session as sessions
    from lawnotebook.services.agenda import Docket
    from lawnotebook.services.vault_access import Argon2Params, DeviceKeyStore

# Imported ahead, a module at a time, once the unlock page is on screen (see ImportAhead): the
# vault stack the unlock runs on, then the desk. The locked pages need none of it.
DESK_MODULES = (
    "lawnotebook.gui.parts.messages",
    "lawnotebook.services.session",
    "lawnotebook.services.agenda",
    "lawnotebook.gui.desk.desk",
    "lawnotebook.gui.evidence.evidence_text",
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault_dir: Path,
        *,
        keystore: DeviceKeyStore,
        settings: DeskSettings,
        kdf: Argon2Params | None = None,
        watch_system: bool = True,
    ) -> None:
        i18n.install(settings.language)  # before any widget asks for its words
        super().__init__()
        self.vault_dir = Path(vault_dir)
        self.keystore = keystore
        self.settings = settings
        self.kdf = kdf  # None: calibrate Argon2id to this computer (tests pass a fast one)
        self.session: sessions.Session | None = None
        self.desk: Desk | None = None  # set once the desk is on screen
        self._unshown_desk: Desk | None = None  # built, shown in the next turn of the loop
        self.text_reading: TextReading | None = None  # the evidence text queue while unlocked
        self.pending_bundle: Path | None = None  # ``lawnotebook FILE.lnb``: open once unlocked
        self.place: Place | None = None
        self.setWindowTitle("Lawnotebook")
        self.worker = Worker(self)
        self.import_ahead = ImportAhead(DESK_MODULES, self, first=meet_qt_types)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.create_page = CreateVaultPage(self.vault_dir, keystore.unavailable_reason(), self)
        self.key_page = RecoveryKeyPage(self)
        self.unlock_page = UnlockPage(self.vault_dir, keystore.available(), self)
        self.recover_page = RecoverPage(self)
        for page in (self.create_page, self.key_page, self.unlock_page, self.recover_page):
            self.pages.addWidget(page)
        self._make_actions()
        self.create_page.create_requested.connect(self._create)
        self.key_page.confirmed.connect(lambda: self._enter_desk())
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.recovery_requested.connect(lambda: self._show(self.recover_page))
        self.unlock_page.device_requested.connect(self._unlock_on_device)
        self.recover_page.recover_requested.connect(self._recover)
        self.recover_page.recover_with_shares_requested.connect(self._recover_with_shares)
        self.recover_page.back_requested.connect(lambda: self._show(self.unlock_page))
        self.restore_page: RestorePage | None = None  # built when asked for
        self.create_page.restore_requested.connect(self.show_restore_page)
        self.unlock_page.restore_requested.connect(self.show_restore_page)
        self.clipboard_guard = ClipboardGuard(self)
        # Application-wide event filters (idle time, Ctrl+K) start with the first unlock, and
        # the screen-lock watch once the window is painted: until then, nothing slows start-up.
        self.idle: IdleLock | None = None
        self.system_lock = None
        self._watch_system = watch_system
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        self._show(self.unlock_page if vault_exists(self.vault_dir) else self.create_page)

    # -- actions ------------------------------------------------------------------------------

    def _action(self, text: str, keys: list[QKeySequence], slot, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(
            f"{tip or text} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            if keys
            else text
        )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        k = QKeySequence
        self.new_case_action = self._action(self.tr("New case"), [k("Ctrl+N")], self._new_case)
        self.search_action = self._action(
            self.tr("Search"),
            [k("Ctrl+K"), k("Ctrl+F")],
            self._search,
            self.tr("Search everything"),
        )
        self.close_case_action = self._action(
            self.tr("Close case"), [k("Ctrl+W")], self._close_case
        )
        self.lock_action = self._action(
            self.tr("Lock"), [k("Ctrl+L")], self.lock, self.tr("Lock now")
        )
        self.settings_action = self._action(self.tr("Settings"), [k("Ctrl+,")], self._open_settings)
        self.quit_action = self._action(self.tr("Quit"), [k("Ctrl+Q")], self.close)
        self.share_action = self._action(
            self.tr("Share case…"), [k("Ctrl+Shift+S")], lambda: self._on_desk("share_case")
        )
        self.open_bundle_action = self._action(
            self.tr("Open bundle…"), [k("Ctrl+O")], lambda: self._on_desk("choose_bundle")
        )
        self.reports_action = self._action(
            self.tr("Reports…"), [k("Ctrl+P")], lambda: self._on_desk("show_reports")
        )
        self.colleagues_action = self._action(
            self.tr("Colleagues"), [k("Ctrl+Shift+C")], lambda: self._on_desk("open_colleagues")
        )
        self.backup_action = self._action(
            self.tr("Back up now…"), [k("Ctrl+Shift+B")], lambda: self._on_desk("back_up")
        )
        self.conflicts_action = self._action(
            self.tr("Resolve conflicting notes…"), [], lambda: self._on_desk("resolve_conflicts")
        )
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_case_action, self.open_bundle_action, self.share_action):
            file_menu.addAction(action)
        file_menu.addAction(self.reports_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_case_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)
        self._make_edit_menu()
        case_menu = self.menuBar().addMenu(self.tr("&Sharing"))
        for action in (self.colleagues_action, self.conflicts_action):
            case_menu.addAction(action)
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_case_action, self.search_action, self.close_case_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (
            self.share_action,
            self.open_bundle_action,
            self.reports_action,
            self.colleagues_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.undo_action, self.delete_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.lock_action, self.settings_action):
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)
        self._set_unlocked(False)

    def _make_edit_menu(self) -> None:
        """Undo, Redo and Delete on the shown case tab. The keys themselves belong to the tab
        (gui/parts/record_actions.py), so a text field keeps Ctrl+Z for its typing."""
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        entries = (
            ("undo", self.tr("Undo"), edit_keys.undo_keys()),
            ("redo", self.tr("Redo"), edit_keys.redo_keys()),
            ("delete", self.tr("Delete selected"), edit_keys.delete_keys()),
        )
        for command, text, keys in entries:
            native = edit_keys.native(keys)
            action = self.edit_menu.addAction(f"{text}\t{native}")
            action.setIconText(text)
            action.setToolTip(f"{text} ({native})")
            action.triggered.connect(lambda *_, c=command: self._edit(c))
            setattr(self, f"{command}_action", action)
        self.edit_menu.aboutToShow.connect(self._edit_menu_shown)
        self.edit_menu.aboutToHide.connect(self._edit_menu_hidden)  # the toolbar shares them

    def _edit_menu_shown(self) -> None:
        from lawnotebook.gui.parts import record_actions

        tab = self.desk.workspace.current_tab() if self.desk and self.desk.workspace else None
        for command in ("undo", "redo", "delete"):
            getattr(self, f"{command}_action").setEnabled(record_actions.can(tab, command))

    def _edit_menu_hidden(self) -> None:
        for action in self.edit_menu.actions():
            action.setEnabled(self.session is not None)

    def _edit(self, command: str) -> None:
        workspace = self.desk.workspace if self.desk is not None else None
        if workspace is not None:
            from lawnotebook.gui.parts import record_actions

            record_actions.run(workspace.current_tab(), command)

    def _set_unlocked(self, unlocked: bool) -> None:
        for action in (
            self.new_case_action,
            self.search_action,
            self.close_case_action,
            self.lock_action,
            self.share_action,
            self.open_bundle_action,
            self.reports_action,
            self.colleagues_action,
            self.conflicts_action,
            self.backup_action,
            *self.edit_menu.actions(),
        ):
            action.setEnabled(unlocked)
        self.toolbar.setVisible(unlocked)
        self.setAcceptDrops(unlocked)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.import_ahead.started:  # the first page is on screen: what can wait, now
            self.import_ahead.start()
            QTimer.singleShot(0, self, self._watch_screen_lock)

    def _watch_screen_lock(self) -> None:
        if self._watch_system and self.system_lock is None:
            from lawnotebook.gui.window.system_lock import SystemLockSignals

            self.system_lock = SystemLockSignals(self)
            self.system_lock.lock_now.connect(self.lock)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Single-line fields claim Ctrl+K (delete to end of line on X11); the search wins here.
        # Installed on the application while the desk is shown.
        if event.type() == QEvent.Type.ShortcutOverride and self.desk is not None:
            assert isinstance(event, QKeyEvent)
            if event.keyCombination().toCombined() == QKeySequence("Ctrl+K")[0].toCombined():
                return True
        return False

    # -- locked: create, unlock, recover ----------------------------------------------------

    def _show(self, page) -> None:  # type: ignore[no-untyped-def]
        self.pages.setCurrentWidget(page)
        focus = {
            self.create_page: self.create_page.first,
            self.unlock_page: self.unlock_page.passphrase,
            self.recover_page: self.recover_page.key,
        }
        if page in focus:
            focus[page].setFocus()

    def _create(self, passphrase: str, remember: bool) -> None:
        self.import_ahead.start()  # if the window was never painted (it normally has been)
        self.create_page.set_busy(True)
        root, kdf, keystore = self.vault_dir, self.kdf, self.keystore
        owner = self.create_page.owner_profile()
        self.worker.submit(
            lambda: _sessions().create_vault(
                root, passphrase, kdf=kdf, keystore=keystore, remember=remember, owner=owner
            ),
            self._created,
            lambda exc: self._failed(self.create_page, exc),
        )

    def _created(self, result: tuple[sessions.Session, str]) -> None:
        self.create_page.set_busy(False)
        self.create_page.clear()
        self.session, key = result
        self.key_page.show_key(key)
        self._show(self.key_page)

    def _unlock(self, passphrase: str) -> None:
        self.import_ahead.start()  # as in _create
        self.unlock_page.set_busy(True)
        root = self.vault_dir
        self.worker.submit(
            lambda: _with_docket(_sessions().unlock_with_passphrase(root, passphrase)),
            self._opened,
            lambda exc: self._failed(self.unlock_page, exc),
        )

    def _unlock_on_device(self) -> None:
        self.import_ahead.start()  # as in _create
        self.unlock_page.set_busy(True)
        root, keystore = self.vault_dir, self.keystore
        self.worker.submit(
            lambda: _with_docket(_sessions().unlock_on_device(root, keystore)),
            self._opened,
            lambda exc: self._failed(self.unlock_page, exc),
        )

    def _recover(self, key_text: str, new_passphrase: str) -> None:
        self.import_ahead.start()  # as in _create
        self.recover_page.set_busy(True)
        root = self.vault_dir
        self.worker.submit(
            lambda: _with_docket(
                _sessions().unlock_with_recovery_key(root, key_text, new_passphrase)
            ),
            self._opened,
            lambda exc: self._failed(self.recover_page, exc),
        )

    def _recover_with_shares(self, texts: list[str], new_passphrase: str) -> None:
        from lawnotebook.services.recovery_shares import unlock_with_shares

        self.import_ahead.start()  # as in _create
        self.recover_page.set_busy(True)
        root, sessions_ = self.vault_dir, _sessions()
        self.worker.submit(
            lambda: _with_docket(
                sessions_.Session.around(unlock_with_shares(root, texts, new_passphrase))
            ),
            self._opened,
            lambda exc: self._failed(self.recover_page, exc),
        )

    def show_restore_page(self) -> RestorePage:
        """Restore from a backup: into this window's vault folder when there is no vault yet."""
        from lawnotebook.gui.start.restore_page import RestorePage

        if self.restore_page is None:
            target = None if vault_exists(self.vault_dir) else self.vault_dir
            self.restore_page = RestorePage(target, self)
            self.pages.addWidget(self.restore_page)
            self.restore_page.restore_requested.connect(self._restore)
            self.restore_page.back_requested.connect(
                lambda: self._show(
                    self.unlock_page if vault_exists(self.vault_dir) else self.create_page
                )
            )
        self._show(self.restore_page)
        self.restore_page.secret.setFocus()
        return self.restore_page

    def _restore(self, backup: Path, secret: str, is_key: bool, target: Path) -> None:
        """Restore off the GUI thread (the service checks the result deeply), then open the
        restored vault in this window: from now on it is the vault this window locks and
        unlocks."""
        page = self.restore_page
        assert page is not None
        self.import_ahead.start()  # as in _create
        page.set_busy(True)

        def work(report):  # type: ignore[no-untyped-def]
            from lawnotebook.services.backup import restore_backup, unlock_with
            from lawnotebook.services.vault_access import RecoveryKey

            unlock = (
                unlock_with(recovery=RecoveryKey.parse(secret))
                if is_key
                else unlock_with(passphrase=secret)
            )
            vault, verified = restore_backup(backup, unlock, target, progress=report)
            if not verified.ok:
                vault.close()
                return None
            return _with_docket(_sessions().Session.around(vault))

        self.worker.submit_long(
            work,
            lambda opened: self._restored(target, opened),
            lambda exc: self._failed(page, exc),
            page.show_progress,
        )

    def _restored(self, target: Path, opened: tuple[sessions.Session, Docket] | None) -> None:
        page = self.restore_page
        assert page is not None
        if opened is None:
            page.set_busy(False)
            page.show_error(
                self.tr(
                    "The restored copy in {folder} did not pass the check, so it was not "
                    "opened. Restore from your other backup drive."
                ).format(folder=target)
            )
            return
        page.set_busy(False)
        page.clear()
        self.vault_dir = Path(target)
        self.unlock_page.set_vault_dir(self.vault_dir)
        self._opened(opened)

    def _failed(self, page, exc: BaseException) -> None:  # type: ignore[no-untyped-def]
        page.set_busy(False)
        page.show_error(_explain(exc))

    def _opened(self, opened: tuple[sessions.Session, Docket] | None) -> None:
        if opened is None:
            for page in (self.unlock_page, self.recover_page):
                page.set_busy(False)
            self.unlock_page.show_error(
                self.tr("This vault is not remembered on this computer. Type your passphrase.")
            )
            return
        self.session, loaded = opened
        self._enter_desk(loaded)

    def _enter_desk(self, loaded: Docket | None = None) -> None:
        """Build the desk (with its lists filled) out of sight, then show it in the next turn of
        the event loop: two shorter pauses instead of one long one."""
        from lawnotebook.gui.desk.desk import Desk  # loaded ahead (ImportAhead), else only now

        assert self.session is not None
        self.text_reading = self._make_text_reading()
        desk = Desk(
            self.session,
            self.worker,
            self,
            loaded,
            text=self.text_reading,
            backup_warning_days=self.settings.backup_warning_days,
        )
        desk.problem.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.pages.addWidget(desk)
        self._unshown_desk = desk
        QTimer.singleShot(1, self, lambda: self._show_desk(desk))  # 1: input and timers first

    def _show_desk(self, desk: Desk) -> None:
        if self._unshown_desk is not desk:  # locked (or closed) before it was shown
            return
        self._unshown_desk = None
        for page in (self.unlock_page, self.recover_page):
            page.set_busy(False)
        self.unlock_page.clear()
        self.recover_page.clear()
        if self.restore_page is not None:
            self.restore_page.clear()
        self.desk = desk
        self.pages.setCurrentWidget(desk)
        self._set_unlocked(True)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._watch_screen_lock()  # normally started at the first paint already
        self.desk.restore(self.place)
        self.place = None
        if self.idle is None:
            self.idle = IdleLock(self.settings.auto_lock_minutes * 60_000, self)
            self.idle.idle.connect(self.lock)
        self.idle.set_timeout(self.settings.auto_lock_minutes * 60_000)
        self.idle.start()
        if self.pending_bundle is not None:
            bundle, self.pending_bundle = self.pending_bundle, None
            QTimer.singleShot(0, lambda: self.open_bundle(bundle))
        self._start_text_reading()
        from lawnotebook.gui.window.pack_notice import show_open_notices

        vault = self.session.vault  # once per open that moved packs, finished a key change
        show_open_notices(  # or found the vault rolled back
            self,
            vault.pack_sweep,
            finished_key_change=vault.finished_interrupted_key_change,
            rolled_back=vault.rollback is not None,
        )

    def _make_text_reading(self) -> TextReading | None:
        from lawnotebook.gui.evidence import evidence_text

        if not evidence_text.enabled() or self.session is None:
            return None
        reading = evidence_text.TextReading(self.session.vault, self)
        try:
            reading.make_queue()
        except Exception as exc:  # no OCR stack, no multiprocessing: the desk works without
            self.statusBar().showMessage(_explain(exc), 8000)
            reading.deleteLater()
            return None
        return reading

    def _start_text_reading(self) -> None:
        """Start reading evidence text in the background, after the desk is shown (start()
        opens a second connection and queues files that have none yet: off the GUI thread)."""
        reading = self.text_reading
        if reading is None:
            return
        self.worker.submit(
            reading.start_in_background,
            lambda _r: None,
            lambda exc: self.statusBar().showMessage(_explain(exc), 8000),
            owner=reading,
        )

    def _stop_text_reading(self) -> None:
        """Stop the queue and its worker processes: always before the vault closes."""
        reading, self.text_reading = self.text_reading, None
        if reading is not None:
            reading.stop()
            reading.deleteLater()

    # -- unlocked ---------------------------------------------------------------------------

    def _new_case(self) -> None:
        if self.desk is not None:
            self.desk.new_case()

    def _search(self) -> None:
        if self.desk is not None:
            self.desk.focus_search()

    def _close_case(self) -> None:
        if self.desk is not None:
            self.desk.close_case()

    def _on_desk(self, name: str) -> None:
        if self.desk is not None:
            from lawnotebook.gui.desk import desk_actions

            getattr(desk_actions, name)(self.desk)

    def open_bundle(self, path: Path) -> None:
        """The open-bundle flow for ``path`` (menu, drop, or the command line)."""
        if self.desk is not None:
            from lawnotebook.gui.desk import desk_actions

            desk_actions.open_bundle(self.desk, path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from lawnotebook.gui.evidence.evidence_tab import local_files

        if self.desk is not None and local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A bundle opens; other files become evidence of the open case."""
        from lawnotebook.gui.evidence.evidence_tab import local_files

        paths = local_files(event)
        if self.desk is None or not paths:
            return
        event.acceptProposedAction()
        bundles = [p for p in paths if p.suffix.lower() == ".lnb"]
        if bundles:
            QTimer.singleShot(0, lambda: self.open_bundle(bundles[0]))
            return
        workspace = self.desk.workspace
        if workspace is None:
            self.statusBar().showMessage(
                self.tr("Open a case first, then drop files on it to add them as evidence."), 8000
            )
            return
        workspace.show_tab("evidence").add_files(paths)  # type: ignore[attr-defined]

    def _open_settings(self) -> None:
        from lawnotebook.gui.settings.settings_dialog import SettingsDialog

        status = self.system_lock.status() if self.system_lock else ""
        rotate = self._rotate_key if self.session is not None else None
        owner = None
        if self.session is not None:
            from lawnotebook.services.owner import OwnerDetails

            owner = OwnerDetails(self.session.vault.connection)
        checks = None
        if self.session is not None:
            from lawnotebook.services.check_settings import CheckSettingsAccess

            checks = CheckSettingsAccess(self.session.vault.connection)
        shares = self._recovery_shares if self.session is not None else None
        dialog = SettingsDialog(
            self.settings,
            status,
            self,
            rotate_key=rotate,
            owner=owner,
            recovery_shares=shares,
            checks=checks,
        )
        if dialog.exec() and self.idle is not None:
            self.idle.set_timeout(self.settings.auto_lock_minutes * 60_000)
        if dialog.checks_changed and self.desk is not None and self.desk.workspace is not None:
            # The findings follow the new thresholds at once (the tab shown and the others).
            self.desk.workspace.parts["interrogations"].load()
        if self.desk is not None and self.session is not None:
            self.desk.backup_age.warn_after_days = self.settings.backup_warning_days
            self.desk.backup_age.read(self.session.vault)

    def _recovery_shares(self, parent: QDialog) -> None:
        from lawnotebook.gui.settings.recovery_shares_dialog import RecoverySharesDialog

        if self.session is not None:
            RecoverySharesDialog(self.session.vault, parent).exec()

    def _rotate_key(self, passphrase: str) -> None:
        """Lock (every background connection closes), change the data key off the GUI thread,
        then show the new recovery key once; a failure leaves the vault locked, unchanged."""
        self.lock()
        self.unlock_page.set_busy(True)
        root, keystore, kdf = self.vault_dir, self.keystore, self.kdf

        def rotate() -> tuple[sessions.Session, str]:
            from lawnotebook.services.vault_access import rotate_data_key

            vault, recovery = rotate_data_key(root, passphrase, keystore=keystore, kdf=kdf)
            return _sessions().Session.around(vault), recovery.formatted()

        self.worker.submit(rotate, self._rotated, lambda exc: self._failed(self.unlock_page, exc))

    def _rotated(self, result: tuple[sessions.Session, str]) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.clear()
        self.session, key = result
        self.key_page.show_key(key)
        self._show(self.key_page)

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def lock(self) -> None:
        """Lock at once (see the module docstring for what that means)."""
        if self.session is None:
            return
        if self.idle is not None:
            self.idle.stop()
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        if self.desk is not None:
            self.desk.save_pending()
            self.place = self.desk.place()
        self.worker.cancel_all()  # intake, seal, open: stop now, leaving nothing behind
        close_popups()
        self.worker.wait()  # also a queue start still running: it has finished now
        self._stop_text_reading()  # workers killed before the vault closes, whatever follows
        for desk in (self.desk, self._unshown_desk):
            if desk is None:
                continue
            from lawnotebook.gui.desk.desk import wipe

            wipe(desk)  # silences every widget first: wiping saves nothing
            self.pages.removeWidget(desk)
            desk.hide()
            desk.deleteLater()
        self.desk = self._unshown_desk = None
        from lawnotebook.gui.parts import undo

        undo.forget_all()  # the undo steps hold records in plaintext
        self.session.close()
        self.session = None
        self.key_page.clear()
        for page in (self.unlock_page, self.recover_page):  # locked before the desk showed
            page.set_busy(False)
            page.clear()
        if self.restore_page is not None:
            self.restore_page.set_busy(False)
            self.restore_page.clear()
        if self.settings.clear_clipboard:
            self.clipboard_guard.clear_ours()
        self._set_unlocked(False)
        self.statusBar().clearMessage()
        self._show(self.unlock_page)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        self.place = None
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


def _sessions():  # type: ignore[no-untyped-def]
    """``services.session``, loaded ahead while the passphrase is typed (or now, on the worker
    thread that unlocks): the window's first page does not wait for the vault stack."""
    from lawnotebook.services import session

    return session


def _explain(exc: BaseException) -> str:
    from lawnotebook.gui.parts.messages import explain

    return explain(exc)


def _with_docket(session: sessions.Session | None) -> tuple[sessions.Session, Docket] | None:
    """Unlocking also reads the case list and agenda, still in the background thread."""
    if session is None:
        return None
    try:
        from lawnotebook.services.agenda import docket

        return session, docket(session.case_file)
    except BaseException:
        session.close()
        raise


def close_popups() -> None:
    """Close every dialog and menu, so nothing is left over the lock screen."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
        elif isinstance(widget, QMenu) and widget.isVisible():
            widget.close()
