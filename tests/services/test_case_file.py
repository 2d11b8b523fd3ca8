"""Case-file use cases through the service layer, on a real vault."""

from __future__ import annotations

import pytest

from lawnotebook.core.dates import InvalidDate
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import (
    ChronologyEvent,
    Deadline,
    DeadlineKind,
    Interrogation,
    Person,
    PersonRole,
    Tristate,
)
from lawnotebook.services.case_file import CaseFile, is_overdue
from lawnotebook.services.integrity import verify_vault
from lawnotebook.services.owner import owner_id
from lawnotebook.vault.errors import RecordNotFound
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def test_author_is_the_owners_fingerprint(files):
    case = files.new_case("Case")
    assert case.author == owner_id(files.conn)
    assert len(case.author.split()) == 8


def test_find_case_by_number_or_prefix(files):
    case = files.new_case("State v. Wang", case_number="(2019)沪01刑初7号")
    assert files.case("(2019)沪01刑初7号").id == case.id
    assert files.case(case.id[:6]).id == case.id
    with pytest.raises(RecordNotFound):
        files.case("nonexistent-number")


def test_links_must_point_into_the_same_case(files):
    mine, other = files.new_case("Mine"), files.new_case("Other")
    officer = files.add_person(other, "王五", PersonRole.POLICE)
    with pytest.raises(RecordNotFound):
        files.add_event(mine, "2016-07-01", "Arrest", person_ids=[officer.id])
    assert files.list(ChronologyEvent, mine) == []


def test_interrogation_table(files):
    case = files.new_case("Torture claim")
    officer = files.add_person(case, "赵六", PersonRole.INTERROGATOR)
    files.add_interrogation(
        case,
        "2016-07-16 09:00",
        end="2016-07-16 10:00",
        place="Room 2",
        interrogator_ids=[officer.id[:8]],
    )
    files.add_interrogation(
        case,
        "2016-07-15 21:00",
        end="2016-07-16 05:30",
        place="看守所",
        interrogator_ids=[officer.id],
        recorded_on_video=Tristate.NO,
        client_account="Not allowed to sleep",
    )
    sessions = files.list(Interrogation, case)
    assert [s.place for s in sessions] == ["看守所", "Room 2"]
    assert [s.duration_minutes() for s in sessions] == [510, 60]
    assert sessions[0].interrogator_ids == [officer.id]


def test_deadlines_overdue_and_done(files):
    case = files.new_case("Deadlines")
    late = files.add_deadline(case, "2020-03-01", "Appeal", DeadlineKind.FILING)
    files.add_deadline(case, "2099-01-01 09:00", "Hearing", DeadlineKind.HEARING)
    now = "2026-11-27T12:00"
    assert [is_overdue(d, now) for d in files.list(Deadline, case)] == [True, False]
    done = files.mark_done(late)
    assert not is_overdue(done, now)


def test_bad_input_is_refused_and_nothing_is_written(files):
    case = files.new_case("Input")
    with pytest.raises(InvalidDate):
        files.add_event(case, "next tuesday", "x")
    with pytest.raises(InvalidInput):
        files.new_case("   ")
    with pytest.raises(InvalidInput):
        files.add_person(case, "")
    assert files.list(ChronologyEvent, case) == [] and files.list(Person, case) == []
    assert len(files.log(case)) == 1


def test_every_change_is_in_the_custody_log_and_verifies(files):
    case = files.new_case("Logged")
    note = files.add_note(case, "v1")
    files.edit_note(note, "v2")
    files.archive_case(case.id)
    assert [e.action for e in files.log(case)] == ["create", "create", "edit", "edit"]
    report = verify_vault(files.vault)
    assert report.ok and report.cases_checked == 1


def test_verify_reports_a_tampered_log(files):
    case = files.new_case("Tampered")
    files.add_note(case, "x")
    files.conn.execute("UPDATE custody_log SET actor = 'someone else' WHERE seq = 1")
    report = verify_vault(files.vault)
    assert not report.ok
    assert [p.position for p in report.custody[case.id]] == [1]
