"""Text from evidence files: per-format readers, page by page, OCR where there is no text.

    outcome = Outcome()
    for unit in extract_units(data, file_name=..., media_type=..., limits=Limits(),
                              ocr=PpOcr(), outcome=outcome):
        ...   # TextUnit(part, page, source, text, boxes)

Formats: PDF (text layer per page; scanned pages OCR'd), images (PNG, JPEG, TIFF incl.
multi-page, BMP, GIF, WebP; OCR), DOCX, ODT, RTF, HTML, e-mail (.eml, attachments read as
their own files, ``part`` naming them), plain text in any common encoding. Failures raise an
:class:`ExtractionError` subclass whose ``code`` the GUI maps to a message.

Everything here works on bytes in memory and writes nothing anywhere. It runs inside the
worker processes of ``services/extraction.py`` (see :mod:`lawnotebook.vault.extract.worker`),
which bound its memory and time; the results are stored by
:mod:`lawnotebook.vault.extract.stored`. The format of what is stored: "Text from evidence" in
``docs/vault-format.md``.
"""

from lawnotebook.vault.extract.dispatch import PART_SEPARATOR, extract_units, kind_of
from lawnotebook.vault.extract.model import (
    ExtractionError,
    Limits,
    NoTextFormat,
    Outcome,
    PasswordProtected,
    ReaderCrashed,
    TextUnit,
    TimedOut,
    TooLarge,
    Unreadable,
    WordBox,
)

__all__ = [
    "PART_SEPARATOR",
    "ExtractionError",
    "Limits",
    "NoTextFormat",
    "Outcome",
    "PasswordProtected",
    "ReaderCrashed",
    "TextUnit",
    "TimedOut",
    "TooLarge",
    "Unreadable",
    "WordBox",
    "extract_units",
    "kind_of",
]
