"""Vault commands: init, passwd, recover, status, remember, lock."""

from __future__ import annotations

import argparse

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.secrets_input import (
    UsageError,
    current_passphrase,
    new_passphrase,
    recovery_key_text,
)
from lawnotebook.cli.sharing_commands import add_profile_options, profile_json
from lawnotebook.services.owner import checked_profile, owner_id, set_owner_profile
from lawnotebook.services.vault_access import (
    MIN_MEMORY_KIB,
    ROTATION_EXPLAINED,
    SALT_SIZE,
    Argon2Params,
    RecoveryKey,
    Vault,
    calibrate_argon2,
    forget_device_without_unlock,
    vault_status,
)


def _kdf_from_args(args: argparse.Namespace) -> Argon2Params:
    if args.kdf_memory_mib is None and args.kdf_iterations is None:
        return calibrate_argon2()
    memory: int | None = args.kdf_memory_mib * 1024 if args.kdf_memory_mib else None
    iterations: int | None = args.kdf_iterations or None
    if memory is None or iterations is None:  # the other one from this machine's calibration
        calibrated = calibrate_argon2()
        memory = calibrated.memory_kib if memory is None else memory
        iterations = calibrated.iterations if iterations is None else iterations
    if memory < MIN_MEMORY_KIB:
        raise UsageError(f"--kdf-memory-mib must be at least {MIN_MEMORY_KIB // 1024}")
    return Argon2Params(memory, iterations, 4, b"\0" * SALT_SIZE)


def cmd_init(ctx: CliContext, args: argparse.Namespace) -> int:
    passphrase = new_passphrase(ctx.passphrase_file, allow_env=True)
    if args.remember and not ctx.keystore.available():
        raise UsageError(ctx.keystore.unavailable_reason() or "no keychain")
    # Checked before the vault is made: a name that cannot be used leaves no vault behind.
    profile = checked_profile(args.name or "", args.firm or "", args.licence or "")
    ctx.say("Creating the vault (tuning the passphrase protection to this computer)...")
    vault, recovery = Vault.create(
        ctx.vault_dir,
        passphrase,
        kdf=_kdf_from_args(args),
        keystore=ctx.keystore,
        remember=args.remember,
    )
    with vault:
        set_owner_profile(
            vault.connection, name=profile.name, firm=profile.firm, licence=profile.licence
        )
        fingerprint = owner_id(vault.connection)
        ctx.emit(
            {
                "vault": str(ctx.vault_dir),
                "vault_id": vault.vault_id,
                "recovery_key": recovery.formatted(),
                "remembered_on_device": args.remember,
                "owner": profile_json(profile, fingerprint),
            },
            f"Vault created at {ctx.vault_dir}\n"
            + (
                f"Your name on your key card: {profile.name}\n\n"
                if not profile.is_default_name
                else "Your key card has no name yet: "
                "lawnotebook identity set --name 'YOUR NAME'\n\n"
            )
            + "RECOVERY KEY - write it down now and keep it somewhere safe, away from this "
            "laptop.\nIt is shown only this once. With it you can set a new passphrase if you "
            "forget yours.\n\n"
            f"    {recovery.formatted()}\n",
        )
    return 0


def cmd_passwd(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.require_vault()
    if args.keep_passphrase and not args.rotate_key:
        raise UsageError("--keep-passphrase goes with --rotate-key")
    old = current_passphrase(ctx.passphrase_file)
    with ctx.opened(
        Vault.open_with_passphrase(ctx.vault_dir, old, on_derive=ctx.deriving)
    ) as vault:
        if not args.rotate_key:
            vault.change_passphrase(new_passphrase(args.new_passphrase_file))
            ctx.emit(
                {"changed": True, "key_rotated": False},
                "Passphrase changed. The old passphrase no longer opens the vault.\n"
                "The data key is unchanged: an old copy of vault.header still opens the vault "
                "with the old passphrase. 'lawnotebook passwd --rotate-key' changes the key too.",
            )
            return 0
        new = None if args.keep_passphrase else new_passphrase(args.new_passphrase_file)
        ctx.say("Re-encrypting the vault under a new key (do not switch off the computer)...")
        recovery = vault.rotate_data_key(old, new_passphrase=new, keystore=ctx.keystore)
    ctx.emit(
        {"changed": new is not None, "key_rotated": True, "recovery_key": recovery.formatted()},
        "The vault now has a new key"
        + (" and a new passphrase" if new is not None else "")
        + ".\n\n"
        + ROTATION_EXPLAINED
        + "\n\nNEW RECOVERY KEY - write it down now; the old one no longer works.\n"
        "It is shown only this once.\n\n"
        f"    {recovery.formatted()}\n",
    )
    return 0


def cmd_recover(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.require_vault()
    if args.shares or args.share_file:  # recovery shares (cli/shares_commands.py)
        from lawnotebook.cli.shares_commands import shares_input
        from lawnotebook.services.recovery_shares import open_with_shares

        vault = open_with_shares(ctx.vault_dir, shares_input(args.share_file))
    else:
        recovery = RecoveryKey.parse(recovery_key_text(args.recovery_key_file))
        vault = Vault.open_with_recovery_key(ctx.vault_dir, recovery)
    with ctx.opened(vault):
        vault.change_passphrase(new_passphrase(args.new_passphrase_file))
    ctx.emit({"recovered": True}, "New passphrase set. Your recovery key stays the same.")
    return 0


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        status = vault_status(vault, ctx.keystore)
    remembered = "yes" if status.remembered_on_device else "no"
    ctx.emit(
        status.to_dict(),
        f"Vault:            {status.vault}\n"
        f"Schema version:   {status.schema_version}\n"
        f"Passphrase KDF:   Argon2id, {status.kdf['argon2id_memory_kib'] // 1024} MiB, "
        f"{status.kdf['argon2id_iterations']} passes, {status.kdf['argon2id_lanes']} lanes\n"
        f"Remembered here:  {remembered}\n"
        f"Keychain:         {status.keychain}\n",
    )
    return 0


def cmd_remember(ctx: CliContext, args: argparse.Namespace) -> int:
    if not ctx.keystore.available():
        raise UsageError(ctx.keystore.unavailable_reason() or "no keychain")
    with ctx.open_vault() as vault:
        vault.remember_on_device(ctx.keystore)
    ctx.emit(
        {"remembered_on_device": True},
        "This device now unlocks the vault without the passphrase; 'lawnotebook lock' undoes it.",
    )
    return 0


def cmd_lock(ctx: CliContext, args: argparse.Namespace) -> int:
    forgot = forget_device_without_unlock(ctx.vault_dir, ctx.keystore)
    ctx.emit(
        {"forgotten": forgot},
        "Locked: this device no longer remembers the vault; the passphrase is needed to open it."
        if forgot
        else "Locked: the vault was not remembered on this device.",
    )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the vault commands to the CLI."""
    p = sub.add_parser("init", parents=[common], help="create a new vault")
    p.add_argument(
        "--remember", action="store_true", help="remember the vault on this device (OS keychain)"
    )
    p.add_argument(
        "--kdf-memory-mib",
        type=int,
        metavar="MIB",
        help="Argon2id memory instead of calibrating (for scripts; lower is weaker)",
    )
    p.add_argument(
        "--kdf-iterations", type=int, metavar="N", help="Argon2id passes instead of calibrating"
    )
    add_profile_options(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "passwd",
        parents=[common],
        help="change the passphrase (with --rotate-key: the vault's key and recovery key too)",
    )
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument(
        "--rotate-key",
        action="store_true",
        help="also re-encrypt the vault under a new data key and make a new recovery key "
        "(old header copies, the old recovery key and this device's remembered key stop working)",
    )
    p.add_argument(
        "--keep-passphrase",
        action="store_true",
        help="with --rotate-key: keep the current passphrase",
    )
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser(
        "recover", parents=[common], help="set a new passphrase using the recovery key"
    )
    p.add_argument("--recovery-key-file", metavar="FILE")
    p.add_argument(
        "--shares",
        action="store_true",
        help="use recovery shares instead of the recovery key (asked one by one)",
    )
    p.add_argument(
        "--share-file", action="append", metavar="FILE", help="one share per file (repeat)"
    )
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("status", parents=[common], help="show the vault's settings")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "remember", parents=[common], help="remember the vault on this device (OS keychain)"
    )
    p.set_defaults(func=cmd_remember)

    p = sub.add_parser("lock", parents=[common], help="forget the key remembered on this device")
    p.set_defaults(func=cmd_lock)
