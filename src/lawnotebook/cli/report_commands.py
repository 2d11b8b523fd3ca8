"""``report``: a court report of a case as a PDF (chronology, interrogations, integrity list)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawnotebook.cli.context import CliContext
from lawnotebook.cli.languages import LANGUAGES, report_language
from lawnotebook.cli.secrets_input import UsageError
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.files import write_atomic
from lawnotebook.services.reports import KINDS, build_report


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        language = report_language(getattr(args, "lang", None))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    words = ctx.report_words(language) if language != "en" else {}
    with ctx.open_vault() as vault:
        report = build_report(CaseFile(vault), args.case, args.kind, words, language=language)
    pdf = ctx.render_report_pdf(report)
    out = Path(args.out)
    write_atomic(out, pdf)
    ctx.emit(
        {"kind": report.kind, "written_to": str(out), "bytes": len(pdf), "sha256": report.hashes},
        f"Wrote the {report.title.lower()} ({len(pdf):,} bytes) to {out}.",
    )
    return 0


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
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument(
        "--lang",
        metavar="LANG",
        default=argparse.SUPPRESS,  # keeps a --lang given before the command
        help=f"language of the report: {' or '.join(LANGUAGES)} (default: the system's)",
    )
    p.set_defaults(func=cmd_report)
