"""PDF: the text layer of each page; pages without one are rendered and OCR'd.

PDFium (pypdfium2) reads and renders in this process, without Qt, from bytes in memory. A page
counts as scanned when its text layer has fewer than ``MIN_TEXT_CHARS`` characters or holds
only a stamp (a Bates number, a header) over a full-page image; its OCR text comes first and
any text-layer words after it. A scanned page that renders blank (:mod:`.blank`) is not OCR'd.
Once the file's time budget is spent, the pages left are not read (``outcome.partial``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lawnotebook.vault.extract.blank import is_blank
from lawnotebook.vault.extract.model import (
    PAGE_LIMIT,
    Limits,
    Outcome,
    PasswordProtected,
    TextUnit,
    Unreadable,
)
from lawnotebook.vault.ocr import Recognize

if TYPE_CHECKING:
    from PIL import Image

MIN_TEXT_CHARS = 8
STAMP_CHARS = 200  # a text layer this short over a full-page image is a stamp on a scan
_FULL_PAGE = 0.5  # an image covering this share of the page makes it a scan
_MAX_RENDER_SIDE = 6000


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if (
            getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD
            or "password" in str(exc).lower()
        ):
            raise PasswordProtected("the PDF is protected by a password") from exc
        raise Unreadable("the PDF is damaged") from exc


def _scan_image_share(page: pdfium.PdfPage) -> float:
    """The largest share of the page one image object covers (0 if none)."""
    width, height = page.get_size()
    area = max(width * height, 1.0)
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_pos()
        best = max(best, abs((right - left) * (top - bottom)) / area)
    return best


def _is_scanned(page: pdfium.PdfPage, layer: str) -> bool:
    chars = len("".join(layer.split()))
    if chars < MIN_TEXT_CHARS:
        return True
    return chars < STAMP_CHARS and _scan_image_share(page) >= _FULL_PAGE


def _render(page: pdfium.PdfPage, limits: Limits) -> Image.Image:
    width, height = page.get_size()  # points
    scale = limits.ocr_dpi / 72
    longest = max(width, height) * scale
    if longest > _MAX_RENDER_SIDE:
        scale *= _MAX_RENDER_SIDE / longest
    if width * height * scale * scale > limits.ocr_pixels:
        scale = (limits.ocr_pixels / (width * height)) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        return bitmap.to_pil().copy()
    finally:
        bitmap.close()


def pdf_units(
    data: bytes, *, limits: Limits, ocr: Recognize | None, outcome: Outcome, part: str = ""
) -> Iterator[TextUnit]:
    """One unit per page, in order, up to ``limits.max_pages`` or the file's time budget
    (then ``outcome.partial``)."""
    document = open_pdf(data)
    try:
        count = len(document)
        if count > limits.max_pages:
            outcome.stop_short(
                PAGE_LIMIT,
                f"pages {limits.max_pages + 1}–{count} not read: past the limit of "
                f"{limits.max_pages} pages",
            )
        last = min(count, limits.max_pages)
        for index in range(last):
            if index and outcome.over_budget(limits):
                outcome.budget_spent(limits, _pages(index + 1, last, part))
                return
            yield _page_unit(document, index, limits, ocr, part)
    finally:
        document.close()


def _page_unit(
    document: pdfium.PdfDocument, index: int, limits: Limits, ocr: Recognize | None, part: str
) -> TextUnit:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise Unreadable(f"page {index + 1} of the PDF is damaged") from exc
    try:
        textpage = page.get_textpage()
        try:
            layer = textpage.get_text_bounded().replace("\r\n", "\n").strip()
        finally:
            textpage.close()
        if ocr is None or not _is_scanned(page, layer):
            return TextUnit(part, index + 1, "text", layer)
        image = _render(page, limits)
        if is_blank(image):
            return TextUnit(part, index + 1, "text", layer)  # nothing to read: no OCR
        text, boxes = ocr(image)
        if layer:
            text = f"{text}\n{layer}" if text else layer
        return TextUnit(part, index + 1, "ocr", text, boxes)
    finally:
        page.close()


def _pages(first: int, last: int, part: str) -> str:
    where = f" of {part}" if part else ""
    return (f"page {first}" if first == last else f"pages {first}–{last}") + where
