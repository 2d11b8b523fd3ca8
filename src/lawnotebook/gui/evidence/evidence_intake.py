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
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.messages import explain
from lawnotebook.services import errors
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence

BAR_STEPS = 1000


class EmptyFolder(Exception):
    """A folder dropped or chosen holds no file (said to the lawyer; never raised)."""


def expand(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, BaseException]]]:
    """Dropped or chosen paths as files: a folder stands for every file inside it. Returns the
    files and the folders that hold none (each to be reported, not dropped without a word)."""
    files: list[Path] = []
    empty: list[tuple[Path, BaseException]] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file())
            files += inside
            empty += [] if inside else [(path, EmptyFolder(str(path)))]
        else:
            files.append(path)  # a missing one too: the intake says it was not found
    return files, empty


@dataclass
class IntakeResult:
    added: list[Evidence] = field(default_factory=list)
    failed: list[tuple[Path | str, BaseException]] = field(default_factory=list)
    cancelled: bool = False
    not_started: int = 0
    chosen: int = 0  # files (and empty folders) the lawyer gave, for "2 of 4 were not added"

    @property
    def duplicates(self) -> list[tuple[Path, errors.evidence.DuplicateEvidence]]:
        """The files not added because the case already holds them (a second record may be
        kept for another source)."""
        return [
            (path, exc)
            for path, exc in self.failed
            if isinstance(path, Path) and isinstance(exc, errors.evidence.DuplicateEvidence)
        ]


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

    def start(
        self,
        case: Case,
        paths: list[Path],
        source_note: str = "",
        *,
        another_source: bool = False,
        skipped: list[tuple[Path, BaseException]] | None = None,
    ) -> bool:
        """Begin adding ``paths`` (False if an intake is already running); ``skipped`` are
        reported with the intake's result; ``another_source`` keeps second records of files
        already in the case, for the source ``source_note`` (see ``add_evidence``)."""
        if self.busy or not paths:
            return False
        skipped = list(skipped or [])
        sizes = [_size(p) for p in paths]
        total = max(sum(sizes), 1)
        self.names = [p.name for p in paths]
        self.ends = [sum(sizes[: i + 1]) for i in range(len(sizes))]
        flag = self.flag = self.worker.cancel_flag()
        files = self.case_file

        def work(report) -> IntakeResult:  # type: ignore[no-untyped-def]
            result, before = IntakeResult(failed=skipped, chosen=len(paths) + len(skipped)), 0
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
                            another_source=another_source,
                        )
                    )
                except errors.evidence.IntakeCancelled:
                    result.cancelled = True
                    result.not_started = len(paths) - index - 1
                    break
                except (LawnotebookError, OSError) as exc:
                    result.failed.append((path, exc))
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
        files = [(p, exc) for p, exc in result.failed if p]
        if files:
            parts.append(
                self.tr("{n} of {count} file(s) were not added:").format(
                    n=len(files), count=max(result.chosen, len(files))
                )
            )
        for path, exc in result.failed:
            name = Path(path).name if path else ""
            line = self.tr("• {name}: {reason}") if name else "{reason}"
            parts.append(
                line.format(name=name, reason=self.reason(exc, path) if name else explain(exc))
            )
        return "\n".join(parts)

    def reason(self, exc: BaseException, path: Path | str = "") -> str:
        """Why one file was not added, in plain words (the item it matches, for a duplicate)."""
        if isinstance(exc, errors.evidence.DuplicateEvidence) and exc.existing is not None:
            match = exc.existing
            if isinstance(exc, errors.evidence.DuplicateSource):
                return self.tr(
                    "already in the case as “{match}” (added {when}); a second record of it "
                    "needs a source that no record of it gives yet."
                ).format(match=match.file_name, when=i18n.time_text(match.added_at))
            return self.tr(
                "already in the case: the same file as “{match}”, added {when}. It was not "
                "added again."
            ).format(match=match.file_name, when=i18n.time_text(match.added_at))
        if isinstance(exc, EmptyFolder):
            return self.tr("a folder with no files in it.")
        if isinstance(exc, errors.evidence.SourceChanged):
            return explain(exc)
        if isinstance(exc, errors.evidence.SourceUnreadable | OSError) and path:
            if not os.path.lexists(path):
                return self.tr("not found: it was moved, renamed or deleted.")
            if os.path.isdir(path):
                return self.tr("a folder, not a file.")
            if not os.path.isfile(path):
                return self.tr("not a file (a device or a link to nothing).")
            if not os.access(path, os.R_OK):
                return self.tr("not yours to read: the computer refused to open it.")
        return explain(exc)

    def forget_plaintext(self) -> None:
        self.cancel()
