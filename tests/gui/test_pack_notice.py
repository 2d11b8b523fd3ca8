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
