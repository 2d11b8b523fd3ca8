"""Writing a backup generation: snapshot, new packs, header, manifest, then the switch.

A run (``docs/vault-format.md``, "Backups"):

1. remove what a killed run left (``.g*.partial``, ``.g*.deleting``, ``packs/.*.tmp``);
2. raise the vault's generation counter, then copy the database in one read transaction into
   ``.gN.partial/vault.db`` (``snapshot.py``);
3. copy each pack the *copy* names that the backup does not hold yet (packs never change once
   named, so a pack already there with its size is the same pack): temp file, fsync, rename;
4. write the header (without the device slot: that key is in this laptop's keychain only) and
   ``generation.json``, fsync, then rename ``.gN.partial`` to ``gN``: the switch;
5. remember the drive in the vault's database; prune to the newest ``keep`` generations
   (renamed to ``.gN.deleting`` before deleting, so a half-deleted one never looks whole) and
   delete packs no kept generation names.

A kill before step 4's rename leaves the previous generation as it was (it shares only packs,
which are never rewritten); a kill after it leaves the new one whole.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.vault.atomic_file import fsync_dir, write_atomic
from lawnotebook.vault.backup import generation as counter
from lawnotebook.vault.backup.errors import BackupCancelled, BackupError
from lawnotebook.vault.backup.layout import (
    MANIFEST_NAME,
    PACKS_NAME,
    Manifest,
    backup_folder_name,
    backup_id,
    generation_name,
    generations,
)
from lawnotebook.vault.backup.snapshot import copy_database, open_read_only
from lawnotebook.vault.database import wait_for_locks
from lawnotebook.vault.errors import VaultDamaged
from lawnotebook.vault.evidence.format import is_pack_name
from lawnotebook.vault.evidence.packs import packs_dir
from lawnotebook.vault.vault import Vault

# Generations kept on a drive after a run: the newest few, so a backup taken just after an
# unnoticed mistake (a deleted case) still has the state before it. Packs are shared, so each
# extra generation costs only its database copy and the packs only it names.
KEEP_GENERATIONS = 5

Progress = Callable[[int, int], None]  # (bytes done, bytes to copy)
Cancel = Callable[[], bool]
_ATTEMPTS = 3  # snapshots tried when evidence is erased while the backup runs
_COPY_CHUNK = 16 * 1024 * 1024  # a pack is 16 MiB of chunks: usually one step


def step(name: str) -> None:
    """Called after each step of a run; tests replace it to stop there."""


@dataclass(frozen=True)
class BackupResult:
    """What one run did (the pack counts are those of its final snapshot: a run retaken
    because evidence was erased meanwhile may have copied some packs in the first try)."""

    folder: Path
    generation: int
    vault_generation: int
    packs_copied: int
    packs_present: int  # already on the drive: not copied again
    bytes_copied: int  # packs only
    database_bytes: int
    pruned: tuple[int, ...]
    packs_removed: int


def _clean_leftovers(root: Path) -> None:
    for entry in root.iterdir():
        if entry.name.startswith(".g") and entry.name.endswith((".partial", ".deleting")):
            shutil.rmtree(entry, ignore_errors=True)
    for tmp in (root / PACKS_NAME).glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _copy_range(src: int, dst: int, size: int) -> int:
    """Copy up to ``size`` bytes in the kernel (``copy_file_range``: no trip through Python,
    as ``cp`` does); 0 when the platform or the file systems cannot, so the caller reads and
    writes instead."""
    if not hasattr(os, "copy_file_range"):  # Windows, macOS
        return 0
    try:
        return os.copy_file_range(src, dst, size)
    except OSError:  # EXDEV on older kernels, ENOSYS, EINVAL on some file systems
        return 0


def _copy_file(
    source: Path, target: Path, on_bytes: Callable[[int], None], cancel: Cancel | None
) -> int:
    tmp = target.with_name(f".{target.name}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    total = 0
    src = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        fd = os.open(tmp, flags, 0o600)
        try:
            in_kernel = True
            while True:
                if cancel is not None and cancel():
                    raise BackupCancelled("the backup was cancelled; the previous one stands")
                n = _copy_range(src, fd, _COPY_CHUNK) if in_kernel else 0
                if n == 0:
                    in_kernel = False  # the end, or no kernel copy: read and write the rest
                    data = os.read(src, _COPY_CHUNK)
                    if not data:
                        break
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                    n = len(data)
                total += n
                on_bytes(n)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        os.close(fd)
    finally:
        os.close(src)
    os.replace(tmp, target)
    return total


def _snapshot_and_packs(
    vault: Vault, conn, partial: Path, root: Path, progress: Progress | None, cancel: Cancel | None
) -> tuple[dict[str, int], dict[str, int] | None]:
    """Copy the database, then the packs it names that the drive lacks; ``None`` as the second
    item when a pack the copy names was erased from the vault meanwhile (the files of deleted
    evidence, ``CaseFile.erase_deleted_files``): the caller takes a new snapshot."""
    with contextlib.suppress(FileNotFoundError):
        (partial / "vault.db").unlink()
    copy_database(conn, partial / "vault.db", vault._data_key_bytes())
    step("database-copied")
    copy = open_read_only(partial / "vault.db", vault._data_key_bytes())
    try:
        named = _named_packs(copy)
    finally:
        copy.close()
    on_drive = root / PACKS_NAME
    todo = {n: s for n, s in named.items() if _size(on_drive / n) != s}
    total = sum(todo.values())
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    source = packs_dir(vault.paths.root)
    for name in sorted(todo):
        try:
            _copy_file(source / name, on_drive / name, on_bytes, cancel)
        except FileNotFoundError:
            still = conn.execute("SELECT count(*) FROM evidence_pack WHERE name = ?", (name,))
            if still.fetchone()[0] == 0:
                return named, None  # erased since the snapshot: not a damaged vault
            raise VaultDamaged(
                f"evidence pack {name} is missing from the vault: run verify"
            ) from None
        step("pack-copied")
    return named, todo


def _named_packs(conn) -> dict[str, int]:
    return {name: size for name, size in conn.execute("SELECT name, size FROM evidence_pack")}


def _prune(root: Path, keep: int) -> tuple[tuple[int, ...], int]:
    """Delete all but the newest ``keep`` generations, then packs none of them names."""
    found = generations(root)
    old, kept = found[: max(0, len(found) - keep)], found[max(0, len(found) - keep) :]
    for gen in old:
        doomed = root / f".{gen.folder.name}.deleting"
        os.rename(gen.folder, doomed)  # never half-deleted under its complete name
        shutil.rmtree(doomed, ignore_errors=True)
    if old:
        fsync_dir(root)
    needed: set[str] = set()
    try:
        for gen in kept:
            needed.update(gen.manifest().packs)
    except BackupError:
        return tuple(g.number for g in old), 0  # an unreadable manifest: keep every pack
    removed = 0
    packs = root / PACKS_NAME
    for entry in packs.iterdir():
        if is_pack_name(entry.name) and entry.name not in needed:
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    if removed:
        fsync_dir(packs)
    return tuple(g.number for g in old), removed


def remember_drive(
    conn, backup_id: str, location: str, generation: int, at: counter.Position
) -> None:
    """Record (or update) the drive in the vault's database (one statement: autocommit)."""
    now = counter.utc_now()
    conn.execute(
        "INSERT INTO backup_drives VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (backup_id) DO UPDATE"
        " SET location = excluded.location, last_at = excluded.last_at,"
        " generation = excluded.generation, vault_generation = excluded.vault_generation,"
        " vault_changes = excluded.vault_changes",
        (backup_id, location, now, now, generation, *at),
    )


def backup_drives(conn) -> list[tuple[str, str, str, str, int]]:
    """``(backup_id, location, first_at, last_at, generation)`` per drive, most recent first."""
    return conn.execute(
        "SELECT backup_id, location, first_at, last_at, generation"
        " FROM backup_drives ORDER BY last_at DESC, backup_id"
    ).fetchall()


def write_backup(
    vault: Vault,
    dest: Path,
    *,
    keep: int = KEEP_GENERATIONS,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupResult:
    """Write a new generation of ``vault``'s backup into ``dest`` (a folder or a drive's root:
    the backup is its ``lnb-*`` folder). Safe while the vault is in use on other threads."""
    if keep < 1:
        raise ValueError("keep at least one generation")
    dest = Path(dest)
    if not dest.is_dir():
        raise FileNotFoundError(2, "no such folder", str(dest))
    root = dest / backup_folder_name(vault.vault_id)
    root.mkdir(mode=0o700, exist_ok=True)
    drive_id = backup_id(root)
    (root / PACKS_NAME).mkdir(mode=0o700, exist_ok=True)
    _clean_leftovers(root)
    number = max((g.number for g in generations(root)), default=0) + 1
    partial = root / f".{generation_name(number)}.partial"
    partial.mkdir(mode=0o700)
    step("partial-made")
    conn = vault.open_connection()
    wait_for_locks(conn, 30_000)  # a writer's transaction in progress: wait for it
    try:
        vault_gen, vault_changes = counter.advance_for_backup(conn)
        for attempt in range(_ATTEMPTS):
            named, todo = _snapshot_and_packs(vault, conn, partial, root, progress, cancel)
            if todo is not None:
                break
            if attempt == _ATTEMPTS - 1:
                raise VaultDamaged("evidence files kept disappearing during the backup")
        assert todo is not None
        fsync_dir(root / PACKS_NAME)
        if cancel is not None and cancel():
            raise BackupCancelled("the backup was cancelled; the previous one stands")
        vault.header.without_slot("device").write(partial / "vault.header")
        manifest = Manifest(
            vault.vault_id, number, vault_gen, vault_changes, counter.utc_now(), named
        )
        write_atomic(partial / MANIFEST_NAME, manifest.to_json())
        fsync_dir(partial)
        step("generation-written")
        os.rename(partial, root / generation_name(number))  # the switch
        fsync_dir(root)
        step("switched")
        remember_drive(conn, drive_id, str(root.resolve()), number, (vault_gen, vault_changes))
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        conn.close()
    counter.mirror_on_device(vault.vault_id, (vault_gen, vault_changes))
    pruned, removed = _prune(root, keep)
    step("pruned")
    return BackupResult(
        root, number, vault_gen, len(todo), len(named) - len(todo), sum(todo.values()),
        (root / generation_name(number) / "vault.db").stat().st_size, pruned, removed,
    )  # fmt: skip


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1
