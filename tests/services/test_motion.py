"""The motion to exclude as DOCX: opened again with python-docx, it holds each kept finding's
art. 127 leads (persons, time, place, method, content), the article texts and every supporting
file's SHA-256, in Chinese and in English; the styles carry East Asian fonts; the file is written
owner-only and its export is in the custody log."""

from __future__ import annotations

import hashlib
import io
import os
import sys

import docx
import pytest
from docx.oxml.ns import qn

from lawnotebook.core.errors import InvalidInput
from lawnotebook.legality import BY_ID, article
from lawnotebook.legality.articles import MOTION_ARTICLES
from lawnotebook.services.motion import (
    challenged,
    draft_motion,
    kept,
    legality_paper,
    paper_bytes,
    save_paper,
)
from lawnotebook.services.session import create_vault
from motion_case import CASE_NUMBER, COURT, build
from support import FAST_KDF, PASSPHRASE

LANGUAGES = ("zh_CN", "en")


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("motion") / "vault"
    session, _ = create_vault(root, PASSPHRASE, kdf=FAST_KDF)
    yield session, build(session.case_file)
    session.close()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_docx_holds_each_statements_leads_the_articles_and_the_hashes(vault, language):
    session, mc = vault
    files = session.case_file
    findings = kept(mc.findings)
    paper = draft_motion(files, mc.case, findings, language=language)
    text = docx_text(paper_bytes(paper, "docx"))
    zh = language == "zh_CN"
    assert ("排除非法证据申请书" if zh else "Application to Exclude") in text
    for word in ("李明", "北京明正律师事务所", "11101201810123456", "刘志强", CASE_NUMBER, COURT):
        assert word in text
    # The overnight confession and the later one by the same officers; not the denial.
    assert [s.id for s in challenged(files, mc.case, findings)] == [mc.night.id, mc.later.id]
    for label in ("人员：", "时间：", "地点：", "方式：", "内容：") if zh else (
        "Persons: ", "Time: ", "Place: ", "Method: ", "Content: "
    ):  # fmt: skip
        assert text.count(f"\n{label}") == 2
    assert "王刚" in text and "赵强" in text  # persons
    assert mc.night.start.text(language) in text and mc.night.end.text(language) in text
    assert "新华路派出所" in text  # place
    assert "整夜不让睡觉" in text  # method: the client's account ...
    for finding in findings:  # ... and every kept finding's computed text
        if mc.night.id in finding.sessions or not finding.sessions:
            computed = finding.computed.text(language)
            assert computed.split("：")[0].split(": ")[0] in text, finding.rule
    assert "卷2 第15-18页" in text  # content: the transcript
    assert mc.denial.start.text(language) not in text
    # The legal basis, verbatim: art. 127's leads, and each kept rule's articles.
    assert MOTION_ARTICLES[("SPC-2021", 127)].text in text
    for finding in findings:
        for cite in BY_ID[finding.rule].articles:
            assert article(cite.law, cite.number).text.split("\n")[0] in text
    # Every supporting file with its SHA-256, the detention warrant of a custody finding too.
    for item in mc.evidence:
        assert item.sha256 in text, item.file_name
    assert sorted(paper.hashes) == sorted(e.sha256 for e in mc.evidence)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chinese_fonts_are_set_on_the_styles_and_the_author_is_the_lawyer(vault, language):
    session, mc = vault
    data = paper_bytes(
        draft_motion(session.case_file, mc.case, mc.findings, language=language), "docx"
    )
    document = docx.Document(io.BytesIO(data))

    def fonts(style: str) -> dict[str, str]:
        rfonts = document.styles[style].element.rPr.find(qn("w:rFonts"))
        return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}

    assert fonts("Normal")["eastAsia"] == "宋体"
    for heading in ("Title", "Heading 1", "Heading 2"):
        assert fonts(heading)["eastAsia"] == "黑体"
        assert "eastAsiaTheme" not in fonts(heading)  # a theme font would override ours
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert document.core_properties.author == "李明"
    assert "python-docx" not in (document.core_properties.comments or "")
    assert round(document.sections[0].page_width.mm) == 210  # A4, not Letter


def test_the_lawyer_can_choose_the_statements(vault):
    session, mc = vault
    files = session.case_file
    paper = draft_motion(files, mc.case, kept(mc.findings), sessions=[mc.later.id], language="en")
    text = docx_text(paper_bytes(paper, "docx"))
    assert text.count("Persons: ") == 1
    assert mc.later.start.text("en") in text
    with pytest.raises(InvalidInput):
        challenged(files, mc.case, mc.findings, ["no-such-session"])


def test_a_motion_with_no_findings_names_no_statement(vault):
    session, mc = vault
    text = docx_text(
        paper_bytes(draft_motion(session.case_file, mc.case, [], language="zh_CN"), "docx")
    )
    assert "人员：" not in text
    assert MOTION_ARTICLES[("SPC-2021", 127)].text in text  # the basis stays


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legality_report_has_the_sessions_the_findings_and_their_articles(vault, language):
    session, mc = vault
    paper = legality_paper(session.case_file, mc.case, mc.findings, language=language)
    text = docx_text(paper_bytes(paper, "docx"))
    for s in (mc.night, mc.later, mc.denial):
        assert s.start.text(language) in text
    for finding in mc.findings:
        assert BY_ID[finding.rule].title.text(language) in text
        for cite in BY_ID[finding.rule].articles:
            assert article(cite.law, cite.number).text.split("\n")[0] in text


def test_the_saved_file_is_owner_only_and_its_export_is_in_the_custody_log(vault, tmp_path):
    session, mc = vault
    files = session.case_file
    paper = draft_motion(files, mc.case, kept(mc.findings), language="zh_CN")
    data = paper_bytes(paper, "docx")
    out = tmp_path / "motion.docx"
    digest = save_paper(files, mc.case, paper, out, data, "docx")
    assert out.read_bytes() == data
    assert digest == hashlib.sha256(data).hexdigest()
    if sys.platform != "win32":
        assert os.stat(out).st_mode & 0o777 == 0o600
    entry = files.log(mc.case)[-1]
    assert entry.action == "export"
    assert entry.details["sha256"] == digest
    assert entry.details["to"] == "file" and entry.details["format"] == "docx"
    assert entry.details["evidence_sha256"] == paper.hashes
    with pytest.raises(InvalidInput):
        save_paper(files, mc.case, paper, tmp_path / "x.txt", data, "txt")
    assert not (tmp_path / "x.txt").exists()


def test_the_motions_articles_are_as_copied_from_the_reference_file():
    import re

    # SHA-256 over (law|number|text|source) of CPL arts. 56, 58 and SPC Interpretation art. 127,
    # computed from law/interrogation-rules.zh.md independently of articles.py.
    h = hashlib.sha256()
    for (law, number), a in sorted(MOTION_ARTICLES.items()):
        h.update(f"{law}|{number}|{a.text}|{a.source}\n".encode())
        assert re.fullmatch(r"LawRefBook/Laws, .+\.md, [0-9a-f]{40}", a.source)
    assert h.hexdigest() == "2827bdee913e9cca6952cb68c0a4e1e05b4c3574b29234e0b0ca7027aeeeed4f"
    assert "人员、时间、地点、方式、内容" in MOTION_ARTICLES[("SPC-2021", 127)].text
