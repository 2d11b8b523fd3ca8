"""The motion and the legality report as PDF, typeset by the report pipeline: the Chinese text
comes back out of the PDF (pypdfium2, as a reader's copy-paste would see it), with the leads,
the article texts and the hashes; ``lawnotebook motion`` writes DOCX and PDF, 0600, logged."""

from __future__ import annotations

import io
import os
import sys

import docx
import pypdfium2
import pytest

from lawnotebook.app import main
from lawnotebook.gui.reports.report_pdf import render_pdf
from lawnotebook.legality.articles import MOTION_ARTICLES
from lawnotebook.services.motion import draft_motion, kept
from lawnotebook.services.reports import BUILDERS, paper_report
from lawnotebook.services.session import create_vault, unlock_with_passphrase
from motion_case import CASE_NUMBER, build
from support import FAST_KDF, PASSPHRASE

ART_127 = "".join(MOTION_ARTICLES[("SPC-2021", 127)].text.split())


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("motion-pdf") / "vault"
    session, _ = create_vault(root, PASSPHRASE, kdf=FAST_KDF)
    yield root, session, build(session.case_file)
    session.close()


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "".join("".join(p.get_textpage().get_text_range().split()) for p in document)
    finally:
        document.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_motion_pdf_renders_the_chinese_leads_articles_and_hashes(qapp, vault, language):
    _root, session, mc = vault
    paper = draft_motion(session.case_file, mc.case, kept(mc.findings), language=language)
    text = pdf_text(render_pdf(paper_report(paper)))
    title = "排除非法证据申请书" if language == "zh_CN" else "ApplicationtoExcludeIllegally"
    assert title in text
    for word in ("王刚", "赵强", "新华路派出所", "整夜不让睡觉", "卷2第15-18页", CASE_NUMBER):
        assert word in text
    assert ART_127 in text
    for item in mc.evidence:
        assert item.sha256 in text


def test_the_legality_report_pdf_is_chinese(qapp, vault):
    _root, session, mc = vault
    report = BUILDERS["legality"](session.case_file, mc.case, language="zh_CN")
    text = pdf_text(render_pdf(report))
    assert "讯问合法性审查报告" in text
    assert "拘留后超过二十四小时才送看守所" in text or "送看守所" in text
    assert "第一百一十八条" in text


def test_the_cli_writes_the_motion_as_docx_and_pdf_owner_only_and_logged(qapp, vault, tmp_path):
    root, session, mc = vault
    session.close()  # the CLI opens the vault itself (this test runs last of the module)
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    base = ["--vault", str(root), "--passphrase-file", str(secret)]
    written = {}
    for name in ("motion.docx", "motion.pdf"):
        out = tmp_path / name
        assert main([*base, "motion", CASE_NUMBER, "--out", str(out), "--lang", "zh_CN"]) == 0
        written[name] = out.read_bytes()
        if sys.platform != "win32":
            assert os.stat(out).st_mode & 0o777 == 0o600
    document = docx.Document(io.BytesIO(written["motion.docx"]))
    assert document.paragraphs[0].text == "排除非法证据申请书"
    assert "排除非法证据申请书" in pdf_text(written["motion.pdf"])
    out = tmp_path / "legality.docx"
    assert main([*base, "report", CASE_NUMBER, "--kind", "legality", "--out", str(out)]) == 0
    assert main([*base, "motion", CASE_NUMBER, "--out", str(tmp_path / "m.txt")]) != 0
    assert not (tmp_path / "m.txt").exists()
    reopened = unlock_with_passphrase(root, PASSPHRASE)
    try:
        exports = [e for e in reopened.case_file.log(mc.case) if e.action == "export"]
    finally:
        reopened.close()
    assert [e.details["format"] for e in exports] == ["docx", "pdf", "docx"]
    assert [e.details["paper"] for e in exports] == ["motion", "motion", "legality"]
