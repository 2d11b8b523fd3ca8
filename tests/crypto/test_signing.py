"""Domain-separated Ed25519 signatures."""

import pytest

from lawnotebook.crypto.signing import (
    CONTEXT_BUNDLE_MANIFEST,
    CONTEXT_KEYCARD,
    BadSignature,
    SigningKey,
    VerifyKey,
)

KEY = SigningKey(bytes(range(32)))


def test_sign_and_verify() -> None:
    sig = KEY.sign(CONTEXT_BUNDLE_MANIFEST, b"manifest")
    KEY.verify_key.verify(CONTEXT_BUNDLE_MANIFEST, b"manifest", sig)
    assert sig == KEY.sign(CONTEXT_BUNDLE_MANIFEST, b"manifest")  # deterministic


def test_signature_for_one_purpose_never_verifies_for_another() -> None:
    sig = KEY.sign(CONTEXT_KEYCARD, b"same bytes")
    with pytest.raises(BadSignature):
        KEY.verify_key.verify(CONTEXT_BUNDLE_MANIFEST, b"same bytes", sig)


def test_context_boundary_is_unambiguous() -> None:
    # Moving bytes between context and message must not keep the signature valid.
    sig = KEY.sign(b"lawnotebook/a", b"bc")
    with pytest.raises(BadSignature):
        KEY.verify_key.verify(b"lawnotebook/ab", b"c", sig)


def test_altered_message_signature_or_key_is_refused() -> None:
    sig = KEY.sign(CONTEXT_KEYCARD, b"message")
    with pytest.raises(BadSignature):
        KEY.verify_key.verify(CONTEXT_KEYCARD, b"messagf", sig)
    with pytest.raises(BadSignature):
        KEY.verify_key.verify(CONTEXT_KEYCARD, b"message", sig[:-1] + bytes([sig[-1] ^ 1]))
    with pytest.raises(BadSignature):
        KEY.verify_key.verify(CONTEXT_KEYCARD, b"message", sig[:63])
    other = SigningKey.generate().verify_key
    with pytest.raises(BadSignature):
        other.verify(CONTEXT_KEYCARD, b"message", sig)


def test_contexts_must_be_ours() -> None:
    with pytest.raises(ValueError):
        KEY.sign(b"other/v1", b"x")
    with pytest.raises(ValueError):
        VerifyKey(b"short")
