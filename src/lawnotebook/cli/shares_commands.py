"""Recovery shares: ``shares make`` (split the recovery key k of n) and ``shares open`` (a share
sealed to you by a colleague), and how ``recover --shares`` reads the shares."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.secrets_input import UsageError, recovery_key_text
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.recovery_shares import (
    FILE_SUFFIX,
    MAX_FILE_BYTES,
    ShareSheet,
    make_shares,
    open_share_file,
    save_sealed_share,
    share_threshold,
)

ROTATION_NOTE = (
    "Shares made now stop working when the vault's key is changed ('passwd --rotate-key' makes "
    "a new recovery key): then make new shares and ask your colleagues to destroy the old ones."
)
SHEET_BREAK = "\n" + "-" * 72 + "\n"


def _sheet_json(sheet: ShareSheet, *, words: bool = True) -> dict[str, object]:
    data: dict[str, object] = {
        "vault_id": sheet.vault_id,
        "key_check": sheet.key_check,
        "number": sheet.number,
        "count": sheet.count,
        "threshold": sheet.threshold,
    }
    if words:
        data["words"] = " ".join(sheet.words)
    return data


def cmd_shares_make(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.seal_to and not args.out:
        raise UsageError("--seal-to needs --out DIR for the sealed share files")
    if len(args.seal_to) > args.count:
        raise UsageError("more --seal-to colleagues than shares")
    out = Path(args.out) if args.out else None
    if out is not None and not out.is_dir():
        raise UsageError(f"{out} is not a folder")
    with ctx.open_vault() as vault:
        people = Colleagues(vault)
        contacts = [people.find(ref) for ref in args.seal_to]  # refused before the key is asked
        sheets = make_shares(
            vault, recovery_key_text(args.recovery_key_file), args.threshold, args.count
        )
        sealed: list[dict[str, object]] = []
        for sheet, contact in zip(sheets, contacts, strict=False):
            assert out is not None
            path = out / f"recovery-share-{sheet.number}-of-{sheet.count}{FILE_SUFFIX}"
            if path.exists():
                raise UsageError(f"{path} exists already; choose another folder")
            save_sealed_share(sheet, contact, path)
            sealed.append(
                {**_sheet_json(sheet, words=False), "sealed_to": contact.name, "file": str(path)}
            )
    printed = sheets[len(contacts) :]
    lines = [
        f"{args.count} recovery shares made: any {args.threshold} of them recover the vault "
        f"(recovery key check {sheets[0].key_check}).",
        *(f"Share {s['number']} sealed to {s['sealed_to']}: {s['file']}" for s in sealed),
        ROTATION_NOTE,
    ]
    ctx.emit(
        {
            "vault_id": sheets[0].vault_id,
            "key_check": sheets[0].key_check,
            "threshold": args.threshold,
            "count": args.count,
            "sealed": sealed,
            "sheets": [_sheet_json(s) for s in printed],
        },
        "\n".join(lines)
        + ("\n\nPrint each sheet below and give it to a different colleague:" if printed else "")
        + "".join(SHEET_BREAK + s.text() for s in printed),
    )
    return 0


def cmd_shares_open(ctx: CliContext, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    with ctx.open_vault() as vault:
        sheet = open_share_file(vault, data)
    ctx.emit(
        _sheet_json(sheet),
        sheet.text()
        + "\n\nThis share is one part of a colleague's recovery key: keep it private, and "
        "read or give it only to that colleague when they ask for it.",
    )
    return 0


def shares_input(files: list[str] | None) -> list[str]:
    """The shares for ``recover --shares``: one per ``--share-file`` (bare words or a whole
    sheet), else typed at prompts (hidden) until the set's number is reached."""
    if files:
        texts = []
        for name in files:
            try:
                texts.append(Path(name).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"cannot read {name}: {exc.__class__.__name__}") from exc
        return texts
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError("shares needed: give --share-file FILE for each, or run in a terminal")
    texts = [getpass.getpass("Share 1 (its words, separated by spaces): ")]
    needed = share_threshold(texts[0])  # a mistyped first share is refused here
    sys.stderr.write(f"This set needs {needed} shares.\n")
    while len(texts) < needed:
        texts.append(getpass.getpass(f"Share {len(texts) + 1}: "))
    return texts


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the ``shares`` commands to the CLI."""
    group = sub.add_parser(
        "shares", help="recovery shares: the recovery key split among trusted colleagues"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    p = group.add_parser(
        "make",
        parents=[common],
        help="split the recovery key into shares (asks for the recovery key you printed)",
        description=ROTATION_NOTE,
    )
    p.add_argument("--threshold", type=int, required=True, metavar="K", help="shares needed")
    p.add_argument("--count", type=int, required=True, metavar="N", help="shares made")
    p.add_argument("--recovery-key-file", metavar="FILE")
    p.add_argument(
        "--seal-to",
        action="append",
        default=[],
        metavar="CONTACT",
        help="seal the next share to this colleague (repeat; id, fingerprint or name); the "
        "others are printed as sheets",
    )
    p.add_argument("--out", metavar="DIR", help="folder for the sealed share files")
    p.set_defaults(func=cmd_shares_make)
    p = group.add_parser(
        "open", parents=[common], help="show a recovery share a colleague sealed to you"
    )
    p.add_argument("file")
    p.set_defaults(func=cmd_shares_open)
