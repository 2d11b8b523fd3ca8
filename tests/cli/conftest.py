"""The ``cli`` fixture: run commands in-process against a fresh vault, as a script would."""

from __future__ import annotations

import json

import pytest

from lawnotebook.cli.main import main
from lawnotebook.vault.keychain import NoKeyStore
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def cli(vault_dir, monkeypatch, capsys):
    """``cli(*argv, expect=0)``: with ``--json``, stdout parsed (when it holds a report: a
    command that failed may have written one, as ``verify`` does); else stdout + stderr."""
    Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)[0].close()
    monkeypatch.setenv("LAWNOTEBOOK_PASSPHRASE", PASSPHRASE)

    def run(*argv, expect=0):
        code = main(["--vault", str(vault_dir), *argv], keystore=NoKeyStore("off"))
        out, err = capsys.readouterr()
        assert code == expect, err
        if "--json" in argv and (code == 0 or out.lstrip().startswith("{")):
            return json.loads(out)
        return out + err

    return run
