"""In-app viewers for evidence: images, PDF, text and Markdown, audio and video.

None of them writes plaintext anywhere: images, PDFs and texts are decoded from bytes held in
memory; audio and video stream through
:class:`~lawnotebook.gui.evidence.viewers.blob_device.BlobDevice`
straight out of the encrypted evidence store. Every viewer has ``forget_plaintext()``, which
drops what it shows (called when the viewer closes and when the window locks).
"""

from __future__ import annotations

from pathlib import PurePath

# In-memory viewers read the whole file: above these sizes we offer an export instead.
MEMORY_LIMITS = {
    "image": 256 << 20,
    "pdf": 512 << 20,
    "text": 64 << 20,
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".csv", ".log", ".json", ".xml", ".srt", ".vtt"}


def viewer_kind(media_type: str, file_name: str = "") -> str:
    """Which viewer shows a file: image, pdf, text, markdown, media or other."""
    suffix = PurePath(file_name).suffix.lower()
    if media_type == "application/pdf":
        return "pdf"
    if media_type in ("text/markdown", "text/x-markdown") or suffix in (".md", ".markdown"):
        return "markdown"
    if media_type.startswith("image/") and media_type not in ("image/heic", "image/heif"):
        return "image"
    if media_type.startswith(("audio/", "video/")):
        return "media"
    if media_type.startswith("text/") or suffix in TEXT_SUFFIXES:
        return "text"
    return "other"


def in_memory(kind: str) -> bool:
    return kind in ("image", "pdf", "text", "markdown")


def memory_limit(kind: str) -> int:
    return MEMORY_LIMITS["text" if kind == "markdown" else kind]
