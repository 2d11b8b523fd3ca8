"""The owner's name, law firm and licence number (issue 16, point 5): given at vault creation,
changed later, on the key card (same keys, same fingerprint), in the report head."""

from __future__ import annotations

import pytest

from lawnotebook.core.errors import InvalidInput
from lawnotebook.services import session as sessions
from lawnotebook.services.colleagues import Colleagues, known_names, shown_name
from lawnotebook.services.owner import (
    DEFAULT_NAME,
    OwnerProfile,
    owner_profile,
    set_owner_profile,
)
from lawnotebook.services.reports import build_report
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

NAME, FIRM, LICENCE = "张伟", "北京市明德律师事务所", "11101201910123456"


def test_the_name_firm_and_licence_given_at_creation_are_kept_in_the_vault(tmp_path):
    root = tmp_path / "vault"
    session, _key = sessions.create_vault(
        root, PASSPHRASE, kdf=FAST_KDF, owner=OwnerProfile(NAME, FIRM, LICENCE)
    )
    fingerprint = Colleagues(session.vault).me().fingerprint
    session.close()
    with Vault.open_with_passphrase(root, PASSPHRASE) as vault:
        assert owner_profile(vault.connection) == OwnerProfile(NAME, FIRM, LICENCE)
        me = Colleagues(vault).me()
        assert me.name == NAME and me.fingerprint == fingerprint
        assert NAME in me.card_text
    # Not at rest in the clear: the database and header never hold the firm or licence.
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert FIRM.encode() not in data and LICENCE.encode() not in data


def test_a_bad_name_at_creation_makes_no_vault(tmp_path):
    root = tmp_path / "vault"
    with pytest.raises(InvalidInput):
        sessions.create_vault(root, PASSPHRASE, kdf=FAST_KDF, owner=OwnerProfile("a\x07b"))
    assert not root.exists()


def test_no_name_given_keeps_the_default_name(tmp_path):
    session, _ = sessions.create_vault(
        tmp_path / "v", PASSPHRASE, kdf=FAST_KDF, owner=OwnerProfile("  ", "", "")
    )
    with session.vault as vault:
        assert owner_profile(vault.connection) == OwnerProfile(DEFAULT_NAME)


def test_a_new_name_reissues_the_card_with_the_same_keys(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        people = Colleagues(vault)
        before = people.me()
        after = set_owner_profile(vault.connection, name=" 李 明 ", firm=FIRM)
        assert after == OwnerProfile("李 明", FIRM, "")
        card = people.me()
        assert card.name == "李 明" and card.fingerprint == before.fingerprint
        assert card.card_text != before.card_text
        # None keeps a field, "" clears it.
        assert set_owner_profile(vault.connection, licence=LICENCE).firm == FIRM
        assert set_owner_profile(vault.connection, firm="").firm == ""
        assert owner_profile(vault.connection).licence == LICENCE


@pytest.mark.parametrize(
    "field, value",
    [("name", "x" * 129), ("firm", "所" * 129), ("licence", "1" * 65), ("firm", "a\u202eb")],
)
def test_details_that_cannot_be_used_are_refused_and_change_nothing(tmp_path, field, value):
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        set_owner_profile(vault.connection, name=NAME, firm=FIRM, licence=LICENCE)
        with pytest.raises(InvalidInput):
            set_owner_profile(vault.connection, **{field: value})
        assert owner_profile(vault.connection) == OwnerProfile(NAME, FIRM, LICENCE)


def test_the_default_name_is_shown_with_the_fingerprints_first_groups(tmp_path):
    fingerprint = "12345 67890 11111 22222 33333 44444 55555 66666"
    assert shown_name(DEFAULT_NAME, fingerprint) == "Lawnotebook user (12345 67890…)"
    assert shown_name(DEFAULT_NAME, fingerprint, "Lawnotebook 用户（{groups}…）") == (
        "Lawnotebook 用户（12345 67890…）"
    )
    assert shown_name(NAME, fingerprint) == NAME
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        me = Colleagues(vault).me()
        groups = " ".join(me.fingerprint.split()[:2])
        assert known_names(vault.connection)[me.fingerprint] == f"{DEFAULT_NAME} ({groups}…)"


def test_the_report_head_names_the_preparer_with_firm_and_licence(tmp_path):
    session, _ = sessions.create_vault(
        tmp_path / "v", PASSPHRASE, kdf=FAST_KDF, owner=OwnerProfile(NAME, FIRM, LICENCE)
    )
    with session.vault:
        case = session.case_file.new_case("刘某故意杀人案")
        html = build_report(session.case_file, case.id, "chronology").html
        head = html[: html.index("</table>")]
        for row in (f"Prepared by</b></td><td>{NAME}", f"Law firm</b></td><td>{FIRM}"):
            assert row in head
        assert f"Licence number</b></td><td>{LICENCE}" in head
