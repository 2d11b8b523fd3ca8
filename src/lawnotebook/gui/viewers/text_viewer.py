"""Plain text and Markdown evidence, read-only, with find; no resource is ever loaded."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

ENCODINGS = ("utf-8", "gb18030", "big5")  # Chinese files often come in GB18030 or Big5


def decode_text(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in (UTF-8, else Chinese encodings, else Latin-1)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "UTF-16"
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding.upper()
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


class _NoResources(QTextBrowser):
    """Markdown may name images or links: nothing is fetched, from disk or anywhere."""

    def loadResource(self, kind: int, name: QUrl) -> object:
        return None


class TextViewer(QWidget):
    def __init__(
        self, data: bytes, markdown: bool = False, truncated: bool = False, parent=None
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        text, encoding = decode_text(data)
        self.browser = _NoResources(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        if markdown:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(text)
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Find in this file"))
        self.find.setAccessibleName(self.tr("Find in this file"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self.find_next)
        self.info = QLabel(self)
        note = encoding
        if truncated:
            note += self.tr(" — only the beginning is shown (the file is very large)")
        self.info.setText(note)
        row = QHBoxLayout()
        row.addWidget(self.find, 1)
        row.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)

    def find_next(self) -> bool:
        text = self.find.text()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(text, QTextDocument.FindFlag(0))

    def forget_plaintext(self) -> None:
        self.browser.clear()
        self.find.clear()
