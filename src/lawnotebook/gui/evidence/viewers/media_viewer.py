"""Audio and video evidence, streamed out of the evidence store (never a temp file), with seek."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from lawnotebook.gui.evidence.viewers.blob_device import BlobDevice

if TYPE_CHECKING:
    from lawnotebook.services.evidence import BlobReader


def clock(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class MediaViewer(QWidget):
    def __init__(self, reader: BlobReader, file_name: str, media_type: str, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.device = BlobDevice(reader, self)
        self.device.open(BlobDevice.OpenModeFlag.ReadOnly)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setVisible(media_type.startswith("video/"))
        self.player.setVideoOutput(self.video)
        self.play = QPushButton(self.tr("Play"), self)
        self.play.clicked.connect(self.toggle)
        self.position = QSlider(Qt.Orientation.Horizontal, self)
        self.position.setAccessibleName(self.tr("Position"))
        self.position.sliderMoved.connect(self.player.setPosition)
        self.time = QLabel("0:00 / 0:00", self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.play)
        row.addWidget(self.position, 1)
        row.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        if not media_type.startswith("video/"):
            layout.addStretch(1)
        self.player.durationChanged.connect(self._duration)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)
        self.player.errorOccurred.connect(self._error)
        # Only the extension goes to the backend (a hint for the demuxer), never the file name.
        suffix = PurePath(file_name).suffix.lower()[:8]
        self.player.setSourceDevice(self.device, QUrl(f"evidence{suffix}"))

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        self.player.setPosition(ms)

    def _duration(self, ms: int) -> None:
        self.position.setRange(0, ms)
        self._position(self.player.position())

    def _position(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        self.time.setText(f"{clock(ms)} / {clock(self.player.duration())}")

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _error(self, _error: object, _text: str) -> None:
        if self.device.failure is not None:
            self.status.setText(
                self.tr("Playback stopped: this file was altered or damaged in the vault.")
            )
        else:
            self.status.setText(
                self.tr("This recording cannot be played here. Its bytes are intact in the vault.")
            )

    def forget_plaintext(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        self.device.close()
