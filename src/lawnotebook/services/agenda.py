"""The lawyer's agenda: deadlines across every case, and how urgent each one is."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from lawnotebook.core.records import Case, Deadline
from lawnotebook.services.case_file import CaseFile, is_overdue

DUE_SOON_DAYS = 7


class Urgency(enum.StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    LATER = "later"


@dataclass(frozen=True)
class AgendaItem:
    """One deadline and the case it belongs to."""

    deadline: Deadline
    case: Case


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def urgency(deadline: Deadline, now: datetime) -> Urgency:
    """Done; overdue (its last possible moment has passed); due within 7 days; or later."""
    if deadline.done:
        return Urgency.DONE
    if is_overdue(deadline, _minute(now)):
        return Urgency.OVERDUE
    earliest = deadline.due.earliest
    if earliest is None or earliest < _minute(now + timedelta(days=DUE_SOON_DAYS)):
        return Urgency.THIS_WEEK
    return Urgency.LATER


def agenda(
    case_file: CaseFile, *, include_done: bool = False, include_archived: bool = False
) -> list[AgendaItem]:
    """Every deadline of every (non-archived) case, soonest first."""
    cases = {c.id: c for c in case_file.cases(include_archived=include_archived)}
    return [
        AgendaItem(d, cases[d.case_id])
        for d in case_file.records.list(Deadline)
        if d.case_id in cases and (include_done or not d.done)
    ]


def next_deadlines(case_file: CaseFile) -> dict[str, Deadline]:
    """Each case's soonest open deadline, by case id (one query for the whole case list)."""
    soonest: dict[str, Deadline] = {}
    for d in case_file.records.list(Deadline):
        if not d.done and d.case_id not in soonest:
            soonest[d.case_id] = d
    return soonest


@dataclass(frozen=True)
class Docket:
    """What the desk shows before a case is opened: every case, each one's next deadline,
    and the agenda; read in one pass (each kind listed once) so it can be loaded off the GUI
    thread right after unlocking."""

    cases: list[Case]
    next_deadlines: dict[str, Deadline]
    agenda: list[AgendaItem]


def docket(case_file: CaseFile) -> Docket:
    """Read the desk's overview (archived cases included; their deadlines stay off the agenda)."""
    cases = case_file.cases(include_archived=True)
    by_id = {c.id: c for c in cases}
    soonest: dict[str, Deadline] = {}
    items: list[AgendaItem] = []
    for d in case_file.records.list(Deadline):
        if d.done or d.case_id not in by_id:
            continue
        soonest.setdefault(d.case_id, d)
        if not by_id[d.case_id].archived:
            items.append(AgendaItem(d, by_id[d.case_id]))
    return Docket(cases, soonest, items)
