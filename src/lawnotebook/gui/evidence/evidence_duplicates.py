"""Files the case already holds: not added again, unless the lawyer keeps a second record of
one received from another source (issue 16, point 1). The dialog asks where this copy came
from; a source a record of the file already gives is refused before anything is read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.records import Evidence
from lawnotebook.gui.parts import i18n
from lawnotebook.services import errors


class SecondSourceDialog(QDialog):
    """Keep second records of ``duplicates`` (path, DuplicateEvidence) for one new source."""

    def __init__(
        self,
        duplicates: list[tuple[Path, errors.evidence.DuplicateEvidence]],
        records: list[Evidence],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keep a second record"))
        self.paths = [path for path, _ in duplicates]
        matches = [exc.existing for _, exc in duplicates if exc.existing is not None]
        shas = {m.sha256 for m in matches}
        self.taken = {e.source.strip().casefold() for e in records if e.sha256 in shas}
        lines = [
            self.tr(
                "“{name}” is the same file as “{match}”, added {when} (source: {source})."
            ).format(
                name=path.name,
                match=exc.existing.file_name,
                when=i18n.time_text(exc.existing.added_at),
                source=exc.existing.source or self.tr("none given"),
            )
            for path, exc in duplicates
            if exc.existing is not None
        ]
        intro = QLabel(
            "\n".join(
                [
                    *lines,
                    "",
                    self.tr(
                        "The case keeps one record per file. Keep a second record only if you "
                        "received this copy from another source; it is shown as the same file, "
                        "received from that source."
                    ),
                ]
            ),
            self,
        )
        intro.setWordWrap(True)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("e.g. prosecution disclosure, 2024-06-03"))
        self.source.textChanged.connect(self._check)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Received from:"), self.source)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Keep second record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    def source_text(self) -> str:
        return self.source.text().strip()

    def _check(self) -> None:
        given = self.source_text().casefold()
        taken = bool(given) and given in self.taken
        self.problem.setText(
            self.tr("A record of this file already gives that source: name the other one.")
            if taken
            else ""
        )
        self.problem.setVisible(taken)
        self.ok.setEnabled(bool(given) and not taken)
