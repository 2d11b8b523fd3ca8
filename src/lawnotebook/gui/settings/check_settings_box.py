"""Settings → "Legality checks": the two fatigue thresholds the law does not fix (N hours of
questioning in 24 hours, M hours of rest) and the charges that make a case one where life
imprisonment or death is possible. Kept inside the vault (services/check_settings.py)."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.services.check_settings import (
    HOURS_RANGE,
    MAX_CHARGE_CHARS,
    MAX_CHARGES,
    CheckSettings,
    CheckSettingsAccess,
    checked_settings,
    split_charges,
)


def _hours(parent: QWidget, value: float, name: str, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(*HOURS_RANGE)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(suffix)
    box.setValue(value)
    box.setAccessibleName(name)
    return box


class CheckSettingsBox(QGroupBox):
    """The group in the Settings dialog; :meth:`store` on OK (``False`` and a message when a
    value cannot be used, nothing stored)."""

    def __init__(self, access: CheckSettingsAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Legality checks"))
        self.access = access
        now = access.get()
        self.max_hours = _hours(
            self,
            now.max_questioning_hours,
            self.tr("Questioning hours in 24 hours that make a finding"),
            self.tr(" h"),
        )
        self.min_rest = _hours(
            self,
            now.min_rest_hours,
            self.tr("Shortest rest that counts as real rest"),
            self.tr(" h"),
        )
        self.serious = QPlainTextEdit(self)
        self.serious.setAccessibleName(
            self.tr("Charges where life imprisonment or death is possible")
        )
        self.serious.setPlainText("\n".join(now.serious_charges))
        self.serious.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.serious.setMinimumHeight(lines * 4 + 12)
        self.serious.setMaximumHeight(lines * 7 + 12)
        self.defaults = QPushButton(self.tr("Restore the defaults"), self)
        self.defaults.clicked.connect(lambda: self.show_settings(CheckSettings()))
        note = QLabel(
            self.tr(
                "The law sets no number of hours: the defaults are 12 and 6 (the user guide says "
                "why). A charge is serious when a word of the list occurs in it; whether life "
                "imprisonment or death is possible in your case is your call (one per line). "
                "Kept inside the vault; every finding, report and motion uses them."
            ),
            self,
        )
        note.setWordWrap(True)
        self.error = ErrorLine(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Too many hours of questioning: more than"), self.max_hours)
        form.addRow(self.tr("Real rest: at least"), self.min_rest)
        form.addRow(self.tr("Serious charges"), self.serious)
        form.addRow("", self.defaults)
        form.addRow(note)
        form.addRow(self.error)

    def show_settings(self, settings: CheckSettings) -> None:
        self.max_hours.setValue(settings.max_questioning_hours)
        self.min_rest.setValue(settings.min_rest_hours)
        self.serious.setPlainText("\n".join(settings.serious_charges))

    def typed(self) -> CheckSettings:
        """What the fields say, checked (:class:`InvalidInput` if unusable)."""
        return checked_settings(
            self.max_hours.value(),
            self.min_rest.value(),
            split_charges(self.serious.toPlainText()),
        )

    def changed(self) -> bool:
        try:
            return self.typed() != self.access.get()
        except ValueError:
            return True

    def _problem(self) -> str | None:
        """What is wrong with the typed list, in the interface's language (the hours cannot be
        wrong: the boxes hold only what can be used)."""
        words = split_charges(self.serious.toPlainText())
        if len(words) > MAX_CHARGES:
            return self.tr(
                "The list of serious charges can hold at most %n entries.", "", MAX_CHARGES
            )
        for word in words:
            if len(word) > MAX_CHARGE_CHARS:
                return self.tr(
                    "“%1” is too long for a charge: at most %n characters.", "", MAX_CHARGE_CHARS
                ).replace("%1", word[:12] + "…")
            if any(unicodedata.category(c) in ("Cc", "Cf") for c in word):
                return self.tr("A serious charge cannot contain invisible control characters.")
        return None

    def store(self) -> bool:
        from lawnotebook.core.errors import LawnotebookError
        from lawnotebook.gui.parts.messages import explain

        problem = self._problem()
        try:
            if problem is None:
                self.access.set(self.typed())
        except LawnotebookError as exc:
            problem = explain(exc)
        if problem is not None:
            self.error.show_text(problem)
            self.serious.setFocus()
            return False
        self.error.clear()
        return True
