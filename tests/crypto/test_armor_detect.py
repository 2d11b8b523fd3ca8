"""Armor auto-detection (``armor=None``, what the bundle opener uses): every CCTV vector gives
the outcome it gives with the armor flag stated, armor_garbage_leading an armor failure."""

import io

import pytest

from lawnotebook.crypto import age
from lawnotebook.crypto.age.armor import looks_armored
from lawnotebook.crypto.age.source import Source

from .cctv import Vector, all_vectors
from .test_cctv import OUTCOMES, _identities

VECTORS = all_vectors()


def _outcome(vec: Vector) -> str:
    try:
        age.decrypt_stream(io.BytesIO(vec.data), io.BytesIO(), _identities(vec), armor=None)
    except age.AgeError as exc:
        return next(name for cls, name in OUTCOMES.items() if isinstance(exc, cls))
    return "success"


@pytest.mark.parametrize("vec", VECTORS, ids=[v.name for v in VECTORS])
def test_auto_detected_armor_gives_the_vectors_outcome(vec: Vector) -> None:
    assert _outcome(vec) == vec.expect


def test_garbage_before_the_begin_line_is_an_armor_failure() -> None:
    (vec,) = [v for v in VECTORS if v.name == "armor_garbage_leading"]
    with pytest.raises(age.ArmorError):
        age.decrypt(vec.data, _identities(vec))


def test_detection_consumes_nothing_and_keeps_binary_binary() -> None:
    binary = age.encrypt(b"x", [age.ScryptRecipient("p", 10)])
    source = Source(io.BytesIO(binary))
    assert not looks_armored(source)
    assert source.peek(len(binary)) == binary
    assert not looks_armored(Source(io.BytesIO(b"  \n" + binary)))
    with pytest.raises(age.HeaderError):  # whitespace before a binary header
        age.decrypt(b"\n" + binary, [age.ScryptIdentity("p")])
    armored = age.encrypt(b"x", [age.ScryptRecipient("p", 10)], armor=True)
    assert looks_armored(Source(io.BytesIO(b"\r\n " + armored)))
    assert looks_armored(Source(io.BytesIO(b"junk\n" + armored)))
