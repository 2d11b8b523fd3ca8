"""Recovery shares through the real widgets (issue 18, point 4): Settings → "Make recovery
shares…" splits the recovery key 2 of 3, prints a sheet, seals a share to a colleague; the
Recover page takes two shares and sets a new passphrase; a typo, one share too few and shares
from before a key change are each refused with their sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from lawnotebook.gui.settings import recovery_shares_dialog
from lawnotebook.gui.settings.recovery_shares_dialog import RecoverySharesDialog
from lawnotebook.gui.settings.settings_dialog import SettingsDialog
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.recovery_shares import open_share_file
from lawnotebook.services.session import unlock_with_passphrase
from lawnotebook.services.vault_access import rotate_data_key
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

NEW_PASSPHRASE = "a new passphrase for the shares"


def _make_shares(qtbot, window, key: str, threshold=2, count=3, during=None) -> list[list[str]]:
    """Settings → Make recovery shares…: type the key, make the shares, run ``during(dialog)``,
    close; returns each share's words."""
    made: list[list[str]] = []

    def in_shares() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, RecoverySharesDialog)
        )
        qtbot.keyClicks(dialog.key, key)
        dialog.threshold.setValue(threshold)
        dialog.count.setValue(count)
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        assert not dialog.error.isVisible(), dialog.error.text()
        assert dialog.key.text() == ""
        made.extend(list(row.sheet.words) for row in dialog.rows)
        if during is not None:
            during(dialog)
        dialog.done(0)

    def in_settings() -> None:
        settings = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        assert settings.shares_button.isVisible()
        QTimer.singleShot(0, in_shares)
        qtbot.mouseClick(settings.shares_button, Qt.MouseButton.LeftButton)
        settings.reject()

    QTimer.singleShot(0, in_settings)
    window.settings_action.trigger()
    return made


def _recover(qtbot, window, shares: list[str], passphrase=NEW_PASSPHRASE):
    qtbot.mouseClick(window.unlock_page.forgot, Qt.MouseButton.LeftButton)
    page = window.recover_page
    assert window.pages.currentWidget() is page
    if not page.shares_mode:
        qtbot.mouseClick(page.use_shares, Qt.MouseButton.LeftButton)
    assert page.shares_mode and page.key.isHidden()
    for box in page.share_boxes:
        box.clear()
    for box, text in zip(page.share_boxes, shares, strict=False):
        box.setPlainText(text)
    page.first.setText(passphrase)
    page.second.setText(passphrase)
    page.submit.click()
    return page


def test_make_two_of_three_then_recover_with_two(qtbot, ui, make_window, vault_dir, tmp_path):
    window = make_window(vault_dir)
    key = ui.create_vault(window)
    window.session.case_file.new_case("张三 涉嫌故意伤害案", client="张三")
    colleague, _ = Vault.create(tmp_path / "colleague", PASSPHRASE, kdf=FAST_KDF)
    with colleague:
        card = Colleagues(colleague).rename("Li Wei").card_text
    Colleagues(window.session.vault).add(card, verified=True)
    sealed_path = tmp_path / "share-for-li.lnshare"
    seen: dict[str, str] = {}

    def during(dialog: RecoverySharesDialog) -> None:
        assert len(dialog.rows) == 3
        sheet = dialog.rows[1].printable().toPlainText()
        seen["sheet"] = sheet
        row = dialog.rows[0]
        row.colleague.setCurrentIndex(row.colleague.findText("Li Wei"))
        assert row.seal_button.isEnabled()
        qtbot.mouseClick(row.seal_button, Qt.MouseButton.LeftButton)
        seen["status"] = row.status.text()

    original_save = recovery_shares_dialog.save_file
    recovery_shares_dialog.save_file = lambda *a: sealed_path
    try:
        words = _make_shares(qtbot, window, key, during=during)
    finally:
        recovery_shares_dialog.save_file = original_save
    assert len(words) == 3 and all(len(w) == 23 for w in words)
    sheet = seen["sheet"]
    assert "Lawnotebook recovery share: 2 of 3" in sheet
    assert "any 2 of the 3 shares" in sheet
    assert window.session.vault_id[:8] in sheet and "Recovery key check: " in sheet
    assert all(word in sheet for word in words[1])
    assert "张三" not in sheet
    assert "Sealed to Li Wei" in seen["status"]
    with Vault.open_with_passphrase(tmp_path / "colleague", PASSPHRASE) as opened_by_li:
        assert list(open_share_file(opened_by_li, sealed_path.read_bytes()).words) == words[0]

    window.lock()
    page = _recover(qtbot, window, [" ".join(words[2]), sheet])  # typed words, a pasted sheet
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    window.lock()
    unlock_with_passphrase(vault_dir, NEW_PASSPHRASE).close()
    assert page.share_texts() == []  # cleared once the desk showed


def test_the_recover_page_refuses_bad_shares_with_their_sentence(qtbot, ui, make_window, vault_dir):
    window = make_window(vault_dir)
    key = ui.create_vault(window)
    words = _make_shares(qtbot, window, key)
    window.lock()
    header = (vault_dir / "vault.header").read_bytes()

    typo = list(words[1])
    typo[3] = "lawyerly"
    page = _recover(qtbot, window, [" ".join(words[0]), " ".join(typo)])
    assert "Share 2: “lawyerly” is not a word used in recovery shares" in page.error.text()
    assert page.share_boxes[1].hasFocus() or not window.isActiveWindow()

    page.share_boxes[1].clear()
    page.submit.click()
    assert "This set needs 2 shares" in page.error.text()

    page.share_boxes[1].setPlainText(" ".join(words[0]))
    page.submit.click()
    qtbot.waitUntil(lambda: not page.busy.isVisible() and page.error.isVisible(), timeout=10_000)
    assert "The same recovery share was typed twice" in page.error.text()
    assert (vault_dir / "vault.header").read_bytes() == header
    assert window.is_locked

    vault, _new_key = rotate_data_key(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    page.share_boxes[1].setPlainText(" ".join(words[2]))
    page.error.clear()
    page.submit.click()
    qtbot.waitUntil(lambda: not page.busy.isVisible() and page.error.isVisible(), timeout=10_000)
    assert "These shares are for an older recovery key of this vault" in page.error.text()
    assert window.is_locked
