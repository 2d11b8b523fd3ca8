"""Court reports: made in memory as PDF, Chinese typeset with the shipped font, every SHA-256
and the custody-chain heads in the text; saved atomically where asked; also from the CLI."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from lawnotebook.app import main
from lawnotebook.core.records import Tristate
from lawnotebook.gui.parts.fonts import SANS, load_shipped_fonts
from lawnotebook.gui.reports.report_dialog import ReportDialog, build
from lawnotebook.gui.reports.report_pdf import render_pdf
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from lawnotebook.vault import custody
from support import FAST_KDF, PASSPHRASE

QtPdf = pytest.importorskip(
    "PySide6.QtPdf", reason="QtPdf is missing: add PySide6-Pdf to the dependencies"
)
TITLE = "刘志强故意伤害案"


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports") / "vault"
    session, _ = create_vault(root, PASSPHRASE, kdf=FAST_KDF)
    files = session.case_file
    case = files.new_case(TITLE, client="刘志强", case_number="(2019)沪01刑初7号")
    officer = files.add_person(case, "王刚")
    files.add_event(case, "2016-06-15", "被带到派出所", description="当晚开始讯问")
    files.add_interrogation(
        case,
        "2016-06-15 22:00",
        end="2016-06-16 06:30",
        place="讯问室三",
        interrogator_ids=[officer.id],
        recorded_on_video=Tristate.NO,
        client_account="连续讯问，不让睡觉",
    )
    items = []
    for i, name in enumerate(["伤情照片.jpg", "看守所体检记录.pdf", "会见录音.wav"]):
        stream = io.BytesIO(f"evidence file {i} ".encode() * (100 + i))
        stream.name = name
        items.append(add_evidence(files, case, stream, source_note="家属提供"))
    yield root, session, case, items
    session.close()


def pdf_text(data: bytes) -> str:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QtPdf.QPdfDocument()
    document.load(buffer)
    assert document.status() == QtPdf.QPdfDocument.Status.Ready
    return "\n".join(document.getAllText(p).text() for p in range(document.pageCount()))


def _flat(text: str) -> str:
    return "".join(text.split())


def test_integrity_list_pdf_has_the_chinese_title_every_hash_and_the_chain_head(qapp, vault):
    _root, session, case, items = vault
    assert SANS in load_shipped_fonts()
    report = build(session.case_file, case, "integrity")
    data = render_pdf(report)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert TITLE in text
    flat = _flat(text)
    for item in items:
        assert item.sha256 in flat
        assert item.file_name in text
    me = Colleagues(session.vault).me()
    assert _flat(me.fingerprint) in flat
    for origin in custody.origins(session.case_file.conn, case.id):
        assert custody.head(session.case_file.conn, case.id, origin)[1] in flat
    assert "The custody log verifies" in text


def test_chronology_and_interrogation_reports_typeset_chinese(qapp, vault):
    _root, session, case, _items = vault
    chronology = pdf_text(render_pdf(build(session.case_file, case, "chronology")))
    assert "被带到派出所" in chronology and "当晚开始讯问" in chronology
    sessions = pdf_text(render_pdf(build(session.case_file, case, "interrogations")))
    assert "讯问室三" in sessions and "王刚" in sessions and "8h30min" in _flat(sessions)
    assert "Unknown" in sessions


def test_report_dialog_saves_the_pdf_atomically_where_asked(qtbot, vault, tmp_path):
    _root, session, case, items = vault
    dialog = ReportDialog(session.case_file, case)
    qtbot.addWidget(dialog)
    assert dialog.report is not None and dialog.report.kind == "integrity"
    assert TITLE in dialog.preview.toPlainText()
    out = tmp_path / "court" / "integrity.pdf"
    out.parent.mkdir()
    assert dialog.save_to(out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert items[0].sha256 in _flat(pdf_text(out.read_bytes()))
    assert [p.name for p in out.parent.iterdir()] == ["integrity.pdf"]  # no temp file left


def test_the_cli_writes_a_report_pdf(qapp, vault, tmp_path):
    root, session, _case, items = vault
    session.close()  # the CLI opens the vault itself
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    out = tmp_path / "report.pdf"
    code = main(
        [
            "--vault",
            str(root),
            "--passphrase-file",
            str(secret),
            "report",
            "(2019)沪01刑初7号",
            "--kind",
            "integrity",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    flat = _flat(pdf_text(out.read_bytes()))
    assert all(item.sha256 in flat for item in items)
