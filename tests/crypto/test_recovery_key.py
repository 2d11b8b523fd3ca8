"""Recovery keys: written form, forgiving reading, typo detection."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.crypto.recovery import RecoveryKey, RecoveryKeyMalformed

# A fixed vector: changing the encoding would strand every recovery key ever printed.
VECTOR_SECRET = bytes(range(20))
VECTOR_TEXT = "000G40-R40M30-E20918-5GR38E-1W8124-GKQSJD"


def test_vector():
    assert RecoveryKey(VECTOR_SECRET).formatted() == VECTOR_TEXT
    assert RecoveryKey.parse(VECTOR_TEXT).secret == VECTOR_SECRET


def test_written_form_is_six_groups_of_six():
    text = RecoveryKey.generate().formatted()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{6}-){5}[0-9A-HJKMNP-TV-Z]{6}", text)


@given(st.binary(min_size=20, max_size=20))
def test_round_trip_with_sloppy_typing(secret):
    text = RecoveryKey(secret).formatted()
    sloppy = text.lower().replace("-", "  ").replace("0", "o").replace("1", "l")
    assert RecoveryKey.parse(sloppy).secret == secret


# A 20-bit checksum misses one typo in ~a million; derandomized so the run is repeatable.
@settings(derandomize=True)
@given(st.binary(min_size=20, max_size=20), st.integers(0, 35), st.integers(1, 31))
def test_any_single_character_typo_is_caught(secret, position, shift):
    from lawnotebook.crypto.recovery import ALPHABET

    plain = RecoveryKey(secret).formatted().replace("-", "")
    wrong = ALPHABET[(ALPHABET.index(plain[position]) + shift) % 32]
    typo = plain[:position] + wrong + plain[position + 1 :]
    with pytest.raises(RecoveryKeyMalformed):
        RecoveryKey.parse(typo)


@pytest.mark.parametrize("text", ["", "ABC", "U" * 36, "!" * 36, VECTOR_TEXT + "0"])
def test_malformed(text):
    with pytest.raises(RecoveryKeyMalformed):
        RecoveryKey.parse(text)


def test_repr_hides_the_secret():
    key = RecoveryKey.generate()
    assert key.formatted()[:6] not in repr(key)
