"""Undo and redo for a case's record tabs: the last actions on people, events, interrogations,
deadlines, notes and evidence — an added record, an edited cell, deleted rows.

One stack per open case (:func:`stack_for`), kept while the vault is unlocked (switching cases
keeps each case's stack) and dropped at lock (:func:`forget_all`): the records it holds are
plaintext. Every step is undone through the case file, so it is saved, revisioned and
custody-logged like any edit: an undone delete restores the record under its own id (*Restored*
in the custody log), an undone add deletes it, an undone edit saves the earlier fields again.
A step that cannot be undone (the deletion already went out in a bundle, the record changed
elsewhere) raises the service's error and stays on the stack.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from lawnotebook.core.records import META_FIELDS, Record, to_body
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.errors import vault as vault_errors

LIMIT = 50  # steps kept per case (the oldest go first)


@dataclass(frozen=True)
class Change:
    """One record before and after an action (``None``: it did not exist / was deleted)."""

    before: Record | None
    after: Record | None

    @property
    def record(self) -> Record:
        record = self.after or self.before
        assert record is not None
        return record


@dataclass(frozen=True)
class Step:
    """What one user action did: ``action`` is "add", "edit" or "delete"."""

    action: str
    changes: tuple[Change, ...]


def _same_fields(a: Record, b: Record) -> bool:
    return to_body(a) == to_body(b)


def _with_fields_of(current: Record, wanted: Record) -> Record:
    """``current`` (as stored now) carrying ``wanted``'s fields: what an edit saves back."""
    body = {f.name: getattr(wanted, f.name) for f in fields(wanted) if f.name not in META_FIELDS}
    return replace(current, **body)


class CaseUndo(QObject):
    """The undo stack of one case. ``applied(kind, record_id)`` after an undo or redo changed
    a record (the tabs reload that kind); ``changed()`` when what can be undone changed."""

    applied = Signal(str, str)
    changed = Signal()

    def __init__(self, case_file: CaseFile, case_id: str) -> None:
        super().__init__()
        self.case_file = case_file
        self.case_id = case_id
        self._steps: list[Step] = []
        self._done = 0  # steps[:done] can be undone, steps[done:] redone

    # -- recording ------------------------------------------------------------------------

    def push(self, step: Step) -> None:
        del self._steps[self._done :]
        self._steps.append(step)
        del self._steps[:-LIMIT]
        self._done = len(self._steps)
        self.changed.emit()

    def added(self, record: Record) -> None:
        self.push(Step("add", (Change(None, record),)))

    def edited(self, before: Record, after: Record) -> None:
        if not _same_fields(before, after):
            self.push(Step("edit", (Change(before, after),)))

    def deleted(self, records: list[Record]) -> None:
        if records:
            self.push(Step("delete", tuple(Change(r, None) for r in records)))

    # -- undoing --------------------------------------------------------------------------

    def can_undo(self) -> bool:
        return self._done > 0

    def can_redo(self) -> bool:
        return self._done < len(self._steps)

    def next_undo(self) -> Step | None:
        return self._steps[self._done - 1] if self.can_undo() else None

    def next_redo(self) -> Step | None:
        return self._steps[self._done] if self.can_redo() else None

    def undo(self) -> Step | None:
        """Undo the newest step; returns it (``None``: nothing to undo)."""
        step = self.next_undo()
        if step is None:
            return None
        self._run(step, backwards=True)
        self._done -= 1
        self.changed.emit()
        return step

    def redo(self) -> Step | None:
        """Do again the step undone last; returns it (``None``: nothing to redo)."""
        step = self.next_redo()
        if step is None:
            return None
        self._run(step, backwards=False)
        self._done += 1
        self.changed.emit()
        return step

    def _run(self, step: Step, *, backwards: bool) -> None:
        changes = reversed(step.changes) if backwards else step.changes
        done: list[Record] = []
        try:
            for change in changes:
                start, goal = (
                    (change.after, change.before) if backwards else (change.before, change.after)
                )
                done.append(self._move(change.record, start, goal))
        finally:  # what went through (all of it, or what came before a refusal) is shown
            for record in done:
                self.applied.emit(record.KIND, record.id)

    def _move(self, record: Record, start: Record | None, goal: Record | None) -> Record:
        """Bring the record from ``start`` (as the step left it) to ``goal``."""
        files = self.case_file
        if goal is None:  # it must go
            files.delete(record.id)
            return record
        if start is None:  # it must come back
            return files.restore(goal)
        current: Any = files.record(record.id, type(record))
        if not _same_fields(current, start):
            raise vault_errors.StaleRecord(f"the {record.KIND} was changed elsewhere")
        return files.update(_with_fields_of(current, goal))


_stacks: weakref.WeakKeyDictionary[CaseFile, dict[str, CaseUndo]] = weakref.WeakKeyDictionary()


def stack_for(case_file: CaseFile, case_id: str) -> CaseUndo:
    """The undo stack of one case in this unlocked vault (made on first use)."""
    per_case = _stacks.setdefault(case_file, {})
    if case_id not in per_case:
        per_case[case_id] = CaseUndo(case_file, case_id)
    return per_case[case_id]


def forget_all() -> None:
    """Drop every stack and the records they hold (at lock)."""
    for per_case in list(_stacks.values()):
        for stack in per_case.values():
            stack._steps.clear()
            stack._done = 0
            stack.changed.emit()
        per_case.clear()
    _stacks.clear()
