"""The snippet excerpt against an independent statement of what it must be, written from
docs/vault-format.md ("Highlights and snippets") and the docstrings rather than from the code;
the segments of plain text built from spans against :func:`segments` of the marked text; and
the shortcuts on stored text (excerpt, one word's runs) against the oracle and the general code.

What the docs ask of an excerpt of ``n`` tokens (a CJK letter or digit is one token, a run of
other letters and digits one): a body of at most ``n`` tokens is shown whole; otherwise exactly
``n`` whole tokens around the body's first match (from the start if only the title matched),
a quarter of them before the match, more if the body ends sooner, ``…`` where text was cut,
and the matches marked exactly where they are in the body.
"""

from __future__ import annotations

import functools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.vault.search.query import (
    Segments,
    _excerpt,
    _marked,
    _runs,
    _spans,
    _stored_excerpt,
    segments,
)
from lawnotebook.vault.search.text import (
    MATCH_CLOSE,
    MATCH_OPEN,
    SEPARATOR,
    index_form,
    is_plain,
    match_pattern,
)

ELLIPSIS = "…"

# -- the oracle --------------------------------------------------------------------------------


@functools.cache
def _is_cjk(char: str) -> bool:
    # The index stands every CJK character between separators (docs: "One token per CJK
    # character"), so that is what CJK means here.
    return SEPARATOR in index_form(char)


def _is_token_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"  # a letter or a number


def tokens_of(text: str) -> list[tuple[int, int]]:
    """Each token's (start, end): a CJK letter or digit alone, else a run of letters and
    digits (CJK characters excluded)."""
    out: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        if not _is_token_char(char):
            continue
        glued = out and out[-1][1] == i and not _is_cjk(char) and not _is_cjk(text[i - 1])
        if glued:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def chars(body: Segments) -> list[tuple[str, bool]]:
    """The body one character at a time, each with whether it is marked."""
    return [(c, is_match) for piece, is_match in body for c in piece]


def pieces(marked: list[tuple[str, bool]]) -> Segments:
    """Characters back into (text, is_match) pieces, neighbours of one kind joined."""
    out: list[tuple[str, bool]] = []
    for c, is_match in marked:
        if out and out[-1][1] == is_match:
            out[-1] = (out[-1][0] + c, is_match)
        else:
            out.append((c, is_match))
    return tuple(out)


def expected_excerpt(body: Segments, n: int) -> Segments:
    """The excerpt the docs describe, computed the slow, plain way: the whole text tokenized."""
    marked = chars(body)
    text = "".join(c for c, _ in marked)
    tokens = tokens_of(text)
    if len(tokens) <= n:
        return body
    first = next((i for i, (_, is_match) in enumerate(marked) if is_match), 0)
    before = [t for t in tokens if t[1] <= first]
    after = [t for t in tokens if t[0] >= first]
    assert len(before) + len(after) == len(tokens)  # no token straddles the first match
    # A quarter before the match, more if the text after it runs out.
    shown_before = min(len(before), max(n // 4, n - len(after)))
    shown_after = n - shown_before
    if shown_before == len(before):
        start = 0  # everything before the match is shown, so nothing is cut there
    else:
        start = before[-shown_before][0] if shown_before else after[0][0]
    end = after[shown_after - 1][1] if len(after) > shown_after else len(text)
    out = [(ELLIPSIS, False)] if start > 0 else []
    out += marked[start:end]
    out += [(ELLIPSIS, False)] if end < len(text) else []
    return pieces(out)


# -- bodies as search makes them ---------------------------------------------------------------

TEXT_PIECES = [
    "供",
    "张三",
    "律师",
    " ",
    "，",
    "confession",
    "a",
    "b2",
    "_",
    "x_y",
    "\n",
    "-",
    "。",
    "Müller",
    "①",
    "𠀀",
]
# A match is whole tokens: CJK characters (with spaces between, as on forms) or whole words.
MATCH_PIECES = ["供", "张三", "张 三", "律", "confession", "b2", "Müller", "①", "𠀀", "x_y"]
texts = st.lists(st.sampled_from(TEXT_PIECES), min_size=1, max_size=30).map("".join)
matches = st.lists(st.sampled_from(MATCH_PIECES), min_size=1, max_size=3).map("".join)


def _unglued(parts: list[tuple[str, bool]]) -> Segments:
    """A space between a match and a word it would otherwise run into (``a`` + ``b2``)."""
    body = list(pieces([(c, m) for piece, m in parts for c in piece]))
    for i in range(1, len(body)):
        left, right = body[i - 1][0][-1], body[i][0][0]
        if all(_is_token_char(c) and not _is_cjk(c) for c in (left, right)):
            j = i if body[i - 1][1] else i - 1  # pad the text, never the match
            text, is_match = body[j]
            body[j] = (" " + text, is_match) if j == i else (text + " ", is_match)
    return tuple(body)


bodies = st.lists(
    st.one_of(texts.map(lambda t: (t, False)), matches.map(lambda t: (t, True))), max_size=12
).map(_unglued)


# -- the excerpt against the oracle ------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(bodies, st.integers(1, 64))
def test_excerpt_is_what_the_docs_describe(body: Segments, n: int) -> None:
    assert _excerpt(body, n) == expected_excerpt(body, n)


@settings(max_examples=500, deadline=None)
@given(bodies, st.integers(1, 64))
def test_an_excerpt_is_a_marked_piece_of_the_body(body: Segments, n: int) -> None:
    """The same requirements stated without saying where the window goes."""
    out = _excerpt(body, n)
    marked = chars(body)
    text = "".join(c for c, _ in marked)
    tokens = tokens_of(text)
    if len(tokens) <= n:
        assert out == body
        return
    shown = chars(out)
    lead = shown[:1] == [(ELLIPSIS, False)]
    trail = shown[-1:] == [(ELLIPSIS, False)]
    core = shown[lead : len(shown) - trail]
    first = next((i for i, (_, is_match) in enumerate(marked) if is_match), None)

    def fits(start: int) -> bool:
        end = start + len(core)
        return (
            marked[start:end] == core  # the body's own text, marked exactly where it is
            and lead == (start > 0)  # an ellipsis where, and only where, text was cut
            and trail == (end < len(text))
            and (start == 0 or any(t[0] == start for t in tokens))  # cut between tokens
            and (end == len(text) or any(t[1] == end for t in tokens))
            and sum(start <= t[0] and t[1] <= end for t in tokens) == n  # exactly n tokens
            and (first is None or start <= first < end)  # the first match is shown
        )

    assert any(fits(start) for start in range(len(text) - len(core) + 1)), out


EXAMPLES = [
    # Short enough: the body whole, marks and all.
    (
        (("当事人称遭到", False), ("刑讯逼供", True), ("，被迫签字。", False)),
        32,
        (("当事人称遭到", False), ("刑讯逼供", True), ("，被迫签字。", False)),
    ),
    # Long: a quarter of 10 tokens (2 characters) before the match, the rest after it.
    (
        (("无关的内容。" * 40, False), ("刑讯逼供", True), ("其他内容。" * 40, False)),
        10,
        (("…内容。", False), ("刑讯逼供", True), ("其他内容…", False)),
    ),
    # No match in the body (only the title matched): from the start.
    ((("one two, three four five", False),), 3, (("one two, three…", False),)),
    # A word is one token, a Chinese character one.
    (
        (("His ", False), ("confession", True), (" was 被迫的 and retracted", False)),
        5,
        (("His ", False), ("confession", True), (" was 被迫…", False)),
    ),
    # The match near the end: more before it, since the text after it runs out.
    ((("a b c d e f ", False), ("供", True)), 4, (("…d e f ", False), ("供", True))),
    # One token after the match is wanted before it ... (a quarter of 4).
    (
        (("a b ", False), ("供", True), (" c d e f", False)),
        4,
        (("…b ", False), ("供", True), (" c d…", False)),
    ),
    # ... and punctuation before the first word stays when nothing before it is cut.
    (
        (("«a» ", False), ("供", True), (" c d e f", False)),
        4,
        (("«a» ", False), ("供", True), (" c d…", False)),
    ),
    # Every match inside the window is marked, not only the first.
    (
        (("x ", False), ("供", True), (" y ", False), ("供", True), (" z w v u", False)),
        5,
        (("x ", False), ("供", True), (" y ", False), ("供", True), (" z…", False)),
    ),
]


@pytest.mark.parametrize(("body", "n", "excerpt"), EXAMPLES)
def test_excerpt_examples(body: Segments, n: int, excerpt: Segments) -> None:
    assert expected_excerpt(body, n) == excerpt  # the oracle says what the docs say ...
    assert _excerpt(body, n) == excerpt  # ... and so does the code


WORDS = ["供", "供供", "张三", "confession", "a", "b2"]
GLUE = [" ", "", "，", SEPARATOR, "\n", "'", "x"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS + GLUE), max_size=40).map("".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
)
def test_marked_is_segments_of_the_marked_text(text: str, words: list[str]) -> None:
    patterns = match_pattern(" ".join(words))
    assert patterns is not None
    spans = _spans(text, patterns, [False] * len(patterns))
    out, at = [], 0
    for lo, hi in spans:
        out += [text[at:lo], MATCH_OPEN, text[lo:hi], MATCH_CLOSE]
        at = hi
    out.append(text[at:])
    assert _marked(text, spans) == segments("".join(out))


# ・ ゛ and unassigned code points in the CJK ranges are CJK but no tokens; 〇 and ー are tokens.
STORED_PIECES = [*TEXT_PIECES, "供供", "cafe", "张", "・", "゛", "〇", "ー", "a_b"]
STORED_PIECES += ["\ufa6e", "\U0002ffff"]
stored_texts = st.lists(st.sampled_from(STORED_PIECES + GLUE), max_size=60).map(
    lambda parts: index_form("".join(parts))
)
QUERIES = [*WORDS, "张三 a", "cafe"]


@st.composite
def stored_with_a_match(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Stored text holding one of the query's words somewhere (most random texts hold none)."""
    words = draw(st.lists(st.sampled_from(QUERIES), min_size=1, max_size=2))
    parts = draw(st.lists(st.sampled_from(STORED_PIECES + GLUE), max_size=60))
    parts.insert(draw(st.integers(0, len(parts))), f" {draw(st.sampled_from(words))} ")
    return index_form("".join(parts)), words


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.tuples(stored_texts, st.lists(st.sampled_from(QUERIES), min_size=1, max_size=2)),
        stored_with_a_match(),
    ),
    st.integers(1, 64),
)
def test_excerpt_of_stored_text_is_the_excerpt_of_its_segments(text_words, tokens) -> None:
    text, words = text_words
    patterns = match_pattern(" ".join(words))
    assert patterns is not None
    spans = _spans(text, patterns, [False] * len(patterns))
    excerpt = _stored_excerpt(text, spans, tokens)
    assert excerpt == _excerpt(_marked(text, spans), tokens)
    if is_plain(text):  # elsewhere FTS5 finds the matches, not these spans (docs)
        assert excerpt == expected_excerpt(_marked(text, spans), tokens)


@settings(max_examples=300, deadline=None)
@given(stored_texts, st.sampled_from([w for w in WORDS if w != "供供"] + ["cafe", "张三 a"]))
def test_runs_of_one_word_are_its_merged_spans(text, word) -> None:
    patterns = match_pattern(word)
    assert patterns is not None
    runs = _runs(patterns)
    expected = _spans(text, patterns, [False] * len(patterns))
    if " " in word:  # two words: the general merge
        assert runs is None
    else:
        assert runs is not None
        assert [m.span() for m in runs.finditer(text)] == expected


def test_a_word_that_overlaps_itself_takes_the_general_merge() -> None:
    patterns = match_pattern("供供")
    assert patterns is not None and _runs(patterns) is None
