"""SLIP-39 recovery shares through our wrapper: the reference vectors, splitting and the
typed refusals (a mistyped word, too few, a duplicate, two sets mixed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.crypto import shares
from lawnotebook.crypto.shares import (
    ShareError,
    ShareMalformed,
    SharesDuplicate,
    SharesMismatched,
    SharesTooFew,
)

VECTORS = json.loads(
    (Path(__file__).parents[1] / "vectors" / "slip39" / "vectors.json").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("description", "mnemonics", "secret"), VECTORS, ids=[v[0].split(".")[0] for v in VECTORS]
)
def test_reference_vectors_pass_through_the_wrapper(description, mnemonics, secret):
    if secret:
        assert shares.combine(mnemonics, passphrase=b"TREZOR").hex() == secret, description
    else:
        with pytest.raises(ShareError):
            shares.combine(mnemonics, passphrase=b"TREZOR")


def test_all_forty_vectors_are_there():
    assert len(VECTORS) == 40
    assert sum(1 for v in VECTORS if v[2]) == 10


SECRET = bytes(range(20))  # a recovery key's 160 bits


def test_two_of_three_any_pair_gives_the_secret_back():
    words = shares.split(SECRET, 2, 3, identifier=1234)
    assert len(words) == 3 and len(set(words)) == 3
    for pair in [(0, 1), (0, 2), (2, 1)]:
        assert shares.combine([words[i] for i in pair]) == SECRET
    info = shares.read_share(words[2])
    assert (info.identifier, info.number, info.threshold) == (1234, 3, 2)
    assert len(info.words) == 23  # 160 bits: 16 words of value, 7 of metadata and checksum


def test_typing_is_forgiven_case_and_spacing():
    a, b, _ = shares.split(SECRET, 2, 3, identifier=7)
    assert shares.combine(["  " + a.upper().replace(" ", "\n  "), b.replace(" ", "\t")]) == SECRET


def test_one_share_of_two_is_too_few():
    a, _, _ = shares.split(SECRET, 2, 3, identifier=7)
    with pytest.raises(SharesTooFew) as caught:
        shares.combine([a])
    assert (caught.value.needed, caught.value.given) == (2, 1)


def test_a_mistyped_word_names_the_share_and_the_word():
    a, b, _ = shares.split(SECRET, 2, 3, identifier=7)
    words = b.split()
    words[5] = "notaword"
    with pytest.raises(ShareMalformed) as caught:
        shares.combine([a, " ".join(words)])
    assert caught.value.position == 2 and caught.value.word == "notaword"


def test_a_real_word_in_the_wrong_place_fails_the_checksum():
    a, b, _ = shares.split(SECRET, 2, 3, identifier=7)
    words = b.split()
    words[8] = "academic" if words[8] != "academic" else "acid"
    with pytest.raises(ShareMalformed) as caught:
        shares.combine([" ".join(words), a])
    assert caught.value.position == 1 and caught.value.word is None


def test_a_missing_word_is_malformed():
    a, b, _ = shares.split(SECRET, 2, 3, identifier=7)
    with pytest.raises(ShareMalformed):
        shares.combine([a, " ".join(b.split()[:-1])])


def test_the_same_share_twice_is_a_duplicate():
    a, _, _ = shares.split(SECRET, 2, 3, identifier=7)
    with pytest.raises(SharesDuplicate) as caught:
        shares.combine([a, a.upper()])
    assert caught.value.number == 1


def test_shares_of_two_splits_of_one_secret_do_not_mix():
    first = shares.split(SECRET, 2, 3, identifier=7)
    second = shares.split(SECRET, 2, 3, identifier=7)  # same identifier, new polynomial
    with pytest.raises(SharesMismatched):
        shares.combine([first[0], second[1]])
    with pytest.raises(SharesMismatched):
        shares.combine([first[0], second[0]])  # both number 1, different words
    other = shares.split(SECRET, 2, 3, identifier=8)
    with pytest.raises(SharesMismatched):
        shares.combine([first[0], other[1]])


def test_split_refuses_a_threshold_of_one_and_more_than_sixteen():
    for threshold, count in [(1, 3), (3, 2), (2, 17)]:
        with pytest.raises(ValueError):
            shares.split(SECRET, threshold, count, identifier=1)


@settings(max_examples=25, deadline=None)
@given(
    secret=st.binary(min_size=16, max_size=32).filter(lambda b: len(b) % 2 == 0),
    sizes=st.integers(2, 6).flatmap(lambda n: st.tuples(st.integers(2, n), st.just(n))),
    identifier=st.integers(0, 2**15 - 1),
    data=st.data(),
)
def test_any_threshold_subset_gives_the_secret_back(secret, sizes, identifier, data):
    threshold, count = sizes
    words = shares.split(secret, threshold, count, identifier=identifier)
    chosen = data.draw(st.permutations(words))[:threshold]
    assert shares.combine(chosen) == secret
    if threshold > 1:
        with pytest.raises(SharesTooFew):
            shares.combine(chosen[:-1])


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_reading_any_text_is_a_share_or_a_typed_refusal(text):
    try:
        shares.read_share(text)
    except ShareMalformed:
        pass
