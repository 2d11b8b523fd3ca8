"""The legality findings of a case beside its interrogation sessions: listed by severity, each
with the rule's explanation and the articles it rests on (their texts verbatim), marked
reviewed or dismissed with a reason. Dismissed findings stay a filter away.

The words of a finding come from the rule engine in English and Chinese; the panel shows the
interface's language. Marks are records (``services/legality_check.mark``): custody-logged and
carried in bundles like the rest of the case file."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services import legality_check as lc
from lawnotebook.services.case_file import CaseFile

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

# What the filter shows.
NOT_DISMISSED, DISMISSED, EVERY = "not_dismissed", "dismissed", "every"
# A text glyph per certainty: the icon of a finding, in the list and the sessions table.
GLYPHS = {
    lc.Certainty.VIOLATED: "⚠",
    lc.Certainty.POSSIBLE: "◐",
    lc.Certainty.NOT_CHECKABLE: "?",
}


def language() -> str:
    return "zh" if i18n.current().lower().startswith("zh") else "en"


class FindingsPanel(QWidget):
    """``sessions_chosen(ids)`` when a finding is selected (its sessions); ``marked()`` after a
    review mark was saved (the tab reloads the findings)."""

    sessions_chosen = Signal(list)
    marked = Signal()

    def __init__(self, case_file: CaseFile, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_file = case_file
        self.case = case
        self.checked: list[lc.CheckedFinding] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Which findings to show"))
        for text, value in (
            (self.tr("To review and reviewed"), NOT_DISMISSED),
            (self.tr("Dismissed"), DISMISSED),
            (self.tr("All findings"), EVERY),
        ):
            self.filter.addItem(text, value)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Legality findings, by severity"))
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Certainty"), self.tr("Review")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setRootIsDecorated(True)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("The finding, its rule and its articles"))
        self.details.setOpenLinks(False)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (needed to dismiss)"))
        self.reason.setAccessibleName(self.tr("Reason for the review mark"))
        self.review_button = QPushButton(self.tr("Mark reviewed"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setToolTip(self.tr("Withdraw the mark: the finding asks for review"))
        self.error = ErrorLine(self)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter)
        marks = QHBoxLayout()
        marks.addWidget(self.reason, 1)
        for button in (self.review_button, self.dismiss_button, self.reopen_button):
            marks.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setSizes([260, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(marks)
        layout.addWidget(self.error)

        self.filter.currentIndexChanged.connect(lambda *_: self._fill())
        self.tree.currentItemChanged.connect(lambda *_: self._chosen())
        self.review_button.clicked.connect(lambda: self._mark(lc.ReviewState.REVIEWED))
        self.dismiss_button.clicked.connect(lambda: self._mark(lc.ReviewState.DISMISSED))
        self.reopen_button.clicked.connect(lambda: self._mark(lc.ReviewState.OPEN))
        self._enable(None)

    # -- showing ------------------------------------------------------------------------------

    def set_findings(self, checked: list[lc.CheckedFinding]) -> None:
        """Show ``checked`` (the tab's current findings), keeping the selected one if it is
        still there."""
        keep = self.current()
        self.checked = lc.by_severity(checked)
        self._fill(keep.key if keep else None)

    def shown(self) -> list[lc.CheckedFinding]:
        """The findings the filter lets through, in the list's order."""
        which = self.filter.currentData()
        if which == DISMISSED:
            return [c for c in self.checked if c.dismissed]
        if which == NOT_DISMISSED:
            return [c for c in self.checked if not c.dismissed]
        return list(self.checked)

    def _fill(self, select: str | None = None) -> None:
        lang = language()
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[lc.Severity, QTreeWidgetItem] = {}
        chosen = None
        for c in self.shown():
            f = c.finding
            group = groups.get(f.severity)
            if group is None:
                group = QTreeWidgetItem(self.tree, [self.severity_text(f.severity)])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
                groups[f.severity] = group
            title = lc.rule(f).title.text(lang)
            item = QTreeWidgetItem(
                group,
                [
                    f"{GLYPHS[f.certainty]} {title}",
                    self.certainty_text(f.certainty),
                    self.state_text(c),
                ],
            )
            item.setData(0, KEY_ROLE, c.key)
            item.setToolTip(0, f"{f.rule}: {f.computed.text(lang)}")
            if c.key == select:
                chosen = item
        self.tree.blockSignals(False)
        open_count = sum(1 for c in self.checked if c.state is lc.ReviewState.OPEN)
        self.heading.setText(
            self.tr("{n} findings, {open} to review (rule set {version})").format(
                n=len(self.checked), open=open_count, version=lc.RULESET_VERSION
            )
        )
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._show(None)

    def severity_text(self, severity: lc.Severity) -> str:
        return {
            lc.Severity.HIGH: self.tr("High: a ground for excluding the statement"),
            lc.Severity.MEDIUM: self.tr("Medium: a defect to list in the motion"),
            lc.Severity.LOW: self.tr("Low: context"),
        }[severity]

    def certainty_text(self, certainty: lc.Certainty) -> str:
        return {
            lc.Certainty.VIOLATED: self.tr("Violated"),
            lc.Certainty.POSSIBLE: self.tr("Possible"),
            lc.Certainty.NOT_CHECKABLE: self.tr("Not checkable"),
        }[certainty]

    def state_text(self, c: lc.CheckedFinding) -> str:
        if c.changed:
            return self.tr("Changed since marked")
        return {
            lc.ReviewState.REVIEWED: self.tr("Reviewed"),
            lc.ReviewState.DISMISSED: self.tr("Dismissed"),
            lc.ReviewState.OPEN: self.tr("To review"),
        }[c.state]

    def current(self) -> lc.CheckedFinding | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return next((c for c in self.checked if c.key == key), None) if key else None

    def select_finding(self, key: str) -> bool:
        """Select the finding ``key`` in the list (the filter permitting)."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                if item.data(0, KEY_ROLE) == key:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _chosen(self) -> None:
        c = self.current()
        self._show(c)
        if c is not None:
            self.sessions_chosen.emit(list(c.finding.sessions))

    def _show(self, c: lc.CheckedFinding | None) -> None:
        self.error.clear()
        self._enable(c)
        if c is None:
            self.details.setHtml(
                "<p>{}</p>".format(html.escape(self.tr("Select a finding to read its rule.")))
            )
            return
        self.reason.setText(c.review.reason if c.review is not None else "")
        self.details.setHtml(self.details_html(c))

    def details_html(self, c: lc.CheckedFinding) -> str:
        """The finding in full: what was computed, why uncertain, the rule's explanation, each
        article cited with its text as the reference file holds it, and the mark."""
        lang = language()
        f = c.finding
        rule = lc.rule(f)
        esc = html.escape
        certainty = esc(self.certainty_text(f.certainty))
        severity = esc(self.severity_text(f.severity))
        parts = [
            f"<h3>{esc(rule.title.text(lang))}</h3>",
            f"<p><b>{certainty}</b> · {severity} · {esc(f.rule)}</p>",
            f"<p>{esc(f.computed.text(lang))}</p>",
        ]
        for label, items in (
            (self.tr("Uncertain"), f.uncertain),
            (self.tr("Missing"), f.missing),
        ):
            if items:
                joined = "；".join if lang == "zh" else "; ".join
                text = joined(w.text(lang) for w in items)
                parts.append(f"<p><b>{esc(label)}</b>: {esc(text)}</p>")
        parts.append(f"<p>{esc(rule.explanation.text(lang))}</p>")
        for cite, article in lc.articles(f):
            parts.append(f"<h4>{esc(lc.cite_text(cite, lang))}</h4>")
            paragraphs = [p for p in article.text.split("\n") if p.strip()]
            parts.extend(f"<p>{esc(p)}</p>" for p in paragraphs)
        if c.review is not None:
            mark = self.state_text(c)
            reason = f" — {esc(c.review.reason)}" if c.review.reason else ""
            parts.append(f"<p><b>{esc(self.tr('Review'))}</b>: {esc(mark)}{reason}</p>")
        return "".join(parts)

    def article_text(self) -> str:
        """The details as plain text (what a reader of the panel sees)."""
        return self.details.toPlainText()

    # -- marking ------------------------------------------------------------------------------

    def _enable(self, c: lc.CheckedFinding | None) -> None:
        for widget in (self.reason, self.review_button, self.dismiss_button):
            widget.setEnabled(c is not None)
        self.reopen_button.setEnabled(c is not None and c.review is not None)

    def _mark(self, state: lc.ReviewState) -> None:
        c = self.current()
        if c is None:
            return
        reason = self.reason.text().strip()
        if state is lc.ReviewState.DISMISSED and not reason:
            self.error.show_text(self.tr("Say why the finding is dismissed."))
            self.reason.setFocus()
            return
        try:
            lc.mark(self.case_file, self.case, c.finding, state, reason)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.marked.emit()
