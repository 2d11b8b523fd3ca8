"""Schema 9 (issue 17): a schema-8 vault's free-text session places become Places of kind
unknown, one per distinct text per case, the same in every vault that upgrades the case."""

from __future__ import annotations

import contextlib
import functools
import json
import shutil

from lawnotebook.core.records import Interrogation, Place, PlaceKind
from lawnotebook.services.session import create_vault, unlock_with_passphrase
from lawnotebook.vault import schema
from lawnotebook.vault.migrations import MIGRATIONS
from support import FAST_KDF, PASSPHRASE

# The interrogation fields schema 8 wrote (core/records.py before issue 17).
SCHEMA_8_FIELDS = {
    "start",
    "end",
    "place",
    "interrogator_ids",
    "recorded_on_video",
    "rights_read",
    "client_account",
    "evidence_ids",
}


def _schema_8_vault(path, monkeypatch):  # type: ignore[no-untyped-def]
    """A vault at schema 8 with two cases' sessions, bodies as schema 8 wrote them."""
    up_to_8 = {v: m for v, m in MIGRATIONS.items() if v <= 8}
    with monkeypatch.context() as patch:
        patch.setattr(
            "lawnotebook.vault.vault.migrate", functools.partial(schema.migrate, migrations=up_to_8)
        )
        session, _ = create_vault(path, PASSPHRASE, kdf=FAST_KDF)
        with contextlib.closing(session):
            assert session.vault.schema_version == 8
            files = session.case_file
            one = files.new_case("张某案")
            two = files.new_case("李某案")
            for case, start, place in [
                (one, "2024-05-20 23:00", "市公安局办案区"),
                (one, "2024-05-21 10:00", " 市公安局办案区 "),  # the same text, trimmed
                (one, "2024-05-22 09:00", "看守所讯问室"),
                (one, "2024-05-23 09:00", ""),  # no place: no Place
                (two, "2024-06-01 09:00", "市公安局办案区"),  # another case: its own Place
            ]:
                files.add_interrogation(case, start, place=place, client_account="殴打")
            conn = session.vault.connection
            for table, key in (("records", "id"), ("revisions", "record_id")):
                for rid, hlc, text in conn.execute(
                    f"SELECT {key}, hlc, body FROM {table} WHERE kind = 'interrogation'"  # noqa: S608
                ).fetchall():
                    old = {k: v for k, v in json.loads(text).items() if k in SCHEMA_8_FIELDS}
                    conn.execute(
                        f"UPDATE {table} SET body = ? WHERE {key} = ? AND hlc = ?",  # noqa: S608
                        (json.dumps(old, ensure_ascii=False, sort_keys=True), rid, hlc),
                    )
            return one.id, two.id


def _upgraded(path, monkeypatch):  # type: ignore[no-untyped-def]
    one_id, two_id = _schema_8_vault(path, monkeypatch)
    return unlock_with_passphrase(path, PASSPHRASE), one_id, two_id


def test_free_text_places_become_places_of_kind_unknown(tmp_path, monkeypatch):
    session, one_id, two_id = _upgraded(tmp_path / "vault", monkeypatch)
    with contextlib.closing(session):
        assert session.vault.schema_version == schema.CURRENT_VERSION >= 9
        files = session.case_file
        one, two = files.case(one_id), files.case(two_id)
        places = files.list(Place, one)
        assert sorted(p.name for p in places) == sorted(["看守所讯问室", "市公安局办案区"])
        assert {p.place_kind for p in places} == {PlaceKind.UNKNOWN}
        by_name = {p.name: p.id for p in places}
        sessions = files.list(Interrogation, one)
        assert [s.place_id for s in sessions] == [
            by_name["市公安局办案区"],
            by_name["市公安局办案区"],
            by_name["看守所讯问室"],
            "",
        ]
        assert sessions[1].place == " 市公安局办案区 "  # the text stays, for older versions
        (other,) = files.list(Place, two)
        assert other.name == "市公安局办案区" and other.id != by_name["市公安局办案区"]
        # The session's old version stays in its history; the new one is a revision above it.
        history = files.history(sessions[0])
        assert len(history) == 2 and "place_id" not in history[0].body
        assert history[1].hlc == sessions[0].hlc > history[0].hlc
        # A Place is found by search, and the store's next edit is stamped after the upgrade.
        assert any(h.record_id == by_name["看守所讯问室"] for h in files.search("讯问室"))
        edited = files.update(places[0])
        assert edited.hlc > max(s.hlc for s in sessions)


def test_two_vaults_upgrading_the_same_case_agree(tmp_path, monkeypatch):
    """The upgrade is deterministic: run on the same schema-8 data, it writes the same rows."""
    _schema_8_vault(tmp_path / "a", monkeypatch)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    rows = []
    for name in ("a", "b"):
        with contextlib.closing(unlock_with_passphrase(tmp_path / name, PASSPHRASE)) as session:
            conn = session.vault.connection
            rows.append(
                conn.execute(
                    "SELECT id, kind, body, hlc FROM records WHERE kind IN"
                    " ('place', 'interrogation') ORDER BY id"
                ).fetchall()
            )
    assert rows[0] == rows[1] and any(r[1] == "place" for r in rows[0])
