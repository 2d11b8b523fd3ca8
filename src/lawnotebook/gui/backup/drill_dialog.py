"""Test this backup (the restore drill): the backup opened read-only and compared with the vault,
case by case, in words: the same, newer in the vault, newer in the backup, only on one side."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts import i18n, look
from lawnotebook.services.backup import CaseComparison, DrillReport

translate = QCoreApplication.translate

# ``CaseComparison.newer`` in words, and whether it asks the lawyer to act.
NEWER_WORDS = {
    "same": ("DrillDialog", "The same"),
    "vault": ("DrillDialog", "Newer in the vault"),
    "backup": ("DrillDialog", "Newer in the backup"),
    "only in vault": ("DrillDialog", "Only in the vault"),
    "only in backup": ("DrillDialog", "Only in the backup"),
    "differs": ("DrillDialog", "Each has changes the other lacks"),
}
_ = (  # for lupdate: the words above
    translate("DrillDialog", "The same"),
    translate("DrillDialog", "Newer in the vault"),
    translate("DrillDialog", "Newer in the backup"),
    translate("DrillDialog", "Only in the vault"),
    translate("DrillDialog", "Only in the backup"),
    translate("DrillDialog", "Each has changes the other lacks"),
)


def newer_text(newer: str) -> str:
    context, text = NEWER_WORDS.get(newer, NEWER_WORDS["differs"])
    return translate(context, text)


def _entries(custody: dict[str, tuple[int, str]]) -> int:
    return sum(seq for seq, _ in custody.values())


class DrillDialog(QDialog):
    def __init__(self, report: DrillReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Test this backup"))
        made = i18n.time_text(report.made_at) if report.made_at else ""
        heading = QLabel(
            self.tr(
                "Backup generation {generation}, made {made}, compared with this vault."
            ).format(generation=report.generation, made=made),
            self,
        )
        heading.setWordWrap(True)
        self.verdict_label = QLabel(self.verdict(report), self)
        self.verdict_label.setWordWrap(True)
        if not report.matches:
            self.verdict_label.setStyleSheet(look.alert_style())
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Which is newer"),
                self.tr("Records (vault / backup)"),
                self.tr("Custody entries (vault / backup)"),
            ]
        )
        for case in report.cases:
            self.model.appendRow(self._row(case))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _row(self, case: CaseComparison) -> list[QStandardItem]:
        title = case.title or case.case_id[:8]
        cells = [
            title,
            newer_text(case.newer),
            f"{sum(case.vault_counts.values())} / {sum(case.backup_counts.values())}",
            f"{_entries(case.vault_custody)} / {_entries(case.backup_custody)}",
        ]
        items = [QStandardItem(text) for text in cells]
        for item in items[2:]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if case.newer != "same":
            items[1].setForeground(look.alert())
        return items

    def newer_column(self) -> list[str]:
        return [self.model.index(r, 1).data() for r in range(self.model.rowCount())]

    @staticmethod
    def verdict(report: DrillReport) -> str:
        if not report.cases:
            return translate("DrillDialog", "Neither the vault nor the backup holds a case yet.")
        if report.matches:
            return translate("DrillDialog", "The backup holds everything this vault holds.")
        return translate(
            "DrillDialog",
            "The vault and the backup differ. Cases newer in the vault have work done since "
            "this backup: back up again.",
        )
