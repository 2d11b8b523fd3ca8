"""The interrogation record: one row per session. The core of a motion to exclude a coerced
confession: when, how long, where, by whom, on video or not, rights read.

Sessions are listed oldest first, the order a court reads them (and the report prints them).
The table is for reading; the selected session is edited in the form below it, the client's
account in full in a multi-line field, with its history.

Beside them, the legality findings of the case (``findings_panel.py``), recomputed whenever the
tab loads (any change elsewhere in the case marks it for reloading) and after each save here;
the table's Findings column counts each session's findings that are not dismissed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QScrollArea, QSplitter, QWidget

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import (
    Case,
    Evidence,
    Interrogation,
    Outcome,
    Person,
    Place,
    Recording,
    Tristate,
    parse_rest_break,
    rest_break,
)
from lawnotebook.gui.case.findings_panel import GLYPHS, FindingsPanel, language
from lawnotebook.gui.case.people_links import ids_from_names, names
from lawnotebook.gui.case.record_links import (
    dates_from_text,
    evidence_id_from_name,
    evidence_text,
    optional_date,
)
from lawnotebook.gui.parts import i18n, labels
from lawnotebook.gui.parts.date_field import DateField
from lawnotebook.gui.parts.record_tab import RecordTab
from lawnotebook.gui.parts.record_table import Column
from lawnotebook.services import legality_check


def duration_text(session: Interrogation) -> str:
    minutes = session.duration_minutes()
    if minutes is None:
        return ""
    if minutes >= 60:
        return QCoreApplication.translate("InterrogationsTab", "{h} h {m} min").format(
            h=minutes // 60, m=f"{minutes % 60:02d}"
        )
    return QCoreApplication.translate("InterrogationsTab", "{m} min").format(m=minutes)


def _end(value: object) -> FuzzyDate | None:
    return optional_date(value)


TABLE_COLUMNS = 10  # the columns the table shows; the custody fields after them are the form's
FINDINGS_COLUMN = 9


def rests_text(session: Interrogation) -> str:
    """The rest breaks as typed: ``START..END; START..END``."""
    return "; ".join(f"{b['start']}..{b['end']}" for b in session.rest_breaks)


def rests_from_text(text: str) -> list[dict[str, str]]:
    out = []
    for part in str(text).replace("；", ";").split(";"):
        if not part.strip():
            continue
        start, _, end = part.partition("..")
        entry = rest_break(FuzzyDate.parse(start.strip()), optional_date(end))
        parse_rest_break(entry)
        out.append(entry)
    return out


def place_of(session: Interrogation, places: dict[str, Place]) -> str:
    """The session's Place by name, else its free text."""
    return places[session.place_id].name if session.place_id in places else session.place


def with_place(session: Interrogation, text: str, places: dict[str, Place]) -> Interrogation:
    """A typed place: the name of one of the case's Places links it; other text is kept as the
    session's own words for its place (and unlinks it)."""
    typed = text.strip()
    for place in places.values():
        if place.name.casefold() == typed.casefold() and typed:
            return replace(session, place=place.name, place_id=place.id)
    return replace(session, place=typed, place_id="")


class InterrogationsTab(RecordTab):
    key = "interrogations"
    record_type = Interrogation
    record_kind = "interrogation"
    widths = (165, 165, 85, 150, 130, 75, 85, 110)  # room for 2024年5月20日 23:00
    edits_in_form = True
    long_columns = (8,)  # the client's account

    def __init__(self, case_file, case, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(case_file, case, parent)
        self.people: dict[str, Person] = {}
        self.evidence: dict[str, Evidence] = {}
        self.places: dict[str, Place] = {}
        self.checked: list[legality_check.CheckedFinding] = []
        self.session_findings: dict[str, list[legality_check.CheckedFinding]] = {}
        # HOOK(timeline): the custody timeline (gui/case/custody_timeline.py, another branch)
        # goes here; set it and it gets set_findings(findings) whenever they are recomputed.
        self.timeline: QWidget | None = None
        self.start = DateField(self.tr("Session start"), parent=self)
        self.end = DateField(self.tr("Session end"), optional=True, parent=self)
        self.end.edit.setPlaceholderText(self.tr("End (optional)"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Place (e.g. interrogation room, detention centre)"))
        self.place.setAccessibleName(self.tr("Session place"))
        self.place.setToolTip(
            self.tr("The name of one of the case's Places links the session to it")
        )
        self.view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first
        for i in range(TABLE_COLUMNS, len(self.model.columns)):
            self.view.table.setColumnHidden(i, True)
        form = self.make_form(grid_columns=2)
        self.account = form.fields[8]
        self.account.setAccessibleName(self.tr("Client's account of the selected session"))
        self.account.setPlaceholderText(self.tr("No account recorded for this session yet."))
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        for field in (self.place, form.fields[3]):
            if isinstance(field, QLineEdit):
                field.setCompleter(self._completer)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(scroll)
        split.setSizes([240, 320])
        self.findings_panel = FindingsPanel(case_file, case, self)
        self.findings_panel.sessions_chosen.connect(self.select_sessions)
        self.findings_panel.marked.connect(self.refresh_findings)
        beside = QSplitter(Qt.Orientation.Horizontal, self)
        beside.addWidget(split)
        beside.addWidget(self.findings_panel)
        beside.setSizes([700, 420])
        fields = [(self.start, 1), (self.end, 1), (self.place, 2)]
        self.add_form(fields, self.tr("Add session"), enter=self.place, body=beside)

    def columns(self) -> list[Column]:
        yes_no = labels.choices(Tristate, labels.tristate)
        return [
            Column(
                self.tr("Start"),
                lambda s: i18n.date_text(s.start),
                sort=lambda s: s.start.sort_key(),
                edit=lambda s, v: replace(s, start=FuzzyDate.parse(str(v))),
            ),
            Column(
                self.tr("End"),
                lambda s: i18n.date_text(s.end),
                sort=lambda s: s.end.sort_key() if s.end else "",
                edit=lambda s, v: replace(s, end=_end(v)),
            ),
            Column(
                self.tr("Duration"),
                duration_text,
                sort=lambda s: s.duration_minutes() or -1,
            ),
            Column(
                self.tr("Place"),
                lambda s: place_of(s, self.places),
                edit=lambda s, v: with_place(s, str(v), self.places),
            ),
            Column(
                self.tr("Interrogators"),
                lambda s: names(s.interrogator_ids, self.people),
                edit=lambda s, v: replace(s, interrogator_ids=ids_from_names(str(v), self.people)),
            ),
            Column(
                self.tr("On video"),
                lambda s: labels.tristate(s.recorded_on_video),
                editor_value=lambda s: s.recorded_on_video,
                edit=lambda s, v: replace(s, recorded_on_video=Tristate(v)),
                choices=yes_no,
            ),
            Column(
                self.tr("Rights read"),
                lambda s: labels.tristate(s.rights_read),
                editor_value=lambda s: s.rights_read,
                edit=lambda s, v: replace(s, rights_read=Tristate(v)),
                choices=yes_no,
            ),
            Column(
                self.tr("Linked evidence"),
                lambda s: ", ".join(
                    self.evidence[i].file_name if i in self.evidence else "?"
                    for i in s.evidence_ids
                ),
            ),
            Column(
                self.tr("Client's account"),
                lambda s: s.client_account,
                edit=lambda s, v: replace(s, client_account=str(v)),
            ),
            Column(
                self.tr("Findings"),
                self.findings_text,
                sort=lambda s: len(self.session_findings.get(s.id, [])),
                tooltip=self.findings_tooltip,
            ),
            *self.custody_columns(),
        ]

    def custody_columns(self) -> list[Column]:
        """The form's fields after the table's (issue 17): recording, transcript, rests,
        interpreter and guardian, outcome, injuries and the health check."""
        yes_no = labels.choices(Tristate, labels.tristate)

        def tristate(title: str, name: str) -> Column:
            return Column(
                title,
                lambda s: labels.tristate(getattr(s, name)),
                editor_value=lambda s: getattr(s, name),
                edit=lambda s, v: replace(s, **{name: Tristate(v)}),
                choices=yes_no,
            )

        def text(title: str, name: str) -> Column:
            return Column(
                title, lambda s: getattr(s, name), edit=lambda s, v: replace(s, **{name: str(v)})
            )

        def date(title: str, name: str) -> Column:
            return Column(
                title,
                lambda s: i18n.date_text(getattr(s, name)),
                editor_value=lambda s: str(getattr(s, name) or ""),
                edit=lambda s, v: replace(s, **{name: optional_date(v)}),
            )

        def evidence(title: str, name: str) -> Column:
            return Column(
                title,
                lambda s: evidence_text(getattr(s, name), self.evidence),
                edit=lambda s, v: replace(
                    s, **{name: evidence_id_from_name(str(v), self.evidence)}
                ),
            )

        return [
            Column(
                self.tr("Recording"),
                lambda s: labels.recording(s.recording),
                editor_value=lambda s: s.recording,
                edit=lambda s, v: replace(s, recording=Recording(v)),
                choices=labels.choices(Recording, labels.recording),
            ),
            evidence(self.tr("Recording file"), "recording_evidence_id"),
            date(self.tr("Start the recording's clock shows"), "recording_start"),
            date(self.tr("End the recording's clock shows"), "recording_end"),
            evidence(self.tr("Transcript file"), "transcript_evidence_id"),
            text(self.tr("Transcript pages"), "transcript_pages"),
            date(self.tr("Start written on the transcript"), "transcript_start"),
            date(self.tr("End written on the transcript"), "transcript_end"),
            tristate(self.tr("Transcript signed by the client"), "transcript_signed"),
            text(self.tr("Corrections to the transcript"), "transcript_corrections"),
            Column(
                self.tr("Rest breaks (start..end; …)"),
                rests_text,
                edit=lambda s, v: replace(s, rest_breaks=rests_from_text(str(v))),
            ),
            Column(
                self.tr("Meals (times; …)"),
                lambda s: "; ".join(str(m) for m in s.meals),
                edit=lambda s, v: replace(s, meals=dates_from_text(str(v))),
            ),
            tristate(self.tr("Interpreter needed"), "interpreter_needed"),
            tristate(self.tr("Interpreter present"), "interpreter_present"),
            tristate(self.tr("Guardian needed"), "guardian_needed"),
            tristate(self.tr("Guardian present"), "guardian_present"),
            Column(
                self.tr("Outcome"),
                lambda s: labels.outcome(s.outcome),
                editor_value=lambda s: s.outcome,
                edit=lambda s, v: replace(s, outcome=Outcome(v)),
                choices=labels.choices(Outcome, labels.outcome),
            ),
            text(self.tr("Injuries seen"), "injuries_seen"),
            evidence(self.tr("Detention-house health check"), "health_check_evidence_id"),
        ]

    def table_name(self) -> str:
        return self.tr("Interrogation sessions")

    def load(self) -> None:
        self.people = self.by_id(Person)
        self.evidence = self.by_id(Evidence)
        self.places = self.by_id(Place)
        self._completer.setModel(
            QStringListModel(sorted(p.name for p in self.places.values()), self._completer)
        )
        self._compute_findings()
        super().load()
        self._findings_shown()

    # -- legality findings ----------------------------------------------------------------------

    def _compute_findings(self) -> None:
        self.checked = legality_check.checked_findings(self.case_file, self.case)
        by_session: dict[str, list[legality_check.CheckedFinding]] = {}
        for c in self.checked:
            if c.dismissed:
                continue
            for session_id in c.finding.sessions:
                by_session.setdefault(session_id, []).append(c)
        self.session_findings = by_session

    def _findings_shown(self) -> None:
        self.findings_panel.set_findings(self.checked)
        set_findings = getattr(self.timeline, "set_findings", None)  # HOOK(timeline)
        if set_findings is not None:
            set_findings([c.finding for c in self.checked])

    def refresh_findings(self) -> None:
        """Recompute the findings (after a save or a review mark) and show them."""
        self._compute_findings()
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(
                self.model.index(0, FINDINGS_COLUMN), self.model.index(rows - 1, FINDINGS_COLUMN)
            )
        self._findings_shown()

    def findings_text(self, session: Interrogation) -> str:
        """``⚠ 3``: the most certain finding's glyph and how many (dismissed ones left out)."""
        found = self.session_findings.get(session.id, [])
        if not found:
            return ""
        worst = min(found, key=lambda c: legality_check.CERTAINTY_ORDER[c.finding.certainty])
        return f"{GLYPHS[worst.finding.certainty]} {len(found)}"

    def findings_tooltip(self, session: Interrogation) -> str:
        lang = language()
        found = self.session_findings.get(session.id, [])
        if not found:
            return self.tr("No findings for this session")
        return "\n".join(
            f"{GLYPHS[c.finding.certainty]} {legality_check.rule(c.finding).title.text(lang)}"
            for c in found
        )

    def select_sessions(self, session_ids: list[str]) -> None:
        """Select the rows of ``session_ids`` (the first becomes current, shown in the form)."""
        present = [i for i in session_ids if self.model.row_of(i) is not None]
        if not present or not self.view.select(present[0]):
            return
        selection = self.view.table.selectionModel()
        for session_id in present[1:]:
            row = self.model.row_of(session_id)
            assert row is not None
            index = self.view.proxy.mapFromSource(self.model.index(row, 0))
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def form_saved(self, record: Interrogation) -> None:
        self.refresh_findings()

    def case_updated(self, case: Case) -> None:
        super().case_updated(case)
        self.findings_panel.case = case

    def form_heading(self, record: Interrogation) -> str:
        place = place_of(record, self.places)
        when = " — ".join(t for t in (i18n.date_text(record.start), place) if t)
        return self.tr("Session of {when}").format(when=when)

    def new_record(self) -> Interrogation:
        start = self.start.parsed()
        end = self.end.parsed()
        typed = self.place.text().strip()
        linked = with_place(Interrogation(start=start), typed, self.places)  # a Place links
        return self.case_file.add_interrogation(
            self.case,
            start,
            end=str(end) if end else None,
            place=linked.place,
            place_id=linked.place_id,
        )
