"""Backups: back up now, verify a backup, restore one, and the restore drill.

A backup is a folder on any drive holding generations of the vault's database (each opened by
the vault's own passphrase and recovery key) and the evidence packs they name; see
``vault/backup/`` and "Backups" in docs/vault-format.md. Verifying and drilling open a backup
read-only and never write to its drive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.services.integrity import VerifyReport, verify_stored, verify_vault
from lawnotebook.vault.backup.drill import CaseState, case_states
from lawnotebook.vault.backup.errors import BackupOfAnotherVault
from lawnotebook.vault.backup.generation import RollbackNotice, position
from lawnotebook.vault.backup.layout import find_backup, generations
from lawnotebook.vault.backup.reader import (
    OpenBackup,
    Unlock,
    open_backup,
    open_restored,
    passphrase_unlock,
    recovery_unlock,
    restore_files,
)
from lawnotebook.vault.backup.writer import (
    KEEP_GENERATIONS,
    BackupResult,
    backup_drives,
    write_backup,
)
from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.evidence.errors import EvidenceError
from lawnotebook.vault.records import evidence_files
from lawnotebook.vault.vault import Vault

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

__all__ = [
    "KEEP_GENERATIONS",
    "BackupDrive",
    "BackupResult",
    "CaseComparison",
    "DrillReport",
    "RollbackNotice",
    "back_up",
    "backup_drives_of",
    "days_since_last_backup",
    "drill",
    "own_unlock",
    "restore_backup",
    "unlock_with",
    "verify_backup",
]


def unlock_with(passphrase: str | None = None, recovery: RecoveryKey | None = None) -> Unlock:
    """How to open a backup: its passphrase, or the vault's recovery key."""
    if recovery is not None:
        return recovery_unlock(recovery)
    if passphrase is None:
        raise ValueError("a passphrase or a recovery key is needed")
    return passphrase_unlock(passphrase)


def own_unlock(vault: Vault) -> Unlock:
    """Open a backup of the open ``vault`` with its own data key (the backup carries the same
    key), so the window can verify a backup it just wrote without asking the passphrase again."""
    key = vault._data_key_bytes()
    return lambda header: key


def back_up(
    vault: Vault,
    dest: Path,
    *,
    keep: int = KEEP_GENERATIONS,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupResult:
    """Write a new generation of the vault's backup into ``dest`` (a folder or a drive);
    keeps the newest ``keep`` generations. Cancelling (``cancel()`` true) leaves the previous
    generation as it was (:class:`BackupCancelled`)."""
    return write_backup(vault, Path(dest), keep=keep, progress=progress, cancel=cancel)


def _check_every_chunk(backup: OpenBackup, progress: Progress | None) -> tuple[int, list[str]]:
    store = EvidenceStore(backup.root, backup.connection)  # reads only: packs beside the gens
    rows = evidence_files(backup.connection)
    problems = []
    for done, (sha, name) in enumerate(rows, start=1):
        try:
            store.verify_blob(sha)
        except EvidenceError as exc:
            problems.append(f"{name} ({sha[:12]}…): {exc}")
        if progress:
            progress(done, len(rows))
    return len(rows), problems


def verify_backup(
    dest: Path,
    unlock: Unlock,
    *,
    generation: int | None = None,
    progress: Progress | None = None,
) -> tuple[VerifyReport, int]:
    """Check the newest (or the given) generation of the backup at ``dest`` without writing to
    it: every page MAC and the structure, the recovery slot, every custody chain, every pack
    the database names (present, sized) and every chunk of every evidence file (decrypted,
    re-hashed). Returns the report and the generation checked."""
    with open_backup(Path(dest), unlock, generation=generation) as backup:
        report = verify_stored(backup.connection, backup.root, backup.generation.header, deep=True)
        if not report.database:
            report.evidence_checked, report.evidence = _check_every_chunk(backup, progress)
        return report, backup.generation.number


def restore_backup(
    dest: Path, unlock: Unlock, target: Path, *, progress: Progress | None = None
) -> tuple[Vault, VerifyReport]:
    """Make a new working vault at ``target`` (absent or empty) from the newest generation of
    the backup at ``dest``, open it and ``verify --deep`` it. The caller closes the vault.

    The restored vault is the same vault (same id, passphrase and recovery key) as it was at
    the backup: on a device that has seen it later, its open reports a rollback
    (``Vault.rollback``), which is true and expected after a restore."""
    with open_backup(Path(dest), unlock) as backup:
        key = unlock(backup.header)
        restore_files(backup, Path(target))
    vault = open_restored(Path(target), key)
    try:
        report = verify_vault(vault, deep=True, progress=progress)
    except BaseException:
        vault.close()
        raise
    return vault, report


@dataclass(frozen=True)
class CaseComparison:
    """One case in the live vault and in the backup. ``newer`` is ``"same"``, ``"vault"``,
    ``"backup"``, ``"only in vault"``, ``"only in backup"`` or ``"differs"`` (each side has
    something the other lacks)."""

    case_id: str
    title: str
    vault_counts: dict[str, int]
    backup_counts: dict[str, int]
    vault_custody: dict[str, tuple[int, str]]
    backup_custody: dict[str, tuple[int, str]]
    newer: str


@dataclass
class DrillReport:
    """What "Test this backup" found: the backup's generation and date, and each case."""

    generation: int
    made_at: str
    vault_position: tuple[int, int]
    backup_position: tuple[int, int]
    cases: list[CaseComparison] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return all(c.newer == "same" for c in self.cases)


def _custody_newer(live: dict[str, tuple[int, str]], kept: dict[str, tuple[int, str]]) -> str:
    ahead_live = any(seq > kept.get(o, (0, ""))[0] for o, (seq, _) in live.items())
    ahead_kept = any(seq > live.get(o, (0, ""))[0] for o, (seq, _) in kept.items())
    if ahead_live and ahead_kept:
        return "differs"
    return "vault" if ahead_live else "backup" if ahead_kept else "same"


def _compare(case_id: str, live: CaseState | None, kept: CaseState | None) -> CaseComparison:
    if live is None or kept is None:
        newer = "only in backup" if live is None else "only in vault"
    elif live.counts == kept.counts and live.newest == kept.newest and live.custody == kept.custody:
        newer = "same"
    else:
        by_custody = _custody_newer(live.custody, kept.custody)
        by_edit = (
            "vault"
            if live.newest > kept.newest
            else "backup"
            if kept.newest > live.newest
            else "same"
        )
        sides = {by_custody, by_edit} - {"same"}
        newer = sides.pop() if len(sides) == 1 else "differs"
    either = live or kept
    assert either is not None
    return CaseComparison(
        case_id,
        (live.title if live else "") or (kept.title if kept else ""),
        live.counts if live else {},
        kept.counts if kept else {},
        live.custody if live else {},
        kept.custody if kept else {},
        newer,
    )


def drill(vault: Vault, dest: Path, unlock: Unlock | None = None) -> DrillReport:
    """Open the vault's backup at ``dest`` read-only and compare it with the open vault, case
    by case. Without ``unlock`` the backup is opened with the vault's own data key (the backup
    carries the same key; a passphrase changed since is not needed)."""
    key = vault._data_key_bytes()
    opener: Unlock = unlock or (lambda header: key)
    with open_backup(Path(dest), opener, vault_id=vault.vault_id) as backup:
        if backup.vault_id != vault.vault_id:
            raise BackupOfAnotherVault("that backup is of another vault")
        kept = case_states(backup.connection)
        made_at = backup.manifest.made_at
        number = backup.generation.number
        kept_position = position(backup.connection)
    live = case_states(vault.connection)
    report = DrillReport(number, made_at, position(vault.connection), kept_position)
    for case_id in sorted(set(live) | set(kept)):
        report.cases.append(_compare(case_id, live.get(case_id), kept.get(case_id)))
    return report


@dataclass(frozen=True)
class BackupDrive:
    """A drive (or folder) the vault remembers writing a backup to."""

    backup_id: str
    location: str
    first_at: str
    last_at: str
    generation: int


def backup_drives_of(vault: Vault) -> list[BackupDrive]:
    """Every backup drive this vault has written, most recent first."""
    return [BackupDrive(*row) for row in backup_drives(vault.connection)]


def days_since_last_backup(vault: Vault, now: datetime | None = None) -> int | None:
    """Whole days since the newest backup on any drive; ``None`` when there has been none."""
    drives = backup_drives_of(vault)
    if not drives:
        return None
    last = datetime.strptime(drives[0].last_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return max(0, ((now or datetime.now(UTC)) - last).days)


def generations_at(dest: Path, vault_id: str | None = None) -> list[int]:
    """The complete generations of the backup at ``dest``, oldest first."""
    return [g.number for g in generations(find_backup(Path(dest), vault_id))]
