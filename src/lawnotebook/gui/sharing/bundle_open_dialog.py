"""Opening a bundle: verify it and show who sent it and what it would change (a dry run), then
apply it all at once only if the user says so. A refusal is one plain sentence; nothing changes.

The file stays open from the check to the apply, and the apply re-verifies every byte and
must find the same signed manifest (hence the same records and files) the check showed: if the
file is swapped or rewritten in between, the apply is refused and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.parts import i18n, look
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.colleague_names import name_of
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import Cancelled, explain
from lawnotebook.gui.sharing.merge_plan_view import MergePlanView
from lawnotebook.services import errors
from lawnotebook.services.bundle_inspect import inspect_bundle
from lawnotebook.services.bundle_open import OpenedBundle, open_bundle
from lawnotebook.services.case_file import CaseFile

BAR_STEPS = 1000


class BundleOpenDialog(QDialog):
    """Emits ``applied(case_id, conflicts)`` once the bundle is in the vault."""

    applied = Signal(str, int)

    def __init__(
        self,
        case_file: CaseFile,
        worker: Worker,
        path: Path,
        parent: QWidget | None = None,
        *,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_file, self.worker, self.path = case_file, worker, Path(path)
        self.passphrase = passphrase
        self.source: BinaryIO | None = None
        self.opened: OpenedBundle | None = None
        self.flag = None
        self.state = "checking"
        self.setWindowTitle(self.tr("Open bundle {name}").format(name=self.path.name))
        self.heading = QLabel(self)
        self.heading.setFont(look.scaled_font(1.2, bold=True))
        self.heading.setWordWrap(True)
        self.sender_box = QLabel(self)
        self.sender_box.setWordWrap(True)
        self.sender_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust = QCheckBox(
            self.tr("I have confirmed with the sender that this bundle is theirs"), self
        )
        self.trust.setVisible(False)
        self.trust.toggled.connect(self._update_buttons)
        self.plan = MergePlanView(self)
        self.plan.setVisible(False)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.error = ErrorLine(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply these changes"), self)
        self.apply_button.setVisible(False)
        self.apply_button.clicked.connect(self.apply)
        self.resolve_button = QPushButton(self.tr("Resolve conflicts…"), self)
        self.resolve_button.setVisible(False)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.resolve_button)
        row.addWidget(self.close_button)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sender_box)
        layout.addWidget(self.trust)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        self.resize(760, 620)

    # -- step 1: check ------------------------------------------------------------------------

    def start(self) -> bool:
        """Begin checking the bundle (asks for its passphrase if it has one)."""
        self.heading.setText(self.tr("Checking the bundle…"))
        try:
            if inspect_bundle(self.path)["passphrase_only"] and self.passphrase is None:
                text, ok = QInputDialog.getText(
                    self,
                    self.tr("Bundle passphrase"),
                    self.tr("This bundle was sealed with a passphrase. Type it:"),
                    QLineEdit.EchoMode.Password,
                )
                if not ok:
                    return False
                self.passphrase = text
            self.source = open(self.path, "rb")
        except (LawnotebookError, OSError) as exc:
            self._refused(exc)
            return True
        self._run(dry_run=True)
        return True

    def _run(self, *, dry_run: bool) -> None:
        source, files, passphrase = self.source, self.case_file, self.passphrase
        accept = self.trust.isChecked()
        expect = None if dry_run or self.opened is None else self.opened.manifest_sha256
        flag = self.flag = self.worker.cancel_flag()
        assert source is not None

        def work(report) -> OpenedBundle:  # type: ignore[no-untyped-def]
            def progress(done: int, total: int) -> None:
                if flag.is_set():
                    raise Cancelled
                report(done, total)

            source.seek(0)
            return open_bundle(
                files,
                source,
                passphrase=passphrase,
                accept_unverified=accept,
                dry_run=dry_run,
                progress=progress,
                expect_manifest=expect,
            )

        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.worker.submit_long(
            work,
            self._checked if dry_run else self._applied,
            self._refused,
            self._progress,
            owner=self,
        )

    def _progress(self, done: int, total: int | None) -> None:
        if total:
            self.bar.setValue(int(BAR_STEPS * min(done / total, 1.0)))

    def _checked(self, opened: OpenedBundle) -> None:
        self.flag = None
        self.opened = opened
        self.state = "plan"
        self.bar.setVisible(False)
        m = opened.manifest
        self.heading.setText(
            self.tr("A new case from this bundle")
            if opened.new_case
            else self.tr("Changes to a case you have")
        )
        sender = name_of(opened.sender_name, m.sender_fingerprint)
        renamed = (
            "\n"
            + self.tr(
                "They now call themselves {name}; your address book had {old}. Same key: "
                "applying the bundle takes the new name."
            ).format(name=sender, old=name_of(opened.sender_renamed_from, m.sender_fingerprint))
            if opened.sender_renamed_from
            else ""
        )
        if opened.sender_verified:
            self.sender_box.setText(
                self.tr("From {name}, a colleague you verified.\nFingerprint: {fp}").format(
                    name=sender, fp=m.sender_fingerprint
                )
                + renamed
            )
            self.sender_box.setStyleSheet("")
        else:
            self.sender_box.setText(
                self.tr(
                    "WARNING: this bundle says it is from {name}, but you have not verified "
                    "that colleague. Anyone can put any name on a bundle. Before applying, "
                    "compare this fingerprint with them by phone or in person:\n{fp}"
                ).format(name=sender, fp=m.sender_fingerprint)
                + renamed
            )
            self.sender_box.setStyleSheet(
                f"{look.alert_style()} font-weight: bold; padding: 8px;"
                f" background: {look.alert_background().name()};"
            )
            self.trust.setVisible(True)
        self.plan.show_plan(opened.plan)
        self.plan.setVisible(True)
        self.summary.setText(
            self.tr("Bundle #{seq}, sealed {when}; {files} file(s), {log} custody entries.").format(
                seq=m.sequence,
                when=i18n.time_text(m.created_at),
                files=opened.files,
                log=opened.custody_entries,
            )
            + "\n"
            + self.tr("Nothing has been changed yet.")
        )
        if not opened.outer_bound:  # format v1: say what was and was not checked
            self.summary.setText(
                self.summary.text()
                + "\n"
                + self.tr(
                    "Sealed by an older version of Lawnotebook, which did not sign who the "
                    "file was encrypted for; the sender's signed list of recipients was checked."
                )
            )
        self.apply_button.setVisible(True)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        trusted = self.opened is not None and (
            self.opened.sender_verified or self.trust.isChecked()
        )
        self.apply_button.setEnabled(self.state == "plan" and trusted)

    # -- step 2: apply ------------------------------------------------------------------------

    def apply(self) -> None:
        if self.state != "plan":
            return
        self.state = "applying"
        self.apply_button.setEnabled(False)
        self.trust.setEnabled(False)
        self.summary.setText(self.tr("Applying…"))
        self._run(dry_run=False)

    def _applied(self, opened: OpenedBundle) -> None:
        self.flag = None
        self.opened = opened
        self.state = "done"
        self.bar.setVisible(False)
        self._close_source()
        plan = opened.plan
        self.heading.setText(self.tr("The bundle was applied"))
        self.summary.setText(
            self.tr(
                "{added} added, {changed} changed, {deleted} deleted; {files} file(s) received."
            ).format(
                added=plan.count("add"),
                changed=plan.count("change"),
                deleted=plan.count("delete"),
                files=opened.files,
            )
            + (
                "\n"
                + self.tr(
                    "{n} note(s) were edited on both sides: both texts are kept until you choose."
                ).format(n=len(plan.conflicts))
                if plan.conflicts
                else ""
            )
        )
        self.apply_button.setVisible(False)
        self.trust.setVisible(False)
        self.resolve_button.setVisible(bool(plan.conflicts))
        self.close_button.setText(self.tr("Close"))
        self.applied.emit(opened.manifest.case_id, len(plan.conflicts))

    def _refused(self, exc: BaseException) -> None:
        self.flag = None
        self.bar.setVisible(False)
        self._close_source()
        self.close_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            super().reject()
            return
        applying, self.state = self.state == "applying", "refused"
        self.heading.setText(self.tr("This bundle was not opened"))
        self.plan.setVisible(False)
        self.trust.setVisible(False)
        self.sender_box.setText("")
        self.sender_box.setStyleSheet("")
        self.apply_button.setVisible(False)
        self.summary.setText("")
        if applying and isinstance(exc, errors.bundle.BundleTampered):
            # The check passed a moment ago: the file now holds different bytes.
            self.error.show_text(
                self.tr(
                    "The bundle file changed after it was checked, so it was not applied. "
                    "Nothing was changed; open the bundle again to see what it holds now."
                )
            )
        else:
            self.error.show_text(explain(exc))
        self.close_button.setText(self.tr("Close"))

    def _close_source(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None

    def reject(self) -> None:
        if self.flag is not None:  # checking or applying: stop; nothing will have changed
            self.flag.set()
            self.summary.setText(self.tr("Cancelling…"))
            self.close_button.setEnabled(False)
            return
        self._close_source()
        super().reject()

    def forget_plaintext(self) -> None:
        if self.flag is not None:
            self.flag.set()
        self.plan.clear()
