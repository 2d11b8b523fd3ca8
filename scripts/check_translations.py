"""Fails when a word a Chinese-speaking lawyer reads is left in English.

Run by ``scripts/check-translations`` (and so by ``scripts/test``).

Two checks:

1. **The interface**: ``pyside6-lupdate`` is run on the current code into a copy of each shipped
   ``.ts`` file (as ``scripts/update-translations`` would); every source string must have a
   finished, non-empty translation there.
2. **The court reports**: the demo's Chinese case (with an evidence item whose description and
   source were edited, and an interrogation of uncertain date) is written as each zh_CN report,
   typeset to PDF, and the PDF's text extracted (pypdfium2). No English date word (before,
   after, about, between), no raw field name (``client_account``, ``evidence_ids`` ...), no
   JSON, no bare "UTC" time and no "修改" (modified) under an evidence item may appear, and the
   time zone must be named (北京时间 (UTC+8): the check runs in Asia/Shanghai).

Exit status 0 when clean, 1 with one line per problem otherwise. Run from the checkout root
with the project's virtualenv (``scripts/check-translations`` does both).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import fields, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LAWNOTEBOOK_TZ"] = "Asia/Shanghai"

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
ENGLISH_DATE_WORDS = re.compile(r"\b(before|after|about|between|circa)\b", re.IGNORECASE)
JSON_LIKE = re.compile(r"[{\[]\s*\"")


def _lupdate() -> Path:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    found = here if here.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("check-translations: pyside6-lupdate is not installed")
    return Path(found)


def _sources() -> list[str]:
    package = ROOT / "src" / "lawnotebook"
    found = sorted(str(p) for folder in ("gui", "demo") for p in (package / folder).rglob("*.py"))
    return [*found, str(package / "services" / "reports.py")]


def untranslated_interface(folder: Path) -> list[str]:
    """Every source string of the code without a finished zh_CN translation."""
    problems = []
    for code in LANGUAGES:
        ts = folder / f"lawnotebook_{code}.ts"
        shutil.copy(TRANSLATIONS / ts.name, ts)
        subprocess.run(
            [str(_lupdate()), "-locations", "none", "-no-obsolete", *_sources(), "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
        for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                tr = message.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "vanished") or not tr.text:
                    source = message.findtext("source") or ""
                    problems.append(f"interface ({code}): [{name}] {source!r} is not translated")
    return problems


def raw_field_names() -> set[str]:
    """Every field name of every record kind with an underscore (``client_account``): words
    that only code uses, and that must never reach a reader."""
    from lawnotebook.core.records import RECORD_TYPES

    names = {f.name for kind in RECORD_TYPES.values() for f in fields(kind) if "_" in f.name}
    return names | {"bundle_sequence", "details_hash", "record_id", "prev_hash"}


def report_problems(kind: str, text: str) -> list[str]:
    """What is wrong with the text of a zh_CN report (the PDF's text, extracted)."""
    problems = []
    for match in ENGLISH_DATE_WORDS.finditer(text):
        problems.append(f"report {kind}: English date word {match[0]!r}")
    for name in sorted(raw_field_names()):
        if name in text:
            problems.append(f"report {kind}: raw field name {name!r}")
    if JSON_LIKE.search(text):
        problems.append(f"report {kind}: raw JSON")
    if re.search(r"\d\d:\d\d(:\d\d)?\s*UTC\b(?!\s*[+-])", text):
        problems.append(f"report {kind}: a time in UTC instead of local time")
    if "北京时间" not in text or "UTC+8" not in text:
        problems.append(f"report {kind}: the time zone is not named (北京时间 (UTC+8))")
    if kind == "integrity" and "修改" in text:
        problems.append(f"report {kind}: says 修改 (modified) under evidence")
    return problems


def _demo_case(folder: Path):  # type: ignore[no-untyped-def]
    from lawnotebook.core.records import Tristate
    from lawnotebook.demo.cases import chinese_case
    from lawnotebook.services.evidence import add_evidence, open_evidence
    from lawnotebook.services.session import create_vault
    from lawnotebook.services.vault_access import Argon2Params

    kdf = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
    session, _ = create_vault(folder / "vault", "check translations", kdf=kdf)
    files = session.case_file
    case = chinese_case(files)
    stream = io.BytesIO(b"scanned record " * 200)
    stream.name = "讯问笔录扫描件.pdf"
    item = add_evidence(files, case, stream, source_note="公安机关移送")
    item = files.update(replace(item, description="第一次讯问笔录"))
    item = files.update(replace(item, source="检察院阅卷复制"))
    with open_evidence(files, item, purpose="view"):
        pass
    session_record = files.add_interrogation(case, "2024年5月25日至26日之间", place="看守所")
    files.update(
        replace(
            session_record,
            client_account="又被提审",
            rights_read=Tristate.NO,
        )
    )
    return session, case


def _pdf_text(data: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def untranslated_reports(folder: Path) -> list[str]:
    from lawnotebook.gui.reports.report_pdf import ensure_application, render_pdf
    from lawnotebook.gui.reports.report_words import words_for
    from lawnotebook.services.reports import BUILDERS

    ensure_application()
    session, case = _demo_case(folder)
    problems = []
    try:
        for code in LANGUAGES:
            words = words_for(code)
            for kind, builder in BUILDERS.items():
                report = builder(session.case_file, case, words, language=code)
                problems += report_problems(kind, _pdf_text(render_pdf(report)))
    finally:
        session.close()
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lawnotebook-check-") as temp:
        folder = Path(temp)
        problems = untranslated_interface(folder) + untranslated_reports(folder)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-translations: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check-translations: every zh_CN string and report is in Chinese")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
