"""Writes a golden vault for the current release into tests/vectors/vault/<release>/.

Run once per release (``python tests/vectors/vault/make_vector.py 0.1.0``) and commit the
result; tests/vault/test_golden_vaults.py opens every one of them forever after.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.vault.vault import Vault

PASSPHRASE = "golden vault passphrase 黄金"


def main(release: str) -> None:
    target = Path(__file__).parent / release
    kdf = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
    vault, recovery = Vault.create(target, PASSPHRASE, kdf=kdf)
    with vault:
        vault.connection.execute("INSERT INTO vault_meta VALUES ('golden', ?)", (release,))
        schema = vault.schema_version
    (target / "vector.json").write_text(
        json.dumps(
            {
                "release": release,
                "passphrase": PASSPHRASE,
                "recovery_key": recovery.formatted(),
                "schema_version": schema,
                "vault_meta": {"golden": release},
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    (target / "vault.lock").unlink()


if __name__ == "__main__":
    main(sys.argv[1])
