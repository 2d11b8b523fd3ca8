"""Photos and scans: decoded by Pillow within pixel limits, turned upright, then OCR'd.

Multi-page TIFFs (what office scanners write) give one page per frame. A blank page or photo
(:mod:`.blank`) gives an empty unit without OCR; once the file's time budget is spent, the
frames left are not read (``outcome.partial``).
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from lawnotebook.vault.extract.blank import is_blank
from lawnotebook.vault.extract.model import Limits, Outcome, TextUnit, TooLarge, Unreadable
from lawnotebook.vault.ocr import Recognize


def open_image(data: bytes, limits: Limits) -> Image.Image:
    """Pillow's lazy image object, after checking the declared size against the limit (before
    a single pixel is decoded, so a decompression bomb costs nothing)."""
    Image.MAX_IMAGE_PIXELS = limits.max_pixels  # Pillow's own bomb check, as a second line
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooLarge(
            f"the image is larger than {limits.max_pixels // 1_000_000} megapixels"
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise Unreadable("the image is damaged or in a format we cannot read") from exc
    width, height = image.size
    if width * height > limits.max_pixels:
        megapixels = width * height // 1_000_000
        raise TooLarge(
            f"the image is {megapixels} megapixels; the limit is {limits.max_pixels // 1_000_000}"
        )
    return image


def prepare_for_ocr(image: Image.Image, limits: Limits) -> Image.Image:
    """Upright (EXIF orientation), grey or RGB, and at most ``ocr_pixels`` large."""
    try:
        image.load()
        image = ImageOps.exif_transpose(image) or image
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise Unreadable("the image data is damaged") from exc
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    pixels = image.width * image.height
    if pixels > limits.ocr_pixels:
        scale = math.sqrt(limits.ocr_pixels / pixels)
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return image


def image_units(
    data: bytes,
    *,
    limits: Limits,
    ocr: Recognize | None,
    outcome: Outcome | None = None,
    part: str = "",
) -> Iterator[TextUnit]:
    """One OCR'd unit per frame (page); nothing without an OCR engine."""
    outcome = outcome if outcome is not None else Outcome()
    image = open_image(data, limits)
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pages:
        raise TooLarge(f"the image has {frames} pages; the limit is {limits.max_pages}")
    for index in range(frames):
        if index and outcome.over_budget(limits):
            where = f" of {part}" if part else ""
            left = f"page {frames}" if index + 1 == frames else f"pages {index + 1}–{frames}"
            outcome.budget_spent(limits, left + where)
            return
        try:
            image.seek(index)
        except (EOFError, OSError) as exc:
            raise Unreadable(f"page {index + 1} of the image is damaged") from exc
        page = index + 1 if frames > 1 else None
        if ocr is None:
            continue
        prepared = prepare_for_ocr(image.copy() if frames > 1 else image, limits)
        if is_blank(prepared):
            yield TextUnit(part, page, "text", "")  # a blank page: nothing to read, no OCR
            continue
        text, boxes = ocr(prepared)
        yield TextUnit(part, page, "ocr", text, boxes)
