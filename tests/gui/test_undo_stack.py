"""The undo stack as a state machine: any sequence of adds, edits and deletes, then as many
undos, leaves the case's records exactly as they were (ids, fields); as many redos after that
bring back the end state."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.core.records import Deadline, Note, Person, to_body
from lawnotebook.gui.parts.undo import LIMIT, CaseUndo
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

KINDS = (Person, Note, Deadline)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("stack") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


def _state(files, case) -> dict[str, dict]:
    return {r.id: to_body(r) for kind in KINDS for r in files.list(kind, case)}


def _add(files, case, kind, text):
    if kind is Person:
        return files.add_person(case, text.strip() or "x")
    if kind is Note:
        return files.add_note(case, text)
    return files.add_deadline(case, "2026-12-01", text or "x")


def _edit(record, text):
    if isinstance(record, Person):
        return replace(record, name=(text or "y") + "·")
    if isinstance(record, Note):
        return replace(record, text=text + "!")
    return replace(record, title=text + "?", done=not record.done)


operation = st.tuples(
    st.sampled_from(["add", "edit", "delete"]),
    st.sampled_from(KINDS),
    st.integers(0, 5),
    st.text(alphabet="ab王五 ", max_size=6),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.lists(st.tuples(st.sampled_from(KINDS), st.text(max_size=4)), max_size=3),
    ops=st.lists(operation, min_size=1, max_size=12),
)
def test_n_steps_then_n_undos_restore_the_records(session, start, ops):
    files = session.case_file
    case = files.new_case("Hypothesis")
    for kind, text in start:
        _add(files, case, kind, text)
    initial = _state(files, case)
    stack = CaseUndo(files, case.id)
    steps = 0
    for action, kind, pick, text in ops:
        existing = files.list(kind, case)
        if action == "add":
            stack.added(_add(files, case, kind, text))
        elif not existing:
            continue
        elif action == "edit":
            before = existing[pick % len(existing)]
            after = files.update(_edit(before, text))
            stack.edited(before, after)
        else:
            stack.deleted([files.delete(existing[pick % len(existing)].id)])
        steps += 1
    end = _state(files, case)
    undone = 0
    while stack.can_undo():
        stack.undo()
        undone += 1
    assert undone <= min(steps, LIMIT)
    assert _state(files, case) == initial
    while stack.can_redo():
        stack.redo()
    assert _state(files, case) == end
