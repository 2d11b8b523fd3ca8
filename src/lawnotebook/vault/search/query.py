"""Searching the index: ranked hits with highlighted titles and snippets."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from lawnotebook.vault.database import Connection
from lawnotebook.vault.search.index import scope_tokens
from lawnotebook.vault.search.text import (
    ELLIPSIS,
    MATCH_CLOSE,
    MATCH_OPEN,
    display_form,
    match_expression,
)

# A text cut into (text, is_match) pieces, in order; joined they give the text shown.
Segments = tuple[tuple[str, bool], ...]

SNIPPET_TOKENS = 32  # FTS5 counts a Chinese character as one token, an English word as one
# At most this many matches are ranked: the most recently indexed ones (highest rowids). FTS5's
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


_SQL = f"""
SELECT coalesce(d.parent_id, d.record_id), d.case_id, d.kind, m.title, m.body,
       d.parent_id IS NOT NULL, d.page, d.part, d.label
FROM (
    SELECT rowid,
           highlight(search_text, 0, '{MATCH_OPEN}', '{MATCH_CLOSE}') AS title,
           highlight(search_text, 1, '{MATCH_OPEN}', '{MATCH_CLOSE}') AS body
    FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ?
) AS m JOIN search_document AS d ON d.doc = m.rowid
"""  # noqa: S608 -- the f-string only inserts our marker constants; user text is bound


def _saturated(hits: int, length: float) -> float:
    return hits * (_K1 + 1) / (hits + _K1 * (1 - _B + _B * length / _AVERAGE_BODY)) if hits else 0


def _score(title: Segments, body: Segments) -> float:
    """BM25-shaped: more matches score higher, with diminishing returns; long bodies dilute."""
    title_hits = sum(1 for _, m in title if m)
    body_hits = sum(1 for _, m in body if m)
    body_length = sum(len(t) for t, _ in body)
    return TITLE_WEIGHT * _saturated(title_hits, _AVERAGE_BODY) + _saturated(body_hits, body_length)


_TOKEN = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]|[^\W_]+")


def _excerpt(body: Segments, tokens: int) -> Segments:
    """About ``tokens`` tokens of the body around its first match — a CJK character is one
    token, a Latin word one, as FTS5 counts — with ellipses where text was cut."""
    text = "".join(t for t, _ in body)
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if len(spans) <= tokens:
        return body
    first = 0
    for piece, is_match in body:
        if is_match:
            break
        first += len(piece)
    at_token = next((i for i, (lo, _) in enumerate(spans) if lo >= first), len(spans) - 1)
    begin = max(0, min(at_token - tokens // 4, len(spans) - tokens))
    start = spans[begin][0] if begin else 0
    end = spans[begin + tokens - 1][1] if begin + tokens < len(spans) else len(text)
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
    expression = match_expression(query, complete_last_word=complete_last_word)
    if expression is None or limit <= 0 or (kinds is not None and not kinds):
        return []
    expression = f"{{title body}} : ({expression})"
    scope = _scope_filter(case_id, kinds)
    if scope:
        expression = f"{expression} AND {scope}"
    tokens = max(1, min(64, snippet_tokens))
    ranked = []
    for order, (record_id, hit_case, kind, title, body, *where) in enumerate(
        conn.execute(_SQL, (expression, RANK_WINDOW))
    ):
        title_parts, body_parts = segments(title or ""), segments(body or "")
        # Newer first among equal scores (rows arrive newest first).
        ranked.append(
            (
                -_score(title_parts, body_parts),
                order,
                record_id,
                hit_case,
                kind,
                title_parts,
                body_parts,
                where,
            )
        )
    ranked.sort(key=lambda r: (r[0], r[1]))
    hits = []
    for neg_score, _, record_id, hit_case, kind, title_parts, body_parts, where in ranked[:limit]:
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
