"""Opening a backup generation without writing to the drive, and restoring one as a vault."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.crypto.keywrap import KeyUnwrapFailed, derive_passphrase_key
from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.backup.errors import BackupDamaged, BackupOfAnotherVault
from lawnotebook.vault.backup.layout import (
    PACKS_NAME,
    Generation,
    Manifest,
    find_backup,
    generations,
    newest_generation,
)
from lawnotebook.vault.backup.snapshot import open_read_only
from lawnotebook.vault.database import Connection
from lawnotebook.vault.errors import HeaderCorrupt, VaultExists, WrongPassphrase, WrongRecoveryKey
from lawnotebook.vault.evidence.packs import PACKS_DIR
from lawnotebook.vault.header import VaultHeader, read_header
from lawnotebook.vault.paths import DB_NAME, HEADER_NAME, VaultPaths
from lawnotebook.vault.vault import Vault, _open_slot

Unlock = Callable[[VaultHeader], bytes]


def passphrase_unlock(passphrase: str) -> Unlock:
    """The data key from the header's passphrase slot (:class:`WrongPassphrase`: no fit)."""

    def unlock(header: VaultHeader) -> bytes:
        params = header.slots["passphrase"].argon2
        assert params is not None
        try:
            return _open_slot(header, "passphrase", derive_passphrase_key(passphrase, params))
        except KeyUnwrapFailed as exc:
            raise WrongPassphrase("that passphrase does not unlock this backup") from exc

    return unlock


def recovery_unlock(recovery: RecoveryKey) -> Unlock:
    """The data key from the header's recovery slot (:class:`WrongRecoveryKey`: no fit)."""

    def unlock(header: VaultHeader) -> bytes:
        salt = header.slots["recovery"].salt
        assert salt is not None
        try:
            return _open_slot(header, "recovery", recovery.wrapping_key(salt))
        except KeyUnwrapFailed as exc:
            raise WrongRecoveryKey("that recovery key does not open this backup") from exc

    return unlock


@dataclass
class OpenBackup:
    """One generation of a backup, its database open read-only. Close it after use."""

    root: Path  # the backup folder (its packs/ beside the generations)
    generation: Generation
    manifest: Manifest
    header: VaultHeader
    connection: Connection

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> OpenBackup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_backup(
    dest: Path, unlock: Unlock, *, generation: int | None = None, vault_id: str | None = None
) -> OpenBackup:
    """Unlock the newest (or the given) generation of the backup at ``dest``; reads only."""
    root = find_backup(Path(dest), vault_id)
    if generation is None:
        gen = newest_generation(root)
    else:
        matching = [g for g in generations(root) if g.number == generation]
        if not matching:
            raise BackupDamaged(f"the backup has no generation {generation}")
        gen = matching[0]
    manifest = gen.manifest()
    try:
        header = read_header(gen.header)
    except (HeaderCorrupt, OSError) as exc:
        raise BackupDamaged(f"generation {gen.number}'s key header cannot be read") from exc
    if header.vault_id != manifest.vault_id:
        raise BackupDamaged(f"generation {gen.number}'s header and manifest disagree")
    if vault_id is not None and header.vault_id != vault_id:
        raise BackupOfAnotherVault(f"the backup in {root.name} is of vault {header.vault_id[:8]}")
    key = unlock(header)
    conn = open_read_only(gen.db, key)
    return OpenBackup(root, gen, manifest, header, conn)


def restore_files(backup: OpenBackup, target: Path) -> int:
    """Copy the generation's database, header and every pack its database names into a new
    vault folder ``target`` (absent or empty), built beside it and renamed into place.
    Returns the number of packs copied."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise VaultExists(f"{target} already exists and is not empty")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.restoring"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    try:
        (staging / PACKS_DIR).mkdir(mode=0o700)
        names = [row[0] for row in backup.connection.execute("SELECT name FROM evidence_pack")]
        for name in names:
            source = backup.root / PACKS_NAME / name
            if not source.is_file():
                raise BackupDamaged(f"the backup lacks evidence pack {name}")
            _copy_private(source, staging / PACKS_DIR / name)
        fsync_dir(staging / PACKS_DIR)
        _copy_private(backup.generation.db, staging / DB_NAME)
        _copy_private(backup.generation.header, staging / HEADER_NAME)
        fsync_dir(staging)
        if target.exists():
            target.rmdir()
        os.rename(staging, target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(names)


def _copy_private(source: Path, target: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o600)
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb", closefd=False) as out:
            shutil.copyfileobj(src, out, 4 * 1024 * 1024)
            out.flush()
            os.fsync(fd)
    finally:
        os.close(fd)


def open_restored(target: Path, key: bytes) -> Vault:
    """Open a vault just restored with the data key its backup was unlocked with (the KDF is
    not run twice)."""
    return Vault._open(VaultPaths(Path(target)), lambda header: key)
