"""The demo's evidence files, made in memory at start: a photo drawn with QPainter, a two-page
PDF from QPdfWriter, a WAV tone from ``wave``. Nothing is written to disk here: the bytes go
straight into the vault through ``add_evidence``. A QGuiApplication must exist.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from lawnotebook.gui.parts.fonts import load_shipped_fonts


@dataclass(frozen=True)
class DemoFile:
    name: str
    data: bytes
    description: str
    source: str


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def draw_photo(caption: str) -> bytes:
    """A stand-in for a medical photograph: a forearm, a bruise and a centimetre scale."""
    image = QImage(960, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d4cc"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c99a7c"))
    p.drawRoundedRect(QRectF(60, 200, 840, 230), 115, 115)
    for color, rect in (
        ("#7b4a6b", QRectF(430, 250, 190, 120)),
        ("#5d3556", QRectF(470, 275, 110, 70)),
    ):
        p.setBrush(QColor(color))
        p.drawEllipse(rect)
    p.setBrush(QColor("#f4f1ea"))
    p.setPen(QPen(QColor("#333333"), 2))
    p.drawRect(QRectF(300, 470, 400, 50))
    for mm in range(0, 101, 5):  # 10 cm at 4 px/mm
        x = 300 + mm * 4
        p.drawLine(x, 470, x, 470 + (22 if mm % 10 == 0 else 12))
    p.setFont(QFont("Sans Serif", 18))
    p.drawText(QRectF(40, 30, 880, 120), Qt.AlignmentFlag.AlignLeft, caption)
    p.end()
    return _png_bytes(image)


def write_pdf(pages: list[tuple[str, list[str]]]) -> bytes:
    """A short A4 PDF, one (heading, lines) per page, written into memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    writer.setTitle(pages[0][0])
    p = QPainter(writer)
    width = writer.width()
    for number, (heading, lines) in enumerate(pages):
        if number:
            writer.newPage()
        p.setFont(QFont("Sans Serif", 16, QFont.Weight.Bold))
        p.drawText(QRectF(0, 0, width, 120), Qt.AlignmentFlag.AlignLeft, heading)
        p.setFont(QFont("Sans Serif", 11))
        for row, line in enumerate(lines):
            p.drawText(QRectF(0, 160 + row * 60, width, 60), Qt.AlignmentFlag.AlignLeft, line)
        p.drawText(
            QRectF(0, writer.height() - 60, width, 60),
            Qt.AlignmentFlag.AlignRight,
            f"{number + 1} / {len(pages)}",
        )
    p.end()
    buffer.close()
    return bytes(data.data())


def image_pdf(images: list[QImage], page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> bytes:
    """An image-only PDF (no text layer, like a scanner's): each image fills a ``page``-sized
    page (A4 unless told)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(page))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(150)
    painter = QPainter(writer)
    for i, image in enumerate(images):
        if i:
            writer.newPage()
        painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    painter.end()
    del writer
    return bytes(buffer.data())


def tone_wav(seconds: float = 1.5, hertz: float = 440.0, rate: int = 16_000) -> bytes:
    """A quiet sine tone as a 16-bit mono WAV, standing in for a recorded meeting."""
    samples = array(
        "h",
        (
            int(6000 * math.sin(2 * math.pi * hertz * n / rate) * min(1.0, n / 800))
            for n in range(int(seconds * rate))
        ),
    )
    if sys.byteorder == "big":
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return out.getvalue()


def demo_files(lang: str) -> list[DemoFile]:
    """The three evidence files of the featured case (a QGuiApplication must exist)."""
    load_shipped_fonts()  # Chinese glyphs on computers without a CJK font
    if lang.startswith("zh"):
        return [
            DemoFile(
                "手腕伤情照片.png",
                draw_photo("DEMO — fictional photo / 演示：虚构照片\nLeft wrist, 2024-05-24"),
                "左手腕淤伤，入所体检时拍摄（虚构）",
                "看守所入所体检",
            ),
            DemoFile(
                "讯问笔录摘要.pdf",
                write_pdf(
                    [
                        ("讯问笔录摘要（演示，虚构）", _PDF_LINES_ZH[0]),
                        ("看守所登记（演示，虚构）", _PDF_LINES_ZH[1]),
                    ]
                ),
                "两页：讯问笔录摘要和看守所登记（虚构）",
                "侦查机关移送的案卷",
            ),
            DemoFile("会见录音.wav", tone_wav(), "会见录音的替代音频（演示）", "律师会见"),
        ]
    return [
        DemoFile(
            "wrist-photo.png",
            draw_photo("DEMO — fictional photo\nLeft wrist, 2024-03-17"),
            "Bruising on the left wrist, photographed at the remand centre (fictional).",
            "Harbour Road Remand Centre, medical unit",
        ),
        DemoFile(
            "custody-record.pdf",
            write_pdf(
                [
                    ("Custody record (DEMO, fictional)", _PDF_LINES_EN[0]),
                    ("Interview log (DEMO, fictional)", _PDF_LINES_EN[1]),
                ]
            ),
            "Two pages: the custody record and the interview log (fictional).",
            "Disclosed by the prosecution",
        ),
        DemoFile(
            "client-meeting.wav",
            tone_wav(),
            "Stand-in for the recording of the first client meeting (a tone).",
            "Recorded by counsel with the client's consent",
        ),
    ]


_PDF_LINES_EN = (
    [
        "Detainee: Daniel Mensah (fictional)",
        "Arrested: 14 March 2024, 21:40",
        "Booked in: Central Police Station, 22:25",
        "Taken to interview room 3: 23:10",
        "Returned to cell: 06:05 — no rest period recorded",
        "Solicitor requested: yes (twice) — not called",
    ],
    [
        "Interview 1: room 3, Sgt. Boateng and Det. Quaye, 23:10 – 06:05",
        "Video: camera in room 3 'not working'",
        "Caution given: not recorded",
        "Interview 2: room 1, Det. Quaye, 16 March 10:00 – 11:30, on video",
    ],
)
_PDF_LINES_ZH = (
    [
        "犯罪嫌疑人：刘志强（虚构）",
        "2024年5月20日22时30分被带至东江市公安局",
        "第一次讯问：23:00至次日09:00，无同步录音录像",
        "第二次讯问：5月22日14:00至20:30",
    ],
    [
        "刑事拘留：2024年5月24日",
        "入所体检：左手腕有淤伤",
        "家属收到拘留通知书：约2024年6月",
    ],
)
