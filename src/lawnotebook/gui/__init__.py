"""The desktop interface: the only package that imports PySide6 widgets.

:func:`unavailable_reason` is importable without Qt, so the CLI can decide whether to open the
window or print its guidance instead. What the window runs on (the device-key store) is chosen
by the composition root, ``lawnotebook.app``, and passed in: nothing here imports it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lawnotebook.gui.none_refcount import make_none_immortal

if TYPE_CHECKING:
    from lawnotebook.services.vault_access import DeviceKeyStore

NO_GUI_ENV = "LAWNOTEBOOK_NO_GUI"

make_none_immortal()  # before any PySide6 call: see none_refcount.py


def unavailable_reason(environ: dict[str, str] | None = None) -> str | None:
    """``None`` if the window can open here, else one sentence saying why not."""
    env = dict(os.environ) if environ is None else environ
    if env.get(NO_GUI_ENV, "") not in ("", "0"):
        return f"The desktop window is turned off ({NO_GUI_ENV} is set)."
    platform = env.get("QT_QPA_PLATFORM", "")
    if (
        sys.platform.startswith("linux")
        and not platform
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    ):
        return (
            "The desktop window cannot open: no graphical display was found (DISPLAY is not set)."
        )
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return f"The desktop window cannot open: Qt could not be loaded ({exc})."
    return None


def run(
    vault_dir: Path,
    bundle: Path | None = None,
    *,
    keystore: DeviceKeyStore,
    language: str | None = None,
) -> int:
    """Open the window on ``vault_dir`` (and ``bundle`` once unlocked), remembering vaults in
    ``keystore``, in ``language`` if given (else the setting); run until it closes."""
    from lawnotebook.gui.application import run as run_app

    return run_app(vault_dir, bundle=bundle, keystore=keystore, language=language)
