"""Court reports of a case: choose one, see it, save it as PDF (atomically, where the user
says) or print it. Nothing is written anywhere else: the PDF is made in memory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.file_dialogs import save_file
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.reports.report_pdf import print_report, render_pdf, report_document
from lawnotebook.gui.reports.report_words import translated_words
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.files import write_atomic
from lawnotebook.services.legality_check import findings_for
from lawnotebook.services.motion import Paper, legality_paper, paper_bytes, save_paper
from lawnotebook.services.reports import BUILDERS, Report, paper_report

FILE_NAMES = {
    "chronology": "chronology.pdf",
    "interrogations": "interrogation-record.pdf",
    "integrity": "evidence-integrity-list.pdf",
    "legality": "interrogation-legality.pdf",
}


def build(case_file: CaseFile, case: Case, kind: str) -> Report:
    """A report in the interface's language, times in this computer's zone."""
    return BUILDERS[kind](case_file, case, translated_words(), language=i18n.current())


def build_paper(case_file: CaseFile, case: Case) -> Paper:
    """The interrogation legality report as a paper (it is also written as DOCX)."""
    found = findings_for(case_file, case)
    return legality_paper(case_file, case, found, language=i18n.current())


def save_report_pdf(report: Report, path: Path) -> int:
    """Render and write atomically (mode 0600); returns the size in bytes."""
    data = render_pdf(report)
    write_atomic(path, data)
    return len(data)


class ReportDialog(QDialog):
    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file, self.case = case_file, case
        self.report: Report | None = None
        self.paper: Paper | None = None  # the legality report, which is also saved as DOCX
        self.setWindowTitle(self.tr("Reports — {title}").format(title=case.title))
        self.kinds = {
            "chronology": QRadioButton(self.tr("Case chronology"), self),
            "interrogations": QRadioButton(self.tr("Interrogation record"), self),
            "integrity": QRadioButton(
                self.tr("Evidence integrity list (SHA-256 and custody log, for the court)"), self
            ),
            "legality": QRadioButton(self.tr("Interrogation legality"), self),
        }
        group = QButtonGroup(self)
        choose = QHBoxLayout()
        for kind, button in self.kinds.items():
            group.addButton(button)
            choose.addWidget(button)
            button.toggled.connect(lambda on, k=kind: on and self.show_kind(k))
        choose.addStretch(1)
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.clicked.connect(self.save)
        self.docx_button = QPushButton(self.tr("Save as Word (DOCX)…"), self)
        self.docx_button.clicked.connect(self.save_docx)
        self.motion_button = QPushButton(self.tr("Draft the motion to exclude…"), self)
        self.motion_button.clicked.connect(self.open_motion)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.error = ErrorLine(self)
        row = QHBoxLayout()
        row.addWidget(self.motion_button)
        row.addWidget(self.status, 1)
        row.addWidget(close)
        row.addWidget(self.print_button)
        row.addWidget(self.docx_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(980, 760)
        self.kinds["integrity"].setChecked(True)

    def show_kind(self, kind: str) -> None:
        try:
            if kind == "legality":
                self.paper = build_paper(self.case_file, self.case)
                self.report = paper_report(self.paper)
            else:
                self.paper, self.report = None, build(self.case_file, self.case, kind)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self._document = report_document(self.report)
        self._document.setParent(self)
        self.preview.setDocument(self._document)
        self.status.setText("")
        self.docx_button.setEnabled(self.paper is not None)

    def save_to(self, path: Path) -> bool:
        assert self.report is not None
        try:
            if self.paper is not None:  # a paper's export goes into the custody log
                fmt = "docx" if path.suffix.lower() == ".docx" else "pdf"
                data = paper_bytes(self.paper, fmt) if fmt == "docx" else render_pdf(self.report)
                save_paper(self.case_file, self.case, self.paper, path, data, fmt)
                size = len(data)
            else:
                size = save_report_pdf(self.report, path)
        except (OSError, LawnotebookError) as exc:
            self.error.show_text(explain(exc))
            return False
        self.status.setText(
            self.tr("Saved {path} ({size:,} bytes).").format(path=str(path), size=size)
        )
        return True

    def save(self) -> None:
        if self.report is None:
            return
        path = save_file(
            self, self.tr("Save report as PDF"), FILE_NAMES[self.report.kind], "PDF (*.pdf)"
        )
        if path is not None:
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def save_docx(self) -> None:
        if self.paper is None:
            return
        name = FILE_NAMES["legality"].replace(".pdf", ".docx")
        path = save_file(self, self.tr("Save report as Word"), name, "Word (*.docx)")
        if path is not None:
            self.save_to(path if path.suffix.lower() == ".docx" else path.with_suffix(".docx"))

    def open_motion(self) -> None:
        from lawnotebook.gui.reports.motion_dialog import MotionDialog

        self.motion = MotionDialog(self.case_file, self.case, self)
        self.motion.show()

    def print_(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_report(self.report, printer)
            self.status.setText(self.tr("Sent to the printer."))

    def forget_plaintext(self) -> None:
        self.preview.clear()
        self.report = self.paper = None
        motion = getattr(self, "motion", None)
        if motion is not None:
            motion.forget_plaintext()
            motion.close()
