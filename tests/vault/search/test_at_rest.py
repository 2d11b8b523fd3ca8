"""The search index leaves no plaintext anywhere in the vault folder (a canary test)."""

from __future__ import annotations

from pathlib import Path

from lawnotebook.vault.search import index_document, remove_document, search
from lawnotebook.vault.search.text import index_form
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

CANARIES = ["zebracanaryquokka", "Müllercanary", "罕见金丝雀词语", "鹦鹉螺号潜艇"]


def _forms(word: str) -> list[bytes]:
    """The byte patterns a leak of ``word`` could take: as written and as indexed (with our
    separators), case-folded (the index stores folded tokens), UTF-8 and UTF-16 both ways."""
    texts = {word, word.lower(), index_form(word), index_form(word.lower())}
    return [t.encode(enc) for t in texts for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{path.name}: {w}" for w in CANARIES for form in _forms(w) if form in data]
    return found


def test_no_indexed_word_is_readable_in_any_vault_file(tmp_path):
    root = tmp_path / "vault"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        conn = vault.connection
        for i in range(200):  # enough rows that the index spans many pages and segments
            words = " ".join(CANARIES) if i % 10 == 0 else "ordinary text 普通文字"
            index_document(
                conn,
                record_id=f"n{i}",
                case_id="case-1",
                kind="note",
                title=f"{CANARIES[i % 4]} {i}",
                body=f"{words} {i}",
            )
        conn.execute("BEGIN")
        index_document(
            conn, record_id="x", case_id="c", kind="note", title="罕见金丝雀词语", body=""
        )
        assert _leaks(root) == []  # mid-transaction: the rollback journal is encrypted too
        conn.execute("COMMIT")
        for i in range(0, 200, 20):
            remove_document(conn, f"n{i}")
        assert len(search(conn, "金丝雀")) > 0
        assert _leaks(root) == []
    assert _leaks(root) == []
    assert {p.name for p in root.iterdir()} <= {"vault.db", "vault.header", "vault.lock", "backups"}
