"""Benchmark: evidence intake against ``cp`` and ``hashlib`` SHA-256 of the same file.

    .venv/bin/python bench/intake.py --size-mib 1024

Creates one random file, then in alternating rounds times: ``cp`` to the same disk, ``cp``
followed by ``sync`` of the copy (durable, as our intake is), ``hashlib`` SHA-256 of the file
(1 MiB ``readinto`` loop), and :meth:`EvidenceStore.put` into a fresh vault (read, SHA-256,
pad, AES-256-GCM, write packs, fsync, register). Prints the best time of each, the ratios and
this process's peak RSS. Standalone: run on demand, never in CI.
"""

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.vault import Vault

_MIB = 1024 * 1024
# The bench measures intake, not unlocking: the smallest Argon2id the header accepts.
_FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)


def _peak_rss_kib() -> int:
    # VmHWM is this process's own high-water mark; ru_maxrss is the portable fallback.
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _make_random_file(path: Path, size_mib: int) -> None:
    with path.open("wb") as f:
        for _ in range(size_mib):
            f.write(os.urandom(_MIB))


def _sha256(path: Path) -> str:
    digest, buf = hashlib.sha256(), memoryview(bytearray(_MIB))
    with path.open("rb", buffering=0) as f:
        while n := f.readinto(buf):
            digest.update(buf[:n])
    return digest.hexdigest()


def _timed(action: object) -> float:
    os.sync()  # one round does not pay for the previous round's writeback
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def _intake(src: Path, scratch: Path, cipher: str, expected: str) -> float:
    root = scratch / "vault"
    vault, _ = Vault.create(root, "bench passphrase", kdf=_FAST_KDF)
    try:
        store = EvidenceStore(root, vault.connection, cipher=cipher)
        seconds = _timed(lambda: store.put(src))
        info = store.info(expected)  # raises if the digest differed
        assert info.size == src.stat().st_size
    finally:
        vault.close()
        shutil.rmtree(root)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="file size in MiB")
    parser.add_argument("--dir", type=Path, default=None, help="scratch folder (default: tmp)")
    parser.add_argument("--rounds", type=int, default=3, help="best of N alternating rounds")
    parser.add_argument("--cipher", default="aes-256-gcm", help="or chacha20-poly1305")
    args = parser.parse_args(argv)
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch_name:
        scratch = Path(scratch_name)
        src, copy = scratch / "evidence.bin", scratch / "copy.bin"
        _make_random_file(src, args.size_mib)
        expected = _sha256(src)
        rss_before = _peak_rss_kib()
        for _ in range(args.rounds):
            runs = {
                "cp": lambda: subprocess.run(["cp", src, copy], check=True),
                "cp + sync": lambda: subprocess.run(
                    ["sh", "-c", 'cp "$0" "$1" && sync "$1"', src, copy], check=True
                ),
                "hashlib sha256": lambda: _sha256(src),
            }
            for name, action in runs.items():
                best[name] = min(best.get(name, float("inf")), _timed(action))
                copy.unlink(missing_ok=True)
            seconds = _intake(src, scratch, args.cipher, expected)
            best["intake"] = min(best.get("intake", float("inf")), seconds)
        rss = _peak_rss_kib()
    size = args.size_mib * _MIB
    print(f"file: {args.size_mib} MiB, cipher {args.cipher}, best of {args.rounds}")
    for name, seconds in best.items():
        print(f"  {name:15} {seconds:7.3f} s  {size / seconds / 1e9:5.2f} GB/s")
    for name in ("cp", "cp + sync", "hashlib sha256"):
        print(f"  intake speed / {name} speed: {best[name] / best['intake']:.2f}x")
    print(f"peak RSS: {rss / 1024:.1f} MiB (before the rounds: {rss_before / 1024:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
