"""Files no viewer shows: what is known about them, and a way to export a decrypted copy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from lawnotebook.core.records import Evidence
from lawnotebook.services.reports import size_text


class OtherViewer(QWidget):
    export_requested = Signal()

    def __init__(self, evidence: Evidence, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setText(
            "\n".join(
                [
                    reason,
                    "",
                    self.tr("Type: {t}").format(t=evidence.media_type),
                    self.tr("Size: {s} ({n:,} bytes)").format(
                        s=size_text(evidence.size), n=evidence.size
                    ),
                    f"SHA-256: {evidence.sha256}",
                ]
            )
        )
        self.export = QPushButton(self.tr("Export decrypted copy…"), self)
        self.export.clicked.connect(self.export_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.export, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def forget_plaintext(self) -> None:
        """Nothing decrypted is held here."""
