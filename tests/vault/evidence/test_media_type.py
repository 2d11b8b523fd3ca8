"""Media types of common evidence files, from their first bytes (and then their names)."""

from __future__ import annotations

import pytest

from lawnotebook.vault.evidence import sniff_media_type

OOXML_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OOXML_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"%PDF-1.4\n", "scan.bin", "application/pdf"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", None, "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00", "x.jpg", "image/png"),  # content beats a wrong name
        (b"GIF89a\x01\x00", None, "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", None, "image/webp"),
        (b"II*\x00\x08\x00", None, "image/tiff"),
        (b"MM\x00*\x00\x00", None, "image/tiff"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", None, "image/heic"),
        (b"ID3\x04\x00", None, "audio/mpeg"),
        (b"\xff\xfb\x90\x00", None, "audio/mpeg"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None, "audio/wav"),
        (b"OggS\x00\x02", None, "audio/ogg"),
        (b"\x00\x00\x00\x20ftypM4A \x00", None, "audio/mp4"),
        (b"\x00\x00\x00\x20ftypisom\x00", None, "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00", None, "video/quicktime"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01matroska", None, "video/x-matroska"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", None, "video/webm"),
        (b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"word/document.xml", None, OOXML_WORD),
        (b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"[Content_Types].xml", "a.xlsx", OOXML_SHEET),
        (b"PK\x03\x04\x14\x00" + b"\x00" * 24 + b"photos/1.jpg", "bundle.zip", "application/zip"),
        ("律师会见笔录\n2016-06-15".encode(), None, "text/plain"),
        ("律师".encode()[:-1], None, "text/plain"),  # head cut inside a character
        (b"plain notes", "notes.csv", "text/csv"),
        (b"\x00\x01\x02\x03", "mystery", "application/octet-stream"),
        (b"", None, "application/octet-stream"),
    ],
)
def test_sniff(head: bytes, name: str | None, expected: str) -> None:
    assert sniff_media_type(head, name) == expected
