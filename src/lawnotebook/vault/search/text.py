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
CJK_CLASS = (
    "\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
)
_CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
_CJK_CHAR = re.compile(f"[{CJK_CLASS}]")
_CJK_PIECES = re.compile(f"([{CJK_CLASS}]+)")
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


def query_words(query: str) -> list[str]:
    """The words search looks for in ``query`` (sanitized, split as :func:`match_expression`
    splits them), for code outside the index that marks the same words (the text viewer)."""
    return _words(sanitize(query))


def match_expression(
    query: str, *, complete_last_word: bool = False, completions: list[str] | None = None
) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None if it has nothing to search for.

    Every word must match (AND); a word is a phrase, so ``o'brien`` or ``2019-07-01`` match as
    written and a CJK run matches as a phrase of single characters. With
    ``complete_last_word``, a last Latin word of 3+ characters that is still being typed (no
    space after it) also matches as a prefix: ``confes`` finds ``confession``. The exact word is
    kept as an alternative, so whole-word matches still rank first. ``completions``, if given,
    are the index's terms that start with that word (see :func:`prefix_to_complete`): they are
    ORed instead of FTS5's prefix query, which matches the same records far more slowly.
    """
    query = sanitize(query)
    words = _words(query)[:MAX_QUERY_WORDS]
    if not words:
        return None
    phrases = ['"' + index_form(w).replace('"', '""') + '"' for w in words]
    # Still being typed: the last word ends the query, with no space or punctuation after it.
    typing = query.rstrip() == query and query.endswith(words[-1])
    if complete_last_word and typing and _latin_tail(words[-1]) >= PREFIX_MIN_CHARS:
        if completions is None:
            phrases[-1] = f"({phrases[-1]} OR {phrases[-1]} *)"
        else:
            quoted = ('"' + t.replace('"', '""') + '"' for t in completions)
            terms = sorted({phrases[-1], *quoted})
            phrases[-1] = f"({' OR '.join(terms)})"
    return " AND ".join(phrases)  # FTS5 allows an implicit AND only between bare phrases


_ASCII_WORD = re.compile("[A-Za-z0-9]+")


def prefix_to_complete(query: str) -> str | None:
    """The prefix that ``complete_last_word`` completes in ``query``, lower-cased as the index
    holds it, if it is one ASCII token (``confes``); None if nothing is completed or the last
    word is not that simple (``o'bri``, ``mül``: FTS5's own prefix query handles those)."""
    query = sanitize(query)
    words = _words(query)[:MAX_QUERY_WORDS]
    if not words or query.rstrip() != query or not query.endswith(words[-1]):
        return None
    last = words[-1]
    if len(last) < PREFIX_MIN_CHARS or not _ASCII_WORD.fullmatch(last):
        return None
    return last.lower()


# -- the same matching in Python, for highlighting without FTS5 ------------------------------
#
# FTS5's highlight() re-tokenizes a record's whole title and body: ~60 µs a 1 KB note inside
# SQLCipher, 6+ ms for the 100 candidates of one search. For text made only of ASCII, CJK and
# common punctuation ("plain" text — nearly every note) the tokens are trivial to find with one
# regular expression, so search() finds the matches itself and asks FTS5 only for other text.

# CJK characters but for the four that unicode61 treats as separators, not tokens: U+309B,
# U+309C (Sk), U+30A0 (Pd) and U+30FB (Po).
_CJK_TOKEN_CLASS = CJK_CLASS.replace(
    "\u3040-\u30ff", "\u3040-\u309a\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
)
# Punctuation and symbols (every one a separator for unicode61 and in Python's tables alike):
# Latin-1, general punctuation, arrows, box drawing, CJK and full-width punctuation.
_PUNCT_RANGES = (
    (0x00A0, 0x00BF), (0x00D7, 0x00D7), (0x00F7, 0x00F7), (0x2000, 0x2064), (0x2190, 0x21FF),
    (0x2500, 0x25FF), (0x3000, 0x3004), (0x3008, 0x3020), (0x3030, 0x3030), (0x303D, 0x303F),
    (0xFE10, 0xFE19), (0xFE30, 0xFE4F), (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65), (0xFFE0, 0xFFE6),
)  # fmt: skip
_PUNCT_CODES = [
    c
    for lo, hi in _PUNCT_RANGES
    for c in range(lo, hi + 1)
    if unicodedata.category(chr(c))[0] in "PSZ"
]
_PUNCT = "".join(re.escape(chr(c)) for c in _PUNCT_CODES)
# Anything outside this set makes a text "not plain": FTS5 highlights it instead.
_NOT_PLAIN = re.compile(f"[^\x00-\x7f{CJK_CLASS}{_PUNCT}]")


def _char_class(codes: list[int]) -> str:
    """A regex character class of these code points, consecutive ones as ranges."""
    ranges: list[list[int]] = []
    for c in sorted(codes):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    parts = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return "[" + "".join(parts) + "]"


# Between the tokens of a phrase, in plain text: anything that is not a token character — ASCII
# but letters and digits, the punctuation, and the four CJK-class separators. Listed (a few
# dozen ranges) rather than as the complement of the token characters, which re.compile takes
# ~1.5 ms to tabulate (170,000 code points) for every gap of every new query.
_GAP = (
    _char_class(
        [c for c in range(0x80) if not chr(c).isalnum()]
        + _PUNCT_CODES
        + [0x309B, 0x309C, 0x30A0, 0x30FB]
    )
    + "*"
)
_CJK_TOKEN = re.compile(f"[{_CJK_TOKEN_CLASS}]")
_ASCII_TOKEN = re.compile("[A-Za-z0-9]+")


def _caseless(token: str) -> str:
    # Spelled out rather than re.IGNORECASE, which makes compiling _GAP's large ranges slow.
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in token)


def is_plain(text: str) -> bool:
    """Whether :func:`match_pattern` finds exactly what FTS5 finds in this (indexed) text."""
    return _NOT_PLAIN.search(text) is None


def match_pattern(query: str, *, complete_last_word: bool = False) -> list[re.Pattern[str]] | None:
    """One regular expression per word of the query, matching where FTS5 matches that word's
    phrase in plain text (see :func:`is_plain`), or None if a word has tokens outside ASCII and
    CJK (``café``): such queries are highlighted by FTS5. A phrase that can overlap itself is a
    lookahead, ``(?=(phrase))``, whose group 1 is the match, so that every match is found."""
    query = sanitize(query)
    words = _words(query)[:MAX_QUERY_WORDS]
    if not words:
        return None
    typing = query.rstrip() == query and query.endswith(words[-1])
    patterns = []
    for n, word in enumerate(words):
        if _CJK_CHAR.match(word):
            tokens = _CJK_TOKEN.findall(word)
            if not tokens:
                return None
            body = _GAP.join(re.escape(t) for t in tokens)
            folded = tokens
        else:
            tokens = _ASCII_TOKEN.findall(word)
            if not tokens or _NOT_PLAIN.search(word):
                return None  # a token outside ASCII (or a character we cannot classify)
            prefix = (
                complete_last_word
                and typing
                and n == len(words) - 1
                and _latin_tail(word) >= PREFIX_MIN_CHARS
            )
            # A prefix matches whole tokens (FTS5 marks all of ``cafecafe`` for ``cafe*``).
            end = "[A-Za-z0-9]*" if prefix else "(?![A-Za-z0-9])"
            # The first character before the word-start check, not after: re then skips to
            # that character in C (2x faster over a note than testing the lookbehind at every
            # position). The check looks behind the first character.
            body = _GAP.join(map(_caseless, tokens))
            first = _caseless(tokens[0][0])
            body = first + "(?<![A-Za-z0-9].)" + body[len(first) :] + end
            folded = [t.lower() for t in tokens]
        # A phrase that can overlap itself (``供供`` in ``供供供``) needs a lookahead to find
        # every match, as FTS5 does; any other phrase is found faster without.
        overlaps = any(t.startswith(folded[0]) or folded[0].startswith(t) for t in folded[1:])
        patterns.append(re.compile(f"(?=({body}))" if overlaps else body))
    return patterns
