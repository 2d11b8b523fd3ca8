"""``report``: a court report of a case as a PDF (chronology, interrogations, integrity list,
interrogation legality — the last also as DOCX); ``motion``: the motion to exclude illegally
obtained evidence (排除非法证据申请书) as DOCX or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.languages import LANGUAGES, report_language
from lawnotebook.cli.secrets_input import UsageError
from lawnotebook.core.records import Interrogation
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.files import write_atomic
from lawnotebook.services.legality_check import findings_for
from lawnotebook.services.motion import (
    draft_motion,
    format_of,
    kept,
    legality_paper,
    paper_bytes,
    save_paper,
)
from lawnotebook.services.reports import KINDS, build_report, paper_report


def _language(args: argparse.Namespace) -> str:
    try:
        return report_language(getattr(args, "lang", None))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    language = _language(args)
    words = ctx.report_words(language) if language != "en" else {}
    out = Path(args.out)
    if args.kind == "legality" and out.suffix.lower() == ".docx":
        return _paper(ctx, args, out, language, legality=True)
    with ctx.open_vault() as vault:
        report = build_report(CaseFile(vault), args.case, args.kind, words, language=language)
    pdf = ctx.render_report_pdf(report)
    write_atomic(out, pdf)
    ctx.emit(
        {"kind": report.kind, "written_to": str(out), "bytes": len(pdf), "sha256": report.hashes},
        f"Wrote the {report.title.lower()} ({len(pdf):,} bytes) to {out}.",
    )
    return 0


def _paper(
    ctx: CliContext, args: argparse.Namespace, out: Path, language: str, *, legality: bool
) -> int:
    fmt = format_of(out)
    with ctx.open_vault() as vault:
        files = CaseFile(vault)
        case = files.case(args.case)
        found = findings_for(files, case)
        if legality:
            paper = legality_paper(files, case, found, language=language)
        else:
            refs = getattr(args, "session", None) or []
            sessions = [files.record(r, Interrogation, case).id for r in refs] or None
            paper = draft_motion(files, case, kept(found), sessions=sessions, language=language)
        if fmt == "pdf":
            data = ctx.render_report_pdf(paper_report(paper))
        else:
            data = paper_bytes(paper, fmt)
        digest = save_paper(files, case, paper, out, data, fmt)
    ctx.emit(
        {
            "kind": paper.kind,
            "format": fmt,
            "language": language,
            "written_to": str(out),
            "bytes": len(data),
            "file_sha256": digest,
            "sha256": paper.hashes,
        },
        f"Wrote {paper.title} ({fmt.upper()}, {len(data):,} bytes) to {out}.",
    )
    return 0


def cmd_motion(ctx: CliContext, args: argparse.Namespace) -> int:
    return _paper(ctx, args, Path(args.out), _language(args), legality=False)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help="write a court report of a case as a PDF",
        description="Write a PDF report of a case: its chronology, its interrogation table, or "
        "the evidence integrity list (file names, sizes, SHA-256, custody events and the "
        "custody-chain heads). Chinese is typeset with the font Lawnotebook ships. The report "
        "is written in the system's language (LC_ALL / LC_MESSAGES / LANG) unless --lang says "
        "otherwise; times are in this computer's time zone ($LAWNOTEBOOK_TZ or $TZ override "
        "it), named in the report.",
    )
    p.add_argument("case", help="case id, id prefix or case number")
    p.add_argument("--kind", choices=KINDS, required=True, help="which report")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF (the legality report also as FILE.docx)",
    )
    p.add_argument(
        "--lang",
        metavar="LANG",
        default=argparse.SUPPRESS,  # keeps a --lang given before the command
        help=f"language of the report: {' or '.join(LANGUAGES)} (default: the system's)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "motion",
        parents=[common],
        help="draft the motion to exclude illegally obtained evidence (DOCX or PDF)",
        description="Draft the motion to exclude illegally obtained evidence (排除非法证据申请书) "
        "from the case's legality findings: the applicant (your name, firm and licence "
        "number), the defendant, case number and court, the request, and for each challenged "
        "statement the leads SPC Interpretation art. 127 asks for — persons, time, place, "
        "method, content — with the articles quoted and the supporting files listed with their "
        "SHA-256. Challenged: the sessions the findings name, denials and retractions left out "
        "(and every confession when a finding concerns only the custody history); --session "
        "chooses them instead. Findings that are not checkable are left out. Written as DOCX "
        "or PDF by the file name, readable only by you, and recorded in the custody log.",
    )
    p.add_argument("case", help="case id, id prefix or case number")
    p.add_argument(
        "--out", required=True, metavar="FILE.docx|FILE.pdf", help="where to write the motion"
    )
    p.add_argument(
        "--session",
        action="append",
        metavar="ID",
        help="an interrogation to challenge (repeat for more; default: see above)",
    )
    p.add_argument(
        "--lang",
        metavar="LANG",
        default=argparse.SUPPRESS,
        help=f"language of the motion: {' or '.join(LANGUAGES)} (default: the system's)",
    )
    p.set_defaults(func=cmd_motion)
