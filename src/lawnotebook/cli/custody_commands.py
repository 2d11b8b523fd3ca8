"""The client's custody history: place add/list, custody add/list, and the interrogation
session's custody fields (shared by ``interrogation add`` and ``interrogation edit``)."""

from __future__ import annotations

import argparse
from typing import Any

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.records_output import record_json, short, table
from lawnotebook.cli.secrets_input import UsageError
from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import Outcome, Recording, Tristate, rest_break
from lawnotebook.services import detention
from lawnotebook.services.case_file import CaseFile

_TRISTATE = [t.value for t in Tristate]
# flag -> (session field, how the flag's text becomes the field's value)
_SESSION_FLAGS: dict[str, tuple[str, Any]] = {
    "place_id": ("place_id", str),
    "recording": ("recording", Recording),
    "recording_file": ("recording_evidence_id", str),
    "recording_start": ("recording_start", FuzzyDate.parse),
    "recording_end": ("recording_end", FuzzyDate.parse),
    "transcript": ("transcript_evidence_id", str),
    "pages": ("transcript_pages", str),
    "transcript_start": ("transcript_start", FuzzyDate.parse),
    "transcript_end": ("transcript_end", FuzzyDate.parse),
    "signed": ("transcript_signed", Tristate),
    "corrections": ("transcript_corrections", str),
    "interpreter_needed": ("interpreter_needed", Tristate),
    "interpreter_present": ("interpreter_present", Tristate),
    "guardian_needed": ("guardian_needed", Tristate),
    "guardian_present": ("guardian_present", Tristate),
    "outcome": ("outcome", Outcome),
    "injuries": ("injuries_seen", str),
    "health_check": ("health_check_evidence_id", str),
}


def add_session_flags(p: argparse.ArgumentParser) -> None:
    """The custody fields of a session, as options (all optional)."""
    g = p.add_argument_group("custody fields")
    g.add_argument("--place-id", help="a Place of the case (id or prefix; see place list)")
    g.add_argument("--recording", choices=[r.value for r in Recording])
    g.add_argument("--recording-file", help="evidence id of the recording")
    g.add_argument("--recording-start", help="start as the recording's own clock shows")
    g.add_argument("--recording-end", help="end as the recording's own clock shows")
    g.add_argument("--transcript", help="evidence id of the transcript (笔录)")
    g.add_argument("--pages", help="the transcript's pages, e.g. 3-7 or '卷2 第15-18页'")
    g.add_argument("--transcript-start", help="start written on the transcript")
    g.add_argument("--transcript-end", help="end written on the transcript")
    g.add_argument("--signed", choices=_TRISTATE, help="transcript signed by the client")
    g.add_argument("--corrections", help="corrections made to the transcript")
    g.add_argument("--rest", action="append", help="a rest break 'START..END' (repeat)")
    g.add_argument("--meal", action="append", help="a meal's time (repeat)")
    for who in ("interpreter", "guardian"):
        g.add_argument(f"--{who}-needed", choices=_TRISTATE)
        g.add_argument(f"--{who}-present", choices=_TRISTATE)
    g.add_argument("--outcome", choices=[o.value for o in Outcome])
    g.add_argument("--injuries", help="injuries seen")
    g.add_argument("--health-check", help="evidence id of the detention-house health check")


def _rest(text: str) -> dict[str, str]:
    start, _, end = text.partition("..")
    if not start.strip():
        raise UsageError(f"a rest break is 'START..END' or 'START..', not {text!r}")
    return rest_break(
        FuzzyDate.parse(start.strip()), FuzzyDate.parse(end.strip()) if end.strip() else None
    )


def session_details(args: argparse.Namespace) -> dict[str, Any]:
    """The session fields the options give (those not given are left out)."""
    out: dict[str, Any] = {}
    for flag, (name, convert) in _SESSION_FLAGS.items():
        value = getattr(args, flag, None)
        if value is not None:
            out[name] = convert(value)
    if args.rest:
        out["rest_breaks"] = [_rest(r) for r in args.rest]
    if args.meal:
        out["meals"] = [FuzzyDate.parse(m) for m in args.meal]
    return out


def cmd_place(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        if args.action == "add":
            place = detention.add_place(
                files,
                case,
                args.name,
                detention.PlaceKind(args.kind),
                address=args.address or "",
                notes=args.notes or "",
            )
            ctx.emit(record_json(place), f"Place {short(place.id)} added.")
        else:
            found = files.list(detention.Place, case)
            ctx.emit(
                [record_json(p) for p in found],
                table(
                    [[short(p.id), p.place_kind.value, p.name, p.address] for p in found],
                    ["id", "kind", "name", "address"],
                ),
            )
    return 0


def cmd_custody(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        if args.action == "add":
            event = detention.add_custody_event(
                files,
                case,
                detention.CustodyEventKind(args.kind),
                args.time,
                end=args.end,
                place=args.place or "",
                person_ids=args.person or [],
                evidence_ids=args.evidence or [],
                notes=args.notes or "",
            )
            ctx.emit(record_json(event), f"Custody event {short(event.id)} recorded.")
        else:
            events = files.list(detention.CustodyEvent, case)
            known = detention.places(files, case)
            ctx.emit(
                [record_json(e) for e in events],
                table(
                    [
                        [
                            short(e.id),
                            str(e.time),
                            str(e.end) if e.end else "",
                            e.event_kind.value,
                            detention.place_name(e, known),
                        ]
                        for e in events
                    ],
                    ["id", "time", "end", "kind", "place"],
                ),
            )
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``place`` and ``custody`` to the CLI."""
    place = sub.add_parser("place", help="places of a case (detention house, ...)")
    actions = place.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("name")
    p.add_argument("--kind", choices=[k.value for k in detention.PlaceKind], default="unknown")
    p.add_argument("--address")
    p.add_argument("--notes")
    p = actions.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in actions.choices.values():
        parser.set_defaults(func=cmd_place)

    custody = sub.add_parser("custody", help="the client's custody events (detention, ...)")
    actions = custody.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = actions.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("kind", choices=[k.value for k in detention.CustodyEventKind])
    p.add_argument("time", help="e.g. '2024-05-19 21:10', 'before 2024-05-20'")
    p.add_argument("--end", help="release or end (summons, designated residence, ...)")
    p.add_argument("--place", help="a Place of the case (id or prefix)")
    p.add_argument("--person", action="append", help="id of a person (repeat)")
    p.add_argument("--evidence", action="append", help="id of evidence (repeat)")
    p.add_argument("--notes")
    p = actions.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in actions.choices.values():
        parser.set_defaults(func=cmd_custody)
