"""Searching the index: ranked hits with highlighted titles and snippets."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import islice
from typing import Any

import sqlcipher3

from lawnotebook.vault.database import Connection
from lawnotebook.vault.search.index import scope_tokens
from lawnotebook.vault.search.text import (
    CJK_CLASS,
    ELLIPSIS,
    MATCH_CLOSE,
    MATCH_OPEN,
    SEPARATOR,
    display_form,
    is_plain,
    match_expression,
    match_pattern,
    prefix_to_complete,
)

# A text cut into (text, is_match) pieces, in order; joined they give the text shown.
Segments = tuple[tuple[str, bool], ...]
Span = tuple[int, int]
# A hit's texts until it is rendered: matched by us (title, its spans, body, its spans), or
# highlighted by FTS5 (title and body segments).
_Texts = tuple[str, list[Span], str, list[Span]] | tuple[Segments, Segments]

SNIPPET_TOKENS = 32  # FTS5 counts a Chinese character as one token, an English word as one
# At most this many matches are ranked: the most recently indexed ones (the lowest rowids, see
# search.index.NEWEST_FIRST_BASE; read forwards, ORDER BY rowid ASC). FTS5's
# bm25() counts every document matching each phrase on every query (76,000 for "供" in a
# 100,000-note vault: 40-140 ms), so we rank the newest matches ourselves from their highlights.
RANK_WINDOW = 100
# BM25's term-frequency saturation, without IDF (the same for every hit of one query).
_K1, _B, _AVERAGE_BODY = 1.2, 0.75, 1000
TITLE_WEIGHT = 10.0
_SNIPPET_ELLIPSIS = "…"


def segments(marked: str) -> Segments:
    """Cut FTS5 output with our private markers into (text, is_match) pieces.

    Separators are removed and adjacent matches merged, so ``供供`` matched twice reads as one.
    """
    out: list[tuple[str, bool]] = []
    text = display_form(marked).replace(ELLIPSIS, _SNIPPET_ELLIPSIS)
    for i, part in enumerate(text.split(MATCH_OPEN)):
        inside, _, after = part.partition(MATCH_CLOSE) if i else ("", "", part)
        for piece, is_match in ((inside, True), (after, False)):
            if not piece:
                continue
            if out and out[-1][1] == is_match:
                out[-1] = (out[-1][0] + piece, is_match)
            else:
                out.append((piece, is_match))
    return tuple(out)


def render(
    parts: Segments,
    open_mark: str = "[",
    close_mark: str = "]",
    escape: Callable[[str], str] | None = None,
) -> str:
    """Join segments with markers around matches; ``escape`` (e.g. ``html.escape``) is applied
    to the text only, never to the markers."""
    esc = escape or (lambda s: s)
    return "".join(f"{open_mark}{esc(t)}{close_mark}" if m else esc(t) for t, m in parts)


@dataclass(frozen=True)
class SearchHit:
    """One ranked result. ``title`` and ``snippet`` are rendered with the markers given to
    :func:`search`; the ``*_segments`` hold the same text unmarked, for any other rendering."""

    record_id: str
    case_id: str
    kind: str
    title: str
    snippet: str
    score: float  # -bm25: higher is better; only comparable within one search
    title_segments: Segments
    snippet_segments: Segments
    # Where in the record the match is: for a page of an evidence file's text (schema 6),
    # ``record_id`` is the evidence record, ``page`` the 1-based page (None for text without
    # pages) and ``part`` the e-mail attachment holding it ("" for the file itself).
    # ``in_text`` tells such hits from hits on the record's own fields.
    page: int | None = None
    part: str = ""
    in_text: bool = False


def _scope_filter(case_id: str | None, kinds: Collection[str] | None) -> str:
    parts = []
    if case_id is not None:
        parts.append(f'"{scope_tokens(case_id=case_id)}"')
    if kinds is not None:
        parts.append("(" + " OR ".join(f'"{scope_tokens(kind=k)}"' for k in sorted(kinds)) + ")")
    return " AND ".join(f"scope : {p}" for p in parts)


_HIGHLIGHT = (
    f"highlight(search_text, 0, '{MATCH_OPEN}', '{MATCH_CLOSE}') AS title,"
    f" highlight(search_text, 1, '{MATCH_OPEN}', '{MATCH_CLOSE}') AS body"
)
# The newest RANK_WINDOW matches (rowid order reads no more of the doclists than needed) ...
_WINDOW = "SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid ASC LIMIT ?"
# ... with their stored text and record fields, read from FTS5's content table (a documented
# shadow table: id, then the columns in order: c0 title, c1 body, c2 scope, c3 record_id,
# c4 case_id, c5 kind, c6 parent_id, c7 page, c8 part, c9 label): half the time of FTS5's own
# row-by-row lookups ...
_SQL_PLAIN = f"""
SELECT coalesce(c.c6, c.c3), c.c4, c.c5, c.c0, c.c1, c.c6 IS NOT NULL, c.c7, c.c8, c.c9, m.rowid
FROM ({_WINDOW}) AS m
JOIN search_text_content AS c ON c.id = m.rowid
"""  # noqa: S608 -- constant SQL; user text is bound
# ... or with FTS5's highlights, for a query with a word outside ASCII and CJK (``café``).
_SQL = f"""
SELECT coalesce(parent_id, record_id), case_id, kind, {_HIGHLIGHT},
       parent_id IS NOT NULL, page, part, label, rowid
FROM search_text WHERE search_text MATCH ? ORDER BY rowid ASC LIMIT ?
"""  # noqa: S608 -- the f-string only inserts our marker constants; user text is bound
# One row highlighted by FTS5: text that is not plain (see text.is_plain).
_SQL_ONE = f"SELECT {_HIGHLIGHT} FROM search_text WHERE search_text MATCH ? AND rowid = ?"  # noqa: S608


def _runs(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """For a query of one word whose matches cannot overlap, one pattern whose matches are
    already :func:`_spans`' merged spans: the word, then again after nothing but separators, as
    often as it occurs so (``供`` in ``供供``). None for other queries (the general merge)."""
    if len(patterns) != 1 or patterns[0].groups:
        return None
    word = patterns[0].pattern
    return re.compile(f"(?:{word})(?:{SEPARATOR}*(?:{word}))*")


def _spans(text: str, patterns: list[re.Pattern[str]], found: list[bool]) -> list[Span]:
    """Where the patterns match in ``text`` (stored form), as highlight() plus :func:`segments`
    would mark it: overlapping matches merged, and matches with only separators between (``供``
    in ``供供``) too. Sets ``found[i]`` if pattern ``i`` matched."""
    spans: list[Span] = []
    for i, pattern in enumerate(patterns):
        before = len(spans)
        group = 1 if pattern.groups else 0  # 1: a lookahead pattern, for overlapping matches
        spans += [m.span(group) for m in pattern.finditer(text)]
        if len(spans) > before:
            found[i] = True
    if len(patterns) > 1:
        spans.sort()
    merged: list[Span] = []
    for lo, hi in spans:
        if merged and (lo < merged[-1][1] or not text[merged[-1][1] : lo].strip(SEPARATOR)):
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _marked(text: str, spans: list[Span]) -> Segments:
    """Segments of stored plain ``text`` with ``spans`` (merged, as from :func:`_spans`) as the
    matches: what :func:`segments` makes of the text with markers around them, built directly.
    (Plain text holds no markers or ellipses; merged spans leave something but separators
    between them, so no two pieces of one kind are adjacent.)"""
    out: list[tuple[str, bool]] = []
    at = 0
    for lo, hi in spans:
        if lo > at and (piece := text[at:lo].replace(SEPARATOR, "")):
            out.append((piece, False))
        out.append((text[lo:hi].replace(SEPARATOR, ""), True))
        at = hi
    if piece := text[at:].replace(SEPARATOR, ""):
        out.append((piece, False))
    return tuple(out)


def _saturated(hits: int, length: float) -> float:
    return hits * (_K1 + 1) / (hits + _K1 * (1 - _B + _B * length / _AVERAGE_BODY)) if hits else 0


def _score(title_hits: int, body_hits: int, body_length: int) -> float:
    """BM25-shaped: more matches score higher, with diminishing returns; long bodies dilute."""
    return TITLE_WEIGHT * _saturated(title_hits, _AVERAGE_BODY) + _saturated(body_hits, body_length)


# A token as FTS5 counts it for the snippet length: one CJK character (a letter or digit, so not
# the kana marks ゛゜゠・ or an unassigned code point), or a run of other letters and digits.
_TOKEN = re.compile(f"(?=[^\\W_])[{CJK_CLASS}]|[^\\W_{CJK_CLASS}]+")
# The same tokens in stored text, where every CJK character stands between separators: runs of
# word characters. (No CJK class: compiling one takes ~6 ms, and _steps compiles several.)
_STORED_TOKEN = re.compile(r"[^\W_]+")


def _merge(pieces: list[tuple[str, bool]]) -> Segments:
    merged: list[tuple[str, bool]] = []
    for piece, is_match in pieces:
        if merged and merged[-1][1] == is_match:
            merged[-1] = (merged[-1][0] + piece, is_match)
        else:
            merged.append((piece, is_match))
    return tuple(merged)


def _excerpt(body: Segments, tokens: int) -> Segments:
    """About ``tokens`` tokens of the body around its first match (from its start if it has
    none) — a CJK character is one token, a Latin word one, as FTS5 counts — with ellipses
    where text was cut. Only the tokens near the match are looked at, not the whole body."""
    text = "".join([t for t, _ in body])
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
        if at >= end:
            break
        lo, hi = max(start, at), min(end, at + len(piece))
        if lo < hi:
            out.append((piece[lo - at : hi - at], is_match))
        at += len(piece)
    if end < len(text):
        out.append((_SNIPPET_ELLIPSIS, False))
    return _merge(out)


# One token of stored text (as _STORED_TOKEN) after any characters that belong to none:
# possessive, so that a run of letters is never split to count as more tokens.
_STEP = r"[\W_]*+[^\W_]++"
_STEPS: dict[int, re.Pattern[str]] = {}


def _steps(n: int) -> re.Pattern[str]:
    """Matches the next ``n`` tokens (and what lies before them) if there are that many."""
    pattern = _STEPS.get(n)
    if pattern is None:
        pattern = _STEPS[n] = re.compile(f"(?:{_STEP}){{{n}}}")
    return pattern


def _stored_excerpt(text: str, spans: list[Span], tokens: int) -> Segments:
    """``_excerpt(_marked(text, spans), tokens)`` for stored plain ``text`` and its merged
    ``spans``, found on the stored text: tokens are counted by one regular expression call
    each way instead of one match object per token, and segments are built for the excerpt
    only. (Tokens are the same in stored and shown text: the separators only stand between
    CJK characters, each a token of its own.)"""
    first = spans[0][0] if spans else 0
    whole = _steps(tokens + 1).match(text, first)
    after = tokens + 1 if whole else len(_STORED_TOKEN.findall(text, first))
    wanted = max(tokens // 4, tokens - after)
    # Is there a token more than wanted before the match? Look back through a window of the
    # text reversed (a token reversed is a token), widened until it answers.
    size = 4 * (wanted + 2)
    while True:
        lo = max(0, first - size)
        back = text[lo:first][::-1]
        more = _steps(wanted + 1).match(back)
        if more or not lo:
            break
        size *= 4
    # The ignored Optional matches below cannot fail (``more`` matched wanted + 1 tokens, a
    # span starts at ``first``, ``cut`` means over tokens - k follow); mypy cannot know that.
    if not more:  # every token before the match fits: from the start of the text
        k, start = len(_STORED_TOKEN.findall(back)), 0
    elif wanted:
        k, start = wanted, first - _steps(wanted).match(back).end()  # type: ignore[union-attr]
    else:
        k, start = 0, _STORED_TOKEN.search(text, first).start()  # type: ignore[union-attr]
    cut = after > tokens - k
    end = _steps(tokens - k).match(text, first).end() if cut else len(text)  # type: ignore[union-attr]
    out: list[tuple[str, bool]] = [(_SNIPPET_ELLIPSIS, False)] if more else []
    at = start
    for lo, hi in spans:
        if hi <= start:
            continue
        if lo >= end:
            break
        lo, hi = max(lo, start), min(hi, end)
        if lo > at and (piece := text[at:lo].replace(SEPARATOR, "")):
            out.append((piece, False))
        if piece := text[lo:hi].replace(SEPARATOR, ""):
            out.append((piece, True))
        at = hi
    if piece := text[at:end].replace(SEPARATOR, ""):
        out.append((piece, False))
    if cut:
        out.append((_SNIPPET_ELLIPSIS, False))
    return _merge(out)


# A prefix with more completions than this is left to FTS5's prefix query (slow, but rare for a
# prefix of 3+ letters, and never wrong).
MAX_COMPLETIONS = 256
_VOCAB = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_text, row)"
)
_TERMS = "SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ? LIMIT ?"


def _completions(conn: Connection, query: str) -> list[str] | None:
    """The index's terms starting with the word being typed, for ``complete_last_word``; None
    to leave the prefix to FTS5.

    FTS5 answers ``"confes" *`` by merging the doclists of every matching term into one: ~2 s
    on 100,000 notes when the window was read backwards (before schema 8), 7-14 ms forwards.
    The same records match the terms ORed as whole words, found in the term list
    (``fts5vocab``, a table in the connection's in-memory temp schema): also milliseconds, and
    the exact word stays an alternative that ranks first.
    """
    prefix = prefix_to_complete(query)
    if prefix is None:
        return None
    # ASCII letters and digits: every term with the prefix sorts before the prefix with its last
    # character incremented (terms compare as UTF-8 bytes, as SQLite compares text).
    end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    try:
        conn.execute(_VOCAB)
        terms = [r[0] for r in conn.execute(_TERMS, (prefix, end, MAX_COMPLETIONS + 1))]
    except sqlcipher3.OperationalError:  # no temp table possible here: FTS5's prefix query
        return None
    return terms if len(terms) <= MAX_COMPLETIONS else None


def search(
    conn: Connection,
    query: str,
    *,
    case_id: str | None = None,
    kinds: Collection[str] | None = None,
    limit: int = 50,
    open_mark: str = "[",
    close_mark: str = "]",
    escape: Callable[[str], str] | None = None,
    complete_last_word: bool = False,
    snippet_tokens: int = SNIPPET_TOKENS,
) -> list[SearchHit]:
    """Records matching every word of ``query``, best first (BM25-shaped, title weighted 10×).

    Never raises for any query text: FTS5 syntax in it is plain text, and an empty query or one
    with nothing searchable returns ``[]``. ``case_id`` and ``kinds`` narrow the search;
    ``kinds=[]`` matches nothing. When more than :data:`RANK_WINDOW` records match, the best
    ``limit`` of the newest :data:`RANK_WINDOW` matches are returned. For HTML pass
    ``open_mark="<b>", close_mark="</b>", escape=html.escape``.
    """
    completions = _completions(conn, query) if complete_last_word else None
    expression = match_expression(
        query, complete_last_word=complete_last_word, completions=completions
    )
    if expression is None or limit <= 0 or (kinds is not None and not kinds):
        return []
    expression = f"{{title body}} : ({expression})"
    scope = _scope_filter(case_id, kinds)
    if scope:
        expression = f"{expression} AND {scope}"
    tokens = max(1, min(64, snippet_tokens))
    patterns = match_pattern(query, complete_last_word=complete_last_word)
    runs = None if patterns is None else _runs(patterns)
    rows = conn.execute(_SQL if patterns is None else _SQL_PLAIN, (expression, RANK_WINDOW))
    ranked: list[tuple[float, int, str, str, str, _Texts, list[Any]]] = []
    for row in rows.fetchall():
        record_id, hit_case, kind, title, body, *where, rowid = row
        order = rowid  # newer first among equal scores
        title, body = title or "", body or ""
        if patterns is not None:
            found = [False] * len(patterns)
            if is_plain(title) and is_plain(body):
                if runs is not None:
                    title_spans = [m.span() for m in runs.finditer(title)]
                    body_spans = [m.span() for m in runs.finditer(body)]
                    found[0] = bool(title_spans or body_spans)
                else:
                    title_spans = _spans(title, patterns, found)
                    body_spans = _spans(body, patterns, found)
            if all(found):  # segments are built later, for the hits returned only
                length = len(body) - body.count(SEPARATOR)
                score = _score(len(title_spans), len(body_spans), length)
                texts: _Texts = (title, title_spans, body, body_spans)
                ranked.append((-score, order, record_id, hit_case, kind, texts, where))
                continue
            # Text we cannot match exactly ourselves: FTS5 highlights it.
            title, body = conn.execute(_SQL_ONE, (expression, rowid)).fetchone()
        title_parts, body_parts = segments(title or ""), segments(body or "")
        title_hits = sum(1 for _, m in title_parts if m)
        body_hits = sum(1 for _, m in body_parts if m)
        score = _score(title_hits, body_hits, sum(len(t) for t, _ in body_parts))
        ranked.append((-score, order, record_id, hit_case, kind, (title_parts, body_parts), where))
    ranked.sort(key=lambda r: (r[0], r[1]))
    hits = []
    for neg_score, _, record_id, hit_case, kind, texts, where in ranked[:limit]:
        if len(texts) == 4:
            title_parts = _marked(texts[0], texts[1])
            snippet_parts = _stored_excerpt(texts[2], texts[3], tokens)
        else:
            title_parts, body_parts = texts
            snippet_parts = _excerpt(body_parts, tokens)
        in_text, page, part, label = where
        if in_text and not title_parts and label:
            title_parts = ((label, False),)  # a page of a file: its title is the file name
        hits.append(
            SearchHit(
                record_id=record_id,
                case_id=hit_case,
                kind=kind,
                title=render(title_parts, open_mark, close_mark, escape),
                snippet=render(snippet_parts, open_mark, close_mark, escape),
                score=-neg_score,
                title_segments=title_parts,
                snippet_segments=snippet_parts,
                page=page,
                part=part or "",
                in_text=bool(in_text),
            )
        )
    return hits
