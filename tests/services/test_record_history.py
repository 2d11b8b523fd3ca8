"""History for people, events and interrogations: every save keeps the version it replaced;
an older version can be restored (a new version, logged in custody), and the history travels
in bundles like a note's."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import ChronologyEvent, Interrogation, Person, PersonRole
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.integrity import verify_vault
from lawnotebook.vault.errors import StaleRecord
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

ACCOUNT = "审讯持续十四小时，不让睡觉，没有录像。"


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def test_every_save_keeps_the_version_it_replaced_and_restoring_is_a_new_version(files):
    case = files.new_case("刘某案")
    session = files.add_interrogation(case, "2024-05-20 09:00", client_account=ACCOUNT)
    overwritten = files.update(replace(session, client_account="x"))
    history = files.history(overwritten)
    assert [r.body["client_account"] for r in history] == [ACCOUNT, "x"]

    old = files.version_of(overwritten, history[0])
    assert isinstance(old, Interrogation) and old.client_account == ACCOUNT
    restored = files.restore_version(overwritten, history[0])
    assert files.record(session.id, Interrogation).client_account == ACCOUNT
    assert restored.client_account == ACCOUNT
    assert [r.body["client_account"] for r in files.history(restored)] == [ACCOUNT, "x", ACCOUNT]

    entry = files.log(case)[-1]
    assert entry.action == "edit" and entry.record_id == session.id
    assert entry.details["fields"] == ["client_account"]
    assert entry.details["restored"] == history[0].updated_at
    assert verify_vault(files.vault).ok


@pytest.mark.parametrize("kind", ["person", "event"])
def test_people_and_events_keep_their_history_too(files, kind):
    case = files.new_case("History")
    if kind == "person":
        record = files.add_person(case, "王警官", PersonRole.POLICE, contact_notes="第一次")
        edited = files.update(replace(record, contact_notes="第二次"))
        field, first = "contact_notes", "第一次"
    else:
        record = files.add_event(case, "2024-05", "拘留", description="先在派出所")
        edited = files.update(replace(record, description="后在看守所"))
        field, first = "description", "先在派出所"
    history = files.history(edited)
    assert len(history) == 2
    back = files.restore_version(edited, history[0])
    kind_type = Person if kind == "person" else ChronologyEvent
    assert getattr(files.record(record.id, kind_type), field) == first == getattr(back, field)


def test_a_stale_record_or_another_records_version_is_refused(files):
    case = files.new_case("Refusals")
    a = files.add_person(case, "A")
    b = files.add_person(case, "B")
    a2 = files.update(replace(a, name="A2"))
    with pytest.raises(InvalidInput):
        files.restore_version(a2, files.history(b)[0])
    with pytest.raises(StaleRecord):  # a was replaced by a2: restoring onto it is refused
        files.restore_version(a, files.history(a2)[0])
    assert files.record(a.id, Person).name == "A2"
