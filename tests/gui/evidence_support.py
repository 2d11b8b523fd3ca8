"""Making evidence files in tests: images, PDFs and WAVs generated on the spot."""

from __future__ import annotations

import math
import struct

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A red image with one blue pixel at (5, 7)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.setPixelColor(5, 7, QColor("blue"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def pdf_bytes(pages: list[str]) -> bytes:
    """A PDF with one line of text per page."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 14))
    for i, text in enumerate(pages):
        if i:
            writer.newPage()
        painter.drawText(QPoint(200, 400), text)
    painter.end()
    del writer
    return bytes(buffer.data())


def wav_bytes(seconds: float = 2.0, rate: int = 8000) -> bytes:
    """A mono 16-bit 440 Hz tone."""
    n = int(seconds * rate)
    frames = b"".join(
        struct.pack("<h", int(9000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(n)
    )
    header = (
        b"RIFF"
        + struct.pack("<I", 36 + len(frames))
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data"
        + struct.pack("<I", len(frames))
    )
    return header + frames


def as_bytes(data: QByteArray) -> bytes:
    return bytes(data.data())
