"""Draft the motion to exclude illegally obtained evidence (排除非法证据申请书): choose the
findings it rests on and the statements it challenges, see the paper, save it as Word (DOCX) or
PDF. The paper is made in memory; the one file written is the one the lawyer names, owner-only,
and its export is recorded in the case's custody log (services/motion.py ``save_paper``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case, Interrogation
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.file_dialogs import save_file
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.reports.report_pdf import render_pdf, report_document
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.legality_check import BY_ID, Certainty, Finding, findings_for
from lawnotebook.services.motion import (
    Paper,
    challenged,
    draft_motion,
    format_of,
    kept,
    paper_bytes,
    save_paper,
)
from lawnotebook.services.reports import paper_report

FILE_NAME = {"zh_CN": "排除非法证据申请书", "en": "motion-to-exclude"}


class MotionDialog(QDialog):
    """The findings (checked: kept), the statements (checked: challenged), the preview."""

    def __init__(
        self,
        case_file: CaseFile,
        case: Case,
        parent: QWidget | None = None,
        *,
        findings: Sequence[Finding] | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_file, self.case = case_file, case
        self.setWindowTitle(self.tr("Motion to exclude — {title}").format(title=case.title))
        self.paper: Paper | None = None
        self.error = ErrorLine(self)
        try:
            found = list(findings) if findings is not None else findings_for(case_file, case)
        except LawnotebookError as exc:
            found = []
            self.error.show_text(explain(exc))
        self.findings = found
        self.language = QComboBox(self)
        # Each language by its own name, as the settings dialog lists them.
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if i18n.current().startswith("zh") else 1)
        self.finding_list = QListWidget(self)
        self.session_list = QListWidget(self)
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.status = QLabel(self)
        self.docx_button = QPushButton(self.tr("Save as Word (DOCX)…"), self)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.docx_button.clicked.connect(lambda: self.save("docx"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        close.clicked.connect(self.reject)
        self._fill()
        self.finding_list.itemChanged.connect(self._findings_changed)
        self.session_list.itemChanged.connect(lambda _item: self.refresh())
        self.language.currentIndexChanged.connect(lambda _i: self._fill_and_refresh())
        self._layout(close)
        self.refresh()

    def _layout(self, close: QPushButton) -> None:
        lists = QWidget(self)
        side = QVBoxLayout(lists)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Findings the motion rests on:"), self))
        side.addWidget(self.finding_list, 2)
        side.addWidget(QLabel(self.tr("Statements it asks to exclude:"), self))
        side.addWidget(self.session_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(lists)
        split.addWidget(self.preview)
        split.setSizes([380, 620])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language of the motion:"), self))
        top.addWidget(self.language)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(close)
        row.addWidget(self.pdf_button)
        row.addWidget(self.docx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(1100, 760)

    def code(self) -> str:
        return str(self.language.currentData())

    def _fill(self) -> None:
        """The findings list (kept ones checked) and the statements list for them."""
        language = self.code()
        checked = {f.key for f in kept(self.findings)}
        if self.finding_list.count():  # keep the lawyer's choice across a language change
            checked = {f.key for f in self.chosen_findings()}
        self.finding_list.blockSignals(True)
        self.finding_list.clear()
        for finding in self.findings:
            rule = BY_ID.get(finding.rule)
            title = rule.title.text(language) if rule else finding.rule
            mark = {Certainty.VIOLATED: "●", Certainty.POSSIBLE: "◐"}.get(finding.certainty, "○")
            item = QListWidgetItem(f"{mark} {title} — {finding.computed.text(language)}")
            item.setData(Qt.ItemDataRole.UserRole, finding.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = finding.key in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.finding_list.addItem(item)
        self.finding_list.blockSignals(False)
        self._fill_sessions()

    def _fill_sessions(self) -> None:
        language = self.code()
        try:
            chosen = {s.id for s in challenged(self.case_file, self.case, self.chosen_findings())}
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            chosen = set()
        sessions = sorted(
            self.case_file.list(Interrogation, self.case), key=lambda s: s.start.sort_key()
        )
        self.session_list.blockSignals(True)
        self.session_list.clear()
        for session in sessions:
            item = QListWidgetItem(f"{session.start.text(language)}  {session.place}".strip())
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = session.id in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.session_list.addItem(item)
        self.session_list.blockSignals(False)

    def _fill_and_refresh(self) -> None:
        self._fill()
        self.refresh()

    def _findings_changed(self, _item: QListWidgetItem) -> None:
        self._fill_sessions()  # the statements follow the findings (the lawyer may then edit)
        self.refresh()

    def _checked(self, widget: QListWidget) -> list[str]:
        return [
            str(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def chosen_findings(self) -> list[Finding]:
        keys = set(self._checked(self.finding_list))
        return [f for f in self.findings if f.key in keys]

    def chosen_sessions(self) -> list[str]:
        return self._checked(self.session_list)

    def refresh(self) -> None:
        """Draft the paper again from what is checked and show it."""
        try:
            self.paper = draft_motion(
                self.case_file,
                self.case,
                self.chosen_findings(),
                sessions=self.chosen_sessions(),
                language=self.code(),
            )
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self._document = report_document(paper_report(self.paper))
        self._document.setParent(self)
        self.preview.setDocument(self._document)

    def save_to(self, path: Path) -> bool:
        """Write the motion as DOCX or PDF (by the name), owner-only, custody-logged."""
        if self.paper is None:
            return False
        try:
            fmt = format_of(path)
            data = (
                render_pdf(paper_report(self.paper))
                if fmt == "pdf"
                else paper_bytes(self.paper, fmt)
            )
            save_paper(self.case_file, self.case, self.paper, path, data, fmt)
        except (LawnotebookError, OSError) as exc:
            self.error.show_text(explain(exc))
            return False
        self.status.setText(
            self.tr("Saved {path} ({size:,} bytes).").format(path=str(path), size=len(data))
        )
        return True

    def save(self, fmt: str) -> None:
        name = f"{FILE_NAME.get(self.code(), 'motion')}.{fmt}"
        title = (
            self.tr("Save the motion as Word")
            if fmt == "docx"
            else self.tr("Save the motion as PDF")
        )
        filters = "Word (*.docx)" if fmt == "docx" else "PDF (*.pdf)"
        path = save_file(self, title, name, filters)
        if path is not None:
            self.save_to(path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}"))

    def forget_plaintext(self) -> None:
        self.preview.clear()
        self.paper = None
