"""Conformance: every C2SP CCTV age vector must produce its expected outcome.

A vector may only be skipped by listing it in SKIPPED with a reason; skips are counted, and
the suite fails if the vector set is missing, empty, or fewer than MIN_RAN vectors ran.
"""

import hashlib
import io

import pytest

from lawnotebook.crypto import age
from lawnotebook.crypto.age.armor import armor_reader
from lawnotebook.crypto.age.format import marshal_header, parse_header
from lawnotebook.crypto.age.source import Source

from .cctv import VECTOR_DIR, Vector, all_vectors

MIN_RAN = 140
# name -> reason. Empty: we implement every feature the suite covers.
SKIPPED: dict[str, str] = {}

OUTCOMES: dict[type[age.AgeError], str] = {
    age.HeaderError: "header failure",
    age.NoIdentityMatch: "no match",
    age.HeaderMacError: "HMAC failure",
    age.PayloadError: "payload failure",
    age.ArmorError: "armor failure",
}

VECTORS = all_vectors()


def _identities(vec: Vector) -> list[age.Identity]:
    ids: list[age.Identity] = [age.parse_identity(i) for i in vec.identities]
    ids += [age.ScryptIdentity(p) for p in vec.passphrases]
    return ids


def run_vector(vec: Vector) -> tuple[str, bytes]:
    """Decrypt through the streaming API; return (outcome, plaintext released)."""
    out = io.BytesIO()
    try:
        age.decrypt_stream(io.BytesIO(vec.data), out, _identities(vec), armor=vec.armored)
    except age.AgeError as exc:
        # Exactly one of the outcome classes must match: they are disjoint by design.
        matches = [name for cls, name in OUTCOMES.items() if isinstance(exc, cls)]
        assert len(matches) == 1, f"{type(exc).__name__} maps to {matches}"
        return matches[0], out.getvalue()
    return "success", out.getvalue()


def test_vector_set_is_present_and_large_enough() -> None:
    assert VECTOR_DIR.is_dir(), f"missing CCTV vectors at {VECTOR_DIR}"
    assert VECTORS, "the CCTV vector set is empty"
    unknown = set(SKIPPED) - {v.name for v in VECTORS}
    assert not unknown, f"skip list names vectors that do not exist: {unknown}"
    ran = 0
    for vec in VECTORS:
        if vec.name in SKIPPED:
            continue
        outcome, _ = run_vector(vec)
        assert outcome == vec.expect, vec.name
        ran += 1
    print(f"CCTV: {ran} ran, {len(SKIPPED)} skipped, {len(VECTORS)} total")
    assert ran >= MIN_RAN, f"only {ran} CCTV vectors ran (skipped: {len(SKIPPED)})"


@pytest.mark.parametrize("vec", VECTORS, ids=[v.name for v in VECTORS])
def test_vector(vec: Vector) -> None:
    if vec.name in SKIPPED:
        pytest.skip(SKIPPED[vec.name])
    outcome, released = run_vector(vec)
    assert outcome == vec.expect
    if vec.payload_sha256 is not None:
        assert hashlib.sha256(released).hexdigest() == vec.payload_sha256
    if vec.expect != "success":
        assert vec.payload_sha256 is not None or released == b""


@pytest.mark.parametrize("vec", VECTORS, ids=[v.name for v in VECTORS])
def test_reader_api_matches_vector(vec: Vector) -> None:
    """The file-like reader releases the same bytes and fails the same way."""
    if vec.name in SKIPPED:
        pytest.skip(SKIPPED[vec.name])
    released = bytearray()
    outcome = "success"
    try:
        with age.open_decrypt(io.BytesIO(vec.data), _identities(vec), armor=vec.armored) as r:
            while block := r.read(1000):
                released += block
    except age.AgeError as exc:
        outcome = next(name for cls, name in OUTCOMES.items() if isinstance(exc, cls))
    assert outcome == vec.expect
    if vec.payload_sha256 is not None:
        assert hashlib.sha256(released).hexdigest() == vec.payload_sha256


ROUND_TRIP = [v for v in VECTORS if v.expect not in ("header failure", "armor failure")]


@pytest.mark.parametrize("vec", ROUND_TRIP, ids=[v.name for v in ROUND_TRIP])
def test_header_round_trips(vec: Vector) -> None:
    binary = armor_reader(io.BytesIO(vec.data)).read() if vec.armored else vec.data
    header, covered = parse_header(Source(io.BytesIO(binary)))
    encoded = marshal_header(header)
    assert binary.startswith(encoded)
    assert encoded.startswith(covered)
    again, _ = parse_header(Source(io.BytesIO(encoded)))
    assert again == header
