"""The bundle vectors of every format version (tests/vectors/bundle/v1/, v2/): each opened in a
fresh vault owned by the vector's identity gives exactly the outcome its ``expect:`` header
names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lawyers import lawyer_with_identity

from lawnotebook.bundle.errors import (
    BundleError,
    BundleOutOfOrder,
    BundleReplayed,
    BundleTampered,
    BundleTooLarge,
    NotABundle,
    NotForThisRecipient,
    OuterLayerMismatch,
    SenderMismatch,
    UntrustedSender,
    WrongCase,
)
from lawnotebook.crypto.identity import KeyCard, LawyerIdentity

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "bundle"
VECTOR_DIR = VECTORS / "v1"  # bundles written before format v2
VECTOR_DIRS = [VECTORS / "v1", VECTORS / "v2"]
MINIMUM = 8

ERRORS: dict[str, type[BundleError]] = {
    "not a bundle": NotABundle,
    "not for this recipient": NotForThisRecipient,
    "tampered": BundleTampered,
    "sender mismatch": SenderMismatch,
    "untrusted sender": UntrustedSender,
    "out of order": BundleOutOfOrder,
    "too large": BundleTooLarge,
    "wrong case": WrongCase,
    "outer layer mismatch": OuterLayerMismatch,
}
KEYS = {
    "expect",
    "identity",
    "sender-fingerprint",
    "sender-card",
    "sender-contact",
    "passphrase",
    "records-sha256",
    "case-id",
    "comment",
}


@dataclass
class Vector:
    name: str
    head: dict[str, str] = field(default_factory=dict)
    data: bytes = b""


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    head, sep, body = raw.partition(b"\n\n")
    assert sep, f"{path.name}: no empty line after the header"
    vector = Vector(path.name, data=body)
    for line in head.decode("utf-8").splitlines():
        key, sep, value = line.partition(": ")
        assert sep and key in KEYS and key not in vector.head, f"{path.name}: bad line {line!r}"
        vector.head[key] = value
    assert {"expect", "identity", "sender-fingerprint", "sender-card"} <= set(vector.head)
    return vector


def vectors(folder: Path) -> list[Vector]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and "." not in p.name)
    return [load(p) for p in files]


def run(vector: Vector, root: Path) -> str | None:
    """Open the vector as its recipient; None when it gave its expected outcome."""
    head = vector.head
    identity = LawyerIdentity.from_secret_text(head["identity"])
    card = KeyCard.from_text(head["sender-card"])
    if card.fingerprint != head["sender-fingerprint"]:
        return "the sender card does not have the stated fingerprint"
    recipient = lawyer_with_identity(root, identity, folder=vector.name)
    try:
        contact = head.get("sender-contact", "verified")
        if contact != "none":
            recipient.colleagues.add(head["sender-card"], verified=contact == "verified")
        path = recipient.outbox / "vector.lnb"
        path.write_bytes(vector.data)
        kw = {"passphrase": head["passphrase"]} if "passphrase" in head else {}
        expect = head["expect"]
        try:
            opened = recipient.open(path, **kw)
        except BundleError as exc:
            wanted = ERRORS.get(expect)
            if type(exc) is not wanted:
                return f"expected {expect!r}, got {type(exc).__name__}: {exc}"
            return None
        if expect not in ("success", "replayed"):
            return f"expected {expect!r}, but the bundle was applied"
        if not opened.applied:
            return "opened but not applied"
        if "records-sha256" in head and opened.manifest.records_sha256 != head["records-sha256"]:
            return "the record set's SHA-256 differs from records-sha256"
        if "case-id" in head and recipient.files.case(head["case-id"]).id != head["case-id"]:
            return "the case is not in the vault after opening"
        if opened.manifest.sender_fingerprint != head["sender-fingerprint"]:
            return "the manifest names another sender"
        before = recipient.digest()
        try:
            recipient.open(path, **kw)
        except BundleReplayed:
            pass
        else:
            return "opening it a second time was not refused"
        if recipient.digest() != before:
            return "the refused second open changed the vault"
        return None
    finally:
        recipient.close()


@pytest.mark.parametrize("folder", VECTOR_DIRS, ids=[d.name for d in VECTOR_DIRS])
def test_every_vector_gives_its_expected_outcome(tmp_path: Path, folder: Path) -> None:
    assert folder.is_dir(), f"no bundle vectors at {folder}"
    found = vectors(folder)
    failures, ran = {}, 0
    for vector in found:
        problem = run(vector, tmp_path)
        ran += 1
        if problem:
            failures[vector.name] = problem
    assert not failures, failures
    assert ran >= MINIMUM, f"only {ran} bundle vectors ran (at least {MINIMUM} expected)"


@pytest.mark.parametrize("folder", VECTOR_DIRS, ids=[d.name for d in VECTOR_DIRS])
def test_the_vectors_cover_the_outcomes_that_matter(folder: Path) -> None:
    found = vectors(folder)
    assert len(found) >= MINIMUM
    expects = [v.head["expect"] for v in found]
    assert set(expects) <= {"success", "replayed", *ERRORS}, set(expects) - set(ERRORS)
    for outcome in ("success", "not for this recipient", "tampered", "wrong case"):
        assert outcome in expects, f"no vector expects {outcome!r}"
    assert any("passphrase" in v.head and v.head["expect"] == "success" for v in found)
    assert expects.count("tampered") >= 4  # payload byte, re-signed manifest, cut, trailing frame


def test_v2_vectors_cover_the_outer_layer_and_hostile_json() -> None:
    names = {v.name: v.head["expect"] for v in vectors(VECTORS / "v2")}
    assert [n for n, e in names.items() if e == "outer layer mismatch"] == [
        "outer_downgraded_to_x25519",
        "outer_keys_rewrapped_to_passphrase",
        "outer_passphrase_rewrapped_to_keys",
        "outer_widened",
    ]
    assert names["manifest_deep_nesting"] == names["records_huge_integer"] == "tampered"
