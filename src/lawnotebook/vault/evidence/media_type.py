"""Guessing a file's media type from its first bytes, as evidence files commonly come.

Magic bytes win over the file name (a renamed photo is still a photo); the name's extension is
the fallback, then UTF-8 text, then ``application/octet-stream``.
"""

from __future__ import annotations

import mimetypes

OCTET_STREAM = "application/octet-stream"

# (offset, magic, media type); checked in order, first match wins.
_MAGIC: list[tuple[int, bytes, str]] = [
    (0, b"%PDF-", "application/pdf"),
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"\x1a\x45\xdf\xa3", "video/x-matroska"),  # EBML; WebM is told apart below
    (0, b"BM", "image/bmp"),
    (0, b"\x7fELF", "application/x-executable"),
]

# ISO base media (MP4 family): "ftyp" at offset 4, then the major brand.
_FTYP_BRANDS: dict[bytes, str] = {
    b"heic": "image/heic", b"heix": "image/heic", b"heim": "image/heic", b"heis": "image/heic",
    b"mif1": "image/heif", b"msf1": "image/heif", b"avif": "image/avif",
    b"M4A ": "audio/mp4", b"M4B ": "audio/mp4", b"M4V ": "video/x-m4v",
    b"qt  ": "video/quicktime", b"3gp4": "video/3gpp", b"3gp5": "video/3gpp",
}  # fmt: skip

_ZIP_KINDS: list[tuple[bytes, str]] = [
    (b"word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (b"xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (b"ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
]


def _riff(head: bytes) -> str | None:
    kind = head[8:12]
    return {b"WAVE": "audio/wav", b"WEBP": "image/webp", b"AVI ": "video/x-msvideo"}.get(kind)


def _zip(head: bytes, file_name: str | None) -> str:
    for marker, media in _ZIP_KINDS:
        if marker in head:
            return media
    guessed = mimetypes.guess_type(file_name)[0] if file_name else None
    if guessed and (guessed.startswith("application/vnd.") or guessed.endswith("+zip")):
        return guessed  # an OOXML/ODF file whose parts are not in the first bytes
    return "application/zip"


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    for cut in range(4):  # the head may end inside a multi-byte character
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\t\n\r\f\v\x1b" for ch in text)
    return False


def sniff_media_type(head: bytes, file_name: str | None) -> str:
    """The media type of content starting with ``head`` (a few KiB), named ``file_name``."""
    for offset, magic, media in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if media == "video/x-matroska" and b"webm" in head[:64]:
                return "video/webm"
            return media
    if head[:4] == b"RIFF" and (riff := _riff(head)):
        return riff
    if head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip(head, file_name)
    if head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio/mpeg"  # MP3 frame without an ID3 tag
    if file_name and (guessed := mimetypes.guess_type(file_name, strict=False)[0]):
        return guessed
    if _is_text(head):
        return "text/plain"
    return OCTET_STREAM
