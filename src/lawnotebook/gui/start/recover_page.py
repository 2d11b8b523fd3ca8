"""Forgotten passphrase: the recovery key, or enough recovery shares from colleagues, opens the
vault and a new passphrase is set."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts.form_parts import (
    BusyBar,
    ErrorLine,
    PassphraseField,
    card,
    link_button,
)
from lawnotebook.gui.start.passphrase_strength import MIN_LENGTH

FIRST_SHARE_BOXES = 2


class RecoverPage(QWidget):
    """Emits ``recover_requested(recovery_key_text, new_passphrase)``,
    ``recover_with_shares_requested(share_texts, new_passphrase)`` or ``back_requested``."""

    recover_requested = Signal(str, str)
    recover_with_shares_requested = Signal(list, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = card(
            self,
            self.tr("Open with your recovery key"),
            self.tr(
                "Type the recovery key you wrote down or printed when you created the vault "
                "(upper or lower case, with or without dashes), then choose a new passphrase."
            ),
        )
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX")
        self.use_shares = QPushButton(self.tr("No recovery key? Use recovery shares instead"), self)
        link_button(self.use_shares)
        self.shares = QWidget(self)
        self.share_boxes: list[QPlainTextEdit] = []
        shares_layout = QVBoxLayout(self.shares)
        shares_layout.setContentsMargins(0, 0, 0, 0)
        shares_note = QLabel(
            self.tr(
                "Type the words of each share in its own box, as printed on its sheet (the "
                "numbers may be left out), or paste a whole sheet. Shares made before the "
                "vault's key was last changed no longer work."
            ),
            self.shares,
        )
        shares_note.setWordWrap(True)
        shares_layout.addWidget(shares_note)
        self._boxes_layout = QVBoxLayout()
        shares_layout.addLayout(self._boxes_layout)
        self.add_share = QPushButton(self.tr("Add another share"), self.shares)
        shares_layout.addWidget(self.add_share)
        for _ in range(FIRST_SHARE_BOXES):
            self._add_box()
        self.shares.setVisible(False)
        self.first = PassphraseField(self.tr("New passphrase"), self)
        self.second = PassphraseField(self.tr("New passphrase again"), self)
        self.error = ErrorLine(self)
        self.busy = BusyBar(self)
        self.submit = QPushButton(self.tr("Open and set the new passphrase"), self)
        self.submit.setDefault(True)
        self.back = QPushButton(self.tr("Back"), self)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.submit)
        for w in (self.key, self.use_shares, self.shares, self.first, self.second):
            column.addWidget(w)
        for w in (self.error, self.busy):
            column.addWidget(w)
        column.addLayout(row)
        column.addStretch(2)
        self.submit.clicked.connect(self._submit)
        self.second.returnPressed.connect(self._submit)
        self.back.clicked.connect(self.back_requested)
        self.use_shares.clicked.connect(lambda: self.set_shares_mode(not self.shares_mode))
        self.add_share.clicked.connect(self._add_box)

    @property
    def shares_mode(self) -> bool:
        return not self.shares.isHidden()

    def set_shares_mode(self, on: bool) -> None:
        """Recovery shares instead of the recovery key (or back)."""
        self.shares.setVisible(on)
        self.key.setVisible(not on)
        self.use_shares.setText(
            self.tr("Use the recovery key instead")
            if on
            else self.tr("No recovery key? Use recovery shares instead")
        )
        self.error.clear()
        (self.share_boxes[0] if on else self.key).setFocus()

    def _add_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self.shares)
        n = len(self.share_boxes) + 1
        box.setAccessibleName(self.tr("Recovery share {n}").format(n=n))
        box.setPlaceholderText(self.tr("Share {n}: its words, separated by spaces").format(n=n))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        box.setFont(mono)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
        self.share_boxes.append(box)
        self._boxes_layout.addWidget(box)
        return box

    def share_texts(self) -> list[str]:
        return [box.toPlainText() for box in self.share_boxes if box.toPlainText().strip()]

    def _check_shares(self) -> bool:
        """Each typed share reads (the service checks the set); a typo is named here, with the
        box it is in; too few boxes for the set's number get more."""
        # Loaded only now: the first pages of the window do not wait for the vault stack.
        from lawnotebook.services.errors import ShareMalformed
        from lawnotebook.services.recovery_shares import share_threshold

        typed = [(i + 1, b.toPlainText()) for i, b in enumerate(self.share_boxes)]
        typed = [(n, text) for n, text in typed if text.strip()]
        if not typed:
            self.error.show_text(self.tr("Type the words of your recovery shares."))
            return False
        needed = 0
        for n, text in typed:
            try:
                needed = max(needed, share_threshold(text))
            except ShareMalformed as exc:
                self.share_boxes[n - 1].setFocus()
                self.error.show_text(
                    self.tr(
                        "Share {n}: “{word}” is not a word used in recovery shares. "
                        "Compare it with the sheet."
                    ).format(n=n, word=exc.word)
                    if exc.word
                    else self.tr(
                        "Share {n} does not read: a word is mistyped, missing or extra. "
                        "Compare each word with the sheet."
                    ).format(n=n)
                )
                return False
        if len(typed) < needed:
            while len(self.share_boxes) < needed:
                self._add_box()
            self.error.show_text(
                self.tr("This set needs {k} shares: type the others too.").format(k=needed)
            )
            return False
        return True

    def _submit(self) -> None:
        if self.shares_mode and not self._check_shares():
            return
        if len(self.first.text()) < MIN_LENGTH:
            self.error.show_text(
                self.tr("Choose a longer passphrase: at least {n} characters.").format(n=MIN_LENGTH)
            )
            return
        if self.first.text() != self.second.text():
            self.error.show_text(self.tr("The two new passphrases are different."))
            return
        self.error.clear()
        if self.shares_mode:
            self.recover_with_shares_requested.emit(self.share_texts(), self.first.text())
        else:
            self.recover_requested.emit(self.key.text(), self.first.text())

    def set_busy(self, busy: bool) -> None:
        widgets = [self.key, self.use_shares, self.add_share, *self.share_boxes]
        for w in (*widgets, self.first, self.second, self.submit, self.back):
            w.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Opening the vault and setting the new passphrase…"))
        else:
            self.busy.stop()

    def show_error(self, text: str) -> None:
        self.error.show_text(text)

    def clear(self) -> None:
        for w in (self.key, self.first, self.second, *self.share_boxes):
            w.clear()
        self.error.clear()
