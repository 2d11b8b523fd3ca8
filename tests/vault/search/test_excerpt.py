"""The snippet excerpt against a reference copy of its algorithm as first written; the
segments of plain text built from spans against :func:`segments` of the marked text; and the
shortcuts on stored text (excerpt, one word's runs) against the general code."""

from __future__ import annotations

from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.vault.search import query
from lawnotebook.vault.search.query import (
    _TOKEN,
    Segments,
    _excerpt,
    _marked,
    _merge,
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
    match_pattern,
)

_SNIPPET_ELLIPSIS = query._SNIPPET_ELLIPSIS


def _old_excerpt(body: Segments, tokens: int) -> Segments:
    """About ``tokens`` tokens of the body around its first match (from its start if it has
    none) — a CJK character is one token, a Latin word one, as FTS5 counts — with ellipses
    where text was cut. Only the tokens near the match are looked at, not the whole body."""
    text = "".join(t for t, _ in body)
    first = 0
    for piece, is_match in body:
        if is_match:
            break
        first += len(piece)
    else:
        first = 0
    after = [m.span() for m in islice(_TOKEN.finditer(text, first), tokens + 1)]
    # Up to a quarter of the tokens before the match, more if the text ends sooner.
    wanted = max(tokens // 4, tokens - len(after))
    # The last wanted + 1 tokens before the match (fewer if the text has fewer).
    size = 4 * (wanted + 2)
    while True:
        lo = max(0, first - size)
        before = [m.span() for m in _TOKEN.finditer(text, lo, first)]
        if lo:
            before = before[1:]  # may be the tail of a token cut at lo
        if not lo or len(before) > wanted:
            before = before[-(wanted + 1) :]
            break
        size *= 4
    if not lo and len(before) + len(after) <= tokens:
        return body
    k = min(len(before), wanted)
    if not lo and k == len(before):
        start = 0
    else:
        start = before[-k][0] if k else after[0][0]
    end = after[tokens - k - 1][1] if len(after) > tokens - k else len(text)
    out: list[tuple[str, bool]] = [(_SNIPPET_ELLIPSIS, False)] if start else []
    at = 0
    for piece, is_match in body:
        lo, hi = max(start, at), min(end, at + len(piece))
        if lo < hi:
            out.append((piece[lo - at : hi - at], is_match))
        at += len(piece)
    if end < len(text):
        out.append((_SNIPPET_ELLIPSIS, False))
    merged: list[tuple[str, bool]] = []
    for piece, is_match in out:
        if merged and merged[-1][1] == is_match:
            merged[-1] = (merged[-1][0] + piece, is_match)
        else:
            merged.append((piece, is_match))
    return tuple(merged)


PIECES = [
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
pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join)


@st.composite
def bodies(draw: st.DrawFn) -> Segments:
    return _merge(draw(st.lists(st.tuples(pieces, st.booleans()), max_size=12)))


@settings(max_examples=500, deadline=None)
@given(bodies(), st.integers(1, 64))
def test_excerpt_is_the_reference(body: Segments, tokens: int) -> None:
    assert _excerpt(body, tokens) == _old_excerpt(body, tokens)


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
STORED_PIECES = [*PIECES, "供供", "cafe", "张", "・", "゛", "〇", "ー", "a_b"]
STORED_PIECES += ["\ufa6e", "\U0002ffff"]
stored_texts = st.lists(st.sampled_from(STORED_PIECES + GLUE), max_size=60).map(
    lambda parts: index_form("".join(parts))
)


@settings(max_examples=500, deadline=None)
@given(
    stored_texts,
    st.lists(st.sampled_from([*WORDS, "张三 a", "cafe"]), min_size=1, max_size=2),
    st.integers(1, 64),
)
def test_excerpt_of_stored_text_is_the_excerpt_of_its_segments(text, words, tokens) -> None:
    patterns = match_pattern(" ".join(words))
    assert patterns is not None
    spans = _spans(text, patterns, [False] * len(patterns))
    assert _stored_excerpt(text, spans, tokens) == _excerpt(_marked(text, spans), tokens)


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
