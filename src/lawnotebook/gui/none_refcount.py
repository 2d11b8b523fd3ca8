"""Work around a PySide6 6.12.0 bug on CPython 3.11: void methods return ``None`` without
taking a reference, so every call (``setText``, ``processEvents``, ``QTimer.start``, ...)
drops one reference to ``None``; after some tens of thousands of calls Python aborts with
"none_dealloc: deallocating None". CPython 3.12+ makes ``None`` immortal, so only 3.11 is
affected. We give ``None`` a very large reference count once, making it immortal in practice.
Remove once PySide6 is fixed or Python 3.11 is no longer supported.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion calls; ob_refcnt is a Py_ssize_t


def make_none_immortal() -> None:
    """Raise the reference counts of ``None``, ``True`` and ``False`` far out of reach
    (no-op on CPython >= 3.12, where they are immortal anyway).

    ``True``/``False`` are included because a full GUI test run also ended once in
    "bool_dealloc" at interpreter shutdown: some binding path drops bool references the same
    way; the singletons are never freed in a healthy process, so this changes nothing else.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _HEADROOM:
            refcount.value += _HEADROOM
