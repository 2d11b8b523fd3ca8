"""Round trips, chunk boundaries, tampering and the streaming APIs of our age implementation."""

import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.crypto import age
from lawnotebook.crypto.age.stream import CHUNK_SIZE, ENC_CHUNK_SIZE

X1 = age.X25519Identity.generate()
X2 = age.X25519Identity.generate()
PQ1 = age.HybridIdentity.generate()
PQ2 = age.HybridIdentity.generate()
ALL = [X1, X2, PQ1, PQ2]

BOUNDARY_SIZES = sorted(
    {0, 1, 2, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1}
    | {2 * CHUNK_SIZE + d for d in (-1, 0, 1)}
    | {3 * CHUNK_SIZE + d for d in (-1, 0, 1)}
)


@pytest.mark.parametrize("size", BOUNDARY_SIZES)
def test_round_trip_at_chunk_boundaries(size: int) -> None:
    data = os.urandom(size)
    sealed = age.encrypt(data, [X1.recipient, PQ1.recipient])
    assert age.decrypt(sealed, [PQ1]) == data
    assert age.decrypt(sealed, [X1]) == data
    # The payload is nonce + one tag per chunk (an empty file still has one empty chunk).
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(sealed) > size + 16 * chunks + 16


@given(
    size=st.one_of(
        st.sampled_from(BOUNDARY_SIZES),
        st.integers(0, 3 * CHUNK_SIZE + 2),
    ),
    recipients=st.lists(st.sampled_from(ALL), min_size=1, max_size=4, unique=True),
    armor=st.booleans(),
    data=st.data(),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_decrypt_inverts_encrypt(
    size: int, recipients: list, armor: bool, data: st.DataObject
) -> None:
    plaintext = os.urandom(size)
    sealed = age.encrypt(plaintext, [i.recipient for i in recipients], armor=armor)
    opener = data.draw(st.sampled_from(recipients))
    assert age.decrypt(sealed, [opener]) == plaintext
    outsiders = [i for i in ALL if i not in recipients]
    if outsiders:
        with pytest.raises(age.NoIdentityMatch):
            age.decrypt(sealed, outsiders)


SMALL = os.urandom(300)
SMALL_SEALED = age.encrypt(SMALL, [X1.recipient])
SMALL_ARMORED = age.encrypt(SMALL, [PQ1.recipient], armor=True)


@given(position=st.integers(0, len(SMALL_SEALED) - 1), flip=st.integers(1, 255))
@settings(max_examples=150, deadline=None)
def test_property_any_flipped_byte_is_a_typed_error(position: int, flip: int) -> None:
    tampered = bytearray(SMALL_SEALED)
    tampered[position] ^= flip
    with pytest.raises(age.AgeError):
        result = age.decrypt(bytes(tampered), [X1])
        pytest.fail(f"tampered file decrypted to {len(result)} bytes")


@given(position=st.integers(0, len(SMALL_ARMORED) - 1), flip=st.integers(1, 127))
@settings(max_examples=100, deadline=None)
def test_property_any_flipped_armored_byte_is_refused(position: int, flip: int) -> None:
    tampered = bytearray(SMALL_ARMORED)
    tampered[position] ^= flip
    try:
        result = age.decrypt(bytes(tampered), [PQ1], armor=True)
    except age.AgeError:
        return
    # Only whitespace outside the armor block may change without effect, and then the
    # plaintext must still be exactly the original.
    assert result == SMALL


def test_tampered_chunk_releases_exactly_the_authenticated_prefix() -> None:
    data = os.urandom(3 * CHUNK_SIZE + 10)
    sealed = bytearray(age.encrypt(data, [X1.recipient]))
    payload_start = len(sealed) - (len(data) + 4 * 16)
    sealed[payload_start + 2 * ENC_CHUNK_SIZE + 5] ^= 1  # inside the third chunk
    out = io.BytesIO()
    with pytest.raises(age.PayloadError):
        age.decrypt_stream(io.BytesIO(bytes(sealed)), out, [X1])
    assert out.getvalue() == data[: 2 * CHUNK_SIZE]


def test_truncation_at_a_chunk_boundary_is_refused() -> None:
    data = os.urandom(2 * CHUNK_SIZE + 5)
    sealed = age.encrypt(data, [X1.recipient])
    cut = len(sealed) - (5 + 16)  # drop the final chunk exactly
    out = io.BytesIO()
    with pytest.raises(age.PayloadError):
        age.decrypt_stream(io.BytesIO(sealed[:cut]), out, [X1])
    assert out.getvalue() == data[: 2 * CHUNK_SIZE]


def test_trailing_data_is_refused() -> None:
    sealed = age.encrypt(b"hello", [X1.recipient])
    with pytest.raises(age.PayloadError):
        age.decrypt(sealed + b"x", [X1])


def test_reader_releases_chunk_by_chunk() -> None:
    data = os.urandom(2 * CHUNK_SIZE + 7)
    sealed = age.encrypt(data, [PQ2.recipient])
    reader = age.open_decrypt(io.BytesIO(sealed), [X2, PQ2])
    first = reader.read(10)
    assert first == data[:10]
    rest = reader.read()
    assert first + rest == data
    assert reader.read(5) == b""


def test_encrypt_from_iterable_and_writer_agree() -> None:
    pieces = [os.urandom(n) for n in (1, CHUNK_SIZE, 3, CHUNK_SIZE - 4, 0, 17)]
    data = b"".join(pieces)
    out = io.BytesIO()
    assert age.encrypt_stream(iter(pieces), out, [X1.recipient]) == len(data)
    assert age.decrypt(out.getvalue(), [X1]) == data

    out2 = io.BytesIO()
    with age.open_encrypt(out2, [X2.recipient], armor=True) as writer:
        for piece in pieces:
            writer.write(piece)
    assert out2.getvalue().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    assert age.decrypt(out2.getvalue(), [X2]) == data


def test_writer_left_by_an_exception_is_not_a_valid_file() -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError), age.open_encrypt(out, [X1.recipient]) as writer:
        writer.write(b"partial")
        raise RuntimeError("cancelled")
    with pytest.raises(age.PayloadError):
        age.decrypt(out.getvalue(), [X1])


def test_scrypt_round_trip_and_wrong_passphrase() -> None:
    sealed = age.encrypt(b"secret", [age.ScryptRecipient("correct horse", work_factor=10)])
    assert age.decrypt(sealed, [age.ScryptIdentity("correct horse")]) == b"secret"
    with pytest.raises(age.WrongPassphrase):
        age.decrypt(sealed, [age.ScryptIdentity("wrong")])
    with pytest.raises(age.WorkFactorTooHigh):
        age.decrypt(sealed, [age.ScryptIdentity("correct horse", max_work_factor=9)])


def test_scrypt_cannot_be_mixed_with_other_recipients() -> None:
    with pytest.raises(ValueError):
        age.encrypt(b"x", [age.ScryptRecipient("pw", work_factor=10), X1.recipient])


def test_header_size_is_bounded() -> None:
    sealed = age.encrypt(b"x", [X1.recipient] * 20)
    with pytest.raises(age.HeaderError):
        age.open_decrypt(io.BytesIO(sealed), [X1], max_header_size=500)
    huge = b"age-encryption.org/v1\n-> " + b"a" * (2 << 20)
    with pytest.raises(age.HeaderError):
        age.decrypt(huge, [X1])


def test_armor_detection_rejects_whitespace_before_binary() -> None:
    sealed = age.encrypt(b"x", [X1.recipient])
    with pytest.raises(age.HeaderError):
        age.decrypt(b"\n" + sealed, [X1])
    armored = age.encrypt(b"x", [X1.recipient], armor=True)
    assert age.decrypt(b" \r\n\t" + armored + b"\n\n", [X1]) == b"x"
