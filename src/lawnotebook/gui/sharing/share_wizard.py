"""Share a case: choose colleagues (or a one-time passphrase), what to send, where to write it;
then seal with progress and Cancel, and say exactly what was sealed for whom."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lawnotebook.core.records import Case, Evidence
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.colleague_names import name_of
from lawnotebook.gui.parts.drive_picker import DrivePicker
from lawnotebook.gui.parts.form_parts import ErrorLine, PassphraseField
from lawnotebook.gui.parts.messages import Cancelled, explain
from lawnotebook.services.bundle_seal import SealResult, seal_case, suggested_name
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import Colleagues, Contact
from lawnotebook.services.reports import size_text

MIN_PASSPHRASE = 10
BAR_STEPS = 1000


@dataclass
class ShareChoices:
    recipients: list[Contact] = field(default_factory=list)
    passphrase: str | None = None
    since_last: bool = False
    evidence: list[str] | None = None
    folder: Path | None = None
    file_name: str = field(default_factory=suggested_name)


def _checklist(parent: QWidget) -> QListWidget:
    box = QListWidget(parent)
    box.setAlternatingRowColors(True)
    return box


def _checked(box: QListWidget) -> list:  # type: ignore[type-arg]
    return [
        box.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


class RecipientsPage(QWizardPage):
    def __init__(self, colleagues: list[Contact], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who may open it?"))
        self.setSubTitle(
            self.tr("Only the colleagues you choose can open the bundle, on their own computer.")
        )
        self.to_colleagues = QRadioButton(self.tr("Colleagues"), self)
        self.to_passphrase = QRadioButton(
            self.tr("A one-time passphrase (for a colleague who has no key yet)"), self
        )
        group = QButtonGroup(self)
        group.addButton(self.to_colleagues)
        group.addButton(self.to_passphrase)
        self.colleagues = _checklist(self)
        for contact in sorted(colleagues, key=lambda c: (not c.verified, c.name, c.fingerprint)):
            name = name_of(contact.name, contact.fingerprint)
            text = name if contact.verified else self.tr("{name}  (not verified)").format(name=name)
            item = QListWidgetItem(text, self.colleagues)
            item.setData(Qt.ItemDataRole.UserRole, contact)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(contact.fingerprint)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(look.alert_style())
        self.passphrase = PassphraseField(self.tr("Bundle passphrase"), self)
        self.again = PassphraseField(self.tr("Bundle passphrase again"), self)
        self.pass_note = QLabel(
            self.tr(
                "At least {n} characters. Tell it to your colleague by phone or in person — "
                "never on the same USB stick or in the same message as the bundle."
            ).format(n=MIN_PASSPHRASE),
            self,
        )
        self.pass_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.to_colleagues)
        layout.addWidget(self.colleagues, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.to_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.again)
        layout.addWidget(self.pass_note)
        if colleagues:
            self.to_colleagues.setChecked(True)
        else:
            self.to_colleagues.setEnabled(False)
            self.to_passphrase.setChecked(True)
        for signal in (
            self.colleagues.itemChanged,
            self.to_colleagues.toggled,
            self.passphrase.textChanged,
            self.again.textChanged,
        ):
            signal.connect(self._update)
        self._update()

    def chosen(self) -> list[Contact]:
        return _checked(self.colleagues) if self.to_colleagues.isChecked() else []

    def _update(self, *_args: object) -> None:
        by_keys = self.to_colleagues.isChecked()
        self.colleagues.setEnabled(by_keys)
        for field_ in (self.passphrase, self.again, self.pass_note):
            field_.setEnabled(not by_keys)
        unverified = [name_of(c.name, c.fingerprint) for c in self.chosen() if not c.verified]
        self.warning.setText(
            self.tr(
                "Not verified: {names}. You have not compared fingerprints with them, so this "
                "key might not be theirs. Compare fingerprints in Colleagues first if you can."
            ).format(names=", ".join(unverified))
            if unverified
            else ""
        )
        self.warning.setVisible(bool(unverified))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.to_colleagues.isChecked():
            return bool(self.chosen())
        text = self.passphrase.text()
        return len(text) >= MIN_PASSPHRASE and text == self.again.text()


class ScopePage(QWizardPage):
    def __init__(self, evidence: list[Evidence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What to send?"))
        self.whole = QRadioButton(self.tr("The whole case, with all its evidence"), self)
        self.since = QRadioButton(
            self.tr("Only what changed since the last bundle to the same colleagues"), self
        )
        self.some = QRadioButton(
            self.tr("The case, but only the evidence chosen below (the rest stays here)"), self
        )
        self.whole.setChecked(True)
        self.evidence = _checklist(self)
        for item_ in evidence:
            item = QListWidgetItem(f"{item_.file_name}  ({size_text(item_.size)})", self.evidence)
            item.setData(Qt.ItemDataRole.UserRole, item_.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout = QVBoxLayout(self)
        for widget in (self.whole, self.since, self.some):
            layout.addWidget(widget)
        layout.addWidget(self.evidence, 1)
        self.some.toggled.connect(self.evidence.setEnabled)
        self.evidence.setEnabled(False)


class DestinationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where to write it?"))
        self.setSubTitle(
            self.tr(
                "The file's name says nothing about the case. Anyone who finds the USB stick "
                "sees only an encrypted file."
            )
        )
        self.picker = DrivePicker(self.tr("Where to write the bundle"), self)
        self.places, self.no_drive = self.picker.places, self.picker.no_drive
        self.look_again, self.other = self.picker.look_again, self.picker.other
        self.name = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.name)
        self.picker.changed.connect(self.completeChanged)

    def initializePage(self) -> None:
        self.picker.list_drives()
        wizard = self.wizard()
        assert isinstance(wizard, ShareWizard)
        self.name.setText(self.tr("File name: {name}").format(name=wizard.choices.file_name))

    def add_place(self, folder: Path, text: str | None = None) -> None:
        self.picker.add_place(folder, text)

    def folder(self) -> Path | None:
        return self.picker.folder()

    def isComplete(self) -> bool:
        return self.folder() is not None


class SealPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sealing"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ShareWizard)
        self.done = False
        self.error.clear()
        self.status.setText(self.tr("Encrypting and writing the bundle…"))
        wizard.start_sealing()

    def isComplete(self) -> bool:
        return self.done


class ShareWizard(QWizard):
    """Emits nothing; ``result`` holds the :class:`SealResult` once sealed."""

    def __init__(
        self,
        case_file: CaseFile,
        case: Case,
        colleagues: Colleagues,
        worker: Worker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_file, self.case, self.worker = case_file, case, worker
        self.choices = ShareChoices()
        self.result_: SealResult | None = None
        self.flag = None
        self.setWindowTitle(self.tr("Share “{title}”").format(title=case.title))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.recipients = RecipientsPage(colleagues.all(), self)
        self.scope = ScopePage(case_file.list(Evidence, case), self)
        self.destination = DestinationPage(self)
        self.seal = SealPage(self)
        for page in (self.recipients, self.scope, self.destination, self.seal):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Seal"))
        self.destination.setCommitPage(True)
        self.resize(720, 560)

    @property
    def sealing(self) -> bool:
        return self.flag is not None

    def gather(self) -> ShareChoices:
        c = self.choices
        c.recipients = self.recipients.chosen()
        c.passphrase = None if c.recipients else self.recipients.passphrase.text()
        c.since_last = self.scope.since.isChecked()
        c.evidence = _checked(self.scope.evidence) if self.scope.some.isChecked() else None
        c.folder = self.destination.folder()
        return c

    def start_sealing(self) -> None:
        c = self.gather()
        assert c.folder is not None
        out = c.folder / c.file_name
        flag = self.flag = self.worker.cancel_flag()
        files, case_id = self.case_file, self.case.id

        def work(report) -> SealResult:  # type: ignore[no-untyped-def]
            def progress(done: int, total: int) -> None:
                if flag.is_set():
                    raise Cancelled  # seal_case removes its partial file on the way out
                report(done, total)

            return seal_case(
                files,
                case_id,
                out,
                to=c.recipients,
                passphrase=c.passphrase,
                since_last=c.since_last,
                evidence=c.evidence,
                progress=progress,
            )

        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.worker.submit_long(work, self._sealed, self._failed, self._progress, owner=self)

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.seal.bar.setValue(int(BAR_STEPS * min(done / total, 1.0)))

    def _sealed(self, result: SealResult) -> None:
        self.flag = None
        self.result_ = result
        self.seal.bar.setValue(BAR_STEPS)
        self.seal.status.setText(self.summary(result))
        self.seal.done = True
        self.seal.completeChanged.emit()
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.flag is not None and self.flag.is_set()
        self.flag = None
        self.seal.bar.setValue(0)
        self.seal.status.setText("")
        self.seal.error.show_text(
            self.tr("Cancelled. No bundle was written.") if cancelled else explain(exc)
        )
        if cancelled:
            super().reject()

    def summary(self, result: SealResult) -> str:
        c = self.choices
        who = (
            ", ".join(name_of(r.name, r.fingerprint) for r in c.recipients)
            if c.recipients
            else self.tr("anyone who has the one-time passphrase")
        )
        if result.base_sequence:
            what = self.tr("the changes since bundle #{n}").format(n=result.base_sequence)
        elif c.evidence is not None:
            what = self.tr("the case with {n} chosen evidence file(s)").format(n=len(c.evidence))
        else:
            what = self.tr("the whole case")
        lines = [
            self.tr("Sealed {what} of “{title}” for {who}.").format(
                what=what, title=self.case.title, who=who
            ),
            self.tr("{records} records and {files} files, {size} (bundle #{seq}).").format(
                records=result.records,
                files=result.blobs,
                size=size_text(result.bytes_written),
                seq=result.sequence,
            ),
            self.tr("Written to: {path}").format(path=str(result.path)),
        ]
        if result.unverified:
            lines.append(
                self.tr("Not verified: {names}. Compare fingerprints with them soon.").format(
                    names=", ".join(result.unverified)
                )
            )
        return "\n".join(lines)

    def reject(self) -> None:
        if self.sealing:  # stop the seal; the window closes when the worker says it stopped
            assert self.flag is not None
            self.flag.set()
            self.seal.status.setText(self.tr("Cancelling…"))
            return
        super().reject()

    def forget_plaintext(self) -> None:
        if self.flag is not None:
            self.flag.set()
