"""Intake memory is bounded: a 300 MiB file is added with a small, constant working set."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

MIB = 1024 * 1024

_SCRIPT = textwrap.dedent(
    """
    import os, resource, sys

    def peak_kib():
        # VmHWM is this program's own high-water mark. ru_maxrss would do elsewhere, but on
        # Linux it keeps the parent's peak across fork+exec (the pytest process, not us).
        try:
            with open("/proc/self/status") as f:
                return next(int(x.split()[1]) for x in f if x.startswith("VmHWM:"))
        except OSError:
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from lawnotebook.crypto.keywrap import Argon2Params
    from lawnotebook.vault.evidence import EvidenceStore
    from lawnotebook.vault.vault import Vault

    kdf = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=bytes(16))
    vault, _ = Vault.create(sys.argv[1], "pw", kdf=kdf)
    before = peak_kib()
    info = EvidenceStore(vault.paths.root, vault.connection).put(sys.argv[2])
    with EvidenceStore(vault.paths.root, vault.connection).open_blob(info.sha256) as r:
        while r.read(4 * 1024 * 1024):
            pass
    after = peak_kib()
    print(before, after, info.size)
    """
)


def test_peak_memory_stays_bounded(tmp_path: Path) -> None:
    source = tmp_path / "recording.bin"
    with source.open("wb") as f:  # real bytes, not a sparse file: the read path is exercised
        block = os.urandom(MIB)
        for _ in range(300):
            f.write(block)
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path / "vault"), str(source)],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    before_kib, after_kib, size = map(int, done.stdout.split())
    assert size == 300 * MIB
    assert after_kib * 1024 < 200 * 1000 * 1000, f"peak RSS {after_kib / 1024:.0f} MiB"
    assert (after_kib - before_kib) * 1024 < 64 * MIB  # the intake itself adds a few chunks
