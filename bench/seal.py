"""Benchmark: our age encryption against the reference ``age`` CLI, file to file.

    .venv/bin/python bench/seal.py --size-mib 1024
    .venv/bin/python bench/seal.py --size-mib 1024 --bundle   # a whole case (bundle issue)

Encrypts and decrypts one random file with both implementations to an X25519 recipient, checks
both round trips restore the same bytes, and prints throughputs, the ratio ours/age (≥ 1.0 means
we are at least as fast) and our peak resident memory. Standalone: run on demand, never in CI.
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

from lawnotebook.crypto import age

_MIB = 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(8 * _MIB):
            digest.update(block)
    return digest.hexdigest()


def _make_random_file(path: Path, size_mib: int) -> None:
    with path.open("wb") as f:
        for _ in range(size_mib):
            f.write(os.urandom(_MIB))


def _timed(action: object) -> float:
    # Flush dirty pages first, so one run does not pay for the previous run's writeback.
    os.sync()
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def _ours_encrypt(src: Path, dst: Path, recipient: age.X25519Recipient) -> None:
    # Unbuffered files: our code reads and writes whole 64 KiB chunks itself.
    with src.open("rb", buffering=0) as fin, dst.open("wb", buffering=0) as fout:
        age.encrypt_stream(fin, fout, [recipient])


def _ours_decrypt(src: Path, dst: Path, identity: age.X25519Identity) -> None:
    with src.open("rb", buffering=0) as fin, dst.open("wb", buffering=0) as fout:
        age.decrypt_stream(fin, fout, [identity])


def _age(*args: str) -> None:
    subprocess.run(["age", *args], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="file size in MiB")
    parser.add_argument("--dir", type=Path, default=None, help="scratch folder (default: tmp)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="alternating rounds (file mode: best of N, default 2; --bundle: median, default 3)",
    )
    parser.add_argument(
        "--bundle",
        action="store_true",
        help="seal/open a whole case bundle instead (bench/seal_bundle.py)",
    )
    args = parser.parse_args(argv)
    if not shutil.which("age"):
        print("the age CLI is required (apt-get install age)", file=sys.stderr)
        return 2
    if args.bundle:
        sys.path.insert(0, str(Path(__file__).parent))
        import seal_bundle

        seal_bundle.run(args.size_mib, args.dir, args.rounds or 3)
        return 0
    args.rounds = args.rounds or 2

    identity = age.X25519Identity.generate()
    with tempfile.TemporaryDirectory(dir=args.dir) as scratch:
        tmp = Path(scratch)
        key_file = tmp / "key.txt"
        key_file.write_text(str(identity) + "\n")
        plain, sealed, opened = tmp / "plain", tmp / "sealed.age", tmp / "opened"
        _make_random_file(plain, args.size_mib)
        expected = _sha256(plain)
        size = args.size_mib * _MIB
        results: dict[str, float] = {}

        recipient = str(identity.recipient)
        runs = {
            "ours encrypt": lambda: _ours_encrypt(plain, sealed, identity.recipient),
            "ours decrypt": lambda: _ours_decrypt(sealed, opened, identity),
            "age encrypt": lambda: _age("-r", recipient, "-o", str(sealed), str(plain)),
            "age decrypt": lambda: _age("-d", "-i", str(key_file), "-o", str(opened), str(sealed)),
        }
        # Alternate implementations round by round and keep each one's best time, so page
        # cache warmth and disk writeback favour neither side.
        for _ in range(args.rounds):
            for impl in ("ours", "age"):
                for op in ("encrypt", "decrypt"):
                    name = f"{impl} {op}"
                    seconds = _timed(runs[name])
                    results[name] = min(seconds, results.get(name, seconds))
                assert _sha256(opened) == expected, f"{impl} round trip changed the data"
                sealed.unlink()
                opened.unlink()

    print(f"file size: {args.size_mib} MiB, X25519 recipient, file to file, best of {args.rounds}")
    for name, seconds in results.items():
        print(f"  {name:13s} {seconds:7.3f} s  {size / seconds / 1e9:6.2f} GB/s")
    for op in ("encrypt", "decrypt"):
        ratio = results[f"age {op}"] / results[f"ours {op}"]
        print(f"  ratio ours/age {op}: {ratio:.2f}x")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"  our peak RSS (whole benchmark process): {peak_mib:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
