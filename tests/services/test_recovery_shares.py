"""The recovery-share use cases below the window and the command line: what a sheet says,
what typed or pasted text is read as, and sealed share files refused whole when they are not
one of ours."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.crypto import age
from lawnotebook.crypto.shares import read_share
from lawnotebook.services import recovery_shares as rs
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def lawyer(tmp_path):
    vault, key = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    yield vault, key
    vault.close()


def test_a_sheet_says_number_vault_and_key_check_and_reads_back(lawyer):
    vault, key = lawyer
    sheets = rs.make_shares(vault, key.formatted(), 3, 5)
    assert [s.number for s in sheets] == [1, 2, 3, 4, 5]
    text = sheets[3].text()
    assert "Lawnotebook recovery share: 4 of 5" in text
    assert rs.grouped_vault_id(vault.vault_id) in text
    assert rs.current_key_check(vault) in text
    assert rs.share_text_words(text) == " ".join(sheets[3].words)
    # the Chinese sheet's headings carry no numbers at the start of a line either
    zh = "Lawnotebook 恢复份额：第 4 份，共 5 份\n保险库：ab12\n\n" + "\n".join(
        sheets[3].word_lines()
    )
    assert rs.share_text_words(zh) == " ".join(sheets[3].words)
    assert rs.share_text_words("  Academic  ACID\n") == "Academic ACID"


def test_the_identifier_is_the_vaults_and_the_key_check_follows_the_recovery_slot(lawyer):
    vault, key = lawyer
    sheet = rs.make_shares(vault, key.formatted(), 2, 2)[0]
    assert read_share(" ".join(sheet.words)).identifier == rs.share_identifier(vault.vault_id)
    before = rs.current_key_check(vault)
    vault.change_passphrase("another passphrase entirely", kdf=FAST_KDF)
    assert rs.current_key_check(vault) == before  # a new passphrase keeps the recovery slot
    vault.rotate_data_key("another passphrase entirely")
    assert rs.current_key_check(vault) != before


def test_a_sealed_file_that_is_not_a_share_is_refused(lawyer, tmp_path):
    vault, _ = lawyer
    me = Colleagues(vault).identity()
    recipients = [me.pq.recipient]
    for plain in [b"{}", b"not json", b'{"format": "lawnotebook-recovery-share"}', b"[" * 5000]:
        with pytest.raises(rs.ShareFileMalformed):
            rs.open_share_file(vault, age.encrypt(plain, recipients))
    with pytest.raises(rs.ShareFileMalformed):
        rs.open_share_file(vault, b"age-encryption.org/v1\ngarbage")
    with pytest.raises(rs.ShareFileMalformed):
        rs.open_share_file(vault, b"x" * (rs.MAX_FILE_BYTES + 1))
    stranger = age.X25519Identity.generate()
    with pytest.raises(rs.ShareFileNotForYou):
        rs.open_share_file(vault, age.encrypt(b"{}", [stranger.recipient]))


def test_any_bytes_sealed_to_me_are_a_share_or_refused(lawyer):
    vault, _ = lawyer
    recipient = Colleagues(vault).identity().x25519.recipient

    @settings(max_examples=60, deadline=None)
    @given(st.binary(max_size=600))
    def check(data):
        with pytest.raises(rs.ShareFileMalformed):
            rs.open_share_file(vault, age.encrypt(data, [recipient]))

    check()
