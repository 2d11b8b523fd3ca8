"""Composition root: picks the real implementations (OS keychain, vault location, the Qt window)
and hands them down. The ``lawnotebook`` program starts here (:func:`console_main`).

Nothing imports this module but the entry points: the window receives its keystore from
:func:`open_desktop_window`, and the command line gets the keystore and the window as a
:class:`~lawnotebook.cli.composition.Composition` from :func:`main`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lawnotebook.cli.composition import Composition
from lawnotebook.core.process import forbid_core_dumps
from lawnotebook.vault.keychain import DeviceKeyStore, NoKeyStore, OsKeyring

if TYPE_CHECKING:
    from lawnotebook.services.reports import Report

KEYCHAIN_ENV = "LAWNOTEBOOK_KEYCHAIN"


def make_keystore() -> DeviceKeyStore:
    """The OS keychain, unless ``LAWNOTEBOOK_KEYCHAIN=off`` turns "remember" off entirely."""
    if os.environ.get(KEYCHAIN_ENV, "").lower() == "off":
        return NoKeyStore(
            "Remembering vaults on this device is turned off (LAWNOTEBOOK_KEYCHAIN=off)."
        )
    return OsKeyring()


# The desktop window is imported only when asked for, so CLI commands never load Qt.


def window_unavailable_reason() -> str | None:
    """Why the desktop window cannot open here (no display, ...), or None."""
    from lawnotebook import gui

    return gui.unavailable_reason()


def open_desktop_window(vault_dir: Path, language: str | None = None) -> int:
    """Run the desktop application on ``vault_dir`` (``language``: ``--lang``, for this run
    instead of the language setting); returns its exit code."""
    from lawnotebook import gui

    return int(gui.run(vault_dir, keystore=make_keystore(), language=language))


def render_report_pdf(report: Report) -> bytes:
    """A report from ``services.reports`` as PDF bytes, typeset by Qt (loaded only now)."""
    from lawnotebook.gui.reports.report_pdf import ensure_application, render_pdf

    ensure_application()
    return render_pdf(report)


def report_words(language: str) -> dict[str, str]:
    """The court reports' fixed words in ``language`` (``zh_CN``, ``en``), from the shipped
    translations (Qt loaded only now)."""
    from lawnotebook.gui.reports.report_pdf import ensure_application
    from lawnotebook.gui.reports.report_words import words_for

    ensure_application()
    return words_for(language)


def open_bundle_in_window(vault_dir: Path, bundle: Path) -> int:
    """Run the desktop application and, once unlocked, open ``bundle`` (``lawnotebook F.lnb``)."""
    from lawnotebook import gui

    return int(gui.run(vault_dir, bundle=bundle, keystore=make_keystore()))


def open_demo(lang: str | None = None) -> int:
    """Run the demo (``lawnotebook --demo``): fictional cases in a throw-away vault that is
    deleted when the window closes; ``lang`` ("zh_CN", "en") picks the case shown first."""
    from lawnotebook import demo

    return demo.run(lang)


def compose() -> Composition:
    """What the command line runs on: the functions above (looked up now, so tests can swap one)."""
    return Composition(
        make_keystore=make_keystore,
        window_unavailable_reason=window_unavailable_reason,
        open_window=open_desktop_window,
        open_bundle_in_window=open_bundle_in_window,
        open_demo=open_demo,
        render_report_pdf=render_report_pdf,
        report_words=report_words,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """The ``lawnotebook`` program: the command line (no command opens the window) composed with
    the OS keychain and the desktop window; returns the exit code."""
    forbid_core_dumps()  # first, before a key or a note is in memory: a crash leaves no core
    from lawnotebook.cli.main import main as cli_main

    return cli_main(argv, composition=compose())


def console_main() -> None:
    sys.exit(main())
