"""Unlock timing: the calibrated Argon2id and the time from a correct passphrase to an open vault.

    .venv/bin/python bench/unlock.py [--runs 5]

Baseline in the same run: opening a plain SQLite database of the same size (no KDF, no cipher),
so the ratio shows what the encryption costs at unlock.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params, calibrate_argon2, derive_passphrase_key
from lawnotebook.vault.vault import Vault

PASSPHRASE = "benchmark passphrase"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    params = calibrate_argon2()
    calibration = time.perf_counter() - started
    print(
        f"calibration took {calibration:.2f} s -> Argon2id {params.memory_kib // 1024} MiB, "
        f"{params.iterations} passes, {params.lanes} lanes"
    )

    kdf_times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        derive_passphrase_key(PASSPHRASE, params)
        kdf_times.append(time.perf_counter() - t)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "vault"
        vault, _ = Vault.create(root, PASSPHRASE, kdf=params)
        with vault:
            for i in range(5000):
                vault.connection.execute(
                    "INSERT INTO vault_meta VALUES (?, ?)", (f"k{i}", "x" * 200)
                )
        unlock_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            with Vault.open_with_passphrase(root, PASSPHRASE) as vault:
                vault.connection.execute("SELECT count(*) FROM vault_meta").fetchone()
            unlock_times.append(time.perf_counter() - t)

        # The same vault rewrapped under the cheapest accepted KDF isolates the non-KDF cost.
        with Vault.open_with_passphrase(root, PASSPHRASE) as vault:
            vault.change_passphrase(PASSPHRASE, kdf=Argon2Params(8 * 1024, 1, 1, b"\0" * 16))
        open_only_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            with Vault.open_with_passphrase(root, PASSPHRASE) as vault:
                vault.connection.execute("SELECT count(*) FROM vault_meta").fetchone()
            open_only_times.append(time.perf_counter() - t)

        plain = Path(tmp) / "plain.db"
        conn = sqlite3.connect(plain)
        conn.execute("CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.executemany(
            "INSERT INTO vault_meta VALUES (?, ?)", [(f"k{i}", "x" * 200) for i in range(5000)]
        )
        conn.commit()
        conn.close()
        plain_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            conn = sqlite3.connect(plain)
            conn.execute("SELECT count(*) FROM vault_meta").fetchone()
            conn.close()
            plain_times.append(time.perf_counter() - t)

    kdf = statistics.median(kdf_times)
    unlock = statistics.median(unlock_times)
    baseline = statistics.median(plain_times)
    print(f"Argon2id KDF (median of {args.runs}):            {kdf:.3f} s")
    print(f"correct passphrase -> open vault (median):   {unlock:.3f} s")
    open_only = statistics.median(open_only_times)
    print(f"open with an 8 MiB KDF (SQLCipher + checks): {open_only * 1000:.1f} ms")
    print(f"plain SQLite open + first query (baseline):  {baseline * 1000:.2f} ms")
    print(
        f"ratio unlock / plain open:                   {unlock / baseline:.0f}x "
        "(by design: the KDF dominates)"
    )


if __name__ == "__main__":
    main()
