"""Plain text and Markdown evidence (and the text read from other files), read-only, with
find and the words of a search marked; no resource is ever loaded."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

# The search's own reading of a query (words split at spaces and where CJK meets other
# scripts) and its CJK class, so the words marked are the words the search matched.
from lawnotebook.gui.parts.markdown import set_markdown
from lawnotebook.services.search import CJK_CLASS, query_words

ENCODINGS = ("utf-8", "gb18030", "big5")  # Chinese files often come in GB18030 or Big5
MARK_COLOUR = QColor(255, 214, 0)
_CJK_WORD = re.compile(f"[{CJK_CLASS}]+")
_TOKEN = re.compile(r"[^\W_]+")  # letters, digits and marks: what the index takes as a word
_BEFORE = f"(?<![^\\W_{CJK_CLASS}])"  # no letter or digit (other than CJK) just before
_AFTER = f"(?![^\\W_{CJK_CLASS}])"


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


def _fold(ch: str) -> str:
    """One character as the index compares it: without accents, case folded (kept as it is
    when that would not be one character, so positions in the text never move)."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    folded = base.casefold() if len(base) == 1 else ""
    if len(folded) == 1:
        return folded
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


def query_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of a search ``query`` are in ``text`` (start, end; in order, not
    overlapping), matched as the search matches them: a run of CJK characters anywhere (each
    character is a word of its own: ``逼供`` inside ``刑讯逼供``), other words whole, case and
    accents ignored (``cafe`` marks ``Café``), punctuation inside a word free (``o'brien``)."""
    words = query_words(query)
    if not words or not text:
        return []
    folded = text.translate({ord(c): _fold(c) for c in set(text)})
    spans: list[tuple[int, int]] = []
    for word in dict.fromkeys(words):
        if _CJK_WORD.fullmatch(word):
            pattern = re.escape(word)
        else:
            tokens = _TOKEN.findall("".join(_fold(c) for c in word))
            if not tokens:
                continue
            pattern = _BEFORE + r"[\W_]+".join(map(re.escape, tokens)) + _AFTER
        spans += [m.span() for m in re.finditer(pattern, folded) if m.end() > m.start()]
    spans.sort()
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(kept[-1][1], end))
        else:
            kept.append((start, end))
    return kept


def _utf16(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in code points to spans in UTF-16 units (the positions of a QTextDocument)."""
    if not text or max(text) < "\U00010000":
        return spans
    out, at, units = [], 0, 0
    for start, end in spans:
        units += len(text[at:start].encode("utf-16-le")) // 2
        length = len(text[start:end].encode("utf-16-le")) // 2
        out.append((units, units + length))
        at, units = end, units + length
    return out


class _NoResources(QTextBrowser):
    """Markdown may name images or links: nothing is fetched, from disk or anywhere."""

    def loadResource(self, kind: int, name: QUrl) -> object:
        return None


class TextViewer(QWidget):
    """Shows ``data`` decoded (or ``text`` as it is, with ``note`` beside the find box)."""

    def __init__(
        self,
        data: bytes = b"",
        markdown: bool = False,
        truncated: bool = False,
        parent=None,
        *,
        text: str | None = None,
        note: str = "",
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        if text is None:
            text, encoding = decode_text(data)
        else:
            encoding = note
        self.marks: list[tuple[int, int]] = []  # the search's words, as document positions
        self.browser = _NoResources(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        if markdown:
            set_markdown(self.browser, text)
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

    def mark_query(self, query: str) -> int:
        """Highlight the words of a search ``query`` and scroll the first into view; returns
        how many places were marked."""
        shown = self.browser.toPlainText()  # positions as the document counts them
        self.marks = _utf16(shown, query_spans(shown, query))
        selections = []
        for start, end in self.marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = QTextCharFormat()
            selection.format.setBackground(MARK_COLOUR)
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if self.marks:
            cursor = QTextCursor(self.browser.document())
            cursor.setPosition(self.marks[0][0])
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()
            bar = self.browser.verticalScrollBar()  # then a third of the way down, not the edge
            top = self.browser.cursorRect().top()
            bar.setValue(bar.value() + top - self.browser.viewport().height() // 3)
        return len(self.marks)

    def marked_text(self) -> list[str]:
        """The text of each mark (for tests and screen readers' sake)."""
        cursor = QTextCursor(self.browser.document())
        found = []
        for start, end in self.marks:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            found.append(cursor.selectedText())
        return found

    def forget_plaintext(self) -> None:
        self.marks = []
        self.browser.setExtraSelections([])
        self.browser.clear()
        self.find.clear()
