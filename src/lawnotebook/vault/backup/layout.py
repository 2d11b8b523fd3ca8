"""Where a backup's files live on the drive, and each generation's small manifest.

::

    DEST/lnb-<16 hex>/                 one vault's backup (the name: a hash of the vault id)
        backup-id                      16 random hex digits, made by the first run
        packs/<name>                   evidence packs, shared by every generation (immutable)
        packs/.<name>.tmp              a pack being copied (removed by the next run)
        g00000007/                     a complete generation: the switch is its rename
            vault.db                   SQLCipher snapshot, same data key as the vault
            vault.header               the vault's header of that moment (no device slot)
            generation.json            this manifest
        .g00000008.partial/            a generation being written (removed by the next run)
        .g00000003.deleting/           a pruned generation being deleted

The folder name says only "a Lawnotebook backup" (the header inside says as much and carries
the vault id in clear, as the vault's own header does); no case, client or lawyer is named.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.vault.atomic_file import write_atomic
from lawnotebook.vault.backup.errors import BackupDamaged, BackupNotFound
from lawnotebook.vault.evidence.format import is_pack_name

FORMAT = "lawnotebook-backup/1"
MANIFEST_NAME = "generation.json"
ID_NAME = "backup-id"  # 16 random hex digits: tells two drives holding one vault apart
PACKS_NAME = "packs"
_GENERATION = re.compile(r"^g(\d{8})$")
_FOLDER = re.compile(r"^lnb-[0-9a-f]{16}$")
_MAX_MANIFEST = 64 * 1024 * 1024  # a manifest lists packs: generous, still bounded


def backup_folder_name(vault_id: str) -> str:
    """The backup folder's name for a vault: stable (the next backup finds it), unrevealing."""
    digest = hashlib.sha256(b"lawnotebook backup folder\0" + vault_id.encode()).hexdigest()
    return f"lnb-{digest[:16]}"


def backup_id(root: Path) -> str:
    """The backup folder's own random id, made on its first run."""
    path = Path(root) / ID_NAME
    try:
        text = path.read_text("ascii").strip()
        if len(text) == 16 and all(c in "0123456789abcdef" for c in text):
            return text
    except (OSError, UnicodeDecodeError):
        pass
    text = os.urandom(8).hex()
    write_atomic(path, text.encode("ascii") + b"\n")
    return text


def generation_name(number: int) -> str:
    return f"g{number:08d}"


@dataclass(frozen=True)
class Manifest:
    """What ``generation.json`` says about one generation."""

    vault_id: str
    generation: int
    vault_generation: int
    vault_changes: int
    made_at: str
    packs: dict[str, int]  # pack name -> size in bytes

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "vault_id": self.vault_id,
                "generation": self.generation,
                "vault_generation": self.vault_generation,
                "vault_changes": self.vault_changes,
                "made_at": self.made_at,
                "packs": dict(sorted(self.packs.items())),
            },
            indent=1,
        ).encode()

    @classmethod
    def parse(cls, data: bytes) -> Manifest:
        try:
            raw = json.loads(data)
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise ValueError("not a backup manifest")
            packs = raw["packs"]
            if not isinstance(packs, dict) or not all(
                is_pack_name(k) and type(v) is int and v >= 0 for k, v in packs.items()
            ):
                raise ValueError("bad pack list")
            vault_id, made_at = raw["vault_id"], raw["made_at"]
            counters = raw["generation"], raw["vault_generation"], raw["vault_changes"]
            if not (isinstance(vault_id, str) and isinstance(made_at, str)):
                raise ValueError("bad field")
            if not all(type(c) is int and c >= 0 for c in counters):
                raise ValueError("bad counter")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise BackupDamaged(f"a generation's {MANIFEST_NAME} cannot be read") from exc
        return cls(vault_id, *counters, made_at, dict(packs))


@dataclass(frozen=True)
class Generation:
    """One complete generation folder of a backup."""

    folder: Path
    number: int

    @property
    def db(self) -> Path:
        return self.folder / "vault.db"

    @property
    def header(self) -> Path:
        return self.folder / "vault.header"

    def manifest(self) -> Manifest:
        path = self.folder / MANIFEST_NAME
        try:
            with path.open("rb") as f:
                data = f.read(_MAX_MANIFEST + 1)
        except OSError as exc:
            raise BackupDamaged(f"generation {self.number} has no readable manifest") from exc
        if len(data) > _MAX_MANIFEST:
            raise BackupDamaged(f"generation {self.number}'s manifest is too large")
        manifest = Manifest.parse(data)
        if manifest.generation != self.number:
            raise BackupDamaged(f"generation {self.number}'s manifest names another generation")
        return manifest


def generations(root: Path) -> list[Generation]:
    """The complete generations of the backup at ``root``, oldest first."""
    try:
        entries = list(Path(root).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = [
        Generation(p, int(m.group(1)))
        for p in entries
        if (m := _GENERATION.match(p.name)) and p.is_dir()
    ]
    return sorted(found, key=lambda g: g.number)


def newest_generation(root: Path) -> Generation:
    found = generations(root)
    if not found:
        raise BackupNotFound(f"there is no complete backup generation in {root}")
    return found[-1]


def find_backup(dest: Path, vault_id: str | None = None) -> Path:
    """The backup folder at ``dest``: ``dest`` itself, or its one ``lnb-*`` folder (the one of
    ``vault_id`` when given)."""
    dest = Path(dest)
    if generations(dest):
        return dest
    if vault_id is not None:
        own = dest / backup_folder_name(vault_id)
        if own.is_dir():
            return own
        raise BackupNotFound(f"there is no backup of this vault in {dest}")
    try:
        found = sorted(p for p in dest.iterdir() if _FOLDER.match(p.name) and p.is_dir())
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise BackupNotFound(f"there is no folder {dest}") from exc
    if not found:
        raise BackupNotFound(f"there is no Lawnotebook backup in {dest}")
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        raise BackupNotFound(f"{dest} holds backups of several vaults ({names}): name one")
    return found[0]
