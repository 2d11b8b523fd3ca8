"""Word processor files: DOCX (Office Open XML) and ODT (OpenDocument), read from the zip with
the standard library only.

Both are zip archives of XML. A member is read with a cap on its decompressed size (a zip bomb
stops at the cap), and parsed by expat, which refuses entity-expansion bombs (2.4+ limits
amplification) and never fetches external entities.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from lawnotebook.vault.extract.model import TooLarge, Unreadable

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """One member's bytes, refusing to decompress more than ``limit`` bytes."""
    out = bytearray()
    with archive.open(name) as member:
        while chunk := member.read(1024 * 1024):
            out += chunk
            if len(out) > limit:
                raise TooLarge(f"{name} inflates to more than {limit // (1024 * 1024)} MiB")
    return bytes(out)


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable("the file is damaged (not a readable zip archive)") from exc


def _parse(archive: zipfile.ZipFile, name: str, limit: int) -> ElementTree.Element:
    try:
        xml = read_member(archive, name, limit)
        if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
            raise Unreadable(f"{name} declares a DTD, which office files never do")
        # Safe without defusedxml: no DTD (checked above), expat >= 2.4 bounds entity
        # amplification anyway, and ElementTree never fetches external entities.
        return ElementTree.fromstring(xml)  # noqa: S314
    except KeyError as exc:
        raise Unreadable(f"the file has no {name}") from exc
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise Unreadable(f"{name} is damaged") from exc


def docx_text(data: bytes, *, max_chars: int) -> str:
    """The body text of a DOCX, then its footnotes and endnotes; one paragraph per line."""
    with _open_zip(data) as archive:
        names = set(archive.namelist())
        parts = ["word/document.xml"] + [
            n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in names
        ]
        texts = [_docx_paragraphs(_parse(archive, n, max_chars * 4)) for n in parts]
    return "\n\n".join(t for t in texts if t)


def _docx_paragraphs(root: ElementTree.Element) -> str:
    lines = []
    for para in root.iter(f"{_W}p"):
        pieces = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        lines.append("".join(pieces))
    return "\n".join(lines).strip()


def odt_text(data: bytes, *, max_chars: int) -> str:
    """The text of an ODT's body: headings, paragraphs, lists and tables, one per line."""
    with _open_zip(data) as archive:
        root = _parse(archive, "content.xml", max_chars * 4)
    body = root.find(f"{_OFFICE}body")
    if body is None:
        raise Unreadable("content.xml has no body")
    lines: list[str] = []
    for node in body.iter():
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            lines.append(_odt_inline(node))
    return "\n".join(lines).strip()


def _odt_inline(node: ElementTree.Element) -> str:
    pieces = [node.text or ""]
    for child in node:
        if child.tag == f"{_TEXT}s":
            pieces.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif child.tag == f"{_TEXT}tab":
            pieces.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            pieces.append("\n")
        elif child.tag not in (f"{_TEXT}p", f"{_TEXT}h", f"{_TEXT}note"):
            pieces.append(_odt_inline(child))
        elif child.tag == f"{_TEXT}note":
            pieces.append(" " + "".join(child.itertext()) + " ")
        pieces.append(child.tail or "")
    return "".join(pieces)
