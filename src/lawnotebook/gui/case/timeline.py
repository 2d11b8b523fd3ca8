"""The chronology drawn on a time axis: a dot for an exact date, a bar for a span (a month, a
year, "between"), an arrow for "before"/"after", a faded bar for "about"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lawnotebook.core.dates import DatePoint, FuzzyDate
from lawnotebook.core.records import ChronologyEvent
from lawnotebook.gui.parts import i18n

ROW = 26
AXIS = 30
MARGIN = 16
LABEL_GAP = 8
OPEN_END = 0.08  # how far (of the whole span) an open-ended arrow reaches


def _days(iso_minute: str) -> float:
    return datetime.fromisoformat(iso_minute).timestamp() / 86400.0


def _anchor(event: ChronologyEvent) -> tuple[float | None, float | None]:
    date = event.date
    return (
        _days(date.earliest) if date.earliest else None,
        _days(date.latest) if date.latest else None,
    )


class Timeline(QWidget):
    """Paints one row per event, in chronology order; ``event_clicked(id)`` on a click."""

    event_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[ChronologyEvent] = []
        self.selected: str | None = None
        self.setAccessibleName(self.tr("Timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(360)

    def set_events(self, events: Sequence[ChronologyEvent]) -> None:
        self.events = sorted(events, key=lambda e: e.date.sort_key())
        self.updateGeometry()
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def select(self, event_id: str | None) -> None:
        self.selected = event_id
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, AXIS + MARGIN + ROW * max(1, len(self.events)))

    def _range(self) -> tuple[float, float]:
        points = [p for e in self.events for p in _anchor(e) if p is not None]
        if not points:
            return 0.0, 1.0
        low, high = min(points), max(points)
        pad = max((high - low) * 0.06, 15.0)
        return low - pad, high + pad

    def _x(self, day: float, low: float, high: float) -> float:
        width = max(self.width() - 2 * MARGIN, 10)
        return MARGIN + (day - low) / (high - low) * width

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        if not self.events:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No events yet"))
            return
        low, high = self._range()
        self._paint_axis(painter, low, high, pal)
        accent = pal.color(QPalette.ColorRole.Highlight)
        for row, event in enumerate(self.events):
            y = AXIS + MARGIN / 2 + row * ROW + ROW / 2
            if event.id == self.selected:
                painter.fillRect(QRectF(0, y - ROW / 2, self.width(), ROW), accent.lighter(185))
            right = self._paint_marker(painter, event, y, low, high, accent)
            painter.setPen(text)
            label = f"{i18n.date_text(event.date)}  {event.title}"
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(label)
            x = right + LABEL_GAP
            if x + width > self.width() - 4:  # no room on the right: put the label on the left
                start, _ = self._span_x(event, low, high)
                x = max(4, start - LABEL_GAP - width)
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), label)

    def _span_x(self, event: ChronologyEvent, low: float, high: float) -> tuple[float, float]:
        earliest, latest = _anchor(event)
        reach = (high - low) * OPEN_END
        start = earliest if earliest is not None else (latest or low) - reach
        end = latest if latest is not None else (earliest or high) + reach
        return self._x(start, low, high), self._x(end, low, high)

    def _paint_marker(
        self,
        painter: QPainter,
        event: ChronologyEvent,
        y: float,
        low: float,
        high: float,
        accent: QColor,
    ) -> float:
        x0, x1 = self._span_x(event, low, high)
        kind = event.date.kind
        painter.setPen(Qt.PenStyle.NoPen)
        if kind == "on" and x1 - x0 < 6:
            painter.setBrush(accent)
            painter.drawEllipse(QPointF((x0 + x1) / 2, y), 5, 5)
            return (x0 + x1) / 2 + 5
        if kind in ("before", "after"):
            pen = QPen(accent, 2.5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            tip, back = (x0, 8) if kind == "before" else (x1, -8)
            head = QPainterPath(QPointF(tip, y))
            head.lineTo(tip + back, y - 5)
            head.lineTo(tip + back, y + 5)
            head.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawPath(head)
            bound = x1 if kind == "before" else x0  # the known bound: a short tick
            painter.setPen(QPen(accent, 2))
            painter.drawLine(QPointF(bound, y - 6), QPointF(bound, y + 6))
            return x1
        color = QColor(accent)
        if kind == "about":
            color.setAlpha(110)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(x0, y - 5, max(x1 - x0, 6), 10), 4, 4)
        return max(x1, x0 + 6)

    def _paint_axis(self, painter: QPainter, low: float, high: float, pal: QPalette) -> None:
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(MARGIN, AXIS - 4), QPointF(self.width() - MARGIN, AXIS - 4))
        first = datetime.fromtimestamp(low * 86400).year
        last = datetime.fromtimestamp(high * 86400).year
        years = list(range(first, last + 2))
        step = max(1, len(years) // 10)
        monthly = high - low < 550  # under ~18 months: a tick and label per month
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        for year in years[::step]:
            for month in range(1, 13) if monthly else (1,):
                day = datetime(year, month, 1).timestamp() / 86400
                if not low <= day <= high:
                    continue
                x = self._x(day, low, high)
                painter.drawLine(QPointF(x, AXIS - 8), QPointF(x, AXIS))
                tick = DatePoint(year, month) if monthly else DatePoint(year)
                label = i18n.date_text(FuzzyDate("on", tick))
                painter.drawText(QPointF(x + 3, AXIS - 10), label)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = int((event.position().y() - AXIS - MARGIN / 2) // ROW)
        if 0 <= row < len(self.events):
            self.select(self.events[row].id)
            self.event_clicked.emit(self.events[row].id)
