"""An interrogation's history travels in bundles: a colleague sees every version, restores
the client's account the other lawyer overwrote, and the restore comes back as an edit."""

from __future__ import annotations

from dataclasses import replace

from lawnotebook.core.records import Interrogation

ACCOUNT = "审讯持续十四小时，不让睡觉。"


def test_a_colleague_restores_an_overwritten_account_and_it_travels_back(lawyers):
    a, b = lawyers("anna"), lawyers("bao")
    a.knows(b)
    b.knows(a)
    case = a.files.new_case("刘某案")
    session = a.files.add_interrogation(a.files.case(case.id), "2024-05-20 09:00")
    session = a.files.update(replace(session, client_account=ACCOUNT))
    a.files.update(replace(session, client_account="（误删）"))
    assert b.open(a.seal(case.id, b)[0]).applied

    at_b = b.files.record(session.id, Interrogation)
    history = b.files.history(at_b)
    assert [r.body["client_account"] for r in history] == ["", ACCOUNT, "（误删）"]
    b.files.restore_version(at_b, history[1])
    assert a.open(b.seal(case.id, a, since_last=True)[0]).applied

    back = a.files.record(session.id, Interrogation)
    assert back.client_account == ACCOUNT
    assert len(a.files.history(back)) == 4
    restores = [e for e in a.files.log(a.files.case(case.id)) if "restored" in e.details]
    assert restores and restores[-1].record_id == session.id
