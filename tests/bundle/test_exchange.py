"""Three lawyers, three vaults, bundles on a USB stick: the story from the issue, end to end."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from lawyers import Lawyer

from lawnotebook.core.records import ChronologyEvent, Evidence, Note, Person, PersonRole
from lawnotebook.services.evidence import add_evidence, open_evidence
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault import case_rows


@pytest.fixture
def firm(tmp_path):
    a, b, c = (Lawyer(tmp_path, n) for n in ("anna", "bao", "chen"))
    a.knows(b, c)
    b.knows(a)
    yield a, b, c
    for lawyer in (a, b, c):
        lawyer.close()


def _case_view(lawyer: Lawyer, case_id: str) -> dict:
    rows = case_rows.records(lawyer.files.conn, case_id)
    return {r["id"]: (r["kind"], r["body"], r["hlc"]) for r in rows}


def test_two_lawyers_share_edit_merge_and_a_third_gets_a_passphrase_bundle(firm, tmp_path):
    a, b, c = firm
    case = a.files.new_case("State v. Liu 刘某", client="刘某", case_number="(2016)粤01刑初9号")
    note = a.files.add_note(case, "Client says he was kept awake for three nights.")
    a.files.add_person(
        case,
        "王警官",
        role=PersonRole.POLICE,
    )
    scan = tmp_path / "medical-report.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 400)
    add_evidence(a.files, case, scan, source_note="hospital")

    # A seals to B; B sees a new case, applies it.
    path, sealed = a.seal(case.id, b)
    assert sealed.sequence == 1 and sealed.blobs == 1
    opened = b.open(path)
    assert opened.applied and opened.new_case and opened.plan.count("add") == 4
    assert _case_view(a, case.id) == _case_view(b, case.id)
    item = b.files.list(Evidence, b.files.case(case.id))[0]
    with open_evidence(b.files, item) as reader:
        assert reader.read() == scan.read_bytes()

    # B adds an event and edits the note; sends only the changes back.
    b_case = b.files.case(case.id)
    b.files.add_event(b_case, "2016-07-15", "Interrogation began 21:00")
    b.files.edit_note(b.files.record(note.id, Note), "Kept awake three nights; beaten once.")
    path, sealed = b.seal(case.id, a, since_last=True)
    assert sealed.base_sequence == 0  # B never sealed to A before: the whole case
    back = a.open(path)
    assert back.plan.count("add") == 1 and back.plan.count("change") == 1
    assert not back.plan.conflicts
    assert a.files.record(note.id, Note).text == "Kept awake three nights; beaten once."

    # Both edit the same note in parallel and exchange deltas: a visible conflict, same result.
    a.files.edit_note(a.files.record(note.id, Note), "A's version: beaten twice.")
    b.files.edit_note(b.files.record(note.id, Note), "B's version: beaten on 16 July.")
    a_path, a_sealed = a.seal(case.id, b, since_last=True)
    b_path, _ = b.seal(case.id, a, since_last=True)
    assert a_sealed.base_sequence == 1
    assert len(a.open(b_path).plan.conflicts) == 1
    assert len(b.open(a_path).plan.conflicts) == 1
    assert _case_view(a, case.id) == _case_view(b, case.id)
    merged = a.files.record(note.id, Note)
    texts = {merged.text, *(x["text"] for x in merged.conflicts)}
    assert texts == {"A's version: beaten twice.", "B's version: beaten on 16 July."}

    # C has no key card: a passphrase bundle.
    p_path, _ = a.seal(case.id, passphrase="correct horse 马")
    c.knows(a)
    got = c.open(p_path, passphrase="correct horse 马")
    assert got.applied
    assert _case_view(c, case.id) == _case_view(a, case.id)
    assert len(c.files.list(Person, c.files.case(case.id))) == 1
    assert len(c.files.list(ChronologyEvent, c.files.case(case.id))) == 1

    # Every vault still verifies, custody chains of all origins included.
    for lawyer in (a, b, c):
        report = verify_vault(lawyer.vault, deep=True)
        assert report.ok, report.to_dict()
    origins = {e.origin for e in c.files.log(c.files.case(case.id))}
    assert len(origins) == 3  # A's and B's chains travelled, plus C's own import entry


def test_a_partial_disclosure_carries_only_the_chosen_evidence(firm, tmp_path):
    a, b, _ = firm
    case = a.files.new_case("Partial")
    files = []
    for name in ("shared.jpg", "withheld.jpg"):
        (tmp_path / name).write_bytes(name.encode() * 5000)
        files.append(add_evidence(a.files, case, tmp_path / name))
    path, sealed = a.seal(case.id, b, evidence=[files[0].id])
    assert sealed.blobs == 1
    b.open(path)
    got = b.files.list(Evidence, b.files.case(case.id))
    assert [e.file_name for e in got] == ["shared.jpg"]
    log = b.files.log(b.files.case(case.id))
    withheld = [e for e in log if e.record_id == files[1].id]
    assert withheld and all(e.redacted for e in withheld)
    assert "withheld.jpg" not in str([e.details for e in log])
    assert verify_vault(b.vault).ok


def test_deletions_travel_and_stay_deleted(firm):
    a, b, _ = firm
    case = a.files.new_case("Deletions")
    keep = a.files.add_note(case, "keep")
    gone = a.files.add_note(case, "delete me")
    b.open(a.seal(case.id, b)[0])
    a.files.delete(gone.id)
    b.files.edit_note(b.files.record(gone.id, Note), "edited before the deletion arrived")
    plan = b.open(a.seal(case.id, b, since_last=True)[0]).plan
    assert plan.count("delete") == 1
    ids = {n.id for n in b.files.list(Note, b.files.case(case.id))}
    assert ids == {keep.id}
    # B's edit of the deleted note does not bring it back to A either.
    a.open(b.seal(case.id, a)[0])
    assert {n.id for n in a.files.list(Note, a.files.case(case.id))} == {keep.id}
