"""First run: choose a passphrase (twice, with a strength hint), say who you are (name, law
firm, licence number, all optional) and create the vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QProgressBar, QPushButton, QWidget

from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.form_parts import BusyBar, ErrorLine, PassphraseField, card, link_button
from lawnotebook.gui.parts.owner_fields import OwnerFields
from lawnotebook.gui.start.passphrase_strength import MIN_LENGTH, strength
from lawnotebook.services.owner import OwnerProfile


class CreateVaultPage(QWidget):
    """Emits ``create_requested(passphrase, remember)`` once both fields agree; the name, firm
    and licence number typed are :meth:`owner_profile`."""

    create_requested = Signal(str, bool)
    restore_requested = Signal()

    def __init__(self, vault_dir: Path, keychain_problem: str | None, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        column = card(
            self,
            self.tr("Create your vault"),
            self.tr(
                "Everything you keep in Lawnotebook is stored encrypted in one vault on this "
                "computer. Choose a passphrase: a sentence only you know. Without it, or the "
                "recovery key you will see next, nobody can open the vault, not even you."
            ),
        )
        where = QLabel(self.tr("Vault location: {path}").format(path=vault_dir), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(where)
        self.first = PassphraseField(self.tr("Passphrase"), self)
        self.second = PassphraseField(self.tr("Passphrase again"), self)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.about_you = QLabel(self.tr("About you (optional)"), self)
        self.about_you.setContentsMargins(0, 10, 0, 0)
        self.about_you.setFont(look.scaled_font(1.1, bold=True))
        self.owner = OwnerFields(self)
        self.remember = QCheckBox(self.tr("Remember on this device (unlock without typing)"), self)
        self.remember_note = QLabel(self)
        self.remember_note.setWordWrap(True)
        self._can_remember = not keychain_problem
        if keychain_problem:
            self.remember.setEnabled(False)
            self.remember_note.setText(keychain_problem)
        else:
            self.remember_note.setText(
                self.tr(
                    "Only if this computer's own login is well protected: anyone who can use "
                    "your computer account could then open the vault."
                )
            )
        self.error = ErrorLine(self)
        self.busy = BusyBar(self)
        self.submit = QPushButton(self.tr("Create vault"), self)
        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        for w in (
            self.first,
            self.meter,
            self.hint,
            self.second,
            self.about_you,
            self.owner,
            self.remember,
            self.remember_note,
            self.error,
            self.busy,
            self.submit,
        ):
            column.addWidget(w)
        self.restore = QPushButton(self.tr("New computer? Restore from a backup…"), self)
        link_button(self.restore)
        self.restore.clicked.connect(self.restore_requested)
        column.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        self.first.textChanged.connect(self._rate)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self._submit)
        self.submit.clicked.connect(self._submit)
        self._rate("")

    def _rate(self, text: str) -> None:
        level, sentence = strength(text)
        self.meter.setValue(level)
        self.hint.setText(
            sentence
            if text
            else self.tr("At least {n} characters; longer is better.").format(n=MIN_LENGTH)
        )

    def _submit(self) -> None:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_LENGTH and strength(first)[0] == 0:
            self.error.show_text(
                self.tr("Choose a longer passphrase: at least {n} characters.").format(n=MIN_LENGTH)
            )
            self.first.setFocus()
            return
        if first != second:
            self.error.show_text(
                self.tr("The two passphrases are different. Type the same one twice.")
            )
            self.second.selectAll()
            self.second.setFocus()
            return
        self.error.clear()
        self.create_requested.emit(first, self.remember.isChecked())

    def owner_profile(self) -> OwnerProfile:
        """The name, firm and licence number typed (an empty name: the default one)."""
        return self.owner.profile()

    def set_busy(self, busy: bool) -> None:
        for w in (self.first, self.second, self.owner, self.submit):
            w.setEnabled(not busy)
        self.remember.setEnabled(not busy and self._can_remember)
        if busy:
            self.busy.start(self.tr("Creating the vault and protecting it with your passphrase…"))
        else:
            self.busy.stop()

    def show_error(self, text: str) -> None:
        self.error.show_text(text)

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.owner.set_profile(OwnerProfile(""))
        self.error.clear()
