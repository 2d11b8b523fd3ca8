"""Taking files into a case off the GUI thread: one progress bar over all files, and Cancel.

Files go in one after another on the background lane. Cancel stops the file being read at
once; the evidence store then removes what it had written (nothing of that file remains), and
the files still waiting are not started. Files already added stay.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Case, Evidence
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services import errors
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence

BAR_STEPS = 1000


def expand(paths: list[Path]) -> list[Path]:
    """Dropped or chosen paths as files: a folder stands for every file inside it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file())
        else:
            files.append(path)
    return files


@dataclass
class IntakeResult:
    added: list[Evidence] = field(default_factory=list)
    failed: list[tuple[str, BaseException]] = field(default_factory=list)
    cancelled: bool = False
    not_started: int = 0


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class IntakePanel(QWidget):
    """Shown while files are being added. Emits ``finished(IntakeResult)``."""

    finished = Signal(object)

    def __init__(self, worker: Worker, case_file: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.case_file = worker, case_file
        self.flag = None
        self.names: list[str] = []
        self.ends: list[int] = []
        self.label = QLabel(self)
        # A long file name must not widen the window (it made it ~70 px wider): the label takes
        # the room it is given and shows the whole name in its tooltip.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setAccessibleName(self.tr("Adding files"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 2)
        row.addWidget(self.bar, 3)
        row.addWidget(self.cancel_button)
        self.setVisible(False)

    @property
    def busy(self) -> bool:
        return self.flag is not None

    def start(self, case: Case, paths: list[Path], source_note: str = "") -> bool:
        """Begin adding ``paths`` (False if an intake is already running)."""
        if self.busy or not paths:
            return False
        sizes = [_size(p) for p in paths]
        total = max(sum(sizes), 1)
        self.names = [p.name for p in paths]
        self.ends = [sum(sizes[: i + 1]) for i in range(len(sizes))]
        flag = self.flag = self.worker.cancel_flag()
        files = self.case_file

        def work(report) -> IntakeResult:  # type: ignore[no-untyped-def]
            result, before = IntakeResult(), 0
            for index, (path, size) in enumerate(zip(paths, sizes, strict=True)):
                if flag.is_set():
                    result.cancelled = True
                    result.not_started = len(paths) - index
                    break
                try:
                    result.added.append(
                        add_evidence(
                            files,
                            case,
                            path,
                            source_note=source_note,
                            progress=lambda done, _t, b=before: report(b + done, total),
                            cancel=flag.is_set,
                        )
                    )
                except errors.evidence.IntakeCancelled:
                    result.cancelled = True
                    result.not_started = len(paths) - index - 1
                    break
                except (LawnotebookError, OSError) as exc:
                    result.failed.append((path.name, exc))
                before += size
                report(before, total)
            return result

        self.bar.setValue(0)
        self._progress(0, total)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)
        self.worker.submit_long(work, self._done, self._failed, self._progress, owner=self)
        return True

    def _progress(self, done: int, total: int | None) -> None:
        if not total:
            return
        self.bar.setValue(int(BAR_STEPS * min(done / total, 1.0)))
        index = next((i for i, end in enumerate(self.ends) if done < end), len(self.ends) - 1)
        self.label.setText(
            self.tr("Adding “{name}” ({n} of {count})").format(
                name=self.names[index], n=index + 1, count=len(self.names)
            )
        )
        self.label.setToolTip(self.label.text())

    def cancel(self) -> None:
        if self.flag is not None:
            self.flag.set()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _done(self, result: IntakeResult) -> None:
        self.flag = None
        self.setVisible(False)
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._done(IntakeResult(failed=[("", exc)]))

    def summary(self, result: IntakeResult) -> str:
        """One or two plain sentences about what happened (empty when all went in)."""
        parts = []
        if result.cancelled:
            parts.append(
                self.tr(
                    "Cancelled. {n} file(s) were added before that; the file being added was not "
                    "stored, and {rest} more were not started."
                ).format(n=len(result.added), rest=result.not_started)
            )
        for name, exc in result.failed:
            parts.append(f"{name}: {explain(exc)}" if name else explain(exc))
        return " ".join(parts)

    def forget_plaintext(self) -> None:
        self.cancel()
