"""Which reader a file needs, and the one entry point that runs it: :func:`extract_units`."""

from __future__ import annotations

import os
from collections.abc import Iterator

from lawnotebook.vault.extract import mail, markup, office, pdf, rtf, text
from lawnotebook.vault.extract.images import image_units
from lawnotebook.vault.extract.model import (
    ATTACHMENTS,
    DEPTH_LIMIT,
    ExtractionError,
    Limits,
    NoTextFormat,
    Outcome,
    TextUnit,
    TooLarge,
)
from lawnotebook.vault.ocr import Recognize

PART_SEPARATOR = " › "

_TEXT_EXTENSIONS = {
    ".txt", ".text", ".csv", ".tsv", ".md", ".log", ".json", ".xml", ".ini", ".srt", ".vtt",
}  # fmt: skip
_IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/gif", "image/webp")
_MAIL_HEADERS = (b"from:", b"received:", b"return-path:", b"mime-version:", b"message-id:",
                 b"date:", b"subject:", b"to:", b"delivered-to:", b"x-")  # fmt: skip


def kind_of(data: bytes, file_name: str, media_type: str) -> str:
    """One of pdf, image, docx, odt, rtf, eml, html, text — or "" for files without text."""
    head = data[:2048]
    ext = os.path.splitext(file_name.lower())[1]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024] or media_type == "application/pdf":
        return "pdf"
    if media_type in _IMAGE_TYPES or head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\0",
                                                      b"MM\0*", b"GIF8", b"BM")):  # fmt: skip
        return "image"
    if head.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or ext == ".docx":
            return "docx"
        if b"application/vnd.oasis.opendocument.text" in head or ext == ".odt":
            return "odt"
        return ""
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if ext == ".eml" or media_type == "message/rfc822" or _looks_like_mail(head):
        return "eml"
    lowered = head.lstrip()[:512].lower()
    if (
        ext in (".htm", ".html", ".xhtml")
        or media_type == "text/html"
        or lowered.startswith((b"<!doctype html", b"<html"))
    ):
        return "html"
    if media_type.startswith("text/") or ext in _TEXT_EXTENSIONS or _looks_like_text(head):
        return "text"
    return ""


def _looks_like_mail(head: bytes) -> bool:
    first = head.split(b"\n", 1)[0].lower()
    return (first.startswith(_MAIL_HEADERS) and b"\n\n" in head.replace(b"\r\n", b"\n")) or (
        first.startswith(b"from ") and b"\nfrom:" in head.lower()  # an mbox "From " line
    )


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls == 0 or text.guess_encoding(head).startswith("utf-16")


def extract_units(
    data: bytes,
    *,
    file_name: str,
    media_type: str,
    limits: Limits,
    ocr: Recognize | None,
    outcome: Outcome,
    part: str = "",
    depth: int = 0,
) -> Iterator[TextUnit]:
    """The text of a file, unit by unit (pages in order; an e-mail's attachments after it).

    Raises an :class:`ExtractionError` for the file itself; a damaged attachment is noted in
    ``outcome.partial`` instead, so the message's own text is still kept.
    """
    if len(data) > limits.max_input_bytes:
        raise TooLarge(f"the file is larger than {limits.max_input_bytes >> 20} MiB")
    kind = kind_of(data, file_name, media_type)
    if kind == "pdf":
        yield from pdf.pdf_units(data, limits=limits, ocr=ocr, outcome=outcome, part=part)
    elif kind == "image":
        yield from image_units(data, limits=limits, ocr=ocr, outcome=outcome, part=part)
    elif kind == "eml":
        yield from _mail_units(data, limits, ocr, outcome, part, depth)
    elif kind:
        yield TextUnit(part, None, "text", _flat_text(kind, data, limits))
    elif not part:
        raise NoTextFormat("this kind of file holds no text we can read")


def _flat_text(kind: str, data: bytes, limits: Limits) -> str:
    if kind == "docx":
        return office.docx_text(data, max_chars=limits.max_text_chars)
    if kind == "odt":
        return office.odt_text(data, max_chars=limits.max_text_chars)
    if kind == "rtf":
        return rtf.rtf_text(data)
    if kind == "html":
        declared = markup.html_charset(data)
        try:
            decoded = data.decode(declared) if declared else None
        except (LookupError, UnicodeDecodeError):
            decoded = None
        if decoded is None:
            decoded = text.decode_text(data, max_chars=limits.max_text_chars)
        return markup.html_to_text(decoded)
    return text.decode_text(data, max_chars=limits.max_text_chars)


def _mail_units(
    data: bytes,
    limits: Limits,
    ocr: Recognize | None,
    outcome: Outcome,
    part: str,
    depth: int,
) -> Iterator[TextUnit]:
    body, attachments = mail.parse_message(data)
    yield TextUnit(part, None, "text", body)
    if not attachments:
        return
    if depth >= limits.max_depth:
        outcome.stop_short(
            DEPTH_LIMIT,
            f"{_count(len(attachments), 'attachment')} of {part or 'the message'} not read: "
            f"e-mails inside e-mails go deeper than the limit of {limits.max_depth}",
        )
        return
    problems = []
    for number, attachment in enumerate(attachments[: limits.max_attachments], start=1):
        inner = f"{part}{PART_SEPARATOR}{attachment.name}" if part else attachment.name
        if outcome.over_budget(limits):
            left = min(len(attachments), limits.max_attachments) - number + 1
            outcome.budget_spent(limits, f"{_count(left, 'attachment')} of {part or 'the message'}")
            break
        try:
            yield from extract_units(
                attachment.data,
                file_name=attachment.name,
                media_type=attachment.media_type,
                limits=limits,
                ocr=ocr,
                outcome=outcome,
                part=inner,
                depth=depth + 1,
            )
        except ExtractionError as exc:
            problems.append(f"{attachment.name}: {exc}")
    if len(attachments) > limits.max_attachments:
        problems.append(f"attachments past the first {limits.max_attachments} not read")
    if problems:
        outcome.stop_short(ATTACHMENTS, "; ".join(problems))


def _count(n: int, thing: str) -> str:
    return f"1 {thing}" if n == 1 else f"{n} {thing}s"
