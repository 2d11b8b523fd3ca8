"""The reports screen drafts the motion: the findings it rests on and the statements it
challenges are listed and can be changed, the preview follows, and it saves DOCX and PDF
(owner-only, custody-logged); the legality report saves as Word too."""

from __future__ import annotations

import io
import os
import sys

import docx
import pytest
from PySide6.QtCore import Qt

from lawnotebook.gui.reports.motion_dialog import MotionDialog
from lawnotebook.gui.reports.report_dialog import ReportDialog
from lawnotebook.services.session import create_vault
from motion_case import build
from support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def vault(tmp_path_factory):
    root = tmp_path_factory.mktemp("motion-dialog") / "vault"
    session, _ = create_vault(root, PASSPHRASE, kdf=FAST_KDF)
    yield session, build(session.case_file)
    session.close()


def _checked(widget) -> list[bool]:
    return [widget.item(i).checkState() == Qt.CheckState.Checked for i in range(widget.count())]


def test_the_dialog_lists_findings_and_statements_and_the_preview_follows(qtbot, vault):
    session, mc = vault
    dialog = MotionDialog(session.case_file, mc.case)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert dialog.finding_list.count() == len(mc.findings)
    # Kept by default: all but the findings that are not checkable.
    assert sum(_checked(dialog.finding_list)) == sum(
        f.certainty.value != "not_checkable" for f in mc.findings
    )
    ids = [dialog.session_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(3)]
    assert ids == [mc.night.id, mc.later.id, mc.denial.id]
    assert _checked(dialog.session_list) == [True, True, False]
    text = dialog.preview.toPlainText()
    assert "排除非法证据申请书" in text and "王刚" in text and "整夜不让睡觉" in text
    # The lawyer drops the later statement: the preview has one statement left.
    dialog.session_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.preview.toPlainText().count("\n人员：") == 1
    # No finding kept: no statement challenged.
    for i in range(dialog.finding_list.count()):
        dialog.finding_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert _checked(dialog.session_list) == [False, False, False]
    assert "人员：" not in dialog.preview.toPlainText()


def test_the_dialog_saves_the_motion_as_docx_and_pdf(qtbot, vault, tmp_path):
    session, mc = vault
    dialog = MotionDialog(session.case_file, mc.case)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    before = len(session.case_file.log(mc.case))
    for name in ("motion.docx", "motion.pdf"):
        assert dialog.save_to(tmp_path / name)
        if sys.platform != "win32":
            assert os.stat(tmp_path / name).st_mode & 0o777 == 0o600
    document = docx.Document(io.BytesIO((tmp_path / "motion.docx").read_bytes()))
    assert document.paragraphs[0].text.startswith("Application to Exclude")
    assert (tmp_path / "motion.pdf").read_bytes().startswith(b"%PDF")
    exports = session.case_file.log(mc.case)[before:]
    assert [(e.action, e.details["format"]) for e in exports] == [
        ("export", "docx"),
        ("export", "pdf"),
    ]
    assert not dialog.save_to(tmp_path / "motion.odt")  # a clear error, nothing written
    assert dialog.error.isVisibleTo(dialog) or dialog.error.text()
    assert not (tmp_path / "motion.odt").exists()


def test_the_reports_screen_has_the_legality_report_as_word_and_opens_the_motion(
    qtbot, vault, tmp_path
):
    session, mc = vault
    dialog = ReportDialog(session.case_file, mc.case)
    qtbot.addWidget(dialog)
    assert not dialog.docx_button.isEnabled()
    dialog.kinds["legality"].setChecked(True)
    assert dialog.docx_button.isEnabled()
    assert dialog.save_to(tmp_path / "legality.docx")
    document = docx.Document(io.BytesIO((tmp_path / "legality.docx").read_bytes()))
    assert len(document.tables) == 2  # the sessions, the findings
    assert session.case_file.log(mc.case)[-1].details["paper"] == "legality"
    dialog.motion_button.click()
    assert dialog.motion.isVisible()
    dialog.forget_plaintext()
