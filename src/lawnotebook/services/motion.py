"""The motion to exclude illegally obtained evidence (排除非法证据申请书), drafted from the
findings the lawyer keeps, and the interrogation legality report; both as DOCX or PDF.

The motion names the applicant (the owner profile: name, firm, licence number), the defendant,
the case number and the court (the Case), the request, and for each challenged statement the
leads SPC Interpretation 2021 art. 127 asks for — persons, time, place, method, content — with
the articles cited verbatim (``legality/articles.py``) and the supporting evidence listed with
its SHA-256. Which statements are challenged: the sessions the kept findings name, except those
where the client denied or retracted (excluding a denial helps no one); when a kept finding names
only custody events (late committal, say), every confession too. The lawyer may pass the
sessions instead.

The fixed words are legal wording, written in both languages in ``motion_words.py`` (as the rules'
own words are), not translated at run time: the Chinese paper has no English left in it. The
article texts are Chinese in both papers: there is no official English text to quote.

Nothing leaves the vault but the file the lawyer asks for: :func:`save_paper` writes it owner-only
(0600, atomically) and records the export in the case's custody log with the file's SHA-256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.ids import utc_now
from lawnotebook.core.local_time import CHINA_STANDARD_TIME, local_time, local_zone, zone_label
from lawnotebook.core.records import (
    Case,
    CustodyEvent,
    Evidence,
    Interrogation,
    Outcome,
    Person,
    Place,
)
from lawnotebook.legality import BY_ID, Certainty, Cite, Finding, Severity, Words
from lawnotebook.legality.articles import Article, any_article
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import shown_name
from lawnotebook.services.docx_writer import (
    Block,
    Heading,
    Paper,
    Para,
    Table,
    docx_bytes,
    html_page,
)
from lawnotebook.services.legality_check import record_id
from lawnotebook.services.motion_words import (
    ANSWER,
    CERTAINTY,
    OUTCOME,
    PLACE_KIND,
    RECORDING,
    SEVERITY,
    T,
    cite_words,
)
from lawnotebook.services.owner import OwnerProfile, owner_id, owner_profile
from lawnotebook.vault import custody
from lawnotebook.vault.atomic_file import write_atomic
from lawnotebook.vault.transaction import transaction

FORMATS = ("docx", "pdf")
# The motion's own basis, cited before the rules' articles: exclusion (CPL art. 56), the right to
# apply with leads (CPL art. 58 para. 2), the leads to give (SPC Interpretation art. 127).
MOTION_BASIS = (Cite("CPL-2018", 56), Cite("CPL-2018", 58, "para. 2"), Cite("SPC-2021", 127))
NOT_CHALLENGED = frozenset({Outcome.DENIED, Outcome.RETRACTED})
CONFESSIONS = frozenset({Outcome.CONFESSED, Outcome.PARTIAL})


def kept(findings: Iterable[Finding]) -> list[Finding]:
    """The findings a motion can rest on when the lawyer has not chosen: violated or possible
    (a finding that is not checkable says what is missing, not what happened)."""
    return [f for f in findings if f.certainty != Certainty.NOT_CHECKABLE]


@dataclass(frozen=True)
class Statement:
    """One challenged statement and its art. 127 leads, in the paper's language."""

    session: Interrogation
    persons: str
    time: str
    place: str
    method: list[str]
    content: list[str]
    evidence: list[Evidence]
    findings: list[Finding]


class _Case:
    """The case's records, by id, as the papers name them."""

    def __init__(self, files: CaseFile, case: Case, language: str) -> None:
        self.files, self.case, self.language = files, case, language
        self.sessions = {s.id: s for s in files.list(Interrogation, case)}
        self.events = {e.id: e for e in files.list(CustodyEvent, case)}
        self.places = {p.id: p for p in files.list(Place, case)}
        self.people = {p.id: p for p in files.list(Person, case)}
        self.evidence = {e.id: e for e in files.list(Evidence, case)}

    def me(self) -> OwnerProfile:
        """The owner's profile with the name as signed (a default name with its key's groups)."""
        me = owner_profile(self.files.conn)
        template = self.w(T["default_name"])
        name = shown_name(me.name, owner_id(self.files.conn), template)
        return OwnerProfile(name, me.firm, me.licence)

    def t(self, key: str, **values: object) -> str:
        return T[key].text(self.language).format(**values)

    def w(self, words: Words) -> str:
        return words.text(self.language)

    def date(self, value: object) -> str:
        return value.text(self.language) if value is not None else self.t("not_recorded")  # type: ignore[attr-defined]

    def ordered(self, ids: Iterable[str]) -> list[Interrogation]:
        found = [self.sessions[i] for i in set(ids) if i in self.sessions]
        return sorted(found, key=lambda s: (s.start.sort_key(), s.id))

    def where(self, session: Interrogation) -> str:
        place = self.places.get(session.place_id)
        if place is None:
            return session.place or self.t("not_recorded")
        kind = self.w(PLACE_KIND[place.place_kind])
        return (
            f"{place.name}（{kind}）"
            if self.language.startswith("zh")
            else f"{place.name} ({kind})"
        )

    def persons(self, session: Interrogation) -> str:
        names = [self.people[i].name for i in session.interrogator_ids if i in self.people]
        if not names:
            return self.t("not_recorded")
        sep = "、" if self.language.startswith("zh") else ", "
        return self.t("n_persons", names=sep.join(names), n=len(names))

    def duration(self, session: Interrogation) -> str:
        minutes = session.duration_minutes()
        if minutes is None:
            return ""
        h, m = divmod(minutes, 60)
        return f"{h}小时{m:02d}分" if self.language.startswith("zh") else f"{h} h {m:02d} min"

    def span(self, session: Interrogation) -> str:
        start = self.date(session.start)
        if session.end is None:
            return start
        text = self.t("from_to", start=start, end=self.date(session.end))
        duration = self.duration(session)
        return self.t("lasting", span=text, duration=duration) if duration else text

    def finding_line(self, finding: Finding) -> str:
        rule = BY_ID.get(finding.rule)
        title = self.w(rule.title) if rule else finding.rule
        line = f"{title}：" if self.language.startswith("zh") else f"{title}: "
        line += self.named(self.w(finding.computed))
        notes = [self.w(CERTAINTY[finding.certainty])]
        if finding.uncertain:
            notes.append(self.t("uncertain", what=self._list(finding.uncertain)))
        if finding.missing:
            notes.append(self.t("missing", what=self._list(finding.missing)))
        if rule:
            notes.append(self._join([self.w(cite_words(c)) for c in rule.articles]))
        if self.language.startswith("zh"):
            return f"{line}（{'；'.join(notes)}）"
        return f"{line} ({'; '.join(notes)})"

    def named(self, text: str) -> str:
        """Computed text with the people's record ids replaced by their names."""
        for pid, person in self.people.items():
            text = text.replace(pid, person.name)
        return text

    def _list(self, words: Sequence[Words]) -> str:
        return self._join([self.w(x) for x in words])

    def _join(self, parts: list[str]) -> str:
        return ("；" if self.language.startswith("zh") else "; ").join(parts)

    def session_evidence(self, session: Interrogation) -> list[Evidence]:
        ids = [
            session.transcript_evidence_id,
            session.recording_evidence_id,
            session.health_check_evidence_id,
            *session.evidence_ids,
        ]
        return self._evidence(ids)

    def event_evidence(self, findings: Iterable[Finding]) -> list[Evidence]:
        events = [self.events.get(record_id(e)) for f in findings for e in f.events]
        ids = [i for e in events if e is not None for i in e.evidence_ids]
        return self._evidence(ids)

    def _evidence(self, ids: Iterable[str]) -> list[Evidence]:
        return [self.evidence[i] for i in dict.fromkeys(ids) if i in self.evidence]

    def content(self, session: Interrogation) -> list[str]:
        out = [self.t("outcome", outcome=self.w(OUTCOME[session.outcome]))]
        transcript = self.evidence.get(session.transcript_evidence_id)
        if transcript or session.transcript_pages:
            what = " ".join(
                x
                for x in (transcript.file_name if transcript else "", session.transcript_pages)
                if x
            )
            signed = self.t("transcript_signed", answer=self.w(ANSWER[session.transcript_signed]))
            sep = "；" if self.language.startswith("zh") else "; "
            out.append(self.t("transcript", what=what) + sep + signed)
        recording = self.w(RECORDING[session.recording])
        item = self.evidence.get(session.recording_evidence_id)
        out.append(self.t("recording", what=recording + (f" — {item.file_name}" if item else "")))
        return out


def challenged(
    files: CaseFile, case: Case, findings: Sequence[Finding], sessions: Sequence[str] | None = None
) -> list[Interrogation]:
    """The statements the motion asks to exclude, oldest first (see the module docstring)."""
    known = _Case(files, case, "en")
    if sessions is not None:
        unknown = [s for s in sessions if s not in known.sessions]
        if unknown:
            raise InvalidInput(f"no interrogation {unknown[0]!r} in this case")
        return known.ordered(sessions)
    named = {s for f in findings for s in f.sessions}
    chosen = {
        s for s in named if s in known.sessions and known.sessions[s].outcome not in NOT_CHALLENGED
    }
    if any(not f.sessions and f.events for f in findings):
        chosen |= {s.id for s in known.sessions.values() if s.outcome in CONFESSIONS}
    return known.ordered(chosen)


def _statement(c: _Case, session: Interrogation, findings: Sequence[Finding]) -> Statement:
    mine = [f for f in findings if session.id in f.sessions]
    method = [c.finding_line(f) for f in mine]
    if session.client_account.strip():
        method.append(c.t("client_says", text=session.client_account.strip()))
    if session.injuries_seen.strip():
        method.append(c.t("injuries", text=session.injuries_seen.strip()))
    return Statement(
        session,
        c.persons(session),
        c.span(session),
        c.where(session),
        method or [c.t("not_recorded")],
        c.content(session),
        c.session_evidence(session),
        mine,
    )


def _articles(
    findings: Iterable[Finding], first: Iterable[Cite] = ()
) -> list[tuple[Article, list[Cite]]]:
    """Every article cited, each once, in citing order, with the parts cited."""
    out: dict[tuple[str, int], list[Cite]] = {}
    cites = list(first) + [c for f in findings if f.rule in BY_ID for c in BY_ID[f.rule].articles]
    for cite in cites:
        out.setdefault((cite.law, cite.number), []).append(cite)
    return [(any_article(*key), parts) for key, parts in out.items()]


def _basis_blocks(c: _Case, articles: list[tuple[Article, list[Cite]]]) -> list[Block]:
    blocks: list[Block] = [Heading(c.t("basis"), 1), Para(c.t("basis_note"))]
    for art, _parts in articles:
        blocks.append(Para(c.w(cite_words(Cite(art.law, art.number), version=True)), bold=True))
        blocks.append(Para(art.text, indent=True))
        blocks.append(Para(f"Source: {art.source}", mono=True))
    return blocks


def _materials(c: _Case, evidence: list[Evidence]) -> list[Block]:
    rows = [
        [str(n), e.file_name, e.description or e.source, e.sha256]
        for n, e in enumerate(evidence, 1)
    ]
    headers = [c.t("no"), c.t("file"), c.t("description"), "SHA-256"]
    blocks: list[Block] = [
        Heading(c.t("materials"), 1),
        Para(c.t("materials_intro")),
    ]
    if rows:
        blocks.append(Table(headers, rows, [7, 28, 25, 40], mono_columns=(3,)))
    else:
        blocks.append(Para(c.t("none")))
    return blocks


def _today(zone: tzinfo | None, language: str) -> str:
    day = local_time(utc_now(), zone or local_zone())[:10]
    if not language.startswith("zh"):
        return day
    y, m, d = (int(x) for x in day.split("-"))
    return f"{y}年{m}月{d}日"


def draft_motion(
    files: CaseFile,
    case: Case,
    findings: Sequence[Finding],
    *,
    sessions: Sequence[str] | None = None,
    language: str = "zh_CN",
    zone: tzinfo | None = None,
) -> Paper:
    """The motion to exclude from the ``findings`` the lawyer keeps (see :func:`kept`), in
    ``language`` (``zh_CN`` or ``en``); ``sessions`` (interrogation ids) overrides which
    statements are challenged. The date under the signature is today in ``zone``."""
    c = _Case(files, case, language)
    me = c.me()
    statements = [_statement(c, s, findings) for s in challenged(files, case, findings, sessions)]
    custody_findings = [f for f in findings if not f.sessions]
    client = case.client or c.t("not_recorded")
    zh = language.startswith("zh")
    applicant = [me.name]
    if me.firm:
        applicant.append(c.t("lawyer_at", firm=me.firm))
    if me.licence:
        applicant.append(c.t("licence", licence=me.licence))
    applicant.append(c.t("defender_of", client=client))
    blocks: list[Block] = [
        Heading(c.t("motion"), 0),
        Para(
            ("，" if zh else ", ").join(applicant) + ("。" if zh else "."), label=c.t("applicant")
        ),
        Para(client, label=c.t("defendant")),
        Para(case.case_number or c.t("not_recorded"), label=c.t("case_number")),
        Para(case.court or c.t("not_recorded"), label=c.t("court")),
    ]
    if case.charges:
        blocks.append(Para(("、" if zh else ", ").join(case.charges), label=c.t("charges")))
    blocks += [Heading(c.t("request"), 1), Para(c.t("request_text", client=client), indent=True)]
    for n, st in enumerate(statements, 1):
        pages = (
            c.t("pages", pages=st.session.transcript_pages) if st.session.transcript_pages else ""
        )
        blocks.append(
            Para(c.t("statement", n=n, when=c.date(st.session.start), where=st.place, pages=pages))
        )
    blocks += [Heading(c.t("facts"), 1), Para(c.t("facts_intro"), indent=True)]
    evidence: list[Evidence] = []
    for n, st in enumerate(statements, 1):
        blocks.append(Heading(c.t("statement_heading", n=n, when=c.date(st.session.start)), 2))
        blocks.append(Para(st.persons, label=c.t("persons")))
        blocks.append(Para(st.time, label=c.t("time")))
        blocks.append(Para(st.place, label=c.t("place")))
        blocks.append(Para("\n".join(st.method), label=c.t("method")))
        blocks.append(Para("\n".join(st.content), label=c.t("content")))
        evidence += [e for e in st.evidence if e not in evidence]
        if st.evidence:
            numbers = [str(evidence.index(e) + 1) for e in st.evidence]
            shown = ("、" if zh else ", ").join(
                f"[{k}] {e.file_name}" for k, e in zip(numbers, st.evidence, strict=True)
            )
            blocks.append(Para(shown, label=c.t("evidence_here")))
    if custody_findings:
        blocks += [Heading(c.t("custody_leads"), 2), Para(c.t("custody_intro"))]
        blocks += [Para(c.finding_line(f)) for f in custody_findings]
        evidence += [e for e in c.event_evidence(custody_findings) if e not in evidence]
    blocks += _basis_blocks(c, _articles(findings, MOTION_BASIS))
    blocks += _materials(c, evidence)
    blocks += [
        Para(c.t("closing"), indent=True),
        Para(c.t("to")),
        Para(case.court or c.t("not_recorded")),
        Para(me.name, label=c.t("applicant"), align="right"),
    ]
    if me.firm:
        blocks.append(Para(me.firm, align="right"))
    blocks.append(Para(_today(zone, language), align="right"))
    return Paper(
        "motion",
        c.t("motion"),
        language,
        blocks,
        author=me.name,
        hashes=[e.sha256 for e in evidence],
    )


def legality_paper(
    files: CaseFile,
    case: Case,
    findings: Sequence[Finding],
    *,
    language: str = "zh_CN",
    zone: tzinfo | None = None,
) -> Paper:
    """The interrogation legality report: the sessions table, the findings (by severity) with
    their articles, the articles' texts. (The custody timeline picture is drawn by the window;
    it is not part of this paper.)"""
    c = _Case(files, case, language)
    me = c.me()
    sessions = c.ordered(c.sessions)
    number = {s.id: str(n) for n, s in enumerate(sessions, 1)}
    count = {s.id: sum(1 for f in findings if s.id in f.sessions) for s in sessions}
    rows = [
        [
            number[s.id],
            c.date(s.start),
            c.date(s.end) if s.end else "",
            c.duration(s),
            c.where(s),
            c.persons(s),
            c.w(RECORDING[s.recording]),
            c.w(OUTCOME[s.outcome]),
            str(count[s.id]),
        ]
        for s in sessions
    ]
    head: list[Block] = [Heading(c.t("legality"), 0)]
    head += [Para(case.title, label=c.t("case"))]
    head += [Para(case.case_number or c.t("not_recorded"), label=c.t("case_number"))]
    if case.court:
        head.append(Para(case.court, label=c.t("court")))
    by = ("，" if language.startswith("zh") else ", ").join(x for x in (me.name, me.firm) if x)
    head.append(Para(by, label=c.t("prepared_by")))
    when = local_time(utc_now(), zone or local_zone())
    head.append(Para(when, label=c.t("date")))
    zh_words = {CHINA_STANDARD_TIME: "北京时间"} if language.startswith("zh") else {}
    head.append(Para(zone_label(zone or local_zone(), zh_words), label=c.t("zone")))
    blocks = [*head, Heading(c.t("sessions"), 1)]
    headers = [
        "#",
        c.t("start"),
        c.t("end"),
        c.t("duration"),
        c.t("place"),
        c.t("interrogators"),
        c.t("rec"),
        c.t("outcome_h"),
        c.t("findings_h"),
    ]
    headers = [h.rstrip("：: ") for h in headers]
    blocks.append(Table(headers, rows, [4, 13, 13, 9, 18, 16, 10, 9, 8]))
    blocks.append(Heading(c.t("findings"), 1))
    order = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
    shown = sorted(findings, key=lambda f: order[f.severity])
    if not shown:
        blocks.append(Para(c.t("no_findings")))
    frows = []
    for f in shown:
        rule = BY_ID.get(f.rule)
        certainty = c.w(CERTAINTY[f.certainty])
        extra = [c.t("uncertain", what=c._list(f.uncertain))] if f.uncertain else []
        extra += [c.t("missing", what=c._list(f.missing))] if f.missing else []
        frows.append(
            [
                (c.w(rule.title) if rule else f.rule) + f"\n{c.w(SEVERITY[f.severity])}",
                "\n".join([certainty, *extra]),
                c.named(c.w(f.computed)),
                ", ".join(number[s] for s in f.sessions if s in number),
                "\n".join(c.w(cite_words(x)) for x in (rule.articles if rule else ())),
            ]
        )
    if frows:
        heads = [c.t("rule"), c.t("certainty"), c.t("computed"), c.t("concerns"), c.t("cites")]
        blocks.append(Table(heads, frows, [20, 14, 34, 8, 24]))
    basis = _basis_blocks(c, _articles(findings))
    blocks += [Heading(c.t("articles"), 1), *basis[1:]]
    return Paper("legality", c.t("legality"), language, blocks, author=me.name, landscape=True)


def paper_bytes(paper: Paper, fmt: str) -> bytes:
    """The DOCX of a paper (``fmt`` "docx"); a PDF is typeset by the front end from
    :func:`paper_html` (Qt), so this refuses "pdf"."""
    if fmt != "docx":
        raise InvalidInput(f"a {fmt!r} paper is typeset by the window or the command line")
    return docx_bytes(paper)


def paper_html(paper: Paper) -> str:
    return html_page(paper)


def save_paper(files: CaseFile, case: Case, paper: Paper, path: Path, data: bytes, fmt: str) -> str:
    """Write ``data`` (the paper as ``fmt``) to ``path`` owner-only and atomically, and record
    the export in the case's custody log in the same transaction; returns the file's SHA-256."""
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    digest = hashlib.sha256(data).hexdigest()
    with transaction(files.conn):
        custody.append(
            files.conn,
            case.id,
            "export",
            files.author,
            origin=files.records.clock.node,
            details={
                "title": paper.title,
                "to": "file",
                "sha256": digest,
                "format": fmt,
                "paper": paper.kind,
                "language": paper.language,
                "evidence_sha256": list(paper.hashes),
            },
        )
        write_atomic(path, data)
    return digest


def format_of(path: Path) -> str:
    """``docx`` or ``pdf`` from the file name, else a clear error."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise InvalidInput(f"write the paper to a .docx or .pdf file, not {path.name!r}")
    return suffix
