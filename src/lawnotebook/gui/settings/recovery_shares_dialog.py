"""Recovery shares (Settings → "Recovery shares…"): split the recovery key k of n, print each
share or seal it to a colleague; and open a share a colleague sealed to you."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts import paper
from lawnotebook.gui.parts.colleague_names import name_of
from lawnotebook.gui.parts.file_dialogs import open_file, save_file
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services.colleagues import Colleagues, Contact
from lawnotebook.services.errors import LawnotebookError
from lawnotebook.services.recovery_shares import (
    FILE_SUFFIX,
    MAX_COUNT,
    MAX_FILE_BYTES,
    MIN_THRESHOLD,
    ShareSheet,
    current_key_check,
    grouped_vault_id,
    make_shares,
    open_share_file,
    save_sealed_share,
)
from lawnotebook.services.vault_access import Vault


def _mono() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def sheet_text(sheet: ShareSheet) -> str:
    """A share's sheet in the interface's language (the words themselves are SLIP-39's)."""
    return "\n".join(
        [
            QCoreApplication.translate(
                "ShareSheet", "Lawnotebook recovery share: {n} of {count}"
            ).format(n=sheet.number, count=sheet.count),
            QCoreApplication.translate(
                "ShareSheet", "Needed to recover: any {k} of the {count} shares"
            ).format(k=sheet.threshold, count=sheet.count),
            QCoreApplication.translate("ShareSheet", "Vault: {id}").format(
                id=grouped_vault_id(sheet.vault_id)
            ),
            QCoreApplication.translate("ShareSheet", "Recovery key check: {check}").format(
                check=sheet.key_check
            ),
            "",
            *sheet.word_lines(),
            "",
            QCoreApplication.translate(
                "ShareSheet",
                "Note: keep this sheet safe and private. Shares made before the vault's key is "
                "changed no longer work; the vault's owner then makes new ones.",
            ),
        ]
    )


class ShareRow(QGroupBox):
    """One share: its words, Print…, and sealing it to a colleague."""

    def __init__(self, sheet: ShareSheet, contacts: list[Contact], parent: QWidget) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.contacts = contacts
        self.setTitle(self.tr("Share {n} of {count}").format(n=sheet.number, count=sheet.count))
        self.words = QLabel("\n".join(sheet.word_lines()), self)
        self.words.setFont(_mono())
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.words.setAccessibleName(self.title())
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print share {n}").format(n=sheet.number))
        self.colleague = QComboBox(self)
        self.colleague.setAccessibleName(self.tr("Colleague to seal this share to"))
        self.colleague.addItem(self.tr("Seal to a colleague…"), None)
        for contact in contacts:
            self.colleague.addItem(name_of(contact.name, contact.fingerprint), contact.id)
        self.seal_button = QPushButton(self.tr("Save sealed file…"), self)
        self.seal_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.colleague.currentIndexChanged.connect(
            lambda: self.seal_button.setEnabled(self.colleague.currentData() is not None)
        )
        self.print_button.clicked.connect(self._print)
        self.seal_button.clicked.connect(self._seal)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        row.addWidget(self.colleague)
        row.addWidget(self.seal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addLayout(row)
        layout.addWidget(self.status)
        if not contacts:
            self.colleague.setVisible(False)
            self.seal_button.setVisible(False)

    def printable(self):  # type: ignore[no-untyped-def]
        return paper.sheet(self, sheet_text(self.sheet), monospace=True)

    def _print(self) -> None:
        title = self.tr("Print recovery share {n}").format(n=self.sheet.number)
        if paper.print_sheet(self, self.printable(), title):
            self.status.setText(self.tr("Printed."))

    def chosen_contact(self) -> Contact | None:
        wanted = self.colleague.currentData()
        return next((c for c in self.contacts if c.id == wanted), None)

    def _seal(self) -> None:
        contact = self.chosen_contact()
        if contact is None:
            return
        name = f"recovery-share-{self.sheet.number}-of-{self.sheet.count}{FILE_SUFFIX}"
        path = save_file(
            self,
            self.tr("Save the sealed share"),
            name,
            self.tr("Sealed recovery share (*{suffix})").format(suffix=FILE_SUFFIX),
        )
        if path is None:
            return
        try:
            save_sealed_share(self.sheet, contact, path)
        except (LawnotebookError, OSError) as exc:
            self.status.setText(explain(exc))
            return
        self.status.setText(
            self.tr("Sealed to {name} and saved as {file}. Only they can open it.").format(
                name=name_of(contact.name, contact.fingerprint), file=path.name
            )
        )


class RecoverySharesDialog(QDialog):
    """Make shares of the open vault's recovery key, or open one sealed to you."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.rows: list[ShareRow] = []
        self.setWindowTitle(self.tr("Recovery shares"))
        intro = QLabel(
            self.tr(
                "Split your recovery key into shares for colleagues you trust: any chosen "
                "number of them, together, can open the vault if both your passphrase and your "
                "recovery key sheet are lost. One share alone reveals nothing about the key. "
                "Changing the vault's key (Settings → Change the vault's key) makes a new "
                "recovery key: shares made before it stop working, and you make new ones."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX")
        self.threshold = QSpinBox(self)
        self.threshold.setRange(MIN_THRESHOLD, MAX_COUNT)
        self.threshold.setValue(2)
        self.threshold.setAccessibleName(self.tr("Shares needed to recover"))
        self.count = QSpinBox(self)
        self.count.setRange(MIN_THRESHOLD, MAX_COUNT)
        self.count.setValue(3)
        self.count.setAccessibleName(self.tr("Shares to make"))
        self.make_button = QPushButton(self.tr("Make the shares"), self)
        self.error = ErrorLine(self)
        check = QLabel(
            self.tr("Recovery key check today: {check}").format(check=current_key_check(vault)),
            self,
        )
        form = QFormLayout()
        form.addRow(self.tr("Your recovery key"), self.key)
        form.addRow(self.tr("Shares needed"), self.threshold)
        form.addRow(self.tr("Shares to make"), self.count)
        form.addRow("", check)
        self.shares_box = QWidget(self)
        self.shares_layout = QVBoxLayout(self.shares_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.shares_box)
        scroll.setMinimumHeight(260)
        self.open_button = QPushButton(self.tr("Open a share a colleague sealed to you…"), self)
        self.opened = QLabel(self)
        self.opened.setFont(_mono())
        self.opened.setWordWrap(True)
        self.opened.setVisible(False)
        self.print_opened = QPushButton(self.tr("Print…"), self)
        self.print_opened.setVisible(False)
        self._opened_sheet: ShareSheet | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.make_button.clicked.connect(self.make)
        self.open_button.clicked.connect(self._open_file)
        self.print_opened.clicked.connect(self._print_opened)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.opened)
        layout.addWidget(self.print_opened, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def make(self) -> None:
        """Make the shares from what the fields say (fast: no slow key derivation)."""
        threshold, count = self.threshold.value(), self.count.value()
        if threshold > count:
            self.error.show_text(self.tr("You cannot need more shares than you make."))
            return
        try:
            sheets = make_shares(self.vault, self.key.text(), threshold, count)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return
        self.error.clear()
        self.key.clear()  # the key is not kept on screen once split
        for row in self.rows:
            row.deleteLater()
        contacts = Colleagues(self.vault).all()
        self.rows = [ShareRow(sheet, contacts, self.shares_box) for sheet in sheets]
        for row in self.rows:
            self.shares_layout.addWidget(row)

    def open_share(self, data: bytes) -> ShareSheet | None:
        """Open a sealed share's bytes and show it; ``None`` (and the reason shown) if not."""
        try:
            sheet = open_share_file(self.vault, data)
        except LawnotebookError as exc:
            self.error.show_text(explain(exc))
            return None
        self.error.clear()
        self._opened_sheet = sheet
        self.opened.setText(sheet_text(sheet))
        self.opened.setVisible(True)
        self.print_opened.setVisible(True)
        return sheet

    def _open_file(self) -> None:
        path = open_file(
            self,
            self.tr("Open a sealed recovery share"),
            self.tr("Sealed recovery share (*{suffix})").format(suffix=FILE_SUFFIX),
        )
        if path is None:
            return
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.error.show_text(explain(exc))
            return
        self.open_share(data)

    def _print_opened(self) -> None:
        if self._opened_sheet is not None:
            doc = paper.sheet(self, sheet_text(self._opened_sheet), monospace=True)
            paper.print_sheet(self, doc, self.tr("Print the recovery share"))

    def reject(self) -> None:
        if self.rows and not self._confirm_close():
            return
        super().reject()

    def _confirm_close(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Close"),
            self.tr(
                "The shares are not kept anywhere: once this window closes they cannot be "
                "shown again (you can make new ones). Close now?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
