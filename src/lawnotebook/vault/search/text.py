"""Text as the index sees it: CJK characters split into one token each; queries made safe.

SQLite's ``unicode61`` tokenizer treats a run of Chinese characters with no spaces as one token,
so ``刑讯逼供`` could only be found whole. We store the text with the separator ``0x1F`` (a
control character, so a token boundary for ``unicode61``) between CJK characters, and turn each
CJK run in a query into a phrase of single characters: ``逼供`` becomes the phrase ``逼 供``,
which matches inside ``刑讯逼供``. The separator is removed again from everything shown.

A user query never reaches FTS5 as syntax: each whitespace-separated chunk becomes a quoted
phrase (``"`` doubled), so ``NEAR``, ``*``, ``-``, ``:``, ``^``, parentheses and AND/OR/NOT are
plain words or separators.
"""

from __future__ import annotations

import re
import unicodedata

# Inserted between CJK characters in indexed text; never shown to the user.
SEPARATOR = "\x1f"
# Highlight markers asked of FTS5 snippet()/highlight(): Unicode noncharacters, which never occur
# in text we index (sanitize() replaces them), so they can be split out unambiguously.
MATCH_OPEN = "\ufdd0"
MATCH_CLOSE = "\ufdd1"
ELLIPSIS = "\ufdd2"

# Han (with extensions and compatibility ideographs), kana, bopomofo and Hangul syllables: scripts
# written without spaces between words, where any substring must be findable.
_CJK_CLASS = (
    "\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
)
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_CJK_PIECES = re.compile(f"([{_CJK_CLASS}]+)")
# Our separator and markers, NUL (the end of an FTS5 query string) and lone surrogates (which
# cannot be encoded to UTF-8 for SQLite).
_RESERVED = re.compile(f"[\x00{SEPARATOR}{MATCH_OPEN}{MATCH_CLOSE}{ELLIPSIS}\ud800-\udfff]")
_RESERVED_MAP = {c: "\ufffd" for c in (ord(MATCH_OPEN), ord(MATCH_CLOSE), ord(ELLIPSIS))}
_RESERVED_MAP.update({c: "\ufffd" for c in range(0xD800, 0xE000)})
_RESERVED_MAP[ord(SEPARATOR)] = _RESERVED_MAP[0] = " "

# A query is cut to this many words: enough for any real search, bounded work for a pasted page.
MAX_QUERY_WORDS = 32
# The last word gets prefix matching only from this length on ("c*" would merge thousands of
# doclists on every keystroke and rank by noise).
PREFIX_MIN_CHARS = 3


def sanitize(text: str) -> str:
    """NFC-normalize; replace the characters the index reserves for itself, and lone
    surrogates, so any ``str`` can be indexed or searched."""
    text = unicodedata.normalize("NFC", text)
    if _RESERVED.search(text):
        text = text.translate(_RESERVED_MAP)
    return text


def _split_run(match: re.Match[str]) -> str:
    return SEPARATOR + SEPARATOR.join(match.group()) + SEPARATOR


def index_form(text: str) -> str:
    """The text as stored in the index: sanitized, every CJK character its own token."""
    return _CJK_RUN.sub(_split_run, sanitize(text))


def display_form(indexed: str) -> str:
    """Indexed text back to what the user wrote (the separators removed)."""
    return indexed.replace(SEPARATOR, "")


def _is_token_char(ch: str) -> bool:
    # Mirrors the tokenizer's categories 'L* N* M* Co Cn' (see migrations/v0004_search.py).
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category in ("Co", "Cn")


def _latin_tail(chunk: str) -> int:
    """Length of the run of non-CJK letters and digits that ends ``chunk``."""
    n = 0
    for ch in reversed(chunk):
        if not ch.isalnum() or _CJK_CHAR.match(ch):
            break
        n += 1
    return n


def _words(query: str) -> list[str]:
    """Whitespace-separated words, also split where the script changes between CJK and not
    (``张三confession`` is two words, as it would be in Chinese prose); words with no token
    character (``-``, ``"``) are dropped."""
    words = []
    for chunk in query.split():
        words += [p for p in _CJK_PIECES.split(chunk) if any(_is_token_char(c) for c in p)]
    return words


def match_expression(query: str, *, complete_last_word: bool = False) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None if it has nothing to search for.

    Every word must match (AND); a word is a phrase, so ``o'brien`` or ``2019-07-01`` match as
    written and a CJK run matches as a phrase of single characters. With
    ``complete_last_word``, a last Latin word of 3+ characters that is still being typed (no
    space after it) also matches as a prefix: ``confes`` finds ``confession``. The exact word is
    kept as an alternative, so whole-word matches still rank first.
    """
    query = sanitize(query)
    words = _words(query)[:MAX_QUERY_WORDS]
    if not words:
        return None
    phrases = ['"' + index_form(w).replace('"', '""') + '"' for w in words]
    # Still being typed: the last word ends the query, with no space or punctuation after it.
    typing = query.rstrip() == query and query.endswith(words[-1])
    if complete_last_word and typing and _latin_tail(words[-1]) >= PREFIX_MIN_CHARS:
        phrases[-1] = f"({phrases[-1]} OR {phrases[-1]} *)"
    return " AND ".join(phrases)  # FTS5 allows an implicit AND only between bare phrases
