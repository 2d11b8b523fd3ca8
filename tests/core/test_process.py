"""Process hardening: a process that called ``forbid_core_dumps`` and then crashes leaves no
core file, where the same crash without it leaves one (so the test can tell)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lawnotebook.core import process

SRC = str(Path(process.__file__).resolve().parents[2])

# Raise the core limit as far as allowed (a desktop with dumps on), harden or not, report what
# the kernel now says, then crash.
CHILD = """
import os, resource, signal, sys
sys.path.insert(0, {src!r})
hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
if {harden}:
    from lawnotebook.core.process import forbid_core_dumps, is_dumpable
    forbid_core_dumps(lock={lock})
    print(is_dumpable(), resource.getrlimit(resource.RLIMIT_CORE), flush=True)
else:
    print(None, resource.getrlimit(resource.RLIMIT_CORE), flush=True)
os.kill(os.getpid(), signal.SIGSEGV)
"""

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux core dumps")


def _crash(folder: Path, *, harden: bool, lock: bool = True) -> tuple[str, list[Path]]:
    folder.mkdir()
    script = CHILD.format(src=SRC, harden=harden, lock=lock)
    done = subprocess.run([sys.executable, "-c", script], cwd=folder, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == -signal.SIGSEGV
    return done.stdout.strip(), sorted(folder.glob("core*"))


def _core_pattern() -> str:
    try:
        return Path("/proc/sys/kernel/core_pattern").read_text().strip()
    except OSError:
        return ""


def _cores_land_in_cwd() -> bool:
    import resource

    pattern = _core_pattern()
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    return bool(pattern) and not pattern.startswith(("|", "/")) and hard != 0


@linux_only
def test_a_crash_after_hardening_leaves_no_core(tmp_path):
    said, cores = _crash(tmp_path / "hardened", harden=True)
    assert said == "False (0, 0)"  # not dumpable; soft and hard core limit 0
    assert cores == []
    if not _cores_land_in_cwd():
        pytest.skip(f"core_pattern {_core_pattern()!r}: checked the flags the kernel reads only")
    _, control = _crash(tmp_path / "control", harden=False)
    assert control, "the same crash without hardening leaves a core here, so the test can tell"


@linux_only
def test_without_lock_the_soft_limit_is_zero_and_the_hard_one_kept(tmp_path):
    import resource

    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    said, cores = _crash(tmp_path / "app", harden=True, lock=False)
    assert said == f"False (0, {hard})"
    assert cores == []


def test_hardening_is_safe_to_call_anywhere():
    """Import-safe and no exception on any system; in a child so this test run stays as it is."""
    code = (
        f"import sys; sys.path.insert(0, {SRC!r});"
        "from lawnotebook.core.process import forbid_core_dumps;"
        "h = forbid_core_dumps(); print(h.core_limit_zero, h.not_dumpable)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)  # fmt: skip
    limit, dumpable = done.stdout.split()
    assert limit == str(os.name == "posix")
    assert dumpable == str(sys.platform.startswith("linux"))
