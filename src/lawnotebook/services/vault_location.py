"""Where the vault lives, and whether there is one: cheap to import (no crypto, no database),
for the CLI's parser and the window's first page."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from lawnotebook.vault.paths import VaultPaths

APP_NAME = "Lawnotebook"
VAULT_ENV = "LAWNOTEBOOK_VAULT"


def default_vault_dir() -> Path:
    """The vault folder used when none is named: ``<user data dir>/Lawnotebook/vault``."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "vault"


def resolve_vault_dir(flag: str | None, environ: dict[str, str] | None = None) -> Path:
    """``--vault`` beats ``LAWNOTEBOOK_VAULT`` beats the default location."""
    environ = dict(os.environ) if environ is None else environ
    if flag:
        return Path(flag).expanduser()
    if environ.get(VAULT_ENV):
        return Path(environ[VAULT_ENV]).expanduser()
    return default_vault_dir()


def vault_exists(root: Path) -> bool:
    """Whether there is (something of) a vault at ``root``: unlock rather than create."""
    return VaultPaths(Path(root)).exists()
