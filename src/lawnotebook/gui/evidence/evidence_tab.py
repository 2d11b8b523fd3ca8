"""A case's evidence: add files (drop or dialog; any size, with progress and Cancel), see what
each is (name, type, size, SHA-256, source, who added it and when), describe and link it, and
review it in the viewer beside the table without any plaintext reaching the disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import ChronologyEvent, Evidence, Interrogation, Person
from lawnotebook.gui.evidence.evidence_duplicates import SecondSourceDialog
from lawnotebook.gui.evidence.evidence_intake import IntakePanel, IntakeResult, expand
from lawnotebook.gui.evidence.evidence_links import EvidenceLinks
from lawnotebook.gui.evidence.evidence_text import progress_text, status_text
from lawnotebook.gui.evidence.evidence_viewer import EvidenceViewer
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.file_dialogs import open_files
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services.evidence import earlier_records
from lawnotebook.services.reports import size_text


def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files (and folders) a drag carries; empty if anything else is in it."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(u.isLocalFile() for u in urls):
        return []
    return [Path(u.toLocalFile()) for u in urls]


class EvidenceTab(RecordTab):
    key = "evidence"
    record_type = Evidence
    record_kind = "evidence"
    widths = (190, 110, 70, 110, 140, 170, 110, 120)

    def __init__(self, case_file, case, worker, parent: QWidget | None = None, text=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.worker = worker
        self.text = text  # TextReading (evidence text in the background), or None
        self.text_status: dict = {}  # evidence id -> JobStatus
        self.reading_now: set[str] = set()
        self.names: dict[str, str] = {}
        self.links: dict[str, list[str]] = {}
        self.earlier: dict[str, Evidence] = {}  # a second record's id -> the first record
        self.duplicates: list = []  # (path, DuplicateEvidence) of the last intake
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.clicked.connect(self.choose_files)
        hint = QLabel(self.tr("or drop files here. Files are stored encrypted in the vault."), self)
        hint.setWordWrap(True)  # never let the hint widen the window and squeeze the case list
        self.view_button = QPushButton(self.tr("View"), self)
        self.view_button.setToolTip(self.tr("Open in the viewer (recorded in the custody log)"))
        self.view_button.clicked.connect(self.open_current)
        self.copy_button = QPushButton(self.tr("Copy SHA-256"), self)
        self.copy_button.clicked.connect(self.copy_hash)
        self.link_button = QPushButton(self.tr("Link…"), self)
        self.link_button.setToolTip(self.tr("Link to events and interrogation sessions"))
        self.link_button.clicked.connect(self.edit_links)
        self.text_line = QLabel(self)
        # Its text grows as files are read: it must not widen the tab and move the case list.
        self.text_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text_line.setAccessibleName(self.tr("Reading evidence"))
        self.text_bar = QProgressBar(self)
        self.text_bar.setTextVisible(False)
        self.text_bar.setMaximumHeight(8)
        self.text_bar.setAccessibleName(self.tr("Reading evidence"))
        self.reread_button = QPushButton(self.tr("Read again"), self)
        self.reread_button.setToolTip(
            self.tr("Read the text of every file of this case again (for search)")
        )
        self.reread_button.clicked.connect(self.read_again)
        self.reread_button.setVisible(text is not None)
        self.pause_button = QPushButton(self.tr("Pause reading"), self)
        self.pause_button.setToolTip(
            self.tr("Stop reading evidence for now (until you resume, or the next unlock)")
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.pause_button.setVisible(False)
        self._progress = None  # the last progress shown
        self.intake = IntakePanel(worker, case_file, self)
        self.intake.finished.connect(self._intake_done)
        self.second_button = QPushButton(self.tr("Keep a second record, from another source…"))
        self.second_button.setToolTip(
            self.tr("For a file already in the case that you received again from elsewhere")
        )
        self.second_button.clicked.connect(self.keep_second_records)
        self.second_button.setVisible(False)
        self.viewer = EvidenceViewer(worker, case_file, self)
        self.viewer.setMinimumWidth(460)  # room to read a page, whatever the splitter says
        self.viewer.changed.connect(lambda: self.changed.emit("custody"))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.view_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.link_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(hint)  # its own line: a long hint must not crowd the buttons
        column.addWidget(self.intake)
        reading = QHBoxLayout()
        reading.addWidget(self.text_line, 1)
        reading.addWidget(self.text_bar, 1)
        reading.addWidget(self.pause_button)
        reading.addWidget(self.reread_button)
        column.addLayout(reading)
        column.addWidget(self.error)
        second = QHBoxLayout()
        second.addWidget(self.second_button)
        second.addStretch(1)
        column.addLayout(second)
        column.addWidget(self.view, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(left)
        self.split.addWidget(self.viewer)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)
        self.setAcceptDrops(True)
        table = self.view.table
        table.activated.connect(lambda _i: self.open_current())  # double-click or Enter
        self._show_progress(None)
        if text is not None:
            text.progressed.connect(self._progressed)
            text.started.connect(self.refresh_text)
            text.paused_changed.connect(self._pause_changed)  # a method: no call once closed

    def columns(self) -> list[Column]:
        return [
            Column(
                self.tr("File"),
                self._file_text,
                sort=lambda e: f"{e.file_name}\0{e.added_at}",  # a second record after the first
                tooltip=self._file_tip,
            ),
            Column(self.tr("Type"), lambda e: e.media_type),
            Column(self.tr("Size"), lambda e: size_text(e.size), sort=lambda e: e.size),
            Column(
                self.tr("SHA-256"),
                lambda e: e.sha256[:12] + "…",
                sort=lambda e: e.sha256,
                tooltip=lambda e: e.sha256,
            ),
            Column(
                self.tr("Source"),
                lambda e: e.source,
                edit=lambda e, v: replace(e, source=str(v).strip()),
            ),
            Column(
                self.tr("Description"),
                lambda e: e.description,
                edit=lambda e, v: replace(e, description=str(v).strip()),
            ),
            Column(self.tr("Added by"), lambda e: self.names.get(e.added_by, e.added_by[:11])),
            Column(self.tr("Added"), lambda e: i18n.time_text(e.added_at)),
            Column(self.tr("Linked to"), lambda e: ", ".join(self.links.get(e.id, []))),
            Column(
                self.tr("Text"),
                lambda e: status_text(self.text_status.get(e.id), e.id in self.reading_now),
                tooltip=lambda e: self._status_detail(e.id),
            ),
        ]

    def table_name(self) -> str:
        return self.tr("Evidence")

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        from lawnotebook.services.colleagues import known_names

        self.names = known_names(self.case_file.conn)
        self.links = {}
        for event in self.case_file.list(ChronologyEvent, self.case):
            for eid in event.evidence_ids:
                self.links.setdefault(eid, []).append(f"{event.date} {event.title}")
        for session in self.case_file.list(Interrogation, self.case):
            for eid in session.evidence_ids:
                self.links.setdefault(eid, []).append(
                    self.tr("interrogation {start}").format(start=session.start)
                )
        current = self.current_record_id()
        self._read_text_status()
        items = self.case_file.list(Evidence, self.case)
        people = {p.id: p.name for p in self.case_file.list(Person, self.case)}
        for item in items:  # people first: who the file is about
            named = [people[pid] for pid in item.person_ids if pid in people]
            self.links[item.id] = named + self.links.get(item.id, [])
        self.earlier = earlier_records(items)
        self.model.set_records(items)
        if current:
            self.view.select(current)

    # -- adding -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        self.add_files(open_files(self, self.tr("Add evidence files")))

    def add_files(
        self, paths: list[Path], source_note: str = "", *, another_source: bool = False
    ) -> bool:
        """Start taking ``paths`` in (folders: every file inside); False if busy or empty. What
        is not added (an empty folder, a missing file, a duplicate, ...) is said at the end."""
        if not paths:
            return False
        if self.intake.busy:
            self.error.show_text(self.tr("Wait until the files being added are in, or cancel."))
            return False
        files, skipped = expand(paths)
        self.error.clear()
        self._offer_second_records([])
        if not files:
            self._intake_done(IntakeResult(failed=list(skipped), chosen=len(skipped)))
            return False
        return self.intake.start(
            self.case, files, source_note, another_source=another_source, skipped=skipped
        )

    def _intake_done(self, result: IntakeResult) -> None:
        text = self.intake.summary(result)
        self.error.show_text(text) if text else self.error.clear()
        self._offer_second_records(result.duplicates)
        if result.added:
            if self.text is not None:
                self.text.wake()  # read the new files now, not at the next poll
            self.load()
            self.view.select(result.added[-1].id)
            self.changed.emit("evidence")

    def _offer_second_records(self, duplicates: list) -> None:
        self.duplicates = duplicates
        self.second_button.setVisible(bool(duplicates))

    def keep_second_records(self) -> None:
        """Ask where the copies of files already in the case came from, then keep them as
        second records for that source."""
        if not self.duplicates or self.intake.busy:
            return
        dialog = SecondSourceDialog(self.duplicates, self.model.records(), self)
        if dialog.exec():
            paths = [path for path, _ in self.duplicates]
            self.add_files(paths, dialog.source_text(), another_source=True)

    def _file_text(self, evidence: Evidence) -> str:
        first = self.earlier.get(evidence.id)
        if first is None:
            return evidence.file_name
        if evidence.source.strip().casefold() == first.source.strip().casefold():
            note = self.tr("same file as “{first}”")
        else:
            note = self.tr("same file as “{first}”, received from another source")
        return f"{evidence.file_name} — {note.format(first=first.file_name)}"

    def _file_tip(self, evidence: Evidence) -> str:
        first = self.earlier.get(evidence.id)
        if first is None:
            return evidence.file_name
        return self.tr(
            "A second record of the same file (the same SHA-256) as “{first}”, added {when} "
            "(source: {first_source}). This record is for the copy received from: {source}."
        ).format(
            first=first.file_name,
            when=i18n.time_text(first.added_at),
            first_source=first.source or self.tr("none given"),
            source=evidence.source or self.tr("none given"),
        )

    # -- text from evidence -------------------------------------------------------------------

    def _read_text_status(self) -> None:
        if self.text is None:
            return
        self.text_status = self.text.statuses(self.case.id)
        self.reading_now = set() if self.text.paused else self.text.reading_now()
        self._show_progress(self.text.progress(self.case.id))

    def _status_detail(self, evidence_id: str) -> str:
        status = self.text_status.get(evidence_id)
        return status.detail if status is not None else ""

    def _progressed(self, case_id: str, progress) -> None:  # type: ignore[no-untyped-def]
        if case_id == self.case.id:
            self.refresh_text()

    def refresh_text(self) -> None:
        """Re-read each item's text status and the progress line (GUI thread)."""
        if self.text is None:
            return
        self._read_text_status()
        column = len(self.model.columns) - 1
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(
                self.model.index(0, column), self.model.index(rows - 1, column)
            )

    def _show_progress(self, progress) -> None:  # type: ignore[no-untyped-def]
        self._progress = progress
        paused = self.text is not None and self.text.paused
        line = progress_text(progress, paused)
        self.text_line.setText(line)
        self.text_line.setVisible(bool(line))
        busy = progress is not None and progress.total > 0 and progress.pending > 0
        self.text_bar.setVisible(busy)
        if busy:
            self.text_bar.setRange(0, progress.total)
            self.text_bar.setValue(progress.done)
        # Pause while there is something to read (here or in another case); resume when paused.
        self.pause_button.setVisible(paused or busy or bool(self.reading_now))
        self.pause_button.setText(self.tr("Resume reading") if paused else self.tr("Pause reading"))

    def _pause_changed(self, _paused: bool) -> None:
        self.refresh_text()  # also when paused from another case's tab: one queue for all

    def toggle_pause(self) -> None:
        """Pause reading evidence text (every case), or resume it."""
        if self.text is None:
            return
        if self.text.paused:
            self.text.resume()  # paused_changed: every evidence tab shows the new state
        else:
            self.text.pause()

    def read_again(self) -> None:
        if self.text is not None and self.text.reindex_case(self.case.id):
            self.refresh_text()

    def show_text_hit(
        self, evidence_id: str, page: int | None, part: str = "", query: str = ""
    ) -> None:
        """A search hit inside a file: open it in the viewer at ``page``, the query marked."""
        if not self.view.select(evidence_id):
            return
        evidence = self.view.current_record()
        if evidence is not None:
            self.viewer_room()
            self.viewer.show_evidence(evidence, page=page, part=part, query=query)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = local_files(event)
        if paths and not all(p.suffix.lower() == ".lnb" for p in paths):
            event.acceptProposedAction()  # bundles go to the window (Open bundle) instead

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event)
        if paths and self.add_files(paths):
            event.acceptProposedAction()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if not getattr(self, "_sized", False) and self.split.width() > 400:
            self._sized = True  # first time shown: the table has the width until a file opens
            if self.viewer.evidence is None:
                self.split.setSizes([self.split.width(), 0])
            else:
                self.viewer_room(always=True)

    def viewer_room(self, *, always: bool = False) -> None:
        """Opening a file: a collapsed or squeezed viewer gets the larger part of the width
        (the table keeps 45 %), so what was opened is seen."""
        sizes = self.split.sizes()
        width = sum(sizes)
        if width > 0 and (always or sizes[1] < self.viewer.minimumWidth()):
            table = int(width * 0.45)
            self.split.setSizes([table, width - table])

    # -- the selected item --------------------------------------------------------------------

    def open_current(self) -> None:
        evidence = self.view.current_record()
        if evidence is not None:
            self.viewer_room()
        if evidence is not None and (
            self.viewer.evidence is None or self.viewer.evidence.id != evidence.id
        ):
            self.viewer.show_evidence(evidence)

    def copy_hash(self) -> None:
        evidence = self.view.current_record()
        if evidence is not None:
            QGuiApplication.clipboard().setText(evidence.sha256)

    def edit_links(self) -> None:
        evidence = self.view.current_record()
        if evidence is None:
            return
        dialog = EvidenceLinks(self.case_file, evidence, self)
        if dialog.exec():
            try:
                if dialog.save():
                    self.load()
                    self.changed.emit("event")
            except LawnotebookError as exc:
                self.error.show_text(explain(exc))

    def forget_plaintext(self) -> None:
        """Lock or close: stop any intake and close the viewer."""
        self.intake.forget_plaintext()
        self.viewer.forget_plaintext()
