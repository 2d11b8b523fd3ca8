"""Chinese court reports with no English left: uncertain dates in Chinese, local (Beijing) time
with the zone named, custody events in words (an evidence edit says what was edited, never
修改), from the window and from ``lawnotebook report`` (system language or ``--lang``).
The PDF's text is extracted with pypdfium2, as a reader's copy-paste would see it."""

from __future__ import annotations

import io
import re
from dataclasses import fields, replace

import pypdfium2
import pytest

from lawnotebook.app import main
from lawnotebook.core.records import RECORD_TYPES, Tristate
from lawnotebook.gui.reports.report_pdf import render_pdf
from lawnotebook.gui.reports.report_words import words_for
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.reports import BUILDERS
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

ENGLISH_DATE = re.compile(r"\b(before|after|about|between)\b", re.IGNORECASE)
RAW_FIELDS = {f.name for kind in RECORD_TYPES.values() for f in fields(kind) if "_" in f.name}
CASE_NUMBER = "（2024）东刑初字第215号"


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("zh-reports") / "vault"
    session, _ = create_vault(root, PASSPHRASE, kdf=FAST_KDF)
    files = session.case_file
    case = files.new_case("刘志强涉嫌故意伤害案", case_number=CASE_NUMBER)
    files.add_event(case, "2024年5月之前", "当事人与被害人发生纠纷")
    files.add_event(case, "约2024-06", "家属收到拘留通知书")
    files.add_event(case, "between 2024-05 and 2024-07", "伤情鉴定")
    late = files.add_interrogation(case, "2024-05-22 14:00", end="2024-05-22 20:30", place="二")
    early = files.add_interrogation(case, "2024-05-20 23:00", end="2024-05-21 09:00", place="一")
    files.update(replace(early, client_account="整夜讯问", rights_read=Tristate.NO))
    stream = io.BytesIO(b"scan " * 300)
    stream.name = "讯问笔录扫描件.pdf"
    item = add_evidence(files, case, stream, source_note="公安机关移送")
    item = files.update(replace(item, description="第一次讯问笔录"))
    files.update(replace(item, source="阅卷复制"))
    yield root, session, case, (early, late)
    session.close()


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _zh_report(session, case, kind: str) -> str:
    report = BUILDERS[kind](session.case_file, case, words_for("zh_CN"), language="zh_CN")
    return pdf_text(render_pdf(report))


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_a_chinese_report_has_no_english_date_word_raw_field_or_utc_time(
    qapp, vault, kind, monkeypatch
):
    monkeypatch.setenv("LAWNOTEBOOK_TZ", "Asia/Shanghai")
    _root, session, case, _ = vault
    text = _zh_report(session, case, kind)
    assert not ENGLISH_DATE.findall(text)
    assert not {name for name in RAW_FIELDS if name in text}
    assert "北京时间 (UTC+8)" in text
    assert not re.search(r"\d\d:\d\d(:\d\d)?\s*UTC(?!\+)", text)


def test_the_chronology_writes_uncertain_dates_as_a_chinese_reader_does(qapp, vault):
    _root, session, case, _ = vault
    flat = "".join(_zh_report(session, case, "chronology").split())
    for date in ("2024年5月之前", "约2024年6月", "2024年5月至7月之间"):
        assert date in flat


def test_the_integrity_list_says_what_was_edited_not_that_the_file_was_modified(qapp, vault):
    _root, session, case, _ = vault
    text = _zh_report(session, case, "integrity")
    flat = "".join(text.split())
    assert "说明已编辑" in flat
    assert "来源已编辑" in flat
    assert "修改" not in flat


def test_times_are_local_and_the_zone_is_named(qapp, vault, monkeypatch):
    monkeypatch.setenv("LAWNOTEBOOK_TZ", "Asia/Shanghai")
    _root, session, case, _ = vault
    item = next(e for e in session.case_file.log(case) if e.action == "intake")
    from datetime import datetime, timedelta

    utc = datetime.fromisoformat(item.at.replace("Z", "+00:00"))
    beijing = (utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    english = BUILDERS["integrity"](session.case_file, case)
    text = pdf_text(render_pdf(english))
    assert beijing in text
    assert "China Standard Time (UTC+8)" in text


def test_interrogations_are_printed_oldest_first(qapp, vault):
    _root, session, case, _sessions = vault
    flat = "".join(_zh_report(session, case, "interrogations").split())
    assert flat.index("2024年5月20日23:00") < flat.index("2024年5月22日14:00")


def _cli_report(root, tmp_path, *extra: str) -> str:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    out = tmp_path / "report.pdf"
    args = ["--vault", str(root), "--passphrase-file", str(secret), "report", CASE_NUMBER]
    assert main([*args, "--kind", "chronology", "--out", str(out), *extra]) == 0
    return "".join(pdf_text(out.read_bytes()).split())


def test_the_cli_report_follows_the_system_language_and_lang(qapp, vault, tmp_path, monkeypatch):
    root, session, _case, _ = vault
    session.close()  # the CLI opens the vault itself (this test runs last of the module)
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    chinese = _cli_report(root, tmp_path)
    assert "案件大事记" in chinese and "2024年5月之前" in chinese
    assert not ENGLISH_DATE.findall(chinese)
    english = _cli_report(root, tmp_path, "--lang", "en")
    assert "Casechronology" in english and "before2024-05" in english
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert "Casechronology" in _cli_report(root, tmp_path)
    assert "案件大事记" in _cli_report(root, tmp_path, "--lang", "zh_CN")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert (
        main(
            [
                "--lang",
                "zh_CN",
                "--vault",
                str(root),
                "report",
                "x",
                "--kind",
                "chronology",
                "--out",
                str(tmp_path / "x.pdf"),
                "--lang",
                "klingon",
            ]
        )
        == 2
    )
