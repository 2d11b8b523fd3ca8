"""Markdown as a Chinese writer types it: emphasis right beside Chinese characters.

CommonMark lets ``*`` open emphasis only if it is not followed by punctuation unless preceded by
a space or punctuation, so ``他说*"我没有"*然后`` stays literal asterisks: Chinese puts no
spaces between words and quotes. Emphasis touching a CJK character on its outside is rewritten
to ``<em>``/``<strong>`` before Qt reads the Markdown; code (fenced blocks, inline spans) and
escaped asterisks are left alone.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextEdit

# Han, kana, Hangul, CJK punctuation and full-width forms: characters written without spaces.
_CJK = (
    "\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
)
_EMPHASIS = re.compile(r"(?<![\\*])(\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s\\*])\1(?!\*)")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _outside_code(text: str) -> str:
    def rewrite(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not (_CJK_CHAR.fullmatch(before) or _CJK_CHAR.fullmatch(after)):
            return match.group(0)  # CommonMark already reads it as the writer meant
        tag = "strong" if match.group(1) == "**" else "em"
        return f"<{tag}>{match.group(2)}</{tag}>"

    return _EMPHASIS.sub(rewrite, text)


def _emphasis(line: str) -> str:
    out, last = [], 0
    for code in _CODE_SPAN.finditer(line):  # inline code keeps its asterisks
        out.append(_outside_code(line[last : code.start()]))
        out.append(code.group(0))
        last = code.end()
    out.append(_outside_code(line[last:]))
    return "".join(out)


def emphasis_beside_cjk(text: str) -> str:
    """``text`` with emphasis next to CJK characters made explicit (outside code)."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
        elif fenced:
            lines.append(line)
        else:
            lines.append(_emphasis(line))
    return "\n".join(lines)


def set_markdown(view: QTextEdit | QTextDocument, text: str) -> None:
    """``view.setMarkdown(text)``, emphasis beside CJK characters included."""
    view.setMarkdown(emphasis_beside_cjk(text))
