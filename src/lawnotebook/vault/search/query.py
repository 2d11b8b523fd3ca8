"""Searching the index: ranked hits with highlighted titles and snippets."""

from __future__ import annotations

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
# bm25 ranks at most this many matches: the most recently indexed ones (highest rowids). Ranking
# costs ~20 µs a match inside SQLCipher, so ranking all 76,000 notes that contain "供" in a
# 100,000-note vault takes a second; finding the newest 500 matches takes about one millisecond.
RANK_WINDOW = 500
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


def _scope_filter(case_id: str | None, kinds: Collection[str] | None) -> str:
    parts = []
    if case_id is not None:
        parts.append(f'"{scope_tokens(case_id=case_id)}"')
    if kinds is not None:
        parts.append("(" + " OR ".join(f'"{scope_tokens(kind=k)}"' for k in sorted(kinds)) + ")")
    return " AND ".join(f"scope : {p}" for p in parts)


_SQL = f"""
SELECT d.record_id, d.case_id, d.kind, m.title, m.snippet, m.rank
FROM (
    SELECT rowid,
           highlight(search_text, 0, '{MATCH_OPEN}', '{MATCH_CLOSE}') AS title,
           snippet(search_text, 1, '{MATCH_OPEN}', '{MATCH_CLOSE}', '{ELLIPSIS}', ?) AS snippet,
           rank
    FROM search_text WHERE search_text MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?
) AS m JOIN search_document AS d ON d.doc = m.rowid
ORDER BY m.rank
"""  # noqa: S608 -- the f-string only inserts our marker constants; user text is bound


def _window_start(conn: Connection, expression: str) -> int:
    """The lowest rowid among the newest RANK_WINDOW matches (or 0 if there are fewer)."""
    row = conn.execute(
        "SELECT rowid FROM search_text WHERE search_text MATCH ?"
        " ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (expression, RANK_WINDOW - 1),
    ).fetchone()
    return 0 if row is None else int(row[0])


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
    """Records matching every word of ``query``, best first (bm25, title weighted 10× body).

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
    tokens = max(1, min(64, snippet_tokens))  # FTS5's own limit is 64
    rows = conn.execute(_SQL, (tokens, expression, _window_start(conn, expression), limit))
    rows = rows.fetchall()
    hits = []
    for record_id, hit_case, kind, title, snippet, rank in rows:
        title_parts, snippet_parts = segments(title or ""), segments(snippet or "")
        hits.append(
            SearchHit(
                record_id=record_id,
                case_id=hit_case,
                kind=kind,
                title=render(title_parts, open_mark, close_mark, escape),
                snippet=render(snippet_parts, open_mark, close_mark, escape),
                score=-float(rank),
                title_segments=title_parts,
                snippet_segments=snippet_parts,
            )
        )
    return hits
