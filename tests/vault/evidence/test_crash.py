"""A process killed during intake leaves the whole item or nothing (after the next open)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from lawnotebook.vault.evidence import PACKS_DIR, QUARANTINE_DIR, EvidenceStore, sweep_orphans
from lawnotebook.vault.evidence.packs import STAGING_DIR, PackSweep
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

MIB = 1024 * 1024
CHILD = Path(__file__).with_name("intake_child.py")
RUNS = 24


def _content(run: int) -> bytes:
    return random.Random(run).randbytes(8 * MIB + run)


def _run_child(root: Path, source: Path, mode: str, delay: float) -> str:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(root), str(source), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"start\n", child.stderr.read()  # type: ignore[union-attr]
    if mode == "timer":
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    if child.returncode == 0:
        assert out == b"done\n"
        return "finished"
    assert child.returncode == -signal.SIGKILL, err.decode()
    return "killed"


def _listed(folder: Path) -> set[str]:
    return set(os.listdir(folder)) if folder.exists() else set()


def test_killed_intake_is_all_or_nothing(vault_dir: Path, tmp_path: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    vault.connection.execute("CREATE TABLE custody (sha256 TEXT NOT NULL)")
    vault.close()
    rng = random.Random(os.environ.get("CRASH_SEED", "evidence"))
    modes = ["commit"] * 4 + [f"chunk:{k}" for k in (1, 3, 5, 8)] + ["timer"] * (RUNS - 8)
    outcomes: dict[str, list[str]] = {}
    expected: dict[str, int] = {}  # sha256 -> run; the bytes are re-made, not all kept in RAM
    for run, mode in enumerate(modes):
        data = _content(run)
        source = tmp_path / f"source-{run}.bin"
        source.write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        expected[sha] = run
        del data
        result = _run_child(vault_dir, source, mode, delay=rng.uniform(0.0, 0.09))
        packs, staging = vault_dir / PACKS_DIR, vault_dir / STAGING_DIR
        quarantine = vault_dir / QUARANTINE_DIR
        left_behind = _listed(packs) | _listed(staging) | _listed(quarantine)
        with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:  # sweeps on open
            conn = reopened.connection
            held = len(_listed(quarantine))  # a kill between the move into packs/ and COMMIT
            assert sweep_orphans(reopened.paths.root, conn) == PackSweep(in_quarantine=held)
            assert not _listed(staging)  # a killed intake's staged packs are gone
            kept = _listed(packs) | _listed(quarantine)
            swept = len(left_behind - kept)
            assert swept == reopened.pack_sweep.removed
            store = EvidenceStore(reopened.paths.root, conn)
            named = {r[0] for r in conn.execute("SELECT name FROM evidence_pack")}
            on_disk = set(os.listdir(store.packs)) if store.packs.exists() else set()
            assert on_disk == named, f"run {run} ({mode}): orphaned or missing packs"
            custody = {r[0] for r in conn.execute("SELECT sha256 FROM custody")}
            registered = {r[0] for r in conn.execute("SELECT sha256 FROM evidence_blob")}
            assert custody == registered  # the caller's row committed with the blob, or neither
            assert registered <= set(expected)
            if mode != "timer":
                assert sha not in registered, f"run {run} ({mode}) must leave nothing"
            if result == "killed":
                result = "killed after commit" if sha in registered else "killed, nothing kept"
                result += f", {'some' if swept else 'no'} packs swept"
            outcomes.setdefault(result, []).append(mode)
            for stored in registered:
                with store.open_blob(stored) as reader:
                    assert reader.read() == _content(expected[stored])
        source.unlink()
    print(f"outcomes: { {k: len(v) for k, v in outcomes.items()} }")
    # the kills must really have landed mid-write, not only before or after the intake
    assert len(outcomes.get("killed, nothing kept, some packs swept", [])) >= RUNS // 3
