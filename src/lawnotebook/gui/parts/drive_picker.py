"""Where to write: removable drives first (found again on "Look again"), or any folder chosen by
hand. Used by the share wizard (a bundle) and the backup dialog (a backup)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.gui.parts import drives
from lawnotebook.gui.parts.file_dialogs import choose_folder
from lawnotebook.services.reports import size_text

DRIVE_ROLE = Qt.ItemDataRole.UserRole + 1  # set on places found as removable drives


class DrivePicker(QWidget):
    """A list of places; emits ``changed`` when the chosen one changes. ``folder_title`` is
    the caption of the folder dialog ("Where to write the bundle")."""

    changed = Signal()

    def __init__(self, folder_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder_title = folder_title
        self.places = QListWidget(self)
        self.places.setAlternatingRowColors(True)
        self.places.setAccessibleName(self.tr("Destination"))
        # Not auto-default: after choosing a folder, Enter means go on, not "choose again".
        self.other = QPushButton(self.tr("Choose another folder…"), self)
        self.other.setAutoDefault(False)
        self.other.clicked.connect(self._choose)
        self.look_again = QPushButton(self.tr("&Look again"), self)
        self.look_again.setAutoDefault(False)
        self.look_again.clicked.connect(self.list_drives)
        self.no_drive = QLabel(
            self.tr(
                "No USB stick found. Plug one in and press Look again, or choose another folder."
            ),
            self,
        )
        self.no_drive.setWordWrap(True)
        self.no_drive.hide()
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addWidget(self.look_again)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.places, 1)
        layout.addWidget(self.no_drive)
        layout.addLayout(row)
        self.places.currentRowChanged.connect(lambda _r: self.changed.emit())

    def list_drives(self) -> None:
        """List the removable drives mounted now, then the folders chosen by hand."""
        chosen = [
            self.places.item(i)
            for i in range(self.places.count())
            if self.places.item(i).data(DRIVE_ROLE) is None
        ]
        folders = [(item.data(Qt.ItemDataRole.UserRole), item.text()) for item in chosen]
        self.places.clear()
        found = drives.removable_drives()
        for drive in found:
            self.add_place(
                Path(drive.path),
                self.tr("{label} — removable drive, {free} free").format(
                    label=drive.label, free=size_text(drive.free_bytes)
                ),
            )
            self.places.item(self.places.count() - 1).setData(DRIVE_ROLE, True)
        for folder, text in folders:  # folders chosen by hand stay on the list
            self.add_place(folder, text)
        self.no_drive.setVisible(not found)
        if self.places.count():
            self.places.setCurrentRow(0)
        self.changed.emit()

    def add_place(self, folder: Path, text: str | None = None) -> None:
        item = QListWidgetItem(text or str(folder), self.places)
        item.setData(Qt.ItemDataRole.UserRole, Path(folder))
        self.places.setCurrentItem(item)
        self.places.setFocus()
        self.changed.emit()

    def _choose(self) -> None:
        folder = choose_folder(self, self.folder_title)
        if folder is not None:
            self.add_place(folder)

    def folder(self) -> Path | None:
        item = self.places.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
