"""First run, unlock, wrong passphrase, recovery key, remember-on-device: what the user sees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lawnotebook.services.session import unlock_with_passphrase
from lawnotebook.vault.keychain import MemoryKeyStore
from support import PASSPHRASE

NEW_PASSPHRASE = "a brand new sentence 新的密码"


def test_first_run_page_checks_and_hints(qtbot, make_window, vault_dir):
    window = make_window(vault_dir)
    page = window.create_page
    assert window.pages.currentWidget() is page
    assert not page.remember.isEnabled() and "no system keychain" in page.remember_note.text()
    page.first.setText("short")
    assert page.meter.value() == 0 and "Too short" in page.hint.text()
    page.first.setText("the river remembers every stone we threw")
    assert page.meter.value() == 3
    page.second.setText("the river remembers every stone")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert page.error.isVisible() and "different" in page.error.text()
    assert not vault_dir.exists()


def test_recovery_key_page_offers_print_and_needs_confirmation(qtbot, make_window, vault_dir):
    window = make_window(vault_dir)
    page = window.create_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    page.submit.click()
    assert page.busy.isVisible() and not page.submit.isEnabled()  # the KDF runs off the GUI thread
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.key_page, timeout=10_000)
    key_page = window.key_page
    assert key_page.print_action.isEnabled() and key_page.print_action.text() == "Print…"
    assert key_page.key_label.text() in key_page.printable().toPlainText()
    assert not key_page.done.isEnabled()
    key_page.written.setChecked(True)
    assert key_page.done.isEnabled()


def test_remember_is_offered_with_a_keychain(make_window, vault_dir):
    window = make_window(vault_dir, keystore=MemoryKeyStore())
    assert window.create_page.remember.isEnabled()
    assert not window.unlock_page.device.isHidden()


def test_wrong_passphrase_then_right(qtbot, ui, make_window, vault_dir):
    window = make_window(vault_dir)
    ui.create_vault(window)
    window.lock()
    ui.unlock(window, "not the passphrase")
    page = window.unlock_page
    assert window.is_locked
    assert page.error.isVisible()
    assert page.error.text().startswith("That passphrase does not unlock this vault.")
    assert page.passphrase.hasFocus() and page.passphrase.selectedText() == "not the passphrase"
    ui.unlock(window)
    assert not window.is_locked and window.desk is not None
    assert not page.error.isVisible() and page.passphrase.text() == ""


def test_recovery_key_sets_a_new_passphrase(qtbot, ui, make_window, vault_dir):
    window = make_window(vault_dir)
    key = ui.create_vault(window)
    window.lock()
    qtbot.mouseClick(window.unlock_page.forgot, Qt.MouseButton.LeftButton)
    page = window.recover_page
    assert window.pages.currentWidget() is page
    page.key.setText("0" * 36)
    page.first.setText(NEW_PASSPHRASE)
    page.second.setText(NEW_PASSPHRASE)
    page.submit.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=5000)
    assert "not a valid recovery key" in page.error.text()
    page.key.setText(key.lower().replace("-", " "))
    page.submit.click()
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    window.lock()
    unlock_with_passphrase(vault_dir, NEW_PASSPHRASE).close()


def test_vault_open_elsewhere_is_explained(qtbot, ui, make_window, vault_dir):
    window = make_window(vault_dir)
    ui.create_vault(window)
    window.lock()
    other = unlock_with_passphrase(vault_dir, PASSPHRASE)
    try:
        ui.unlock(window)
        assert window.is_locked
        assert "already open in another Lawnotebook window" in window.unlock_page.error.text()
    finally:
        other.close()
