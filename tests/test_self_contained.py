"""A fresh clone with nothing beside it must pass: no code or test reaches outside the checkout."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A path that climbs out of the checkout into a sibling folder such as ../shared.
OUTSIDE = re.compile(
    r"""\.\./shared|parents\[\d+\]\s*/\s*["']\.\.["']|["']shared["']\s*/\s*["']testdata"""
)


def _sources() -> list[Path]:
    files: list[Path] = []
    for folder in ("src", "tests", "bench", "scripts", "packaging"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix != ".pyc"]
    return [p for p in files if "vectors" not in p.parts and "__pycache__" not in p.parts]


def test_nothing_reads_outside_the_checkout():
    hits = []
    for path in _sources():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if path == Path(__file__).resolve():
            continue
        hits += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in OUTSIDE.finditer(text)]
    assert not hits, "\n".join(hits)


def test_the_age_vectors_are_vendored():
    folder = ROOT / "tests" / "vectors" / "age-cctv"
    vectors = [p for p in folder.iterdir() if p.is_file() and "." not in p.name]
    assert len(vectors) >= 140
    assert "C2SP/CCTV" in (folder / "README.md").read_text(encoding="utf-8")
