"""``report``: a court report of a case as a PDF (chronology, interrogations, integrity list)."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawnotebook.cli.context import CliContext
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.files import write_atomic
from lawnotebook.services.reports import KINDS, build_report


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open_vault() as vault:
        report = build_report(CaseFile(vault), args.case, args.kind)
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
        "custody-chain heads). Chinese is typeset with the font Lawnotebook ships.",
    )
    p.add_argument("case", help="case id, id prefix or case number")
    p.add_argument("--kind", choices=KINDS, required=True, help="which report")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.set_defaults(func=cmd_report)
