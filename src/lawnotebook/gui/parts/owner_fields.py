"""Your name, law firm and licence number: asked when the vault is made, changed in Settings.

The name goes on your key card (colleagues see it there and on every bundle you send); the
firm and licence number are printed in the head of reports. All three are optional.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from lawnotebook.services.owner import (
    MAX_FIRM_CHARS,
    MAX_LICENCE_CHARS,
    MAX_NAME_CHARS,
    OwnerProfile,
)


class OwnerFields(QWidget):
    """Three labelled fields; the name left empty keeps (or gives) the default name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setPlaceholderText(self.tr("As colleagues know you, e.g. Zhang Wei"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.firm = QLineEdit(self)
        self.firm.setMaxLength(MAX_FIRM_CHARS)
        self.firm.setPlaceholderText(self.tr("Optional"))
        self.firm.setAccessibleName(self.tr("Law firm"))
        self.licence = QLineEdit(self)
        self.licence.setMaxLength(MAX_LICENCE_CHARS)
        self.licence.setPlaceholderText(self.tr("Optional"))
        self.licence.setAccessibleName(self.tr("Licence number"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Your &name"), self.name)
        form.addRow(self.tr("Law &firm"), self.firm)
        form.addRow(self.tr("&Licence number"), self.licence)
        note = QLabel(
            self.tr(
                "Your name is on your key card: colleagues see it there and on the bundles you "
                "send. The firm and licence number are printed in the head of reports. All "
                "three are optional and can be changed later in Settings."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.note = note

    def set_profile(self, profile: OwnerProfile) -> None:
        self.name.setText("" if profile.is_default_name else profile.name)
        self.firm.setText(profile.firm)
        self.licence.setText(profile.licence)

    def profile(self) -> OwnerProfile:
        """What was typed (checked when it is stored)."""
        return OwnerProfile(self.name.text(), self.firm.text(), self.licence.text())
