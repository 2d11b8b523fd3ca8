"""A colleague's re-issued key card (same keys, new name) and colleagues who never named
themselves (issue 16, point 5): the fingerprint is the colleague, the name follows the card."""

from __future__ import annotations

import pytest

from lawnotebook.services.colleagues import shown_name
from lawnotebook.services.errors import ContactExists
from lawnotebook.services.owner import DEFAULT_NAME, set_owner_profile


def test_a_new_card_with_the_same_keys_renames_the_contact_and_keeps_verified(lawyers):
    anna, bao = lawyers("anna"), lawyers("bao")
    anna.knows(bao, verified=True)
    set_owner_profile(bao.vault.connection, name="鲍律师")
    taken = anna.colleagues.take_card(bao.colleagues.me().card_text)
    assert taken.renamed_from == "bao"
    assert taken.contact.name == "鲍律师" and taken.contact.verified
    assert [c.name for c in anna.colleagues.all()] == ["鲍律师"]
    with pytest.raises(ContactExists):  # the same card again is still "already there"
        anna.colleagues.add(bao.colleagues.me().card_text)


def test_a_bundle_from_a_renamed_colleague_shows_and_takes_the_new_name(lawyers):
    anna, bao = lawyers("anna"), lawyers("bao")
    anna.knows(bao)
    bao.knows(anna)
    case = bao.files.new_case("刘某案")
    set_owner_profile(bao.vault.connection, name="鲍律师")
    path, _ = bao.seal(case.id, anna)
    preview = anna.open(path, dry_run=True)
    assert preview.sender_name == "鲍律师" and preview.sender_renamed_from == "bao"
    assert anna.contact(bao).name == "bao"  # a dry run changes nothing
    opened = anna.open(path)
    assert opened.applied and anna.contact(bao).name == "鲍律师"
    assert anna.contact(bao).verified


def test_two_unnamed_colleagues_are_told_apart_and_neither_is_refused(lawyers):
    anna, bao, chen = lawyers("anna"), lawyers("bao"), lawyers("chen")
    for unnamed in (bao, chen):
        set_owner_profile(unnamed.vault.connection, name="")
        unnamed.knows(anna)
    anna.knows(bao, verified=True)
    shown = {shown_name(c.name, c.fingerprint) for c in anna.colleagues.all()}
    assert len(shown) == 1 and all(s.startswith(f"{DEFAULT_NAME} (") for s in shown)
    # chen, unknown to anna, also carries the default name: that claims no one, so it is an
    # unknown sender (asked about), not "the key is not the one you have for that colleague".
    case = chen.files.new_case("陈某案")
    path, _ = chen.seal(case.id, anna)
    preview = anna.open(path, dry_run=True)
    assert not preview.sender_known and preview.sender_name == DEFAULT_NAME
    anna.knows(chen)
    names = {shown_name(c.name, c.fingerprint) for c in anna.colleagues.all()}
    assert len(names) == 2
