"""``lawnotebook evidence reindex CASE`` reads a case's files again; ``search`` shows where in
a file a hit is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault" / "extract"))

import samples

from lawnotebook.cli.main import main
from lawnotebook.vault.keychain import NoKeyStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


def test_reindex_then_search_shows_file_and_page(vault_dir, tmp_path, monkeypatch, capsys):
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)

    def run(*argv):
        code = main(["--vault", str(vault_dir), *argv], keystore=NoKeyStore("off"))
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    run("case", "new", "People v. Zhang", "--number", "2019-17")
    dossier = tmp_path / "dossier.pdf"
    dossier.write_bytes(
        samples.text_pdf(["cover of the dossier", "the officer struck him", "signatures below"])
    )
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(samples.encrypted_pdf())
    run("evidence", "add", "2019-17", str(dossier), str(locked))
    assert "No matches." in run("search", "struck")  # intake stays fast: nothing read yet

    report = json.loads(run("evidence", "reindex", "2019-17", "--json", "--workers", "1"))
    states = {r["file"]: (r["state"], r["pages"]) for r in report}
    assert states == {"dossier.pdf": ("done", 3), "locked.pdf": ("failed", 0)}
    text = run("evidence", "reindex", "2019-17")
    assert "Read 2 file(s): 1 fully." in text
    assert "locked.pdf: could not read: the PDF is protected by a password" in text

    shown = run("search", "struck")
    assert "dossier.pdf (page 2)" in shown and "[struck]" in shown
    hits = json.loads(run("search", "struck", "--json"))
    assert [(h["page"], h["in_text"]) for h in hits] == [(2, True)]
