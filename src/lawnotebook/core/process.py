"""Process hardening: no crash dump of this process, on any system that allows us to say so.

A core dump of the app or of an extraction worker would hold the vault's data key, notes and
decrypted evidence, written to disk in the clear (systemd-coredump and apport keep them). The
program calls :func:`forbid_core_dumps` first thing (``app.main``), and every extraction worker
calls it again at its start: a spawned worker is a new program (``exec``), and Linux resets the
"dumpable" flag on ``exec`` (the core-size limit is inherited, the flag is not).

- Linux: ``RLIMIT_CORE`` 0 and ``prctl(PR_SET_DUMPABLE, 0)``, which also stops a core handler
  that ignores the limit (``core_pattern`` piped to systemd-coredump or apport) and refuses
  ``ptrace`` attach by another process of the same user. Workers, which parse hostile files,
  lower the hard limit too (``lock=True``), so even code that takes over a parser cannot raise
  it again; the app lowers the soft limit, the one the kernel applies.
- macOS and the BSDs: ``RLIMIT_CORE`` 0; they have no ``PR_SET_DUMPABLE`` (macOS's
  ``PT_DENY_ATTACH`` would break crash reporting of the system itself, and is not used).
- Windows: ``SetErrorMode`` so a crash shows no "send a report" dialog, and ``WerSetFlags``
  (``WER_FAULT_REPORTING_FLAG_NOHEAP``) so a report Windows Error Reporting still makes holds
  no heap memory. A LocalDumps policy set by an administrator still applies: documented, not
  something a program can switch off for itself.

Standard library only (``resource`` and ``ctypes``, each guarded): importing this module is safe
everywhere, and each step that the system refuses is reported, not raised.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3

_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1


@dataclass(frozen=True)
class Hardening:
    """What :func:`forbid_core_dumps` managed to set (False where the system has no such thing
    or refused)."""

    core_limit_zero: bool = False
    not_dumpable: bool = False
    windows_error_reporting: bool = False


def _zero_core_limit(lock: bool) -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        hard = 0 if lock else resource.getrlimit(resource.RLIMIT_CORE)[1]
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (ValueError, OSError):
        return False
    return resource.getrlimit(resource.RLIMIT_CORE)[0] == 0


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def _not_dumpable() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = _libc()
    if libc is None:
        return False
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    if prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        return False
    return int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0


def _quiet_windows_error_reporting() -> bool:
    if sys.platform != "win32":
        return False
    try:
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
        return int(kernel32.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP)) == 0  # S_OK
    except (OSError, AttributeError):
        return False


def forbid_core_dumps(*, lock: bool = False) -> Hardening:
    """Make a crash of this process leave no memory image on disk, as far as the system lets
    a program decide that for itself; returns what held. Call before any secret is in memory.
    With ``lock`` the hard core limit drops to 0 as well (no way back for this process)."""
    return Hardening(
        core_limit_zero=_zero_core_limit(lock),
        not_dumpable=_not_dumpable(),
        windows_error_reporting=_quiet_windows_error_reporting(),
    )


def is_dumpable() -> bool | None:
    """Linux's dumpable flag of this process (None where there is no such flag)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    if libc is None:
        return None
    return int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) != 0
