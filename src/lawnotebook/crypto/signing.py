"""Ed25519 signatures with domain separation: a signature made for one use verifies for no other.

Every signature covers ``MAGIC || len(context) || context || message``. The context names the
use and its version (``lawnotebook/keycard/v1``, ``lawnotebook/bundle-manifest/v1``), so a
signed key card can never be replayed as a signed bundle manifest, and the length prefix makes
the encoding unambiguous (no context is a prefix trick away from another).
"""

import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from lawnotebook.core.errors import LawnotebookError

CONTEXT_KEYCARD = b"lawnotebook/keycard/v1"
CONTEXT_BUNDLE_MANIFEST = b"lawnotebook/bundle-manifest/v1"

SEED_SIZE = 32
PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64
# Keeps our signed messages disjoint from anything else the same key could ever sign.
_MAGIC = b"lawnotebook-signature\x00"
_CONTEXT_PREFIX = b"lawnotebook/"


class BadSignature(LawnotebookError):
    """A signature does not verify for this key, context and message."""


def _signed_bytes(context: bytes, message: bytes) -> bytes:
    if not context.startswith(_CONTEXT_PREFIX) or len(context) > 255:
        raise ValueError("signature context must start with b'lawnotebook/' and fit 255 bytes")
    return _MAGIC + bytes([len(context)]) + context + message


class VerifyKey:
    """An Ed25519 public key that checks signatures for one context at a time."""

    def __init__(self, public_key: bytes) -> None:
        if len(public_key) != PUBLIC_KEY_SIZE:
            raise ValueError("an Ed25519 public key is 32 bytes")
        self._key = Ed25519PublicKey.from_public_bytes(public_key)
        self.public_bytes = bytes(public_key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, VerifyKey) and other.public_bytes == self.public_bytes

    def __hash__(self) -> int:
        return hash(self.public_bytes)

    def verify(self, context: bytes, message: bytes, signature: bytes) -> None:
        """Return if ``signature`` is valid for ``context`` and ``message``; else raise."""
        if len(signature) != SIGNATURE_SIZE:
            raise BadSignature("signature has the wrong length")
        try:
            self._key.verify(signature, _signed_bytes(context, message))
        except InvalidSignature as exc:
            raise BadSignature("signature does not verify") from exc


class SigningKey:
    """An Ed25519 private key, kept as its 32-byte seed."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != SEED_SIZE:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self._seed = bytes(seed)
        self._key = Ed25519PrivateKey.from_private_bytes(self._seed)
        self.verify_key = VerifyKey(self._key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> "SigningKey":
        """A new key from the operating system's CSPRNG."""
        return cls(os.urandom(SEED_SIZE))

    def seed_bytes(self) -> bytes:
        """The raw seed (for storage inside the encrypted vault only)."""
        return self._seed

    def __repr__(self) -> str:
        return f"SigningKey(verify_key={self.verify_key.public_bytes.hex()})"

    def sign(self, context: bytes, message: bytes) -> bytes:
        """Sign ``message`` for the use named by ``context`` (deterministic, 64 bytes)."""
        return self._key.sign(_signed_bytes(context, message))
