"""Back up now: choose a drive (removable drives first) or a folder, write a new generation with
progress and Cancel, then say what was written; verify that backup or test it against the vault.

Every run is off the GUI thread (``gui/parts/background.py``); Cancel, or locking, sets the
run's flag and the previous generation on the drive stays as it was (the service guarantees it).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.drive_picker import DrivePicker
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.backup import (
    BackupResult,
    DrillReport,
    back_up,
    drill,
    own_unlock,
    verify_backup,
)
from lawnotebook.services.errors import backup as backup_errors
from lawnotebook.services.integrity import VerifyReport
from lawnotebook.services.reports import size_text
from lawnotebook.services.vault_access import Vault

BAR_STEPS = 1000
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class BackupDialog(QDialog):
    """Emits ``backed_up(result)`` after each backup written (the desk shows its age)."""

    backed_up = Signal(object)

    def __init__(self, vault: Vault, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.worker = worker
        self.result_: BackupResult | None = None
        self.verified: VerifyReport | None = None
        self._flag = None
        self._started = 0.0
        self._busy = False
        self.setWindowTitle(self.tr("Back up the vault"))
        intro = QLabel(
            self.tr(
                "A backup is an encrypted copy of the whole vault. It opens only with this "
                "vault's passphrase or recovery key, and its folder name says nothing about "
                "your cases. Keep two drives in different places and back up to each in turn."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.picker = DrivePicker(self.tr("Where to write the backup"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLine(self)
        self.start = QPushButton(self.tr("&Back up now"), self)
        self.start.setDefault(True)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.hide()
        self.verify = QPushButton(self.tr("&Verify this backup"), self)
        self.test = QPushButton(self.tr("&Test this backup"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.cancel, self.verify, self.test, self.close_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.verify)
        row.addWidget(self.test)
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.start)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.start.clicked.connect(self.back_up)
        self.cancel.clicked.connect(self._cancel)
        self.verify.clicked.connect(self.verify_backup)
        self.test.clicked.connect(self.test_backup)
        self.close_button.clicked.connect(self.reject)
        self.picker.changed.connect(self._update_buttons)
        self.picker.list_drives()
        self.resize(640, 480)
        self._update_buttons()

    # -- state --------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_place = self.picker.folder() is not None
        for button in (self.start, self.verify, self.test):
            button.setEnabled(has_place and not self._busy)
        self.picker.setEnabled(not self._busy)
        self.close_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.bar.setVisible(busy)
        self.bar.setValue(0)
        if busy:
            self.error.clear()
            self.status.setText(text)
        self._update_buttons()

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.bar.setValue(min(BAR_STEPS, done * BAR_STEPS // total))
        else:
            self.bar.setRange(0, 0)  # unknown length: a moving bar

    def _failed(self, exc: BaseException) -> None:
        self.cancel.hide()
        self.bar.setRange(0, BAR_STEPS)
        self._set_busy(False)
        if isinstance(exc, backup_errors.BackupCancelled):
            self.status.setText(explain(exc))  # what the lawyer asked for: not an error
        else:
            self.status.clear()
            self.error.show_text(explain(exc))

    def reject(self) -> None:
        if self._busy:  # Escape, Close or a lock while a run is on: it is cancelled too
            self._cancel()
        super().reject()

    # -- back up ------------------------------------------------------------------------------

    def back_up(self) -> None:
        dest = self.picker.folder()
        if dest is None or self._busy:
            return
        self._set_busy(True, self.tr("Copying the vault and its new evidence files…"))
        self.cancel.show()
        self.cancel.setEnabled(True)
        flag = self._flag = self.worker.cancel_flag()
        vault = self.vault
        self._started = time.monotonic()
        self.worker.submit_long(
            lambda report: back_up(vault, dest, progress=report, cancel=flag.is_set),
            self._backed_up,
            self._failed,
            self._progress,
            owner=self,
        )

    def _cancel(self) -> None:
        if self._flag is not None:
            self._flag.set()
            self.cancel.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _backed_up(self, result: BackupResult) -> None:
        self.result_ = result
        self.cancel.hide()
        self.bar.setRange(0, BAR_STEPS)
        self._set_busy(False)
        self.bar.show()
        self.bar.setValue(BAR_STEPS)
        self.status.setText(self.summary(result, time.monotonic() - self._started))
        self.verify.setFocus()
        self.backed_up.emit(result)

    def summary(self, result: BackupResult, seconds: float) -> str:
        copied = self.tr(
            "Backup generation {generation} written to {folder} in {time}. "
            "Evidence files copied: {copied} ({size}); already on the drive: {present}."
        ).format(
            generation=result.generation,
            folder=result.folder,
            time=duration_text(seconds),
            copied=result.packs_copied,
            size=size_text(result.bytes_copied),
            present=result.packs_present,
        )
        return (
            copied
            + " "
            + self.tr(
                "It opens with this vault's passphrase and recovery key. Press Verify this backup "
                "to check every page and evidence file on the drive."
            )
        )

    # -- verify -------------------------------------------------------------------------------

    def verify_backup(self) -> None:
        dest = self.picker.folder()
        if dest is None or self._busy:
            return
        self._set_busy(True, self.tr("Checking the backup… (nothing is written to the drive)"))
        unlock = own_unlock(self.vault)
        self.worker.submit_long(
            lambda report: verify_backup(dest, unlock, progress=report),
            self._verified,
            self._failed,
            self._progress,
            owner=self,
        )

    def _verified(self, outcome: tuple[VerifyReport, int]) -> None:
        report, generation = outcome
        self.verified = report
        self._set_busy(False)
        self.status.setText(verify_text(report, generation))
        if not report.ok:
            self.error.show_text(
                self.tr(
                    "Do not rely on this backup: back up again to another drive, and keep "
                    "this one until a new backup verifies."
                )
            )

    # -- test (the restore drill) -------------------------------------------------------------

    def test_backup(self) -> None:
        dest = self.picker.folder()
        if dest is None or self._busy:
            return
        self._set_busy(True, self.tr("Opening the backup and comparing it with the vault…"))
        vault = self.vault
        self.worker.submit(lambda: drill(vault, Path(dest)), self._tested, self._failed, owner=self)

    def _tested(self, report: DrillReport) -> None:
        from lawnotebook.gui.backup.drill_dialog import DrillDialog

        self._set_busy(False)
        self.status.setText(DrillDialog.verdict(report))
        dialog = DrillDialog(report, self)
        self.drill_dialog = dialog
        dialog.open()


def duration_text(seconds: float) -> str:
    whole = max(1, round(seconds))
    if whole < 60:
        return translate("BackupDialog", "{seconds} s").format(seconds=whole)
    return translate("BackupDialog", "{minutes} min {seconds} s").format(
        minutes=whole // 60, seconds=whole % 60
    )


def verify_text(report: VerifyReport, generation: int) -> str:
    """What ``backup verify`` found, in words."""
    if report.ok:
        return translate(
            "BackupDialog",
            "Backup generation {generation} is sound: every database page, every custody "
            "chain ({cases} cases) and every evidence file ({files}) checked. Nothing was "
            "written to the drive.",
        ).format(generation=generation, cases=report.cases_checked, files=report.evidence_checked)
    found = []
    if report.database or report.header:
        found.append(translate("BackupDialog", "the database or its key header is damaged"))
    broken = sum(1 for problems in report.custody.values() if problems)
    if broken:
        found.append(
            translate("BackupDialog", "{count} custody chains are broken").format(count=broken)
        )
    if report.evidence or report.packs:
        found.append(
            translate("BackupDialog", "{count} evidence files are damaged or missing").format(
                count=len(report.evidence) + len(report.packs)
            )
        )
    return translate(
        "BackupDialog", "Backup generation {generation} has problems: {found}."
    ).format(generation=generation, found="; ".join(found))
