"""Photos and scans: zoom, rotate, an EXIF summary; decoded from bytes in memory only."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.services.evidence import exif_summary

MAX_PIXELS = 80_000_000  # larger images are decoded scaled down (memory stays bounded)
ALLOCATION_LIMIT_MB = 1024


def decode_image(data: bytes) -> tuple[QImage, QSize, str]:
    """The image (scaled down past :data:`MAX_PIXELS`), its full size and its format name."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader.setAutoTransform(True)  # EXIF orientation: show the photo the way it was taken
    full = reader.size()
    fmt = bytes(reader.format().data()).decode("ascii", "replace").upper()
    if full.isValid() and full.width() * full.height() > MAX_PIXELS:
        factor = (MAX_PIXELS / (full.width() * full.height())) ** 0.5
        reader.setScaledSize(QSize(int(full.width() * factor), int(full.height() * factor)))
    image = reader.read()
    buffer.close()
    buffer.setData(QByteArray())
    return image, full, fmt


class ImageViewer(QWidget):
    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image, full, fmt = decode_image(data)
        self.marks: list = []  # OCR word boxes to highlight (fractions of the image)
        self.zoom = 1.0
        self.rotation = 0
        self.fit = True
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Zoom in"), lambda: self.set_zoom(self.zoom * 1.25)),
            (self.tr("Zoom out"), lambda: self.set_zoom(self.zoom / 1.25)),
            (self.tr("Actual size"), lambda: self.set_zoom(1.0)),
            (self.tr("Fit"), self.fit_to_window),
            (self.tr("Rotate"), self.rotate),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lines = [f"{fmt}, {full.width()} × {full.height()} px"]
        if self.image.size() != full and not self.image.isNull():
            lines[0] += self.tr(" (shown reduced to save memory)")
        exif_labels = {  # spelled out so lupdate collects them (vault/evidence/exif_summary.py)
            "Camera make": self.tr("Camera make"),
            "Camera model": self.tr("Camera model"),
            "Software": self.tr("Software"),
            "Modified": self.tr("Modified"),
            "Taken": self.tr("Taken"),
            "Digitised": self.tr("Digitised"),
            "GPS position": self.tr("GPS position"),
        }
        for label, value in exif_summary(data):
            lines.append(
                self.tr("{label}: {value}").format(label=exif_labels.get(label, label), value=value)
            )
        if self.image.isNull():
            lines = [self.tr("This image could not be decoded. Its bytes are intact in the vault.")]
        self.info.setText("\n".join(lines))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.info)
        self.scroll.viewport().installEventFilter(self)
        self._show()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self.fit:
            self._show()

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        # The scroll area's viewport gets its real size after this widget's resize (and after
        # the viewer is placed): fitting to the size it had then made a ~30 px thumbnail.
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize and self.fit:
            self._show()
        return False

    def _shown_image(self) -> QImage:
        if not self.rotation:
            return self.image
        return self.image.transformed(QTransform().rotate(self.rotation))

    def _show(self) -> None:
        if self.image.isNull():
            self.picture.clear()
            return
        image = self._shown_image()
        if self.fit:
            room = self.scroll.viewport().size()
            scale = min(
                room.width() / max(image.width(), 1), room.height() / max(image.height(), 1), 1.0
            )
            self.zoom = max(scale, 0.01)
        size = QSize(
            max(int(image.width() * self.zoom), 1), max(int(image.height() * self.zoom), 1)
        )
        pixmap = QPixmap.fromImage(image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if self.marks:
            self._draw_marks(pixmap)
        self.picture.setPixmap(pixmap)

    def mark_boxes(self, boxes) -> None:  # type: ignore[no-untyped-def]
        """Highlight these OCR word boxes (``x0, y0, x1, y1`` as fractions of the image, as
        stored) with translucent rectangles, at any zoom and rotation."""
        self.marks = list(boxes)
        self._show()

    def marked_rects(self, width: float, height: float) -> list[QRectF]:
        """The marks in the unrotated image scaled to ``width`` × ``height``."""
        return [
            QRectF(b.x0 * width, b.y0 * height, (b.x1 - b.x0) * width, (b.y1 - b.y0) * height)
            for b in self.marks
        ]

    def _draw_marks(self, pixmap: QPixmap) -> None:
        turned = self.rotation in (90, 270)
        width, height = (
            (pixmap.height(), pixmap.width()) if turned else (pixmap.width(), pixmap.height())
        )
        painter = QPainter(pixmap)
        painter.translate(pixmap.width() / 2, pixmap.height() / 2)
        painter.rotate(self.rotation)
        painter.translate(-width / 2, -height / 2)
        painter.setPen(QColor(200, 120, 0, 220))
        painter.setBrush(QColor(255, 200, 0, 90))
        for rect in self.marked_rects(width, height):
            painter.drawRect(rect)
        painter.end()

    def set_zoom(self, zoom: float) -> None:
        self.fit = False
        self.zoom = min(max(zoom, 0.02), 16.0)
        self._show()

    def fit_to_window(self) -> None:
        self.fit = True
        self._show()

    def rotate(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self._show()

    def forget_plaintext(self) -> None:
        self.marks = []
        self.image = QImage()
        self.picture.clear()
        self.info.clear()
