"""The native X25519 recipient (``age1…``) and identity (``AGE-SECRET-KEY-1…``)."""

import os
from collections.abc import Sequence

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from lawnotebook.crypto.age import bech32
from lawnotebook.crypto.age.errors import HeaderError, KeyFormatError
from lawnotebook.crypto.age.format import Stanza, first_unwrapped
from lawnotebook.crypto.age.primitives import (
    InvalidTag,
    aead_open,
    aead_seal,
    b64decode_strict,
    b64encode_raw,
    hkdf_sha256,
)

STANZA_TYPE = "X25519"
RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"
KEY_SIZE = 32
WRAPPED_KEY_SIZE = 32  # 16-byte file key + 16-byte Poly1305 tag
_INFO = b"age-encryption.org/v1/X25519"


class X25519Recipient:
    """Encrypts file keys to one X25519 public key."""

    def __init__(self, public_key: bytes) -> None:
        if len(public_key) != KEY_SIZE:
            raise KeyFormatError("an X25519 public key is 32 bytes")
        self.public_key = bytes(public_key)

    @classmethod
    def parse(cls, text: str) -> "X25519Recipient":
        """Parse an ``age1…`` Bech32 recipient string."""
        return cls(bech32.decode_key(text, RECIPIENT_HRP, "X25519 recipient", lowercase_only=True))

    def __str__(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other.public_key == self.public_key

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self.public_key))

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """Wrap ``file_key`` under a fresh ephemeral share."""
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        secret = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public_key))
        key = hkdf_sha256(secret, share + self.public_key, _INFO)
        return [Stanza(STANZA_TYPE, (b64encode_raw(share),), aead_seal(key, file_key))]


class X25519Identity:
    """Unwraps file keys addressed to one X25519 secret key."""

    def __init__(self, secret_key: bytes) -> None:
        if len(secret_key) != KEY_SIZE:
            raise KeyFormatError("an X25519 secret key is 32 bytes")
        self._secret = bytes(secret_key)
        self._key = X25519PrivateKey.from_private_bytes(self._secret)
        self.recipient = X25519Recipient(self._key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> "X25519Identity":
        """A new identity from the operating system's CSPRNG."""
        return cls(os.urandom(KEY_SIZE))

    @classmethod
    def parse(cls, text: str) -> "X25519Identity":
        """Parse an ``AGE-SECRET-KEY-1…`` Bech32 identity string."""
        return cls(bech32.decode_key(text, IDENTITY_HRP, "X25519 identity"))

    def secret_bytes(self) -> bytes:
        """The raw 32-byte secret (for storage inside the encrypted vault only)."""
        return self._secret

    def __str__(self) -> str:
        return bech32.encode(IDENTITY_HRP, self._secret, upper=True)

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self.recipient})"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        """Return the file key if a stanza is ours, None if none is; malformed ones raise."""
        return first_unwrapped(stanzas, STANZA_TYPE, self._unwrap_one)

    def _unwrap_one(self, stanza: Stanza) -> bytes | None:
        if len(stanza.args) != 1:
            raise HeaderError("X25519 stanza must have exactly one argument")
        try:
            share = b64decode_strict(stanza.args[0])
        except ValueError as exc:
            raise HeaderError("X25519 share is not canonical base64") from exc
        if len(share) != KEY_SIZE:
            raise HeaderError("X25519 share has the wrong length")
        # Check the length before decrypting, against partitioning-oracle attacks.
        if len(stanza.body) != WRAPPED_KEY_SIZE:
            raise HeaderError("X25519 stanza body has the wrong length")
        try:
            secret = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError as exc:  # cryptography refuses the all-zero (low-order) result
            raise HeaderError("X25519 share is a low-order point") from exc
        if secret == bytes(KEY_SIZE):
            raise HeaderError("X25519 share is a low-order point")
        key = hkdf_sha256(secret, share + self.recipient.public_key, _INFO)
        try:
            return aead_open(key, stanza.body)
        except InvalidTag:
            return None
