"""Evidence, search and audit commands: evidence add|get|list|delete|reindex, search, log,
verify."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from lawnotebook.cli.case_commands import add_delete
from lawnotebook.cli.context import CliContext
from lawnotebook.cli.records_output import record_json, short, table
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.local_time import local_time
from lawnotebook.core.records import Case, Evidence
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence, open_evidence
from lawnotebook.services.extraction import ExtractionQueue
from lawnotebook.services.files import write_atomic_stream
from lawnotebook.services.integrity import VerifyReport, verify_vault
from lawnotebook.services.search import SearchHit


def _progress_line(label: str) -> Callable[[int, int | None], None] | None:
    """A progress printer for a terminal (nothing when stderr is not one)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int | None) -> None:
        pct = f"{100 * done // total:3d}%" if total else f"{done >> 20} MiB"
        sys.stderr.write(f"\r{label}: {pct}")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _size(n: int) -> str:
    size: float = n
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def cmd_evidence(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        if args.action == "add":
            return _add_files(ctx, files, case, args)
        elif args.action == "get":
            item = files.record(args.evidence, Evidence, case)
            out = Path(args.out)
            with open_evidence(files, item, purpose="export", details={"to": "file"}) as reader:
                write_atomic_stream(out, reader)
            ctx.emit(
                {**record_json(item), "written_to": str(out)},
                f"Wrote {item.file_name} ({_size(item.size)}) to {out}. It is NOT "
                "encrypted there: delete it when you are done.",
            )
        else:
            items = files.list(Evidence, case)
            ctx.emit(
                [record_json(e) for e in items],
                table(
                    [
                        [
                            short(e.id),
                            e.file_name,
                            _size(e.size),
                            e.media_type,
                            e.sha256[:16] + "…",
                            e.added_at[:16],
                        ]
                        for e in items
                    ],
                    ["id", "file", "size", "type", "sha256", "added"],
                ),
            )
    return 0


def _not_added(exc: LawnotebookError) -> str:
    """Why a file was not added, in a sentence naming the item it matches, if any."""
    from lawnotebook.cli import exit_codes  # loads every error class: only when needed
    from lawnotebook.services import errors

    if isinstance(exc, errors.evidence.DuplicateEvidence) and exc.existing is not None:
        match = exc.existing
        said = (
            f"it is already in the case: the same file (SHA-256) as {match.file_name!r}, "
            f"id {short(match.id)}, added {local_time(match.added_at)}"
        )
        if isinstance(exc, errors.evidence.DuplicateSource):
            return f"{said}; a second record needs a --source that no record of it gives yet"
        return (
            f"{said}. To keep a second record of it received from another source, add it "
            "again with --another-source --source '...'"
        )
    return exit_codes.classify(exc)[1]


def _add_files(ctx: CliContext, files: CaseFile, case: Case, args: argparse.Namespace) -> int:
    """Each file in turn; one that cannot be added (a duplicate, unreadable) is said why on
    stderr and the rest still go in; the exit code is then that of the first one refused."""
    from lawnotebook.cli import exit_codes
    from lawnotebook.services import errors

    added: list[Evidence] = []
    refused: list[LawnotebookError] = []
    for path in args.files:
        try:
            item = add_evidence(
                files,
                case,
                path,
                source_note=args.source or "",
                description=args.description or "",
                progress=_progress_line(os.path.basename(path)),
                another_source=args.another_source,
            )
        except (errors.evidence.DuplicateEvidence, errors.evidence.SourceUnreadable) as exc:
            refused.append(exc)
            sys.stderr.write(f"lawnotebook: not added: {os.path.basename(path)}: "
                             f"{_not_added(exc)}\n")  # fmt: skip
            continue
        added.append(item)
        ctx.say(f"{short(item.id)}  {item.sha256}  {item.file_name}")
    text = f"{len(added)} file(s) added."
    if refused:
        text += f" {len(refused)} not added (see above)."
    ctx.emit([record_json(e) for e in added], text)
    return exit_codes.classify(refused[0])[0] if refused else 0


def cmd_search(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case) if args.case else None
        hits = files.search(args.query, case=case, limit=args.limit)
        titles = {c.id: c.title for c in files.cases(include_archived=True)}
        ctx.emit(
            [
                {
                    "record_id": h.record_id,
                    "case_id": h.case_id,
                    "kind": h.kind,
                    "title": h.title,
                    "snippet": h.snippet,
                    "score": h.score,
                    "page": h.page,
                    "part": h.part,
                    "in_text": h.in_text,
                }
                for h in hits
            ],
            "\n".join(
                f"{h.kind:13} {short(h.record_id)}  {titles.get(h.case_id, '?')} — "
                f"{h.title}{_where(h)}\n              {h.snippet}"
                for h in hits
            )
            or "No matches.",
        )
    return 0


def _where(hit: SearchHit) -> str:
    """Where inside an evidence file a hit is: ", attachment › page 3"."""
    if not hit.in_text:
        return ""
    place = [hit.part] if hit.part else []
    if hit.page is not None:
        place.append(f"page {hit.page}")
    return f" ({', '.join(place) or 'text'})"


def cmd_reindex(ctx: CliContext, args: argparse.Namespace) -> int:
    """Read a case's evidence files again (text layers, office files, e-mail, OCR), showing
    progress on a terminal; returns 0 even when some files could not be read (listed)."""
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        queue = ExtractionQueue(vault, workers=args.workers)
        queue.start()
        try:
            count = queue.reindex_case(case.id)
            show = _progress_line("reading evidence")
            queue.wait(case.id, on_progress=(lambda _c, p: show(p.done, p.total)) if show else None)
            statuses = queue.statuses(case.id)
        finally:
            queue.stop()
        names = {e.id: e.file_name for e in files.list(Evidence, case)}
        problems = [s for s in statuses if s.state in ("failed", "partial")]
        ctx.emit(
            [
                {
                    "evidence_id": s.evidence_id,
                    "file": names.get(s.evidence_id, ""),
                    "state": s.state,
                    "problem": s.problem,
                    "detail": s.detail,
                    "pages": s.units,
                    "ocr_pages": s.ocr_pages,
                }
                for s in statuses
            ],
            "\n".join(
                [f"Read {count} file(s): {count - len(problems)} fully."]
                + [f"  {names.get(s.evidence_id, s.evidence_id)}: {s.detail}" for s in problems]
            ),
        )
    return 0


def cmd_log(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        entries = files.log(files.case(args.case))
        ctx.emit(
            [e.to_dict() for e in entries],
            table(
                [
                    [
                        e.at[:19],
                        e.origin[:8],
                        str(e.seq),
                        e.action,
                        e.actor[:11],
                        short(e.record_id) if e.record_id else "",
                        ", ".join(f"{k}={v}" for k, v in sorted(e.details.items()))[:60],
                    ]
                    for e in entries
                ],
                ["at (UTC)", "origin", "#", "action", "by", "record", "details"],
            ),
        )
    return 0


def cmd_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        report = verify_vault(vault, deep=args.deep, progress=_progress_line("re-hashing"))
    ctx.emit(report.to_dict(), "\n".join(verify_lines(report)))
    return 0 if report.ok else 12


def verify_lines(report: VerifyReport) -> list[str]:
    """The verify report in words (``verify`` and ``backup verify``)."""
    lines = [f"Database pages and structure: {'OK' if not report.database else 'DAMAGED'}"]
    lines += [f"  {p}" for p in report.database]
    broken = {c: ps for c, ps in report.custody.items() if ps}
    lines.append(
        f"Custody logs: {report.cases_checked} case(s), "
        f"{'all chains intact' if not broken else f'{len(broken)} with breaks'}"
    )
    for case_id, problems in broken.items():
        for p in problems:
            lines.append(
                f"  case {short(case_id)}, chain {p.origin[:8]}, entry {p.position}: "
                f"{p.problem} ({p.detail})"
            )
    lines.append(
        f"Evidence packs: {report.packs_checked} present, sized and sampled, "
        f"{'all as registered' if not report.packs else f'{len(report.packs)} with problems'}"
    )
    for finding in report.packs:
        lines.append(
            f"  pack {finding.pack[:12]}… of evidence {finding.evidence_sha256[:12]}…: "
            f"{finding.problem.replace('_', ' ')} ({finding.detail})"
        )
    if report.packs_in_quarantine:
        lines.append(
            f"  {report.packs_in_quarantine} pack file(s) no record names are waiting in "
            "quarantine (packs-quarantine/); not an error: put back a newer vault.db to "
            "recover them"
        )
    lines.append(f"Recovery slot: {'matches the vault' if not report.header else 'PROBLEM'}")
    lines += [f"  {h.detail}" for h in report.header]
    if report.deep:
        lines.append(
            f"Evidence files re-hashed: {report.evidence_checked}, "
            f"{'all match' if not report.evidence else 'MISMATCHES'}"
        )
        lines += [f"  {p}" for p in report.evidence]
    else:
        lines.append("Evidence files not re-hashed (use --deep).")
    for notice in report.rollbacks:
        lines.append(
            f"ROLLED BACK: on {notice.noticed_at} this vault was found older than "
            f"{rollback_source(notice.source)} had seen (generation {notice.found[0]}, change "
            f"{notice.found[1]}, against {notice.seen[0]}, {notice.seen[1]}). Work done after "
            "that copy was made is not in this vault."
        )
    return lines


def rollback_source(source: str) -> str:
    """Where the newer position was seen, in words."""
    if source == "device":
        return "this computer"
    return f"the backup {source.removeprefix('backup:')}"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the evidence, search and audit commands to the CLI."""
    ev = sub.add_parser("evidence", help="evidence files").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    p = ev.add_parser("add", parents=[common], help="add files (stored encrypted)")
    p.add_argument("case")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--source", help="where it came from (e.g. 'client's family')")
    p.add_argument("--description")
    p.add_argument(
        "--another-source",
        action="store_true",
        help="keep a second record of a file already in the case, received from the --source "
        "given (which no record of it may give yet)",
    )
    p = ev.add_parser("get", parents=[common], help="write a decrypted copy to a file")
    p.add_argument("case")
    p.add_argument("evidence")
    p.add_argument("--out", required=True, metavar="FILE")
    p = ev.add_parser("list", parents=[common])
    p.add_argument("case")
    for parser in ev.choices.values():
        parser.set_defaults(func=cmd_evidence)
    add_delete(ev, common)
    p = ev.add_parser(
        "reindex", parents=[common], help="read a case's files again (text and OCR) for search"
    )
    p.add_argument("case")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: cores)")
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser("search", parents=[common], help="search everything")
    p.add_argument("query")
    p.add_argument("--case", help="only this case")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("log", parents=[common], help="a case's custody log")
    p.add_argument("case")
    p.set_defaults(func=cmd_log)

    p = sub.add_parser(
        "verify",
        parents=[common],
        help="check the database, custody chains (and with --deep, evidence)",
    )
    p.add_argument("--deep", action="store_true", help="also re-hash every evidence file")
    p.set_defaults(func=cmd_verify)
