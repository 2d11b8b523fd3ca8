"""Random edits and exchanges among 2-3 vaults: once everyone has everything, all agree and no
edit is lost (every text ever saved survives as the note's text or one of its kept conflicts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from lawyers import Lawyer

from lawnotebook.core.records import Note
from lawnotebook.vault import case_rows

NOTES = 2
step = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, NOTES - 1)),
    st.tuples(st.just("send"), st.integers(0, 2), st.integers(0, 2)),
)


def _state(lawyer: Lawyer, case_id: str) -> dict:
    return {r["id"]: (r["body"], r["hlc"]) for r in case_rows.records(lawyer.files.conn, case_id)}


def _send(src: Lawyer, dst: Lawyer, case_id: str) -> None:
    path, _ = src.seal(case_id, dst, since_last=False)
    dst.open(path)


@settings(
    max_examples=int(os.environ.get("LAWNOTEBOOK_MERGE_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(n=st.integers(2, 3), steps=st.lists(step, min_size=1, max_size=10))
# Found by hypothesis: two different merges above the same newest stamp once shared a stamp.
@example(n=3, steps=[("edit", 2, 1), ("send", 2, 1), ("edit", 2, 1), ("edit", 0, 1)])
def test_random_exchanges_converge_without_losing_edits(tmp_path_factory, n, steps):
    root = tmp_path_factory.mktemp("firm")
    lawyers = [Lawyer(root, f"l{i}") for i in range(n)]
    try:
        for lawyer in lawyers:
            lawyer.knows(*[o for o in lawyers if o is not lawyer])
        first = lawyers[0]
        case = first.files.new_case("Shared case")
        notes = [first.files.add_note(case, f"note {i}") for i in range(NOTES)]
        for other in lawyers[1:]:
            _send(first, other, case.id)
        written: dict[str, set[str]] = {note.id: {note.text} for note in notes}
        counter = 0
        for action, who, what in steps:
            who %= n
            if action == "edit":
                counter += 1
                me = lawyers[who]
                note = me.files.record(notes[what].id, Note)
                text = f"{note.text} +{who}.{counter}"
                me.files.edit_note(note, text)
                written[note.id].add(text)
            elif who != what % n:
                _send(lawyers[who], lawyers[what % n], case.id)
        # Everyone sends to everyone, twice round, so every change reaches every vault.
        for _ in range(2):
            for src in lawyers:
                for dst in lawyers:
                    if src is not dst:
                        _send(src, dst, case.id)
        states = [_state(lawyer, case.id) for lawyer in lawyers]
        assert all(s == states[0] for s in states[1:]), "vaults disagree after full exchange"
        for note_id, texts in written.items():
            final = first.files.record(note_id, Note)
            kept = "\n".join([final.text, *(c["text"] for c in final.conflicts)])
            for text in texts:  # later edits build on earlier text, so substrings count
                assert text in kept, f"lost edit: {text!r}"
    finally:
        for lawyer in lawyers:
            lawyer.close()
