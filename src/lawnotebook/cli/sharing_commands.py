"""Sharing commands: identity, contact, bundle seal|open|inspect."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.records_output import short, table
from lawnotebook.cli.secrets_input import UsageError, read_secret_file
from lawnotebook.core.records import from_body
from lawnotebook.services import errors
from lawnotebook.services.bundle_inspect import inspect_bundle
from lawnotebook.services.bundle_open import OpenedBundle, open_bundle
from lawnotebook.services.bundle_seal import seal_case, suggested_name
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import (
    MAX_CARD_BYTES,
    Colleagues,
    Contact,
    card_text_from_bytes,
    read_card_text,
)
from lawnotebook.services.files import write_atomic
from lawnotebook.services.owner import OwnerProfile, owner_profile, set_owner_profile


def profile_json(me: OwnerProfile, fingerprint: str) -> dict[str, object]:
    """The owner as ``identity show|set|rename --json`` and ``init --json`` give them."""
    return {
        "name": me.name,
        "firm": me.firm,
        "licence": me.licence,
        "fingerprint": fingerprint,
    }


def profile_text(me: OwnerProfile, fingerprint: str) -> str:
    lines = [me.name]
    lines += [f"Law firm: {me.firm}"] if me.firm else []
    lines += [f"Licence number: {me.licence}"] if me.licence else []
    return "\n".join([*lines, f"Fingerprint: {fingerprint}"])


def _contact_json(c: Contact) -> dict[str, object]:
    return {
        "id": c.id,
        "name": c.name,
        "fingerprint": c.fingerprint,
        "verified": c.verified,
        "added_at": c.added_at,
    }


def cmd_identity(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        people = Colleagues(vault)
        if args.action in ("rename", "set"):
            before = owner_profile(vault.connection)
            if args.action == "rename":
                after = set_owner_profile(vault.connection, name=args.name)
            else:
                if args.name is None and args.firm is None and args.licence is None:
                    raise UsageError('give --name, --firm or --licence ("" clears one)')
                after = set_owner_profile(
                    vault.connection, name=args.name, firm=args.firm, licence=args.licence
                )
            fingerprint = people.me().fingerprint
            told = profile_text(after, fingerprint)
            if after.name != before.name:
                told += (
                    f"\nYour key card now reads {after.name} (same keys, same fingerprint). "
                    "Send it again to colleagues: 'lawnotebook identity export --out FILE'."
                )
            ctx.emit(profile_json(after, fingerprint), told)
        elif args.action == "export":
            me = people.me()
            write_atomic(Path(args.out), me.card_text.encode("utf-8"))
            ctx.emit(
                {"written_to": args.out, "fingerprint": me.fingerprint},
                f"Key card written to {args.out}. It holds only public keys: safe to send.\n"
                f"Fingerprint: {me.fingerprint}",
            )
        elif args.action == "export-age-key":
            secret = people.identity().x25519 if args.x25519 else people.identity().pq
            write_atomic(Path(args.out), (str(secret) + "\n").encode("ascii"))
            sys.stderr.write(
                "WARNING: this file is a SECRET key. Anyone holding it can open every bundle "
                "sealed to you. Use it only in an emergency, with the 'age' tool, and delete "
                "it afterwards.\n"
            )
            ctx.emit({"written_to": args.out}, f"Secret age key written to {args.out}.")
        else:
            me = people.me()
            profile = owner_profile(vault.connection)
            ctx.emit(
                {**profile_json(profile, me.fingerprint), "card": me.card_text},
                profile_text(profile, me.fingerprint),
            )
    return 0


def cmd_contact(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        people = Colleagues(vault)
        if args.action == "add":
            text = (  # bounded and strict UTF-8: a huge or binary file is a typed refusal
                read_card_text(args.card)
                if args.card != "-"
                else card_text_from_bytes(sys.stdin.buffer.read(MAX_CARD_BYTES + 1))
            )
            taken = people.take_card(text, verified=args.verified)
            c = taken.contact
            if taken.renamed_from is not None:
                ctx.emit(
                    {**_contact_json(c), "renamed_from": taken.renamed_from},
                    f"{taken.renamed_from} now calls themselves {c.name}: a new card with the "
                    f"same keys, so contact {short(c.id)} is renamed.\n"
                    f"Fingerprint: {c.fingerprint}" + ("" if c.verified else " (NOT verified)"),
                )
                return 0
            ctx.emit(
                _contact_json(c),
                f"Added {c.name} as contact {short(c.id)}.\nFingerprint: {c.fingerprint}\n"
                + (
                    ""
                    if c.verified
                    else "Compare this fingerprint with them (aloud, or "
                    "on paper), then run: lawnotebook contact verify " + short(c.id)
                ),
            )
        elif args.action == "verify":
            c = people.verify(args.contact)
            ctx.emit(_contact_json(c), f"{c.name} is now verified.")
        elif args.action == "remove":
            c = people.remove(args.contact)
            ctx.emit(_contact_json(c), f"Removed {c.name}.")
        else:
            contacts = people.all()
            ctx.emit(
                [_contact_json(c) for c in contacts],
                table(
                    [
                        [
                            short(c.id),
                            c.name,
                            c.fingerprint,
                            "verified" if c.verified else "NOT verified",
                        ]
                        for c in contacts
                    ],
                    ["id", "name", "fingerprint", "status"],
                ),
            )
    return 0


def _plan_text(opened: OpenedBundle) -> str:
    plan, m = opened.plan, opened.manifest
    who = f"{opened.sender_name} ({m.sender_fingerprint})"
    trust = (
        "verified contact"
        if opened.sender_verified
        else ("contact, NOT verified" if opened.sender_known else "UNKNOWN sender")
    )
    lines = [
        f"From: {who} — {trust}",
        *(
            [
                f"They now call themselves {opened.sender_name} (in your address book: "
                f"{opened.sender_renamed_from}); same key. Applying takes the new name."
            ]
            if opened.sender_renamed_from
            else []
        ),
        f"Bundle #{m.sequence}"
        + (f" (changes since #{m.base_sequence})" if m.base_sequence else " (whole case)"),
        "This is a new case for you." if opened.new_case else "Case already in your vault.",
        f"Adds {plan.count('add')}, changes {plan.count('change')}, deletes "
        f"{plan.count('delete')}; {len(plan.conflicts)} conflict(s); {opened.files} file(s).",
    ]
    if not opened.outer_bound:
        lines.append("Outer layer: NOT signed by the sender (an older bundle format).")
    for change in plan.changes:
        r = change.record
        title = from_body(r.kind, r.body).title_text()
        mark = " CONFLICT (both versions kept)" if change.conflict else ""
        lines.append(f"  {change.action:6} {r.kind:13} {title[:50]}{mark}")
        for fc in change.changes[:8]:
            if fc.field != "conflicts":
                lines.append(
                    f"           {fc.field}: {str(fc.old)[:30]!r} → {str(fc.new)[:30]!r}"
                    f"  (by {r.author[:11]}…, {r.updated_at[:16]})"
                )
    return "\n".join(lines)


def _plan_json(opened: OpenedBundle) -> dict:
    m = opened.manifest
    return {
        "applied": opened.applied,
        "sender": {
            "name": opened.sender_name,
            "fingerprint": m.sender_fingerprint,
            "known": opened.sender_known,
            "verified": opened.sender_verified,
            "renamed_from": opened.sender_renamed_from,
        },
        "case_id": m.case_id,
        "sequence": m.sequence,
        "base_sequence": m.base_sequence,
        "new_case": opened.new_case,
        "outer_bound": opened.outer_bound,
        "format_version": m.version,
        "files": opened.files,
        "changes": [
            {
                "action": c.action,
                "kind": c.record.kind,
                "id": c.record.id,
                "conflict": c.conflict,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.changes],
            }
            for c in opened.plan.changes
        ],
        "warnings": opened.warnings,
    }


def cmd_bundle(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.action == "inspect":
        info = inspect_bundle(Path(args.file))
        ctx.emit(info, "\n".join(f"{k}: {v}" for k, v in info.items()))
        return 0
    bundle_pass = (
        read_secret_file(args.bundle_passphrase_file) if args.bundle_passphrase_file else None
    )
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        if args.action == "seal":
            if not args.to and bundle_pass is None:
                raise UsageError(
                    "say who it is for (--to CONTACT) or give --bundle-passphrase-file"
                )
            people = Colleagues(vault)
            to = [people.find(ref) for ref in args.to or []]
            out = Path(args.out) if args.out else Path.cwd() / suggested_name()
            if out.is_dir():
                out = out / suggested_name()
            result = seal_case(
                files,
                args.case,
                out,
                to=to,
                passphrase=bundle_pass,
                since_last=args.since_last,
                evidence=args.evidence,
                classic=args.classic,
            )
            warn = "".join(f"\nWARNING: {n} is not a verified contact." for n in result.unverified)
            ctx.emit(
                {
                    "path": str(result.path),
                    "sequence": result.sequence,
                    "base_sequence": result.base_sequence,
                    "records": result.records,
                    "files": result.blobs,
                    "bytes": result.bytes_written,
                    "unverified_recipients": result.unverified,
                },
                f"Sealed bundle #{result.sequence} to {result.path} "
                f"({result.bytes_written} bytes, {result.blobs} file(s)).{warn}",
            )
            return 0
        path = Path(args.file)
        if args.dry_run:
            opened = open_bundle(files, path, passphrase=bundle_pass, dry_run=True)
            ctx.emit(_plan_json(opened), _plan_text(opened) + "\n(dry run: nothing changed)")
            return 0
        try:  # one pass for a verified sender (or --yes); the plan is shown with the result
            opened = open_bundle(files, path, passphrase=bundle_pass, accept_unverified=args.yes)
        except errors.bundle.UntrustedSender:
            # Unverified and no --yes: show who it claims to be and what it would change.
            preview = open_bundle(files, path, passphrase=bundle_pass, dry_run=True)
            if not sys.stdin.isatty():
                ctx.emit(_plan_json(preview), _plan_text(preview))
                # A refused bundle (exit 13, docs/cli.md), not a usage error.
                raise errors.bundle.UntrustedSender(
                    "the sender is not a verified contact: check the fingerprint "
                    "above, then run again with --yes"
                ) from None
            sys.stdout.write(_plan_text(preview) + "\n")
            if input("Apply this bundle from an unverified sender? [y/N] ").strip().lower() not in (
                "y",
                "yes",
            ):
                ctx.say("Nothing changed.")
                return 0
            # Apply what was shown: a file swapped or rewritten meanwhile is refused.
            opened = open_bundle(
                files,
                path,
                passphrase=bundle_pass,
                accept_unverified=True,
                expect_manifest=preview.manifest_sha256,
            )
        ctx.emit(_plan_json(opened), _plan_text(opened) + "\nApplied.")
    return 0


def add_profile_options(p: argparse.ArgumentParser) -> None:
    """--name, --firm, --licence: for ``identity set`` and ``init``."""
    p.add_argument("--name", help="your name, as colleagues see it on your key card")
    p.add_argument("--firm", help="your law firm, printed in the head of reports")
    p.add_argument(
        "--licence", help="your licence number (律师执业证号), printed in the head of reports"
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add identity, contact and bundle commands to the CLI."""
    ident = sub.add_parser("identity", help="your key card").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    ident.add_parser("show", parents=[common])
    p = ident.add_parser("export", parents=[common], help="write your key card to a file")
    p.add_argument("--out", required=True)
    p = ident.add_parser("rename", parents=[common], help="change the name on your card")
    p.add_argument("name")
    p = ident.add_parser(
        "set",
        parents=[common],
        help="your name (on your key card), law firm and licence number (in report heads)",
    )
    add_profile_options(p)
    p = ident.add_parser(
        "export-age-key",
        parents=[common],
        help="emergency: write your secret age key for the age tool",
    )
    p.add_argument("--out", required=True)
    p.add_argument(
        "--x25519",
        action="store_true",
        help="the classic X25519 key, for bundles sealed with --classic (any age version); "
        "default: the post-quantum key (needs age >= 1.3)",
    )
    for parser in ident.choices.values():
        parser.set_defaults(func=cmd_identity)

    con = sub.add_parser("contact", help="colleagues' key cards").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = con.add_parser("add", parents=[common])
    p.add_argument("card", help="key card file, or - for standard input")
    p.add_argument(
        "--verified", action="store_true", help="you already compared the fingerprint with them"
    )
    for name in ("verify", "remove"):
        p = con.add_parser(name, parents=[common])
        p.add_argument("contact", help="id, fingerprint or name")
    con.add_parser("list", parents=[common])
    for parser in con.choices.values():
        parser.set_defaults(func=cmd_contact)

    bun = sub.add_parser("bundle", help="seal, open or inspect case bundles").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = bun.add_parser("seal", parents=[common], help="seal a case for colleagues")
    p.add_argument("case")
    p.add_argument("--to", action="append", metavar="CONTACT")
    p.add_argument("--bundle-passphrase-file", metavar="FILE")
    p.add_argument(
        "--since-last",
        action="store_true",
        help="only what changed since the last bundle to the same recipients",
    )
    p.add_argument(
        "--evidence",
        action="append",
        metavar="ID",
        help="include only these evidence items (repeat); default all",
    )
    p.add_argument("--out", metavar="FILE", help="file or folder (default: a neutral name here)")
    p.add_argument(
        "--classic",
        action="store_true",
        help="X25519 only, so any age version opens the outer layer (not "
        "protected against future quantum computers)",
    )
    p = bun.add_parser("open", parents=[common], help="verify and apply a bundle")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.add_argument("--yes", action="store_true", help="accept an unverified sender")
    p.add_argument("--bundle-passphrase-file", metavar="FILE")
    p = bun.add_parser("inspect", parents=[common], help="what can be known without keys")
    p.add_argument("file")
    for parser in bun.choices.values():
        parser.set_defaults(func=cmd_bundle)
