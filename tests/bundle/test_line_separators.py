"""Any Unicode text in a record travels in a bundle: line and paragraph separators (U+2028,
U+2029), NEL (U+0085) and friends must not break the record set's framing."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from lawyers import Lawyer

from lawnotebook.core.records import Note, Person
from lawnotebook.vault import case_rows

SEPARATORS = "\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e\r\n"
texts = st.text(
    alphabet=st.one_of(st.sampled_from(SEPARATORS), st.characters(exclude_categories=["Cs"])),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())  # the case file refuses an empty title or name


def _view(lawyer: Lawyer, case_id: str) -> dict:
    return {r["id"]: (r["kind"], r["body"]) for r in case_rows.records(lawyer.files.conn, case_id)}


def test_a_note_with_a_line_separator_is_shared(tmp_path):
    a, b = Lawyer(tmp_path, "anna"), Lawyer(tmp_path, "bao")
    try:
        a.knows(b)
        b.knows(a)
        case = a.files.new_case("Case\u2028one", client="Liu\u2029")
        note = a.files.add_note(case, "first\u2028second\u0085third")
        path, _ = a.seal(case.id, b)
        opened = b.open(path)
        assert opened.applied
        assert b.files.record(note.id, Note).text == "first\u2028second\u0085third"
        assert _view(a, case.id) == _view(b, case.id)
    finally:
        a.close()
        b.close()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=texts, body=texts, name=texts)
def test_any_text_in_every_field_round_trips(tmp_path_factory, title, body, name):
    root = tmp_path_factory.mktemp("sep")
    a, b = Lawyer(root, "anna"), Lawyer(root, "bao")
    try:
        a.knows(b)
        b.knows(a)
        case = a.files.new_case(title, client=name, case_number=body)
        a.files.add_note(case, body)
        person = a.files.add_person(case, name)
        path, _ = a.seal(case.id, b)
        assert b.open(path).applied
        assert _view(a, case.id) == _view(b, case.id)
        assert b.files.record(person.id, Person).name == a.files.record(person.id, Person).name
    finally:
        a.close()
        b.close()
