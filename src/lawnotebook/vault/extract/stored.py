"""Extracted text as stored in the vault: ``evidence_text`` rows (page text and OCR word
boxes, for snippets and the viewer's overlay) and one search document per page.

Nothing leaves the SQLCipher database: no cache file, no temp file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from lawnotebook.vault import search
from lawnotebook.vault.database import Connection
from lawnotebook.vault.extract.model import TextUnit, WordBox


@dataclass(frozen=True)
class PageText:
    """One stored page (or page-less part) of an evidence file's text."""

    unit: int
    part: str
    page: int | None
    source: str  # "text" or "ocr"
    text: str
    boxes: tuple[WordBox, ...]


def page_document_id(evidence_id: str, unit: int) -> str:
    """The search document id of one unit of an evidence file's text."""
    return f"{evidence_id}/t{unit}"


def clear(conn: Connection, evidence_id: str, *, secure: bool = False) -> None:
    """Drop an evidence item's stored text and page documents (before reading it again)."""
    conn.execute("DELETE FROM evidence_text WHERE evidence_id = ?", (evidence_id,))
    search.remove_pages(conn, evidence_id, secure=secure)


def _boxes_json(boxes: tuple[WordBox, ...]) -> str:
    return json.dumps(
        [[b.text, round(b.x0, 5), round(b.y0, 5), round(b.x1, 5), round(b.y1, 5),
          round(b.confidence, 3)] for b in boxes],
        ensure_ascii=False,
        separators=(",", ":"),
    )  # fmt: skip


def save_units(
    conn: Connection,
    *,
    evidence_id: str,
    case_id: str,
    file_name: str,
    units: Iterable[tuple[int, TextUnit]],
) -> int:
    """Store units (numbered by the caller, in file order) and index each as a search document
    titled by the file; returns how many. Call inside a transaction."""
    count = 0
    pages: list[search.Document] = []
    for number, unit in units:
        conn.execute(
            "INSERT OR REPLACE INTO evidence_text"
            " (evidence_id, unit, part, page, source, text, boxes) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (evidence_id, number, unit.part, unit.page, unit.source, unit.text,
             _boxes_json(unit.boxes)),
        )  # fmt: skip
        if unit.text.strip():
            pages.append(
                search.Document(
                    record_id=page_document_id(evidence_id, number),
                    case_id=case_id,
                    kind="evidence",
                    title="",  # searching a file's name finds the file once, not each page
                    body=unit.text,
                    parent_id=evidence_id,
                    page=unit.page,
                    part=unit.part,
                    label=file_name,
                )
            )
        count += 1
    search.index_documents(conn, pages)  # one FTS5 segment for all, not one per page
    return count


def _page(row: tuple) -> PageText:
    unit, part, page, source, text, boxes = row
    return PageText(
        unit, part, page, source, text, tuple(WordBox(*b) for b in json.loads(boxes or "[]"))
    )


def page_text(conn: Connection, evidence_id: str, page: int | None, part: str = "") -> PageText:
    """The stored text and OCR word boxes of one page (``page=None`` for page-less text).

    Raises ``LookupError`` when that page has no stored text (not read yet, or no such page).
    """
    row = conn.execute(
        "SELECT unit, part, page, source, text, boxes FROM evidence_text"
        " WHERE evidence_id = ? AND part = ? AND page IS ?",
        (evidence_id, part, page),
    ).fetchone()
    if row is None:
        raise LookupError(f"no text stored for page {page} of {evidence_id}")
    return _page(row)


def pages(conn: Connection, evidence_id: str) -> list[PageText]:
    """Every stored unit of an evidence item, in file order."""
    rows = conn.execute(
        "SELECT unit, part, page, source, text, boxes FROM evidence_text"
        " WHERE evidence_id = ? ORDER BY unit",
        (evidence_id,),
    )
    return [_page(r) for r in rows]
