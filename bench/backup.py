"""Benchmark: a full and an incremental backup against ``cp -r`` + ``sync`` of the same folder.

    .venv/bin/python bench/backup.py --size-mib 4096 --add-mib 100     # the issue's target
    .venv/bin/python bench/backup.py --size-mib 64 --add-mib 8         # a quick check

Makes a vault holding ``--size-mib`` of random evidence (files of ``--file-mib`` each), then in
one run times: ``cp -r`` of the vault folder followed by ``sync``; our full backup (and its
``sync``); after adding ``--add-mib`` of evidence, our incremental backup; and copying a file of
``--add-mib`` with ``cp`` + ``sync``. Prints the ratios the issue sets (full: cp/ours ≥ 0.8;
incremental: ours / copy of the added bytes ≤ 2) and the peak resident memory (≤ 200 MB).
Both sides write into the same temporary folder's file system. Standalone: never in CI.
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.services.backup import back_up
from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.vault import Vault

_MIB = 1024 * 1024
_FAST = Argon2Params(8 * 1024, 1, 1, bytes(16))


def _peak_rss_mib() -> float:
    try:
        import resource  # not on Windows

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)
    except ImportError:
        return float("nan")


def _timed(action) -> float:  # type: ignore[no-untyped-def]
    os.sync()  # one step does not pay for the previous step's writeback
    start = time.perf_counter()
    action()
    os.sync()
    return time.perf_counter() - start


def _add_evidence(vault: Vault, mib: int, file_mib: int) -> None:
    store = EvidenceStore.for_vault(vault)
    left = mib
    while left > 0:
        size = min(file_mib, left)
        store.put(io.BytesIO(os.urandom(size * _MIB)))
        left -= size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=64)
    parser.add_argument("--add-mib", type=int, default=8)
    parser.add_argument("--file-mib", type=int, default=16)
    parser.add_argument("--dir", help="work here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        os.environ["LAWNOTEBOOK_STATE_DIR"] = str(work / "state")
        vault_dir, drive = work / "vault", work / "drive"
        drive.mkdir()
        vault, _ = Vault.create(vault_dir, "bench passphrase", kdf=_FAST)
        with vault:
            print(f"filling the vault with {args.size_mib} MiB of evidence...", flush=True)
            _add_evidence(vault, args.size_mib, args.file_mib)
            vault_bytes = sum(p.stat().st_size for p in vault_dir.rglob("*") if p.is_file())
            cp_full = _timed(
                lambda: subprocess.run(
                    ["cp", "-r", str(vault_dir), str(work / "cp-copy")], check=True
                )
            )
            shutil.rmtree(work / "cp-copy")
            ours_full = _timed(lambda: back_up(vault, drive))
            _add_evidence(vault, args.add_mib, args.file_mib)
            ours_incr = _timed(lambda: back_up(vault, drive))
        added = work / "added.bin"
        with added.open("wb") as f:
            for _ in range(args.add_mib):
                f.write(os.urandom(_MIB))
        cp_added = _timed(
            lambda: subprocess.run(["cp", str(added), str(work / "added-copy")], check=True)
        )
    mib = vault_bytes / _MIB
    print(f"vault folder: {mib:.0f} MiB")
    print(f"cp -r + sync:              {cp_full:7.2f} s  ({mib / cp_full:6.1f} MiB/s)")
    print(f"our full backup + sync:    {ours_full:7.2f} s  ({mib / ours_full:6.1f} MiB/s)")
    print(f"  ratio cp/ours: {cp_full / ours_full:.2f}  (target >= 0.8)")
    print(f"cp of {args.add_mib} MiB + sync:       {cp_added:7.2f} s")
    print(f"our incremental backup:    {ours_incr:7.2f} s")
    print(f"  ratio ours/cp-added: {ours_incr / cp_added:.2f}  (target <= 2)")
    print(f"peak RSS: {_peak_rss_mib():.0f} MiB  (target <= 200)")


if __name__ == "__main__":
    main()
