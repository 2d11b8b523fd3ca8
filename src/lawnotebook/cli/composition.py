"""What the composition root hands the command line: the device-key store and the desktop window.

The CLI sits beside the GUI, below ``lawnotebook.app``, and imports neither (the import-linter
contracts in pyproject.toml say so). ``app.main`` builds a :class:`Composition` with the OS
keychain and the Qt window and calls :func:`lawnotebook.cli.main.main` with it; called on its
own (tests, scripts), the CLI runs :data:`HEADLESS`: nothing remembered, no window.
Standard library only at run time, so ``lawnotebook`` with no command stays cheap to start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lawnotebook.services.reports import Report
    from lawnotebook.services.vault_access import DeviceKeyStore


@dataclass(frozen=True)
class Composition:
    """The outside world of the CLI; every member is called only when a command needs it."""

    make_keystore: Callable[[], DeviceKeyStore]
    window_unavailable_reason: Callable[[], str | None]
    open_window: Callable[[Path, str | None], int]  # the vault folder, the language (--lang)
    open_bundle_in_window: Callable[[Path, Path], int]  # the vault folder, the bundle
    open_demo: Callable[[str | None], int]  # the language of the demo cases
    render_report_pdf: Callable[[Report], bytes]  # the PDF typesetter lives with the window
    # The report words in a language ("zh_CN", "en"): the translations live with the window.
    report_words: Callable[[str], Mapping[str, str]] = lambda _language: {}


NO_WINDOW = "The desktop window is not part of this program."


def _no_keystore() -> DeviceKeyStore:
    from lawnotebook.services.vault_access import NoKeyStore

    return NoKeyStore("Remembering vaults on this device is not part of this program.")


def _no_window(*_args: object) -> int:
    raise RuntimeError(NO_WINDOW)  # unreachable: window_unavailable_reason() says why first


def _no_typesetter(_report: Report) -> bytes:
    from lawnotebook.cli.secrets_input import UsageError

    raise UsageError("PDF reports need the desktop toolkit, which this program does not include.")


HEADLESS = Composition(
    make_keystore=_no_keystore,
    window_unavailable_reason=lambda: NO_WINDOW,
    open_window=_no_window,
    open_bundle_in_window=_no_window,
    open_demo=_no_window,
    render_report_pdf=_no_typesetter,
)
