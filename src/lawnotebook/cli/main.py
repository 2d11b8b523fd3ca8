"""Argument parsing and dispatch; every failure becomes one sentence and a documented code.

The ``lawnotebook`` program is :func:`lawnotebook.app.main`, which calls :func:`main` here with
the OS keychain and the desktop window (a :class:`~lawnotebook.cli.composition.Composition`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lawnotebook import __version__
from lawnotebook.cli.composition import HEADLESS, Composition
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.services.vault_location import default_vault_dir, resolve_vault_dir

if TYPE_CHECKING:
    from lawnotebook.services.vault_access import DeviceKeyStore

# Imported by build_parser() only: the window (no command) starts without loading the vault,
# crypto and extraction code every command needs.
COMMAND_MODULES = (
    "vault_commands",
    "case_commands",
    "custody_commands",
    "check_commands",
    "audit_commands",
    "sharing_commands",
    "report_commands",
    "shares_commands",
    "backup_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawnotebook",
        description="Lawnotebook: an encrypted, offline case notebook.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 usage, 3 wrong passphrase or recovery key, "
        "4 no vault, 5 vault already open, 6 vault damaged, 7 vault from a newer version, "
        "8 keychain, 9 vault exists, 10 not found, 11 bad input.",
    )
    parser.add_argument("--version", action="version", version=f"lawnotebook {__version__}")
    parser.add_argument(
        "--vault",
        metavar="DIR",
        help=f"vault folder (default: $LAWNOTEBOOK_VAULT, else {default_vault_dir()})",
    )
    parser.add_argument(
        "--passphrase-file", metavar="FILE", help="read the passphrase from the first line of FILE"
    )
    parser.add_argument("--json", action="store_true", help="print data as JSON")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on fictional demo cases in a throw-away vault, deleted on close",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the window, the demo and reports: zh_CN or en (default: the "
        "system's, from LC_ALL / LC_MESSAGES / LANG)",
    )
    # Subcommands accept --json too; SUPPRESS keeps the global value when it is not repeated.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print data as JSON"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"lawnotebook.cli.{name}").register(sub, common)
    return parser


def _what_to_do(vault_dir: Path, why: str) -> str:
    state = "exists" if (vault_dir / "vault.header").exists() else "does not exist yet"
    return (
        f"{why}\n"
        f"Your vault location is {vault_dir} ({state}).\n\n"
        "  lawnotebook init      create a vault (you will be shown a recovery key)\n"
        "  lawnotebook status    unlock and show the vault's settings\n"
        "  lawnotebook --help    every command\n"
    )


def _open_window(vault_dir: Path, composition: Composition, lang: str | None = None) -> int:
    """No command: open the desktop window (in ``lang`` if given), or say why it cannot open
    and what to do instead."""
    why = composition.window_unavailable_reason()
    if why is not None:
        sys.stdout.write(_what_to_do(vault_dir, why))
        return 0  # exit_codes.OK (not imported: it loads every error class)
    return composition.open_window(vault_dir, lang)


def _open_demo(lang: str | None, composition: Composition) -> int:
    """``--demo``: the window on a throw-away vault of fictional cases (Qt loads only now)."""
    from lawnotebook.cli import exit_codes

    why = composition.window_unavailable_reason()
    if why is not None:
        sys.stderr.write(f"lawnotebook: {why}\n")
        return exit_codes.USAGE
    return composition.open_demo(lang)


def _window_only(argv: list[str]) -> str | None:
    """For ``lawnotebook`` or ``lawnotebook --vault DIR`` (the window): ``""`` or ``DIR``;
    None for anything else (a command, an option, a bundle: the parser's business)."""
    if not argv:
        return ""
    if len(argv) == 2 and argv[0] == "--vault" and not argv[1].startswith("-"):
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--vault=") and len(argv[0]) > len("--vault="):
        return argv[0].removeprefix("--vault=")
    return None


def _lone_bundle(argv: Sequence[str]) -> tuple[list[str], Path] | None:
    """``lawnotebook [--vault DIR] FILE.lnb``: the global options and the bundle to open."""
    if not argv or not argv[-1].lower().endswith(".lnb") or not Path(argv[-1]).is_file():
        return None
    rest = list(argv[:-1])
    if rest and not (len(rest) == 2 and rest[0] == "--vault"):
        return None
    return rest, Path(argv[-1])


def main(
    argv: Sequence[str] | None = None,
    *,
    keystore: DeviceKeyStore | None = None,
    composition: Composition = HEADLESS,
) -> int:
    """Run the CLI; returns the exit code (``lawnotebook.app.main`` passes it to ``sys.exit``).
    ``composition`` gives the keychain and the window; ``keystore`` overrides its keychain."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    window_on = _window_only(arguments)
    if window_on is not None:  # no command: the window, before the commands are even loaded
        return _open_window(resolve_vault_dir(window_on or None), composition)
    from lawnotebook.cli import exit_codes

    bundle = _lone_bundle(arguments)
    if bundle is not None:  # opened from a file manager: the window's open-bundle flow
        options, path = bundle
        vault_dir = resolve_vault_dir(options[1] if options else None)
        why = composition.window_unavailable_reason()
        if why is not None:
            sys.stderr.write(f"lawnotebook: {why} Use: lawnotebook bundle open {path}\n")
            return exit_codes.USAGE
        return composition.open_bundle_in_window(vault_dir, path)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    if args.demo:
        return _open_demo(args.lang, composition)
    vault_dir = resolve_vault_dir(args.vault)
    if args.command is None:
        from lawnotebook.cli.languages import language_option

        try:
            lang = language_option(args.lang) if args.lang else None
        except ValueError as exc:
            sys.stderr.write(f"lawnotebook: {exc}\n")
            return 2  # exit_codes.USAGE
        return _open_window(vault_dir, composition, lang)
    from lawnotebook.cli.context import CliContext
    from lawnotebook.cli.secrets_input import UsageError

    if keystore is None:
        keystore = composition.make_keystore()
    ctx = CliContext(
        vault_dir,
        args.passphrase_file,
        args.json,
        keystore,
        render_report_pdf=composition.render_report_pdf,
        report_words=composition.report_words,
    )
    try:
        return int(args.func(ctx, args))
    except UsageError as exc:
        sys.stderr.write(f"lawnotebook: {exc}\n")
        return exit_codes.USAGE
    except (LawnotebookError, OSError) as exc:
        code, sentence = exit_codes.classify(exc)
        if isinstance(exc, OSError):
            code, sentence = exit_codes.BAD_INPUT, f"Could not use a file: {exc.strerror}."
        sys.stderr.write(f"lawnotebook: {sentence}\n")
        return code
    except KeyboardInterrupt:
        sys.stderr.write("lawnotebook: interrupted; nothing was changed.\n")
        return 130
    except Exception as exc:
        code, sentence = exit_codes.classify(exc)
        sys.stderr.write(f"lawnotebook: {sentence}\n")
        return code
