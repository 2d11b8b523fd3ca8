"""Photos and scans: decoded by Pillow within pixel limits, turned upright, then OCR'd.

Multi-page TIFFs (what office scanners write) give one page per frame.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Iterator

from PIL import Image, ImageOps, UnidentifiedImageError

from lawnotebook.vault.extract.model import Limits, TextUnit, TooLarge, Unreadable
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
    data: bytes, *, limits: Limits, ocr: Recognize | None, part: str = ""
) -> Iterator[TextUnit]:
    """One OCR'd unit per frame (page); nothing without an OCR engine."""
    image = open_image(data, limits)
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pages:
        raise TooLarge(f"the image has {frames} pages; the limit is {limits.max_pages}")
    for index in range(frames):
        try:
            image.seek(index)
        except (EOFError, OSError) as exc:
            raise Unreadable(f"page {index + 1} of the image is damaged") from exc
        page = index + 1 if frames > 1 else None
        if ocr is None:
            continue
        text, boxes = ocr(prepare_for_ocr(image.copy() if frames > 1 else image, limits))
        yield TextUnit(part, page, "ocr", text, boxes)
