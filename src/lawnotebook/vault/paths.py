"""Where a vault's files live: names and paths only, cheap to import (no crypto, no database),
so the window can tell "create" from "unlock" before anything heavy is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "vault.db"
HEADER_NAME = "vault.header"
LOCK_NAME = "vault.lock"
BACKUPS_NAME = "backups"


@dataclass(frozen=True)
class VaultPaths:
    """Where a vault's files live."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def header(self) -> Path:
        return self.root / HEADER_NAME

    @property
    def lock(self) -> Path:
        return self.root / LOCK_NAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS_NAME

    def exists(self) -> bool:
        return self.header.exists() or self.db.exists()
