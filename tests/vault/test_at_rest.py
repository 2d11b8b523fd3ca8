"""Nothing readable at rest: no SQLite header, no stored text, no key material in the clear."""

from __future__ import annotations

import tempfile
from pathlib import Path

from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

CANARY = "CANARY-7f3a 刑讯逼供 canary-zhang-san"


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_no_plaintext_in_any_vault_file(vault_dir):
    vault, recovery = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        for i in range(200):  # enough rows to spill over several pages
            vault.connection.execute("INSERT INTO vault_meta VALUES (?, ?)", (f"k{i}", CANARY))
        data_key = bytes(vault._data_key)
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as vault:
        vault.connection.execute("DELETE FROM vault_meta WHERE key LIKE 'k1%'")

    needles = [
        b"SQLite format 3\x00",
        CANARY.encode("utf-8"),
        CANARY.encode("utf-16-le"),
        CANARY.encode("utf-16-be"),
        b"vault_meta",
        PASSPHRASE.encode(),
        data_key,
        data_key.hex().encode(),
        recovery.secret,
        recovery.formatted().encode(),
    ]
    files = _all_bytes(vault_dir)
    assert any(p.name == "vault.db" and len(b) > 4096 for p, b in files)
    for path, data in files:
        for needle in needles:
            assert needle not in data, f"{needle[:16]!r} found in {path.name}"


def test_nothing_left_in_the_temp_folder(vault_dir):
    before = set(Path(tempfile.gettempdir()).iterdir())
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        vault.connection.execute("INSERT INTO vault_meta VALUES ('c', ?)", (CANARY,))
        vault.change_passphrase("other")
    for path in set(Path(tempfile.gettempdir()).iterdir()) - before:
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes()
