"""Bundle benchmark (run via ``bench/seal.py --bundle``): a case with one big evidence file
sealed and opened through the whole stack, against ``age -r`` / ``age -d`` on the same bytes.

Seal = vault (decrypt packs) → signed frames → age → file. Open = file → age → verify → sealed
into the receiving vault's packs → one transaction. Peak RSS is measured in a child process per
operation, so the numbers are ours alone.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
TESTS = Path(__file__).resolve().parents[1] / "tests"

_CHILD = r"""
import resource, sys, time
sys.path[:0] = [{src!r}, {tests!r}, {tests!r} + "/bundle"]
from pathlib import Path
from lawnotebook.crypto.keywrap import Argon2Params
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
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _child(op: str, root: Path, bundle: Path) -> tuple[float, float]:
    code = _CHILD.format(src=str(SRC), tests=str(TESTS))
    out = subprocess.run(
        [sys.executable, "-c", code, op, str(root), str(bundle)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def run(size_mib: int, scratch: Path | None) -> None:
    sys.path[:0] = [str(SRC)]
    from lawnotebook.crypto.keywrap import Argon2Params
    from lawnotebook.services.case_file import CaseFile
    from lawnotebook.services.colleagues import Colleagues
    from lawnotebook.services.evidence import add_evidence
    from lawnotebook.vault.vault import Vault

    kdf = Argon2Params(8 * 1024, 1, 1, b"\0" * 16)
    with tempfile.TemporaryDirectory(dir=scratch) as tmp_name:
        tmp = Path(tmp_name)
        plain = tmp / "evidence.bin"
        with plain.open("wb") as fh:
            for _ in range(size_mib):
                fh.write(os.urandom(1 << 20))
        a_vault, _ = Vault.create(tmp / "a", "bench", kdf=kdf)
        b_vault, _ = Vault.create(tmp / "b", "bench", kdf=kdf)
        a_people, b_people = Colleagues(a_vault), Colleagues(b_vault)
        a_people.add(b_people.me().card_text, verified=True)
        b_people.add(a_people.me().card_text, verified=True)
        b_identity = b_people.identity()
        files = CaseFile(a_vault)
        case = files.new_case("Benchmark case")
        add_evidence(files, case, plain)
        a_vault.close()
        b_vault.close()

        bundle = tmp / "case.lnb"
        os.sync()
        seal_s, seal_rss = _child("seal", tmp / "a", bundle)
        os.sync()
        open_s, open_rss = _child("open", tmp / "b", bundle)

        key = tmp / "b.key"
        key.write_text(str(b_identity.x25519) + "\n")
        os.sync()
        t = time.perf_counter()
        subprocess.run(
            ["age", "-r", str(b_identity.x25519.recipient), "-o", str(tmp / "p.age"), str(plain)],
            check=True,
        )
        age_seal = time.perf_counter() - t
        os.sync()
        t = time.perf_counter()
        subprocess.run(
            ["age", "-d", "-i", str(key), "-o", str(tmp / "p.out"), str(tmp / "p.age")], check=True
        )
        age_open = time.perf_counter() - t

    size = size_mib * (1 << 20)
    print(
        f"bundle of a case with {size_mib} MiB of evidence (hybrid PQ recipient; age CLI: "
        "X25519, same payload cipher)"
    )
    for name, ours, theirs, rss in (
        ("seal", seal_s, age_seal, seal_rss),
        ("open", open_s, age_open, open_rss),
    ):
        print(
            f"  {name}: ours {ours:6.2f} s ({size / ours / 1e9:.2f} GB/s), age CLI "
            f"{theirs:6.2f} s ({size / theirs / 1e9:.2f} GB/s), ratio ours/age "
            f"{theirs / ours:.2f}x, our peak RSS {rss:.0f} MiB"
        )
    print(
        f"  (this process, setup included: peak RSS "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)"
    )
