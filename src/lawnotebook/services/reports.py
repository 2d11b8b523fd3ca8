"""Court reports as data and HTML: case chronology, interrogation table, evidence integrity list.

Pure Python, no Qt: the desktop window and ``lawnotebook report`` turn the HTML into a PDF
(``gui/reports/report_pdf.py``). Lower layers never translate, so every fixed word goes through
``words``: a mapping from the English text to the text to print (missing keys print English).
``language`` (``en``, ``zh_CN``) picks how uncertain dates are written (``core/dates.py``), and
every time is printed in ``zone`` (default: this computer's, ``core/local_time.py``), named in
the report's head (``北京时间 (UTC+8)``). Custody entries are sentences from
``services/custody_text.py``: no raw field name, and an evidence item's edit names what was
edited, never suggesting its bytes changed. The HTML keeps to what Qt's rich-text engine
renders: tables, headings, inline styles.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.ids import utc_now
from lawnotebook.core.local_time import CHINA_STANDARD_TIME, local_time, local_zone, zone_label
from lawnotebook.core.records import (
    Case,
    ChronologyEvent,
    Evidence,
    Interrogation,
    Person,
    Tristate,
)
from lawnotebook.services import custody_text
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import DEFAULT_SHOWN, shown_name
from lawnotebook.services.docx_writer import Paper, html_page
from lawnotebook.services.legality_check import Finding, findings_for
from lawnotebook.services.motion import legality_paper
from lawnotebook.services.owner import owner_id, owner_profile
from lawnotebook.vault import custody
from lawnotebook.vault.contacts import ContactBook

KINDS = ("chronology", "interrogations", "integrity", "legality")

# Every fixed word a report prints, so the GUI can translate them all (see module docstring).
WORDS: tuple[str, ...] = (
    "Case chronology",
    "Interrogation record",
    "Evidence integrity list",
    "Case",
    "Case number",
    "Client",
    "Court",
    "Prepared",
    "Prepared by",
    OWNER_FINGERPRINT := "Fingerprint of the preparing lawyer's key",
    "Date",
    "Event",
    "Description",
    "People",
    "Evidence",
    "Start",
    "End",
    "Duration",
    "Place",
    "Interrogators",
    "On video",
    "Rights read",
    "Client's account",
    "Yes",
    "No",
    "Unknown",
    "File name",
    "Size",
    "Type",
    "Added",
    "Source",
    "Custody events",
    "Custody log",
    "chain",
    "entries",
    "newest entry hash",
    "Newest custody entry",
    "The custody log verifies: every entry is intact and in order.",
    "The custody log does NOT verify",
    "bytes",
    "No records.",
    "Page",
    HOURS_MINUTES := "{h} h {m} min",
    MINUTES := "{m} min",
    INTEGRITY_INTRO := (
        "Each SHA-256 was computed by Lawnotebook when the file was taken into the encrypted "
        "vault; anyone can recompute it from a copy of the file. Every intake, view, export and "
        "import is recorded in a hash-chained custody log; the newest entry hash of each chain "
        "below fixes the whole log as it stood when this list was prepared."
    ),
    "Time zone",
    CHINA_STANDARD_TIME,
    "altered",
    "missing",
    "out of order",
    "truncated",
    "Law firm",
    "Licence number",
    DEFAULT_SHOWN,
)
# ... and every word of a custody entry in words (the action names among them).
WORDS += tuple(w for w in custody_text.WORDS if w not in WORDS)

Words = Mapping[str, str]


@dataclass(frozen=True)
class Report:
    """One report ready to print: its title (for a file name hint) and HTML body."""

    kind: str
    title: str
    html: str
    landscape: bool = False
    hashes: list[str] = field(default_factory=list)  # every SHA-256 printed (for checks)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def size_text(n: int) -> str:
    """Bytes in the largest sensible unit (exact bytes are printed beside it where it counts)."""
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{n} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def duration_text(session: Interrogation, words: Words | None = None) -> str:
    minutes = session.duration_minutes()
    if minutes is None:
        return ""
    w = (words or {}).get
    if minutes >= 60:
        return w(HOURS_MINUTES, HOURS_MINUTES).format(h=minutes // 60, m=f"{minutes % 60:02d}")
    return w(MINUTES, MINUTES).format(m=minutes)


class _Writer:
    """Builds one report's HTML with the words of the chosen language."""

    def __init__(
        self,
        files: CaseFile,
        case: Case,
        words: Words | None,
        language: str = "en",
        zone: tzinfo | None = None,
    ) -> None:
        self.files, self.case = files, case
        self.words = dict(words or {})
        self.language = language
        self.zone = zone or local_zone()
        self.me_fingerprint = owner_id(files.conn)
        self.me = owner_profile(files.conn)
        self.me_name = self.shown(self.me.name, self.me_fingerprint)
        self.book = ContactBook(files.conn)
        self._names: dict[str, dict[str, str]] = {}

    def w(self, text: str) -> str:
        return self.words.get(text, text)

    def date(self, date: FuzzyDate | None) -> str:
        """An uncertain date as a reader of the report's language writes it, escaped."""
        return _esc(date.text(self.language)) if date else ""

    def time(self, stamp: str, *, seconds: bool = False) -> str:
        """A stored UTC time in the report's zone (named once, in the head), escaped."""
        return _esc(local_time(stamp, self.zone, seconds=seconds))

    def names(self, kind: type[Person] | type[Evidence], ids: list[str]) -> str:
        """Linked people or evidence files by name, escaped, comma-separated ("?" if gone)."""
        key = kind.KIND
        if key not in self._names:
            self._names[key] = {r.id: r.title_text() for r in self.files.list(kind, self.case)}
        return _esc(", ".join(self._names[key].get(i, "?") for i in ids))

    def shown(self, name: str, fingerprint: str) -> str:
        """A name as printed: the default name with the fingerprint's first groups."""
        return shown_name(name, fingerprint, self.w(DEFAULT_SHOWN))

    def who(self, fingerprint: str) -> str:
        """A record author (a key fingerprint) as a name where we know it."""
        if fingerprint == self.me_fingerprint:
            return self.me_name
        contact = self.book.by_fingerprint(fingerprint)
        return self.shown(contact.name, fingerprint) if contact else fingerprint

    def tristate(self, value: Tristate) -> str:
        return self.w({"yes": "Yes", "no": "No"}.get(value.value, "Unknown"))

    def head(self, title: str) -> list[str]:
        c, w = self.case, self.w
        rows = [(w("Case"), c.title)]
        rows += [(w(k), v) for k, v in (("Case number", c.case_number), ("Client", c.client))]
        rows += [(w("Court"), c.court)]
        rows += [(w("Prepared"), local_time(utc_now(), self.zone))]
        rows += [(w("Time zone"), zone_label(self.zone, self.words))]
        rows += [(w("Prepared by"), self.me_name)]
        rows += [(w("Law firm"), self.me.firm), (w("Licence number"), self.me.licence)]
        out = [f"<h1>{_esc(title)}</h1>", '<table cellspacing="0" cellpadding="2">']
        out += [
            f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(v)}</td></tr>" for k, v in rows if v.strip()
        ]
        out.append("</table><p></p>")
        return out

    def table(
        self, headers: list[str], rows: Sequence[list[str] | str], widths: list[int]
    ) -> list[str]:
        """A bordered table; cells are already-escaped HTML. A row given as one string spans
        every column but the first (a long hash line under its item)."""
        if not rows:
            return [f"<p><i>{_esc(self.w('No records.'))}</i></p>"]
        out = ['<table border="1" cellspacing="0" cellpadding="4" width="100%">', "<thead><tr>"]
        out += [
            f'<th width="{width}%" align="left" bgcolor="#e8e8e8">{_esc(h)}</th>'
            for h, width in zip(headers, widths, strict=True)
        ]
        out.append("</tr></thead>")
        for row in rows:
            if isinstance(row, str):
                out.append(f'<tr><td></td><td colspan="{len(headers) - 1}">{row}</td></tr>')
                continue
            out.append("<tr>" + "".join(f'<td valign="top">{cell}</td>' for cell in row) + "</tr>")
        out.append("</table>")
        return out


def _page(title: str, body: list[str]) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>'
        + _esc(title)
        + "</title></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )


def _lines(text: str) -> str:
    return _esc(text).replace("\n", "<br>")


def chronology_report(
    files: CaseFile,
    case: Case,
    words: Words | None = None,
    *,
    language: str = "en",
    zone: tzinfo | None = None,
) -> Report:
    """Every dated event of the case in order, with the people and evidence linked to it."""
    out = _Writer(files, case, words, language, zone)
    events = sorted(files.list(ChronologyEvent, case), key=lambda e: e.date.sort_key())
    rows = [
        [
            out.date(e.date),
            f"<b>{_esc(e.title)}</b>" + (f"<br>{_lines(e.description)}" if e.description else ""),
            out.names(Person, e.person_ids),
            out.names(Evidence, e.evidence_ids),
        ]
        for e in events
    ]
    title = out.w("Case chronology")
    body = out.head(title)
    body += out.table(
        [out.w("Date"), out.w("Event"), out.w("People"), out.w("Evidence")], rows, [18, 50, 16, 16]
    )
    return Report("chronology", title, _page(f"{title} — {case.title}", body))


def interrogations_report(
    files: CaseFile,
    case: Case,
    words: Words | None = None,
    *,
    language: str = "en",
    zone: tzinfo | None = None,
) -> Report:
    """The interrogation table: when, how long, where, by whom, video, rights, the account."""
    out = _Writer(files, case, words, language, zone)
    sessions = sorted(files.list(Interrogation, case), key=lambda s: s.start.sort_key())
    rows = [
        [
            out.date(s.start),
            out.date(s.end),
            _esc(duration_text(s, out.words)),
            _esc(s.place),
            out.names(Person, s.interrogator_ids),
            _esc(out.tristate(s.recorded_on_video)),
            _esc(out.tristate(s.rights_read)),
            _lines(s.client_account),
            out.names(Evidence, s.evidence_ids),
        ]
        for s in sessions
    ]
    title = out.w("Interrogation record")
    body = out.head(title)
    headers = [
        "Start",
        "End",
        "Duration",
        "Place",
        "Interrogators",
        "On video",
        "Rights read",
        "Client's account",
        "Evidence",
    ]
    body += out.table([out.w(h) for h in headers], rows, [10, 10, 7, 11, 11, 8, 8, 25, 10])
    return Report("interrogations", title, _page(f"{title} — {case.title}", body), landscape=True)


def _event_line(out: _Writer, entry: custody.CustodyEntry) -> str:
    action = custody_text.action_text(entry, out.words)
    return f"{out.time(entry.at, seconds=True)} — {_esc(action)} — {_esc(out.who(entry.actor))}"


def integrity_report(
    files: CaseFile,
    case: Case,
    words: Words | None = None,
    *,
    language: str = "en",
    zone: tzinfo | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """File name, size, SHA-256, intake time and person, and every custody event of each
    evidence item; then the head of every custody chain and the preparer's key fingerprint."""
    out = _Writer(files, case, words, language, zone)
    items = sorted(files.list(Evidence, case), key=lambda e: (e.added_at, e.file_name))
    log = files.log(case)
    by_record: dict[str, list[custody.CustodyEntry]] = {}
    for entry in log:
        if entry.record_id:
            by_record.setdefault(entry.record_id, []).append(entry)
    title = out.w("Evidence integrity list")
    body = out.head(title)
    body.append(f"<p>{_esc(out.w(INTEGRITY_INTRO))}</p>")
    rows: list[list[str] | str] = []
    for number, e in enumerate(items, 1):
        events = "<br>".join(_event_line(out, x) for x in by_record.get(e.id, []))
        rows.append(
            [
                str(number),
                f"<b>{_esc(e.file_name)}</b><br>{_esc(e.media_type)}"
                + (f"<br>{_lines(e.description)}" if e.description else ""),
                f"{_esc(size_text(e.size))}<br>{e.size:,} {_esc(out.w('bytes'))}",
                f"{out.time(e.added_at, seconds=True)}<br>{_esc(out.who(e.added_by))}",
                _lines(e.source),
            ]
        )
        rows.append(
            f'<span style="font-family: monospace;">SHA-256: {_esc(e.sha256)}</span>'
            + (f"<br><small>{events}</small>" if events else "")
        )
        if progress:
            progress(number, len(items))
    headers = ["#", "File name", "Size", "Added", "Source"]
    body += out.table([out.w(h) for h in headers], rows, [4, 50, 14, 18, 14])
    body += _chains(out, files, case, log)
    return Report(
        "integrity",
        title,
        _page(f"{title} — {case.title}", body),
        hashes=[e.sha256 for e in items],
    )


def _chains(
    out: _Writer, files: CaseFile, case: Case, log: list[custody.CustodyEntry]
) -> list[str]:
    w = out.w
    body = [f"<h2>{_esc(w('Custody log'))}</h2>"]
    problems = custody.verify_chain(files.conn, case.id)
    if problems:
        body.append(
            f'<p><b style="color:#b3261e">{_esc(w("The custody log does NOT verify"))}: '
            + _esc("; ".join(f"{p.origin} #{p.position}: {w(p.problem)}" for p in problems))
            + "</b></p>"
        )
    else:
        body.append(
            f"<p>{_esc(w('The custody log verifies: every entry is intact and in order.'))}</p>"
        )
    body.append("<ul>")
    keepers = {entry.origin: out.who(entry.actor) for entry in reversed(log)}
    for origin in custody.origins(files.conn, case.id):
        seq, head = custody.head(files.conn, case.id, origin)
        keeper = f"{keepers[origin]} " if origin in keepers else ""
        body.append(
            f"<li>{_esc(w('chain'))} {_esc(keeper)}({_esc(origin)}): {seq} {_esc(w('entries'))}, "
            f"{_esc(w('newest entry hash'))} "
            f'<span style="font-family: monospace;">{_esc(head)}</span></li>'
        )
    body.append("</ul>")
    if log:
        newest = max(log, key=lambda x: (x.at, x.origin, x.seq))
        body.append(
            f"<p>{_esc(w('Newest custody entry'))}: {_event_line(out, newest)}<br>"
            f'<span style="font-family: monospace;">{_esc(newest.hash)}</span></p>'
        )
    body.append(
        f"<p>{_esc(w('Prepared by'))}: <b>{_esc(out.me_name)}</b><br>"
        f"{_esc(w(OWNER_FINGERPRINT))}: "
        f'<span style="font-family: monospace;">{_esc(out.me_fingerprint)}</span></p>'
    )
    return body


def paper_report(paper: Paper) -> Report:
    """A court paper (services/motion.py: the motion, the legality report) as a report to
    typeset: the same HTML pipeline, so the PDF has the same fonts as every other report."""
    return Report(
        paper.kind, paper.title, html_page(paper), paper.landscape, hashes=list(paper.hashes)
    )


def legality_report(
    files: CaseFile,
    case: Case,
    words: Words | None = None,
    *,
    language: str = "en",
    zone: tzinfo | None = None,
    findings: Sequence[Finding] | None = None,
) -> Report:
    """The interrogation legality report: the sessions table, the findings with their articles
    (default: every finding of the current rule set). Its words are its own, in both languages
    (services/motion.py), so ``words`` is not read."""
    found = findings_for(files, case) if findings is None else findings
    return paper_report(legality_paper(files, case, found, language=language, zone=zone))


BUILDERS = {
    "chronology": chronology_report,
    "interrogations": interrogations_report,
    "integrity": integrity_report,
    "legality": legality_report,
}


def build_report(
    files: CaseFile,
    case_ref: str,
    kind: str,
    words: Words | None = None,
    *,
    language: str = "en",
    zone: tzinfo | None = None,
) -> Report:
    """The report of ``kind`` (one of :data:`KINDS`) for a case (id, prefix or case number),
    in ``words`` / ``language``, times in ``zone`` (default: this computer's)."""
    if kind not in BUILDERS:
        from lawnotebook.core.errors import InvalidInput

        raise InvalidInput(f"unknown report kind {kind!r} (use {', '.join(KINDS)})")
    return BUILDERS[kind](files, files.case(case_ref), words, language=language, zone=zone)
