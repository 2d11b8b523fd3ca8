"""What OCR returns: the page's text and where each word is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WordBox:
    """One recognised word (a Chinese character, an English word) on an OCR'd page.

    Coordinates are fractions of the page's width and height (0 = left/top, 1 = right/bottom),
    so a viewer scales them to whatever size it draws the page at.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


# An OCR engine as the extractors see it: a PIL image in, (text, word boxes) out.
Recognize = Callable[[Any], tuple[str, tuple[WordBox, ...]]]
