"""Locking after a quiet spell: any key, click, wheel or input-method event counts as activity."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without activity while running."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self._last = time.monotonic()
        self._check = QTimer(self)
        self._check.timeout.connect(self._tick)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # application-wide: every window, dialog and popup

    def set_timeout(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        if self._check.isActive():
            self.start()

    def start(self) -> None:
        self._last = time.monotonic()
        # Check often enough to lock within ~1 s of the deadline (or a quarter of a short one).
        self._check.start(max(50, min(1000, self.timeout_ms // 4)))

    def stop(self) -> None:
        self._check.stop()

    @property
    def running(self) -> bool:
        return self._check.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._last = time.monotonic()  # cheap: no timer restart per mouse move
        return False

    def _tick(self) -> None:
        if (time.monotonic() - self._last) * 1000 >= self.timeout_ms:
            self.stop()
            self.idle.emit()
