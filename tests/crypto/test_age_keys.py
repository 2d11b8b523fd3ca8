"""Key strings: the examples from the age spec, Bech32 strictness, identity files."""

import pytest

from lawnotebook.crypto import age
from lawnotebook.crypto.age import bech32

# From c2sp.org/age.
SPEC_X25519_IDENTITY = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
SPEC_X25519_RECIPIENT = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
SPEC_PQ_IDENTITY = "AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR"
SPEC_PQ_RECIPIENT_HEAD = "age1pq1x34nzsvr0rxjsgdn8zgyhfe8j7ceq5r9rdelkjuh3y235jzxshfg87pzf5"
SPEC_PQ_RECIPIENT_TAIL = "k3tlhl53k2ykx3qheyty7saeq0d3fzv49zc0k"


def test_spec_x25519_example() -> None:
    identity = age.parse_identity(SPEC_X25519_IDENTITY)
    assert isinstance(identity, age.X25519Identity)
    assert str(identity.recipient) == SPEC_X25519_RECIPIENT
    assert str(identity) == SPEC_X25519_IDENTITY
    assert age.parse_recipient(SPEC_X25519_RECIPIENT) == identity.recipient


def test_spec_hybrid_example() -> None:
    identity = age.parse_identity(SPEC_PQ_IDENTITY)
    assert isinstance(identity, age.HybridIdentity)
    recipient = str(identity.recipient)
    assert recipient.startswith(SPEC_PQ_RECIPIENT_HEAD)
    assert recipient.endswith(SPEC_PQ_RECIPIENT_TAIL)
    assert len(identity.recipient.public_key) == 1216
    assert age.parse_recipient(recipient) == identity.recipient
    assert str(identity) == SPEC_PQ_IDENTITY


def test_generated_keys_round_trip_through_strings() -> None:
    for identity in (age.X25519Identity.generate(), age.HybridIdentity.generate()):
        again = age.parse_identity(str(identity))
        assert again.recipient == identity.recipient
        assert age.parse_recipient(str(identity.recipient)) == identity.recipient


@pytest.mark.parametrize(
    "text",
    [
        SPEC_X25519_RECIPIENT.upper(),  # recipients are lowercase
        SPEC_X25519_RECIPIENT[:-1] + "k",  # bad checksum
        "age1Zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj",  # mixed case
        "age1" + "q" * 10,
        "ssh-ed25519 AAAA",
        SPEC_X25519_IDENTITY,  # an identity is not a recipient
    ],
)
def test_bad_recipient_strings(text: str) -> None:
    with pytest.raises(age.KeyFormatError):
        age.parse_recipient(text)


def test_bech32_rejects_non_zero_padding() -> None:
    hrp, data = bech32.decode(SPEC_X25519_RECIPIENT)
    assert (hrp, len(data)) == ("age", 32)
    with pytest.raises(ValueError):
        bech32.decode("a1qqqqqqqqqqqqq")  # checksum fails or padding is invalid


def test_identity_file_with_comments() -> None:
    text = f"# created: today\n# public key: {SPEC_X25519_RECIPIENT}\n{SPEC_X25519_IDENTITY}\n\n"
    (identity,) = age.parse_identities(text)
    assert str(identity.recipient) == SPEC_X25519_RECIPIENT
    with pytest.raises(age.KeyFormatError):
        age.parse_identities("# nothing here\n")


def test_secret_key_repr_does_not_leak() -> None:
    identity = age.HybridIdentity.generate()
    assert str(identity).split("1", 1)[1][:10] not in repr(identity)
