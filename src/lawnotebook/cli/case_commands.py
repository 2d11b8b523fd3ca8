"""Case-file commands: case, person, note, event, interrogation, deadline; ``KIND delete``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.custody_commands import add_session_flags, session_details
from lawnotebook.cli.records_output import record_json, short, table
from lawnotebook.cli.secrets_input import UsageError
from lawnotebook.core.records import (
    Case,
    ChronologyEvent,
    Deadline,
    DeadlineKind,
    Evidence,
    Interrogation,
    Note,
    Person,
    PersonRole,
    Record,
    Tristate,
)
from lawnotebook.services import detention
from lawnotebook.services.case_file import CaseFile, is_overdue


def _text_arg(value: str | None, file: str | None) -> str:
    """Text from the argument, from ``--file``, or from standard input when given as ``-``."""
    if file:
        with open(file, encoding="utf-8") as fh:
            return fh.read()
    if value == "-":
        return sys.stdin.read()
    if value is None:
        raise UsageError("give the text, '-' to read it from standard input, or --file FILE")
    return value


R = TypeVar("R", bound=Record)


def _emit_records(
    ctx: CliContext, records: Sequence[R], headers: list[str], row: Callable[[R], list[str]]
) -> None:
    ctx.emit([record_json(r) for r in records], table([row(r) for r in records], headers))


def cmd_case(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        if args.action == "new":
            case = files.new_case(
                args.title,
                client=args.client or "",
                case_number=args.number or "",
                court=args.court or "",
                charges=args.charge or [],
                stage=args.stage or "",
                tags=args.tag or [],
            )
            ctx.emit(record_json(case), f"Case {short(case.id)} opened: {case.title}")
        elif args.action == "list":
            cases = files.cases(include_archived=args.all)
            _emit_records(
                ctx,
                cases,
                ["id", "title", "client", "number", "status"],
                lambda c: [
                    short(c.id),
                    c.title,
                    c.client,
                    c.case_number,
                    "archived" if c.archived else c.status.value,
                ],
            )
        elif args.action == "show":
            case = files.case(args.case)
            counts = {
                k.KIND: len(files.list(k, case))
                for k in (Person, Note, ChronologyEvent, Interrogation, Deadline)
            }
            data = {**record_json(case), "counts": counts}
            lines = [
                f"{case.title}  ({case.id})",
                f"client: {case.client}",
                f"case number: {case.case_number}",
                f"court: {case.court}",
                f"charges: {', '.join(case.charges)}",
                f"stage: {case.stage}",
                f"status: {case.status.value}{' (archived)' if case.archived else ''}",
                f"tags: {', '.join(case.tags)}",
                "records: " + ", ".join(f"{n} {k}" for k, n in counts.items()),
            ]
            ctx.emit(data, "\n".join(lines))
        else:  # archive
            case = files.archive_case(args.case, archived=not args.undo)
            ctx.emit(
                record_json(case),
                f"Case {short(case.id)} {'restored' if args.undo else 'archived'}.",
            )
    return 0


def cmd_person(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        if args.action == "add":
            person = files.add_person(
                case, args.name, PersonRole(args.role), args.alias or [], args.contact or ""
            )
            ctx.emit(record_json(person), f"Person {short(person.id)} added: {person.name}")
        else:
            _emit_records(
                ctx,
                files.list(Person, case),
                ["id", "name", "role", "aliases"],
                lambda p: [short(p.id), p.name, p.role.value, ", ".join(p.aliases)],
            )
    return 0


def cmd_note(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        if args.action == "add":
            case = files.case(args.case)
            note = files.add_note(case, _text_arg(args.text, args.file), args.title or "")
            ctx.emit(record_json(note), f"Note {short(note.id)} added.")
        elif args.action == "edit":
            note = files.record(args.note, Note)
            note = files.edit_note(note, _text_arg(args.text, args.file), args.title)
            revisions = len(files.note_history(note))
            ctx.emit(record_json(note), f"Note {short(note.id)} saved (revision {revisions}).")
        elif args.action == "history":
            note = files.record(args.note, Note)
            history = files.note_history(note)
            ctx.emit(
                [r.__dict__ for r in history],
                "\n\n".join(
                    f"--- revision {i} ({r.updated_at})\n{r.body['text']}"
                    for i, r in enumerate(history, 1)
                ),
            )
        else:
            case = files.case(args.case)
            _emit_records(
                ctx,
                files.list(Note, case),
                ["id", "updated", "title"],
                lambda n: [short(n.id), n.updated_at[:16], n.title_text()],
            )
    return 0


def cmd_event(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        if args.action == "add":
            event = files.add_event(
                case,
                args.date,
                args.title,
                args.description or "",
                args.person or [],
                args.evidence or [],
            )
            ctx.emit(record_json(event), f"Event {short(event.id)} added on {event.date}.")
        else:
            _emit_records(
                ctx,
                files.list(ChronologyEvent, case),
                ["id", "date", "title"],
                lambda e: [short(e.id), str(e.date), e.title],
            )
    return 0


def cmd_interrogation(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        if args.action == "edit":
            current = files.record(args.session, Interrogation)
            changed = files.checked_session(
                files.case(current.case_id), replace(current, **session_details(args))
            )
            session = files.update(changed)
            ctx.emit(record_json(session), f"Interrogation {short(session.id)} saved.")
            return 0
        case = files.case(args.case)
        if args.action == "add":
            session = files.add_interrogation(
                case,
                args.start,
                end=args.end,
                place=args.place or "",
                interrogator_ids=args.interrogator or [],
                recorded_on_video=Tristate(args.video),
                rights_read=Tristate(args.rights),
                client_account=args.account or "",
                evidence_ids=args.evidence or [],
                **session_details(args),
            )
            ctx.emit(record_json(session), f"Interrogation {short(session.id)} recorded.")
        else:
            sessions = files.list(Interrogation, case)
            names = {p.id: p.name for p in files.list(Person, case)}
            known = detention.places(files, case)

            def row(s: Interrogation) -> list[str]:
                minutes = s.duration_minutes()
                return [
                    short(s.id),
                    str(s.start),
                    detention.place_name(s, known),
                    ", ".join(names.get(i, "?") for i in s.interrogator_ids),
                    f"{minutes // 60}h{minutes % 60:02d}" if minutes is not None else "",
                    s.recorded_on_video.value,
                    s.rights_read.value,
                    s.recording.value,
                    s.outcome.value,
                ]

            _emit_records(
                ctx,
                sessions,
                [
                    "id",
                    "start",
                    "place",
                    "interrogators",
                    "duration",
                    "video",
                    "rights",
                    "recording",
                    "outcome",
                ],
                row,
            )
    return 0


def cmd_deadline(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        if args.action == "done":
            deadline = files.mark_done(files.record(args.deadline, Deadline), not args.undo)
            ctx.emit(
                record_json(deadline),
                f"Deadline {short(deadline.id)} {'reopened' if args.undo else 'done'}.",
            )
            return 0
        case = files.case(args.case)
        if args.action == "add":
            deadline = files.add_deadline(case, args.due, args.title, DeadlineKind(args.kind))
            ctx.emit(record_json(deadline), f"Deadline {short(deadline.id)} due {deadline.due}.")
        else:
            now = datetime.now().strftime("%Y-%m-%dT%H:%M")
            deadlines = [d for d in files.list(Deadline, case) if args.all or not d.done]
            ctx.emit(
                [{**record_json(d), "overdue": is_overdue(d, now)} for d in deadlines],
                table(
                    [
                        [
                            short(d.id),
                            str(d.due),
                            d.kind.value,
                            d.title,
                            "done" if d.done else ("OVERDUE" if is_overdue(d, now) else ""),
                        ]
                        for d in deadlines
                    ],
                    ["id", "due", "kind", "title", "state"],
                ),
            )
    return 0


DELETABLE: dict[str, type[Record]] = {
    "person": Person,
    "note": Note,
    "event": ChronologyEvent,
    "interrogation": Interrogation,
    "deadline": Deadline,
    "evidence": Evidence,
}


def _cited_by(records: Sequence[Record]) -> str:
    return "; ".join(f"{r.KIND} {short(r.id)} “{r.title_text()}”" for r in records)


def cmd_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    """``KIND delete ID``: delete one record; one that other records cite needs a yes."""
    kind = DELETABLE[args.command]
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        record = files.record(args.id, kind)
        citing = files.references(record)
        if citing and not args.yes:
            what = f"{record.KIND} {short(record.id)} “{record.title_text()}” is cited by "
            what += _cited_by(citing)
            if not sys.stdin.isatty():
                raise UsageError(f"{what}; run again with --yes to delete it anyway")
            sys.stdout.write(what + ".\n")
            if input("Delete it anyway? [y/N] ").strip().lower() not in ("y", "yes"):
                ctx.say("Nothing changed.")
                return 0
        files.delete(record.id)
        erased = files.erase_deleted_files() if isinstance(record, Evidence) else 0
        text = f"{record.KIND.capitalize()} {short(record.id)} deleted: {record.title_text()}"
        if isinstance(record, Evidence):
            text += (
                ". Its file was erased from the vault."
                if erased
                else ". Its file stays in the vault: another evidence record names it."
            )
        data = {**record_json(record), "deleted": True, "file_erased": bool(erased)}
        if citing:
            data["cited_by"] = [r.id for r in citing]
        ctx.emit(data, text)
    return 0


def add_delete(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The ``delete`` action of one kind's command (custody-logged; travels in bundles)."""
    p = actions.add_parser("delete", parents=[common], help="delete one (by id or id prefix)")
    p.add_argument("id", help="the id, or its first 6 characters or more")
    p.add_argument("--yes", action="store_true", help="delete even if other records cite it")
    p.set_defaults(func=cmd_delete)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the case-file commands to the CLI."""
    case = sub.add_parser("case", help="cases: new, list, show, archive").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = case.add_parser("new", parents=[common], help="open a new case")
    p.add_argument("title")
    for flag in ("client", "number", "court", "stage"):
        p.add_argument(f"--{flag}")
    p.add_argument("--charge", action="append", help="repeat for several charges")
    p.add_argument("--tag", action="append")
    p = case.add_parser("list", parents=[common], help="list cases")
    p.add_argument("--all", action="store_true", help="include archived cases")
    p = case.add_parser("show", parents=[common], help="one case's details")
    p.add_argument("case", help="id, id prefix or case number")
    p = case.add_parser("archive", parents=[common], help="archive (or --undo) a case")
    p.add_argument("case")
    p.add_argument("--undo", action="store_true")
    for parser in case.choices.values():
        parser.set_defaults(func=cmd_case)

    person = sub.add_parser("person", help="people in a case").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = person.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("name")
    p.add_argument("--role", choices=[r.value for r in PersonRole], default="other")
    p.add_argument("--alias", action="append")
    p.add_argument("--contact")
    p = person.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in person.choices.values():
        parser.set_defaults(func=cmd_person)
    add_delete(person, common)

    note = sub.add_parser("note", help="notes (Markdown, every edit kept)").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = note.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("text", nargs="?", help="the note, or '-' for standard input")
    p.add_argument("--file")
    p.add_argument("--title")
    p = note.add_parser("edit", parents=[common])
    p.add_argument("note")
    p.add_argument("text", nargs="?")
    p.add_argument("--file")
    p.add_argument("--title")
    p = note.add_parser("history", parents=[common])
    p.add_argument("note")
    p = note.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in note.choices.values():
        parser.set_defaults(func=cmd_note)
    add_delete(note, common)

    event = sub.add_parser("event", help="chronology events").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = event.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("date", help="2016-07-15, 2016-07, 'before 2016-06-15', 'between A and B'")
    p.add_argument("title")
    p.add_argument("--description")
    p.add_argument("--person", action="append", help="id of a linked person (repeat)")
    p.add_argument("--evidence", action="append", help="id of linked evidence (repeat)")
    p = event.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in event.choices.values():
        parser.set_defaults(func=cmd_event)
    add_delete(event, common)

    inter = sub.add_parser("interrogation", help="interrogation sessions").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = inter.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("--start", required=True, help="e.g. '2016-07-15 21:00'")
    p.add_argument("--end")
    p.add_argument("--place")
    p.add_argument("--interrogator", action="append", help="id of a person (repeat)")
    tristate = [t.value for t in Tristate]
    p.add_argument("--video", choices=tristate, default="unknown", help="recorded on video")
    p.add_argument("--rights", choices=tristate, default="unknown", help="rights read")
    p.add_argument("--account", help="what the client says happened")
    p.add_argument("--evidence", action="append")
    add_session_flags(p)
    p = inter.add_parser("edit", parents=[common], help="set a session's custody fields")
    p.add_argument("session", help="id or id prefix of the session")
    add_session_flags(p)
    p = inter.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in inter.choices.values():
        parser.set_defaults(func=cmd_interrogation)
    add_delete(inter, common)

    dl = sub.add_parser("deadline", help="deadlines").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = dl.add_parser("add", parents=[common])
    p.add_argument("case")
    p.add_argument("due", help="e.g. '2026-12-01 09:30' or 2026-12-01")
    p.add_argument("title")
    p.add_argument("--kind", choices=[k.value for k in DeadlineKind], default="other")
    p = dl.add_parser("list", parents=[common])
    p.add_argument("case")
    p.add_argument("--all", action="store_true", help="include done deadlines")
    p = dl.add_parser("done", parents=[common])
    p.add_argument("deadline")
    p.add_argument("--undo", action="store_true")
    for parser in dl.choices.values():
        parser.set_defaults(func=cmd_deadline)
    add_delete(dl, common)


__all__ = ["Case", "add_delete", "cmd_delete", "register"]
