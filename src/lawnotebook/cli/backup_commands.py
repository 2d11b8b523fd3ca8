"""Backup commands: backup DEST, backup verify DEST, backup drill DEST, backup drives, restore."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from lawnotebook.cli.audit_commands import _progress_line, verify_lines
from lawnotebook.cli.context import CliContext
from lawnotebook.cli.records_output import short
from lawnotebook.cli.secrets_input import UsageError, current_passphrase, recovery_key_text
from lawnotebook.services.backup import (
    KEEP_GENERATIONS,
    Unlock,
    back_up,
    backup_drives_of,
    days_since_last_backup,
    drill,
    restore_backup,
    unlock_with,
    verify_backup,
)
from lawnotebook.services.vault_access import RecoveryKey

_ACTIONS = ("verify", "drill", "drives")
INTEGRITY = 12  # exit_codes.INTEGRITY (not imported: it loads every error class)


def _unlock(ctx: CliContext, args: argparse.Namespace) -> Unlock:
    if args.recovery_key or args.recovery_key_file:
        return unlock_with(recovery=RecoveryKey.parse(recovery_key_text(args.recovery_key_file)))
    return unlock_with(passphrase=current_passphrase(ctx.passphrase_file))


def cmd_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    words: list[str] = args.words
    if words[0] in _ACTIONS:
        action, rest = words[0], words[1:]
    else:
        action, rest = "write", words
    if action == "drives":
        if rest:
            raise UsageError("backup drives takes no folder")
        return _drives(ctx)
    if len(rest) != 1:
        raise UsageError(f"backup {'' if action == 'write' else action + ' '}needs one folder")
    dest = Path(rest[0]).expanduser()
    if action == "verify":
        return _verify(ctx, args, dest)
    if action == "drill":
        return _drill(ctx, dest)
    return _write(ctx, args, dest)


def _write(ctx: CliContext, args: argparse.Namespace, dest: Path) -> int:
    if args.keep < 1:
        raise UsageError("--keep must be at least 1")
    with ctx.open_vault() as vault:
        result = back_up(vault, dest, keep=args.keep, progress=_progress_line("copying evidence"))
    data = asdict(result)
    data["folder"] = str(result.folder)
    ctx.emit(
        data,
        f"Backup generation {result.generation} written to {result.folder}\n"
        f"Evidence packs copied: {result.packs_copied} ({result.bytes_copied} bytes); "
        f"already on the drive: {result.packs_present}\n"
        + (
            f"Older generations removed: {', '.join(map(str, result.pruned))}\n"
            if result.pruned
            else ""
        )
        + f"It opens with this vault's passphrase and recovery key. Check it with: "
        f"lawnotebook backup verify {dest}",
    )
    return 0


def _verify(ctx: CliContext, args: argparse.Namespace, dest: Path) -> int:
    report, generation = verify_backup(
        dest, _unlock(ctx, args), generation=args.generation, progress=_progress_line("checking")
    )
    data = report.to_dict()
    data["generation"] = generation
    lines = [f"Backup generation {generation} at {dest} (nothing was written there)"]
    ctx.emit(data, "\n".join(lines + verify_lines(report)))
    return 0 if report.ok else INTEGRITY


def _drill(ctx: CliContext, dest: Path) -> int:
    with ctx.open_vault() as vault:
        report = drill(vault, dest)
    lines = [
        f"Backup generation {report.generation}, made {report.made_at} (UTC), compared with "
        "this vault:"
    ]
    for case in report.cases:
        entries = sum(seq for seq, _ in case.vault_custody.values())
        kept = sum(seq for seq, _ in case.backup_custody.values())
        lines.append(
            f"  {short(case.case_id)} {case.title}: {case.newer}"
            f" (records {sum(case.vault_counts.values())} here, "
            f"{sum(case.backup_counts.values())} in the backup; custody entries {entries} "
            f"here, {kept} in the backup)"
        )
    lines.append(
        "The backup holds everything this vault holds."
        if report.matches
        else "Cases marked 'vault' have work done since this backup: back up again."
    )
    data = {
        "generation": report.generation,
        "made_at": report.made_at,
        "matches": report.matches,
        "cases": [asdict(c) for c in report.cases],
    }
    ctx.emit(data, "\n".join(lines))
    return 0


def _drives(ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        drives = backup_drives_of(vault)
        days = days_since_last_backup(vault)
    lines = [
        f"{d.location}/{d.backup_id}: generation {d.generation}, last {d.last_at}" for d in drives
    ]
    lines.append(
        "No backup yet: lawnotebook backup DEST"
        if days is None
        else f"Last backup {days} day(s) ago."
    )
    ctx.emit(
        {"drives": [asdict(d) for d in drives], "days_since_last_backup": days}, "\n".join(lines)
    )
    return 0


def cmd_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    target = Path(args.to).expanduser()
    vault, report = restore_backup(
        Path(args.backup).expanduser(), _unlock(ctx, args), target,
        progress=_progress_line("re-hashing"),
    )  # fmt: skip
    with ctx.opened(vault):
        pass
    ctx.emit(
        {"restored": str(target), "verify": report.to_dict()},
        f"Restored into {target}\n"
        + "\n".join(verify_lines(report))
        + f"\nOpen it with: lawnotebook --vault {target} status",
    )
    return 0 if report.ok else INTEGRITY


def _secret_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--recovery-key", action="store_true", help="open the backup with the recovery key (asked)"
    )
    p.add_argument("--recovery-key-file", metavar="FILE", help="read the recovery key from FILE")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "backup",
        parents=[common],
        help="back up the vault to a folder or drive; verify, drill or list backups",
        description="backup DEST: write a new generation into DEST (a folder or a drive). "
        "backup verify DEST: check a backup without writing to it. backup drill DEST: compare "
        "a backup with this vault. backup drives: the drives this vault has backed up to.",
    )
    p.add_argument("words", nargs="+", metavar="[verify|drill|drives] DEST")
    p.add_argument(
        "--keep", type=int, default=KEEP_GENERATIONS,
        help=f"generations kept on the drive (default {KEEP_GENERATIONS})",
    )  # fmt: skip
    p.add_argument("--generation", type=int, help="verify this generation (default: newest)")
    _secret_options(p)
    p.set_defaults(func=cmd_backup)
    r = sub.add_parser(
        "restore",
        parents=[common],
        help="make a new working vault from a backup",
        description="Restore the newest generation of the backup in BACKUP into a new vault "
        "folder and verify it deeply. Opens with the vault's passphrase or recovery key.",
    )
    r.add_argument("backup", metavar="BACKUP")
    r.add_argument("--to", required=True, metavar="DIR", help="the new vault folder (empty)")
    _secret_options(r)
    r.set_defaults(func=cmd_restore)
