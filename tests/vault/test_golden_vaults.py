"""Every release's golden vault still opens, by passphrase and by recovery key, and upgrades."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.vault.schema import CURRENT_VERSION
from lawnotebook.vault.vault import Vault

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "vault"
RELEASES = sorted(p.parent for p in VECTORS.glob("*/vector.json"))


def test_there_is_a_vector_for_this_release():
    assert RELEASES, "no golden vaults found"


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_golden_vault_opens(release, tmp_path):
    vector = json.loads((release / "vector.json").read_text(encoding="utf-8"))
    copy = tmp_path / "vault"
    shutil.copytree(release, copy, ignore=shutil.ignore_patterns("vector.json"))

    with Vault.open_with_passphrase(copy, vector["passphrase"]) as vault:
        assert vault.schema_version == CURRENT_VERSION
        for key, value in vector["vault_meta"].items():
            row = vault.connection.execute("SELECT value FROM vault_meta WHERE key=?", (key,))
            assert row.fetchone() == (value,)
    if vector["schema_version"] < CURRENT_VERSION:
        assert list((copy / "backups").iterdir()), "upgrade made no backup"
    recovery = RecoveryKey.parse(vector["recovery_key"])
    Vault.open_with_recovery_key(copy, recovery).close()
