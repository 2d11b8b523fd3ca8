"""The outer age layer is bound to what the sender signed: a passphrase bundle re-wrapped to a
colleague's key, a key bundle re-wrapped under a passphrase, a post-quantum bundle downgraded
to X25519 or widened to another recipient are refused (OuterLayerMismatch), nothing changes.
Bundles written before the binding (format v1) still open, and say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from crafting import seal_to, unseal
from lawyers import Lawyer, lawyer_with_identity
from test_hostile import refuse
from test_vectors import VECTOR_DIR, load

from lawnotebook.bundle.errors import OuterLayerMismatch
from lawnotebook.core.records import Note
from lawnotebook.crypto import age
from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.services.bundle_open import OLD_OUTER_LAYER

PHRASE = "told by phone 1989"


@pytest.fixture
def pair(lawyers):  # type: ignore[no-untyped-def]
    alice, bob, chen = lawyers("Alice"), lawyers("Bob"), lawyers("Chen")
    alice.knows(bob, chen)
    bob.knows(alice)
    chen.knows(alice)
    case = alice.files.new_case("Re Wu")
    alice.files.add_note(case, "Detained 37 days at a designated residence.")
    return alice, bob, chen, case


def _write(lawyer: Lawyer, data: bytes, name: str) -> Path:
    path = lawyer.outbox / name
    path.write_bytes(data)
    return path


def test_a_passphrase_bundle_re_wrapped_to_a_colleagues_key_is_refused(pair) -> None:
    alice, bob, _, case = pair
    bundle, _ = alice.seal(case.id, passphrase=PHRASE)
    # Anyone told the passphrase gets the inner payload and can wrap it for Bob's public key.
    inner = age.decrypt(bundle.read_bytes(), [age.ScryptIdentity(PHRASE)])
    rewrapped = seal_to(inner, bob.card())
    assert age.decrypt(rewrapped, bob.identity().age_identities()) == inner
    exc = refuse(bob, rewrapped, OuterLayerMismatch)
    assert "passphrase" in str(exc)
    refuse(bob, rewrapped, OuterLayerMismatch, dry_run=True)
    # The bundle as sealed still opens with the passphrase.
    assert bob.open(bundle, passphrase=PHRASE).applied


def test_a_key_bundle_re_wrapped_under_a_passphrase_is_refused(pair) -> None:
    alice, bob, _, case = pair
    bundle, _ = alice.seal(case.id, bob)
    inner = unseal(bundle.read_bytes(), bob.identity())
    rewrapped = age.encrypt(inner, [age.ScryptRecipient("another phrase", 10)])
    refuse(bob, rewrapped, OuterLayerMismatch, passphrase="another phrase")
    assert bob.open(bundle).applied


def test_a_post_quantum_bundle_downgraded_to_x25519_is_refused(pair) -> None:
    alice, bob, _, case = pair
    bundle, _ = alice.seal(case.id, bob)
    inner = unseal(bundle.read_bytes(), bob.identity())
    refuse(bob, age.encrypt(inner, [bob.card().x25519]), OuterLayerMismatch)


def test_a_bundle_widened_to_another_recipient_is_refused(pair) -> None:
    alice, bob, chen, case = pair
    bundle, _ = alice.seal(case.id, bob)
    inner = unseal(bundle.read_bytes(), bob.identity())
    refuse(bob, seal_to(inner, bob.card(), chen.card()), OuterLayerMismatch)


def test_bundles_sealed_for_keys_classic_and_passphrase_open_and_are_bound(pair) -> None:
    alice, bob, chen, case = pair
    for kw in ({}, {"classic": True}):
        bundle, _ = alice.seal(case.id, bob, chen, **kw)
        opened = bob.open(bundle, dry_run=True)
        assert opened.outer_bound and not opened.warnings
        assert opened.manifest.outer_stanzas == 2
    bundle, _ = alice.seal(case.id, passphrase=PHRASE)
    opened = bob.open(bundle, passphrase=PHRASE, dry_run=True)
    assert opened.outer_bound and opened.manifest.outer_type == "scrypt"


# -- bundles written before the binding (format v1) ----------------------------------------------


def _v1(name: str, root: Path) -> tuple[Lawyer, bytes, dict[str, str]]:
    vector = load(VECTOR_DIR / name)
    head = vector.head
    lawyer = lawyer_with_identity(root, LawyerIdentity.from_secret_text(head["identity"]))
    lawyer.colleagues.add(head["sender-card"], verified=True)
    return lawyer, vector.data, head


def test_a_v1_bundle_opens_as_before_and_says_its_outer_layer_was_not_signed(tmp_path) -> None:
    bob, data, head = _v1("success", tmp_path)
    try:
        opened = bob.open(_write(bob, data, "old.lnb"))
        assert opened.applied and opened.manifest.version == 1
        assert opened.outer_bound is False and OLD_OUTER_LAYER in opened.warnings
        assert bob.files.list(Note, bob.files.case(head["case-id"]))
    finally:
        bob.close()


def test_a_v1_passphrase_bundle_re_wrapped_to_keys_is_refused_by_its_signed_mode(
    tmp_path,
) -> None:
    """v1 manifests already signed their mode: that much of the binding holds for them too."""
    bob, data, head = _v1("success_passphrase", tmp_path)
    try:
        inner = age.decrypt(data, [age.ScryptIdentity(head["passphrase"])])
        refuse(bob, seal_to(inner, bob.card()), OuterLayerMismatch)
        refuse(bob, seal_to(inner, bob.card()), OuterLayerMismatch, accept_unverified=True)
        assert bob.open(_write(bob, data, "p.lnb"), passphrase=head["passphrase"]).applied
    finally:
        bob.close()
