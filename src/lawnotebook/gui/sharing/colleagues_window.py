"""My key (its fingerprint large enough to read aloud) and my colleagues' key cards: import
from a file, pasted text or a drop; compare fingerprints and mark a colleague verified."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.gui.parts import look
from lawnotebook.gui.parts.colleague_names import name_of
from lawnotebook.gui.parts.file_dialogs import open_file, save_file
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_table import Column, RecordTableModel
from lawnotebook.gui.parts.record_view import RecordView
from lawnotebook.services.colleagues import Colleagues, Contact
from lawnotebook.services.files import write_atomic

MAX_CARD_FILE = 64 * 1024


def fingerprint_label(fingerprint: str, parent: QWidget, scale: float = 1.9) -> QLabel:
    """A fingerprint in four groups per line, large and monospaced, selectable."""
    groups = fingerprint.split()
    lines = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    label = QLabel("\n".join(lines), parent)
    font = QFont(look.scaled_font(scale, bold=True))
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(" ".join(groups))
    return label


class CompareDialog(QDialog):
    """Read a colleague's fingerprint aloud together; only a full match marks them verified."""

    def __init__(self, contact: Contact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Compare fingerprints with {name}").format(
                name=name_of(contact.name, contact.fingerprint)
            )
        )
        intro = QLabel(
            self.tr(
                "Call {name} or meet in person (not by e-mail or chat, which an attacker could "
                "alter). Ask them to open Colleagues in their Lawnotebook and read their own "
                "fingerprint aloud. Compare it with the one below, group by group."
            ).format(name=name_of(contact.name, contact.fingerprint)),
            self,
        )
        intro.setWordWrap(True)
        # Verifying is a deliberate act: Enter (and Escape) mean "Not now"; the match button
        # needs a click, Space on it, or its mnemonic — never the default or auto-default.
        self.match = QPushButton(self.tr("Every group &matches — mark verified"), self)
        self.match.setAutoDefault(False)
        self.mismatch = QPushButton(self.tr("They differ"), self)
        self.mismatch.setAutoDefault(False)
        self.match.clicked.connect(self.accept)
        self.mismatch.clicked.connect(self._differ)
        self.not_now = cancel = QPushButton(self.tr("Not now"), self)
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.mismatch)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.match)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(
            fingerprint_label(contact.fingerprint, self), 0, Qt.AlignmentFlag.AlignHCenter
        )
        layout.addSpacing(8)
        layout.addLayout(row)
        cancel.setFocus()

    def _differ(self) -> None:
        QMessageBox.warning(
            self,
            self.tr("Fingerprints differ"),
            self.tr(
                "Do not trust this key card: it is not your colleague's key. Remove it and ask "
                "your colleague for their card again, through another channel."
            ),
        )
        self.reject()


class PasteDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste a colleague's key card"))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(
            self.tr(
                "Paste the whole card, from -----BEGIN LAWNOTEBOOK KEY CARD----- to the END line."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 360)


class ColleaguesWindow(QDialog):
    def __init__(self, colleagues: Colleagues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colleagues = colleagues
        self.setWindowTitle(self.tr("Colleagues"))
        self.setAcceptDrops(True)
        me = colleagues.me()
        mine = QGroupBox(
            self.tr("My key: {name}").format(name=name_of(me.name, me.fingerprint)), self
        )
        explain_me = QLabel(
            self.tr(
                "Colleagues compare this fingerprint with you — aloud, in person or by phone — "
                "before they trust bundles from you. Your key card is public: send it freely."
            ),
            mine,
        )
        explain_me.setWordWrap(True)
        self.my_fingerprint = fingerprint_label(me.fingerprint, mine, 2.2)
        save = QPushButton(self.tr("Save my key card…"), mine)
        save.clicked.connect(self.save_my_card)
        copy = QPushButton(self.tr("Copy my key card"), mine)
        copy.clicked.connect(self.copy_my_card)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(copy)
        buttons.addStretch(1)
        box = QVBoxLayout(mine)
        box.addWidget(explain_me)
        box.addWidget(self.my_fingerprint, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addLayout(buttons)

        self.model = RecordTableModel(
            [
                Column(self.tr("Name"), lambda c: name_of(c.name, c.fingerprint)),
                Column(
                    self.tr("Verified"),
                    lambda c: self.tr("✔ Verified") if c.verified else self.tr("✘ Not verified"),
                    sort=lambda c: (not c.verified, c.name),
                ),
                Column(self.tr("Fingerprint"), lambda c: c.fingerprint),
                Column(self.tr("Added"), lambda c: c.added_at[:10]),
            ],
            tone=lambda c: None if c.verified else "soon",
            parent=self,
        )
        self.view = RecordView(self.model, self.tr("Colleagues"), self)
        self.view.set_widths(260, 130, 420)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Import key card…"), self.import_file),
            (self.tr("Paste key card…"), self.paste_card),
            (self.tr("Compare fingerprint…"), self.compare_current),
            (self.tr("Remove"), self.remove_current),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        hint = QLabel(self.tr("You can also drop a key card file here."), self)
        self.error = ErrorLine(self)
        self.note = QLabel(self)  # what taking a card did, when it was not a new colleague
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        self.resize(900, 640)
        self.reload()

    def reload(self) -> None:
        contacts = sorted(self.colleagues.all(), key=lambda c: (not c.verified, c.name))
        self.model.set_records(contacts)

    # -- my card ------------------------------------------------------------------------------

    def save_my_card(self) -> None:
        path = save_file(self, self.tr("Save my key card"), "key-card.txt")
        if path is not None:
            try:
                write_atomic(path, self.colleagues.me().card_text.encode("utf-8"))
            except OSError as exc:
                self.error.show_text(explain(exc))

    def copy_my_card(self) -> None:
        QGuiApplication.clipboard().setText(self.colleagues.me().card_text)

    # -- colleagues' cards --------------------------------------------------------------------

    def import_file(self) -> None:
        path = open_file(self, self.tr("Import a colleague's key card"))
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> Contact | None:
        try:
            if path.stat().st_size > MAX_CARD_FILE:
                raise LawnotebookError("not a key card")
            text = path.read_text("utf-8", errors="replace")
        except OSError as exc:
            self.error.show_text(explain(exc))
            return None
        except LawnotebookError:
            from lawnotebook.services.errors import KeyCardMalformed

            self.error.show_text(explain(KeyCardMalformed("too large")))
            return None
        return self.import_text(text)

    def paste_card(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec():
            self.import_text(dialog.text.toPlainText())

    def import_text(self, text: str, *, compare: bool = True) -> Contact | None:
        """Add a colleague from card text (unverified), then offer to compare fingerprints."""
        try:
            taken = self.colleagues.take_card(text, verified=False)
        except LawnotebookError as exc:
            self.note.setVisible(False)
            self.error.show_text(explain(exc))
            return None
        contact = taken.contact
        self.error.clear()
        self.reload()
        self.view.select(contact.id)
        self.note.setVisible(taken.renamed_from is not None)
        if taken.renamed_from is not None:
            # The fingerprint is the colleague: a new name on the same keys renames them.
            self.note.setText(
                self.tr(
                    "{old} now calls themselves {name}: a new card with the same key "
                    "(fingerprint unchanged), so the colleague is renamed."
                ).format(
                    old=name_of(taken.renamed_from, contact.fingerprint),
                    name=name_of(contact.name, contact.fingerprint),
                )
            )
            if contact.verified:
                return contact
        if compare:
            self.compare(contact)
        return contact

    def compare_current(self) -> None:
        contact = self.view.current_record()
        if contact is not None:
            self.compare(contact)

    def compare(self, contact: Contact) -> bool:
        if not CompareDialog(contact, self).exec():
            return False
        self.mark_verified(contact)
        return True

    def mark_verified(self, contact: Contact) -> None:
        self.colleagues.verify(contact.id)
        self.reload()
        self.view.select(contact.id)

    def remove_current(self) -> None:
        contact = self.view.current_record()
        if contact is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove colleague"),
            self.tr("Remove {name} from your colleagues?").format(
                name=name_of(contact.name, contact.fingerprint)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.colleagues.remove(contact.id)
            self.reload()

    # -- drops --------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        urls = [u for u in mime.urls() if u.isLocalFile()]
        if urls:
            self.import_path(Path(urls[0].toLocalFile()))
        elif mime.hasText():
            self.import_text(mime.text())
        event.acceptProposedAction()
