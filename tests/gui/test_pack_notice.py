"""After an unlock that moved packs to quarantine the window says so, once (issue 15 point 1)."""

from __future__ import annotations

import io
import os
import shutil

from PySide6.QtWidgets import QApplication, QMessageBox

from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def _notices() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and "packs-quarantine" in w.text()
    ]


def test_unlocking_a_rolled_back_vault_tells_the_lawyer_once(
    vault_dir, tmp_path, make_window, ui, qtbot
):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        EvidenceStore.for_vault(vault).put(io.BytesIO(os.urandom(9000)))
    shutil.copy2(vault_dir / "vault.db", tmp_path / "older.db")
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        EvidenceStore.for_vault(vault).put(io.BytesIO(os.urandom(9000)))
    shutil.copy2(tmp_path / "older.db", vault_dir / "vault.db")

    window = make_window(vault_dir)
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None and bool(_notices()), timeout=10_000)
    assert "1 evidence file part" in _notices()[0].text()
    window.lock()  # a lock closes it like every dialog
    qtbot.waitUntil(lambda: not _notices())
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    qtbot.wait(50)
    assert not _notices()  # already told; the pack waits in quarantine
    assert len(os.listdir(vault_dir / "packs-quarantine")) == 1


def test_unlocking_after_an_interrupted_key_change_says_the_recovery_key_may_be_unseen(
    vault_dir, make_window, ui, qtbot, monkeypatch
):
    """Killed right after the re-encryption: the unlock finishes the change and the window says
    the new recovery key may never have been shown (issue 15 point 4)."""
    import lawnotebook.vault.vault as vault_module

    def crash(step: str) -> None:
        if step == "rekeyed":
            raise KeyboardInterrupt

    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    vault = Vault.open_with_passphrase(vault_dir, PASSPHRASE)
    monkeypatch.setattr(vault_module, "_rotation_step", crash)
    try:
        vault.rotate_data_key(PASSPHRASE, kdf=FAST_KDF)
    except KeyboardInterrupt:
        pass
    vault.close()
    monkeypatch.undo()

    def told() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and "recovery key" in w.text()
        ]

    window = make_window(vault_dir)
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None and bool(told()), timeout=10_000)
    assert "interrupted change of the vault's key" in told()[0].text()
    assert not _notices()  # no pack was moved
    window.lock()
    qtbot.waitUntil(lambda: not told())
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    qtbot.wait(50)
    assert not told()  # said once: the change is settled


def test_unlocking_a_vault_replaced_by_its_older_copy_says_it_is_older(
    vault_dir, tmp_path, make_window, ui, qtbot
):
    """The vault's position is mirrored on the device: an older folder is noticed (issue 18,
    point 3), and said once."""
    from lawnotebook.services.case_file import CaseFile

    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        CaseFile(vault).new_case("first")
    shutil.copytree(vault_dir, tmp_path / "older")
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        CaseFile(vault).new_case("after the copy")
    shutil.rmtree(vault_dir)
    shutil.copytree(tmp_path / "older", vault_dir)

    def told() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and "OLDER" in w.text()
        ]

    window = make_window(vault_dir)
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None and bool(told()), timeout=10_000)
    assert told()[0].windowTitle() == "This vault is older than expected"
    window.lock()
    qtbot.waitUntil(lambda: not told())
    ui.unlock(window)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=10_000)
    qtbot.wait(50)
    assert not told()
