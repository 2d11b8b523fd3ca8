"""Settings → "Change the vault's key" with real widgets (issue 15, point 4): the window locks,
re-encrypts, shows a new recovery key once, and the old recovery key no longer opens the vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.gui.settings.rotate_key_dialog import RotateKeyDialog
from lawnotebook.gui.settings.settings_dialog import SettingsDialog
from lawnotebook.vault.errors import WrongRecoveryKey
from lawnotebook.vault.keychain import MemoryKeyStore
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE


def _drive_settings(qtbot, window, passphrase: str) -> list[str]:
    """Open Settings, press the key button, type ``passphrase``, confirm; returns what the
    explanation said."""
    seen: list[str] = []

    def in_rotate_dialog() -> None:
        ask = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RotateKeyDialog))
        seen.append(" ".join(label.text() for label in ask.findChildren(QLabel)))
        assert not ask.ok.isEnabled()
        qtbot.keyClicks(ask.passphrase_field, passphrase)
        qtbot.mouseClick(ask.ok, Qt.MouseButton.LeftButton)

    def in_settings() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        assert dialog.rotate_button.isVisible()
        QTimer.singleShot(0, in_rotate_dialog)
        qtbot.mouseClick(dialog.rotate_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, in_settings)
    window.settings_action.trigger()
    return seen


def test_settings_changes_the_vault_key(qtbot, ui, make_window, vault_dir):
    keystore = MemoryKeyStore()
    window = make_window(vault_dir, keystore=keystore)
    old_key = RecoveryKey.parse(ui.create_vault(window))
    window.session.remember_on_device(keystore)
    old_header = (vault_dir / "vault.header").read_bytes()
    said = _drive_settings(qtbot, window, PASSPHRASE)
    assert "does not re-encrypt the evidence files" in said[0]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.key_page, timeout=20_000)
    shown = window.key_page.key_label.text()
    new_key = RecoveryKey.parse(shown)
    assert new_key != old_key
    assert keystore.get(window.session.vault_id) is None  # the remembered key is dropped
    assert (vault_dir / "vault.header").read_bytes() != old_header
    window.key_page.written.setChecked(True)
    qtbot.mouseClick(window.key_page.done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    assert window.key_page.key_label.text() == ""  # shown once
    window.lock()
    with pytest.raises(WrongRecoveryKey):
        Vault.open_with_recovery_key(vault_dir, old_key)
    Vault.open_with_recovery_key(vault_dir, new_key).close()
    ui.unlock(window)
    assert not window.is_locked


def test_a_wrong_passphrase_leaves_the_vault_locked_and_unchanged(
    qtbot, ui, make_window, vault_dir
):
    window = make_window(vault_dir)
    old_key = RecoveryKey.parse(ui.create_vault(window))
    header = (vault_dir / "vault.header").read_bytes()
    _drive_settings(qtbot, window, "not the passphrase")
    qtbot.waitUntil(lambda: not window.unlock_page.busy.isVisible(), timeout=20_000)
    assert window.is_locked
    assert window.unlock_page.error.text().startswith("That passphrase does not unlock")
    assert (vault_dir / "vault.header").read_bytes() == header
    Vault.open_with_recovery_key(vault_dir, old_key).close()


def test_the_option_is_not_offered_while_locked(qtbot, desk_settings):
    dialog = SettingsDialog(desk_settings, "")
    qtbot.addWidget(dialog)
    assert dialog.rotate_button.isHidden()
