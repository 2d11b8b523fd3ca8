"""Where passphrases and recovery keys come from: a flag's file, the environment, or a prompt.

Order: ``--passphrase-file`` beats ``LAWNOTEBOOK_PASSPHRASE`` beats an interactive prompt. The
environment variable is meant for scripts and tests: other local users may be able to read a
process's environment on some systems.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

PASSPHRASE_ENV = "LAWNOTEBOOK_PASSPHRASE"  # noqa: S105 - a variable name, not a secret


class UsageError(Exception):
    """The command line cannot be carried out as given (exit code 2)."""


def read_secret_file(path: str) -> str:
    """The first line of ``path`` without its line ending (the file may hold nothing else)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    return text.splitlines()[0] if text else ""


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _prompt(label: str) -> str:
    if not _interactive():
        raise UsageError(
            f"{label} needed: give a file (see --help) or run in a terminal to be asked"
        )
    return getpass.getpass(f"{label}: ")


def current_passphrase(file_flag: str | None) -> str:
    """The passphrase that unlocks the vault."""
    if file_flag:
        return read_secret_file(file_flag)
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return _prompt("Passphrase")


def new_passphrase(file_flag: str | None, *, allow_env: bool = False) -> str:
    """A passphrase being set: from a file, or typed twice at a prompt."""
    if file_flag:
        value = read_secret_file(file_flag)
    elif allow_env and os.environ.get(PASSPHRASE_ENV):
        value = os.environ[PASSPHRASE_ENV]
    else:
        value = _prompt("New passphrase")
        if _prompt("Repeat the new passphrase") != value:
            raise UsageError("the two passphrases differ; nothing was changed")
    if not value:
        raise UsageError("an empty passphrase is not allowed")
    return value


def recovery_key_text(file_flag: str | None) -> str:
    """The recovery key as written down."""
    if file_flag:
        return read_secret_file(file_flag)
    return _prompt("Recovery key")
