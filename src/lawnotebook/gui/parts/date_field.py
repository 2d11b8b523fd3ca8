"""A date typed as text: exact or uncertain, English or Chinese, checked as the user leaves it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from lawnotebook.core.dates import FuzzyDate, InvalidDate
from lawnotebook.gui.parts.form_parts import ErrorLine
from lawnotebook.gui.parts.messages import explain


class DateField(QWidget):
    """A line edit plus an inline message; a bad date keeps its text and says what is wrong."""

    def __init__(self, accessible_name: str, *, optional: bool = False, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.optional = optional
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(self.tr("e.g. 2016-07-15 14:30, 2016-07, before 2016-06"))
        self.edit.setToolTip(
            self.tr(
                "Exact or uncertain: 2016-07-15, 2016-07-15 14:30, 2016-07, 2016, "
                "before 2016-06-15, after 2016, about 1997-07, between 2016-07 and 2016-09, "
                "2016年7月, 2016年7月之前"
            )
        )
        self.error = ErrorLine(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.editingFinished.connect(self._check)
        self.edit.textEdited.connect(lambda _t: self.error.clear())

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)
        self.error.clear()

    def clear(self) -> None:
        self.edit.clear()
        self.error.clear()

    def _check(self) -> None:
        if self.edit.text().strip():
            self.parsed()

    def parsed(self) -> FuzzyDate | None:
        """The date, or ``None`` when empty and optional; on a bad date shows why, keeps the
        text, and raises :class:`InvalidDate`."""
        text = self.edit.text().strip()
        if not text:
            if self.optional:
                return None
            self.error.show_text(self.tr("A date is needed here."))
            raise InvalidDate("empty")
        try:
            value = FuzzyDate.parse(text)
        except InvalidDate as exc:
            self.error.show_text(explain(exc))
            raise
        self.error.clear()
        return value
