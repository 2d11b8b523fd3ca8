"""A process killed during bundle open (24 runs, killed at points from before to after the
apply, most of them around the apply transaction) leaves the vault with all of the bundle or
none of it, and verify finds it intact."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from lawyers import Lawyer, vault_digest

from lawnotebook.core.records import Evidence
from lawnotebook.services.evidence import add_evidence, store_for
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault.evidence.format import is_pack_name
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE

RUNS = 24
EVIDENCE_SIZE = 3 << 20
SRC = Path(__file__).resolve().parents[2] / "src"
TESTS = Path(__file__).resolve().parents[1]

# The child opens the vault copy, says "ready", opens the bundle, then reports when the apply
# transaction began and ended and how long the whole open took (the calibration run uses these).
CHILD = """
import sys, time
from lawnotebook.services.bundle_open import open_bundle
from lawnotebook.services.case_file import CaseFile
from lawnotebook.vault.vault import Vault
vault = Vault.open_with_passphrase(sys.argv[1], sys.argv[3])
files = CaseFile(vault)
from lawnotebook.services import bundle_open
apply, marks = bundle_open._apply, []
def timed_apply(*args):
    marks.append(time.perf_counter() - started)
    apply(*args)
    marks.append(time.perf_counter() - started)
bundle_open._apply = timed_apply
print("ready", flush=True)
started = time.perf_counter()
open_bundle(files, sys.argv[2])
print("done", *marks, time.perf_counter() - started, flush=True)
vault.close()
"""


def _child(vault: Path, bundle: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), str(TESTS), env.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(vault), str(bundle), PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _packs(root: Path) -> set[str]:
    folder = root / "packs"
    return {p.name for p in folder.iterdir() if is_pack_name(p.name)} if folder.is_dir() else set()


def test_a_killed_open_leaves_all_of_the_bundle_or_none(tmp_path: Path) -> None:
    alice, bob = Lawyer(tmp_path, "Alice"), Lawyer(tmp_path, "Bob")
    alice.knows(bob)
    bob.knows(alice)
    case = alice.files.new_case("Re Yu", client="Yu Wensheng")
    for i in range(4):
        alice.files.add_note(case, f"Meeting {i}: client describes sleep deprivation.")
    witness = alice.files.add_person(case, "Cellmate Sun")
    alice.files.add_event(case, "2016-07-??", "Detained", person_ids=[witness.id])
    alice.files.add_deadline(case, "2026-12-01", "Appeal filing limit")
    video = tmp_path / "visit.mp4"
    content = random.Random(42).randbytes(EVIDENCE_SIZE)
    video.write_bytes(content)
    item = add_evidence(alice.files, case, video)
    bundle, sealed = alice.seal(case.id, bob)
    record_ids = {
        r[0]
        for r in alice.vault.connection.execute(
            "SELECT id FROM records WHERE case_id = ?", (case.id,)
        )
    }
    assert len(record_ids) == 9 and sealed.blobs == 1
    alice.close()
    pristine = bob.root
    bob.close()

    with Vault.open_with_passphrase(_copy(pristine, tmp_path / "baseline"), PASSPHRASE) as v:
        baseline = vault_digest(v.connection)

    # Calibrate: how long an uninterrupted open takes here.
    child = _child(_copy(pristine, tmp_path / "calibrate"), bundle)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    apply_start, apply_end, duration = map(float, out.split()[-3:])

    # A third of the kills spread from the start of the open to well after its end (reading,
    # checking, sealing the file into packs), the rest around and inside the apply transaction.
    rng = random.Random(1)
    spread = RUNS // 3
    delays = [duration * 1.3 * i / (spread - 1) for i in range(spread)]
    low, high = max(0.0, apply_start - 0.005), apply_end + 0.005
    delays += [rng.uniform(low, high) for _ in range(RUNS - spread)]

    def killed_run(name: str, delay: float) -> str:
        vault_dir = _copy(pristine, tmp_path / name)
        child = _child(vault_dir, bundle)
        try:
            assert child.stdout is not None and child.stderr is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=60)
            child.stdout.close()  # type: ignore[union-attr]
            child.stderr.close()  # type: ignore[union-attr]
        return _check(vault_dir, case.id, record_ids, item.sha256, content, baseline)

    outcomes = Counter(killed_run(f"run{i}", delay) for i, delay in enumerate(delays))
    assert sum(outcomes.values()) == RUNS
    # On a loaded machine the timing can drift from the calibration; then a few extra runs
    # with a kill right at the start / long after the end make sure both outcomes are seen.
    for extra in range(4):
        if outcomes["all"] and outcomes["none"]:
            break
        delay = 0.0 if not outcomes["none"] else duration * (3 + extra)
        outcomes[killed_run(f"extra{extra}", delay)] += 1
    assert outcomes["all"] >= 1 and outcomes["none"] >= 1, dict(outcomes)


def _copy(src: Path, dst: Path) -> Path:
    """A copy of the vault, standing for the same vault on its own computer: each copy gets its
    own device state (the positions a device has seen), or the copies, sharing one vault id,
    would each find the other newer and report a rollback (a known, documented false alarm of
    two live copies on one computer)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("vault.lock"))
    os.environ["LAWNOTEBOOK_STATE_DIR"] = str(dst.with_name(dst.name + ".device"))
    return dst


def _check(root: Path, case_id: str, ids: set[str], sha: str, content: bytes, baseline: str) -> str:
    """Open the vault left behind and say which it holds: "all" or "none" (else fail)."""
    with Vault.open_with_passphrase(root, PASSPHRASE) as vault:  # sweeps unnamed packs
        report = verify_vault(vault, deep=True)
        assert report.ok, report.to_dict()
        conn = vault.connection
        receipts = conn.execute("SELECT count(*) FROM bundle_receipts").fetchone()[0]
        held = {r[0] for r in conn.execute("SELECT id FROM records WHERE case_id = ?", (case_id,))}
        blobs = conn.execute("SELECT count(*) FROM evidence_blob").fetchone()[0]
        if receipts:
            assert held == ids, "the receipt was written but records are missing"
            assert blobs == 1
            with store_for(vault).open_blob(sha) as reader:
                assert hashlib.sha256(data := reader.read()).hexdigest() == sha
                assert data == content
            named = {r[0] for r in conn.execute("SELECT name FROM evidence_pack")}
            assert _packs(root) == named
            assert report.evidence_checked == 1
            evidence = conn.execute(
                "SELECT count(*) FROM records WHERE kind = ?", (Evidence.KIND,)
            ).fetchone()[0]
            assert evidence == 1
            imports = conn.execute(
                "SELECT count(*) FROM custody_log WHERE case_id = ? AND action = 'import'",
                (case_id,),
            ).fetchone()[0]
            assert imports == 1
            return "all"
        assert held == set(), "records were written without the receipt"
        assert blobs == 0, "an evidence file was registered without the receipt"
        assert _packs(root) == set(), "pack files of an unapplied bundle were left behind"
        assert vault_digest(conn) == baseline
        return "none"
