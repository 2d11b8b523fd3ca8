"""Blank pages: found by pixel statistics in milliseconds, so they are never sent to OCR.

OCR of a blank page costs seconds (~4.8 s measured), and a small PDF can hold thousands of
them. A page counts as blank when, on a greyscale copy shrunk to at most ``SAMPLE_SIDE``
pixels (a box average, which also melts scanner noise and specks of dust), fewer than
``MIN_INK_PIXELS`` pixels differ from the paper (the median grey) by more than ``INK_CONTRAST``
levels. The rule errs towards reading: a single 6-point letter, a page number or a few blots
are ink, and such a page is OCR'd; a page with a fold shadow or a grey band is OCR'd too.
"""

from __future__ import annotations

import math

from PIL import Image, ImageStat

SAMPLE_SIDE = 1024
INK_CONTRAST = 64  # grey levels from the paper: anything less is paper, noise or a shadow
MIN_INK_PIXELS = 4  # a 6-point "i" at 300 dpi leaves 4 in the sample: that page is read


def ink_pixels(image: Image.Image) -> int:
    """How many pixels of the shrunk greyscale sample stand out from the paper."""
    grey = image if image.mode == "L" else image.convert("L")
    factor = math.ceil(max(grey.size) / SAMPLE_SIDE)
    if factor > 1:
        grey = grey.reduce(factor)
    stats = ImageStat.Stat(grey)
    darkest, lightest = stats.extrema[0]
    if lightest - darkest <= INK_CONTRAST:
        return 0
    paper = int(stats.median[0])
    histogram = grey.histogram()
    darker = sum(histogram[: max(0, paper - INK_CONTRAST)])
    lighter = sum(histogram[paper + INK_CONTRAST + 1 :])  # white writing on a dark page
    return darker + lighter


def is_blank(image: Image.Image) -> bool:
    """Whether a rendered page or scan holds nothing OCR could read (see the module doc)."""
    return ink_pixels(image) < MIN_INK_PIXELS
