"""Bundle benchmark (run via ``bench/seal.py --bundle``): a case with one big evidence file
sealed and opened through the whole stack, against ``age -r`` / ``age -d`` on the same bytes.

Seal = vault (decrypt packs) → signed frames → age → file, fsync'd. Open = file → age → verify →
sealed into the receiving vault's packs (fsync'd) → one transaction. Each of ours runs in a
child process so its peak RSS (VmHWM) is ours alone.

Rounds alternate which side goes first, so page-cache warmth and writeback favour neither; the
ratio reported is the median of the per-round ratios (each round's two sides ran seconds
apart on the same shared machine), with the median times beside it. The main baseline is plain
``age`` (no fsync of its output); rows labelled "+ fsync" time ``age`` followed by an fsync of
its output, which is what our side pays for durability (a bundle goes to a USB stick; packs
must be on disk before the database names them).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

_CHILD = r"""
import sys, time
sys.path[:0] = [{src!r}]
from pathlib import Path
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.bundle_open import open_bundle
from lawnotebook.services.bundle_seal import seal_case
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.vault.vault import Vault
op, root, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
vault = Vault.open_with_passphrase(root, "bench")
files = CaseFile(vault)
start = time.perf_counter()
if op == "seal":
    case = files.cases()[0]
    seal_case(files, case.id, out, to=Colleagues(vault).all())
else:
    open_bundle(files, out)
elapsed = time.perf_counter() - start
vault.close()
# VmHWM is this process's own high-water mark; ru_maxrss would report the parent's peak
# across fork+exec on Linux.
with open("/proc/self/status") as f:
    peak = next(int(x.split()[1]) for x in f if x.startswith("VmHWM:"))
print(elapsed, peak)
"""


def _child(op: str, root: Path, bundle: Path) -> tuple[float, float]:
    code = _CHILD.format(src=str(SRC))
    out = subprocess.run(
        [sys.executable, "-c", code, op, str(root), str(bundle)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def _timed(action: Callable[[], object]) -> float:
    # Flush dirty pages first, so one run does not pay for the previous run's writeback.
    os.sync()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _age(args: list[str], output: Path, fsync: bool) -> None:
    subprocess.run(["age", *args], check=True)
    if fsync:
        fd = os.open(output, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _setup(tmp: Path, size_mib: int) -> tuple[Path, str, Path]:
    sys.path[:0] = [str(SRC)]
    from lawnotebook.crypto.keywrap import Argon2Params
    from lawnotebook.services.case_file import CaseFile
    from lawnotebook.services.colleagues import Colleagues
    from lawnotebook.services.evidence import add_evidence
    from lawnotebook.vault.vault import Vault

    kdf = Argon2Params(8 * 1024, 1, 1, b"\0" * 16)
    plain = tmp / "evidence.bin"
    with plain.open("wb") as fh:
        for _ in range(size_mib):
            fh.write(os.urandom(1 << 20))
    a_vault, _ = Vault.create(tmp / "a", "bench", kdf=kdf)
    b_vault, _ = Vault.create(tmp / "b-pristine", "bench", kdf=kdf)
    a_people, b_people = Colleagues(a_vault), Colleagues(b_vault)
    a_people.add(b_people.me().card_text, verified=True)
    b_people.add(a_people.me().card_text, verified=True)
    b_identity = b_people.identity()
    files = CaseFile(a_vault)
    case = files.new_case("Benchmark case")
    add_evidence(files, case, plain)
    a_vault.close()
    b_vault.close()
    key = tmp / "b.key"
    key.write_text(str(b_identity.x25519) + "\n")
    return plain, str(b_identity.x25519.recipient), key


def run(size_mib: int, scratch: Path | None, rounds: int = 3) -> None:
    times: dict[str, list[float]] = {}
    rss: list[float] = []
    with tempfile.TemporaryDirectory(dir=scratch) as tmp_name:
        tmp = Path(tmp_name)
        plain, recipient, key = _setup(tmp, size_mib)
        bundle, sealed, opened = tmp / "case.lnb", tmp / "p.age", tmp / "p.out"

        def ours() -> None:
            bundle.unlink(missing_ok=True)
            shutil.rmtree(tmp / "b", ignore_errors=True)
            shutil.copytree(tmp / "b-pristine", tmp / "b")  # a second open would be a replay
            for op, root in (("seal", tmp / "a"), ("open", tmp / "b")):
                os.sync()
                seconds, peak = _child(op, root, bundle)
                times.setdefault(op, []).append(seconds)
                rss.append(peak)

        def theirs() -> None:
            for fsync in (False, True):
                tag = " + fsync" if fsync else ""
                sealed.unlink(missing_ok=True)
                opened.unlink(missing_ok=True)
                seal_args = ["-r", recipient, "-o", str(sealed), str(plain)]
                open_args = ["-d", "-i", str(key), "-o", str(opened), str(sealed)]
                times.setdefault(f"age -r{tag}", []).append(
                    _timed(lambda a=seal_args, f=fsync: _age(a, sealed, f))
                )
                times.setdefault(f"age -d{tag}", []).append(
                    _timed(lambda a=open_args, f=fsync: _age(a, opened, f))
                )

        for i in range(rounds):
            for side in (ours, theirs) if i % 2 == 0 else (theirs, ours):
                side()

    size = size_mib * (1 << 20)
    med = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"bundle of a case with {size_mib} MiB of evidence, {rounds} alternating rounds "
        "(hybrid PQ recipient; age CLI: X25519, same payload cipher)"
    )
    for ours_name, age_name in (("seal", "age -r"), ("open", "age -d")):
        per_round = [a / o for a, o in zip(times[age_name], times[ours_name], strict=True)]
        print(
            f"  {ours_name}: ours {med[ours_name]:6.2f} s ({size / med[ours_name] / 1e9:.2f} GB/s),"
            f" {age_name} {med[age_name]:6.2f} s ({size / med[age_name] / 1e9:.2f} GB/s);"
            f" ratio ours/age {statistics.median(per_round):.2f}x"
            f" (rounds: {', '.join(f'{r:.2f}' for r in per_round)})"
        )
    for ours_name, age_name in (("seal", "age -r + fsync"), ("open", "age -d + fsync")):
        per_round = [a / o for a, o in zip(times[age_name], times[ours_name], strict=True)]
        print(
            f"  {ours_name} vs {age_name} (durable, both sides fsync'd; not the target):"
            f" {age_name} {med[age_name]:6.2f} s; ratio {statistics.median(per_round):.2f}x"
        )
    print(f"  our peak RSS (VmHWM of the child processes): {max(rss):.0f} MiB")
    print(
        "  all times, s: "
        + "; ".join(f"{k} {' '.join(f'{v:.2f}' for v in vs)}" for k, vs in times.items())
    )
