"""Printing records: JSON for scripts, aligned plain text for people."""

from __future__ import annotations

from lawnotebook.core.records import META_FIELDS, Record, to_body


def record_json(record: Record) -> dict[str, object]:
    """A record as one flat JSON object: kind, bookkeeping, then the lawyer's fields."""
    data: dict[str, object] = {"kind": record.KIND}
    data.update({name: getattr(record, name) for name in META_FIELDS})
    data.update(to_body(record))
    return data


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain-text table sized to its contents (CJK counted double-width)."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    def cell(text: object) -> str:
        return " ".join(str(text).split())

    body = [[cell(c) for c in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = []
    for row in [headers, *body]:
        lines.append(
            "  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines) if body else "(none)"


def short(record_id: str) -> str:
    """The first 8 characters of an id: enough to name it again on the command line."""
    return record_id[:8]
