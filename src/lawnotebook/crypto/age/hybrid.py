"""The hybrid post-quantum recipient: HPKE with the MLKEM768-X25519 (X-Wing) KEM.

A file key wrapped this way stays secret unless *both* ML-KEM-768 and X25519 are broken, so a
bundle captured today is safe against a future quantum computer. Layout, per c2sp.org/age and
draft-ietf-hpke-pq / X-Wing:

- identity: a 32-byte seed; SHAKE-256(seed, 96) gives the ML-KEM-768 seed (d || z, 64 bytes)
  and the X25519 secret (32 bytes);
- recipient: ML-KEM encapsulation key (1184 bytes) || X25519 public key (32 bytes);
- stanza: ``-> mlkem768x25519 <enc>`` with enc = ML-KEM ciphertext (1088) || X25519 share (32),
  body = HPKE SealBase(info = "age-encryption.org/mlkem768x25519", aad = "", file key).
"""

import hashlib
import os
from collections.abc import Sequence

from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from lawnotebook.crypto.age import bech32
from lawnotebook.crypto.age.errors import HeaderError, KeyFormatError
from lawnotebook.crypto.age.format import Stanza, first_unwrapped
from lawnotebook.crypto.age.primitives import (
    InvalidTag,
    b64decode_strict,
    b64encode_raw,
    hkdf_expand,
    hkdf_extract,
)

STANZA_TYPE = "mlkem768x25519"
RECIPIENT_HRP = "age1pq"
IDENTITY_HRP = "age-secret-key-pq-"
SEED_SIZE = 32
MLKEM_PUBLIC_SIZE = 1184
MLKEM_CIPHERTEXT_SIZE = 1088
X25519_SIZE = 32
PUBLIC_KEY_SIZE = MLKEM_PUBLIC_SIZE + X25519_SIZE
ENC_SIZE = MLKEM_CIPHERTEXT_SIZE + X25519_SIZE
WRAPPED_KEY_SIZE = 32
HPKE_INFO = b"age-encryption.org/mlkem768x25519"

# X-Wing's combiner label, the ASCII art "\.//^\" (it appears at the end of the hash input).
_XWING_LABEL = b"\\.//^\\"
# HPKE suite: KEM MLKEM768-X25519 (0x647a), KDF HKDF-SHA256 (0x0001), AEAD ChaCha20Poly1305
# (0x0003). The suite id is bound into every derived key, so a mismatch cannot decrypt.
_SUITE_ID = b"HPKE" + (0x647A).to_bytes(2, "big") + (1).to_bytes(2, "big") + (3).to_bytes(2, "big")
_HPKE_V1 = b"HPKE-v1"


def _expand_seed(seed: bytes) -> tuple[MLKEM768PrivateKey, X25519PrivateKey]:
    expanded = hashlib.shake_256(seed).digest(64 + X25519_SIZE)
    mlkem = MLKEM768PrivateKey.from_seed_bytes(expanded[:64])
    return mlkem, X25519PrivateKey.from_private_bytes(expanded[64:])


def _combine(ss_mlkem: bytes, ss_x25519: bytes, ct_x25519: bytes, pk_x25519: bytes) -> bytes:
    # Hashing in the X25519 ciphertext and public key keeps the hybrid secure if ML-KEM alone
    # breaks; ML-KEM's ciphertext is not needed because ML-KEM is itself CCA-robust.
    data = ss_mlkem + ss_x25519 + ct_x25519 + pk_x25519 + _XWING_LABEL
    return hashlib.sha3_256(data).digest()


def _x25519(private: X25519PrivateKey, public: bytes) -> bytes:
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(public))
    except ValueError as exc:  # all-zero output: a low-order point
        raise HeaderError("X25519 part of the hybrid share is a low-order point") from exc
    if shared == bytes(X25519_SIZE):
        raise HeaderError("X25519 part of the hybrid share is a low-order point")
    return shared


def _labeled_extract(salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hkdf_extract(salt, _HPKE_V1 + _SUITE_ID + label + ikm)


def _labeled_expand(prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    labeled_info = length.to_bytes(2, "big") + _HPKE_V1 + _SUITE_ID + label + info
    return hkdf_expand(prk, labeled_info, length)


def _key_schedule(shared_secret: bytes) -> tuple[ChaCha20Poly1305, bytes]:
    """RFC 9180 base mode (no PSK): return the AEAD and the nonce for sequence number 0."""
    psk_id_hash = _labeled_extract(b"", b"psk_id_hash", b"")
    info_hash = _labeled_extract(b"", b"info_hash", HPKE_INFO)
    context = b"\x00" + psk_id_hash + info_hash
    secret = _labeled_extract(shared_secret, b"secret", b"")
    key = _labeled_expand(secret, b"key", context, 32)
    base_nonce = _labeled_expand(secret, b"base_nonce", context, 12)
    return ChaCha20Poly1305(key), base_nonce


class HybridRecipient:
    """Encrypts file keys to an ML-KEM-768 + X25519 public key (``age1pq1…``)."""

    def __init__(self, public_key: bytes) -> None:
        if len(public_key) != PUBLIC_KEY_SIZE:
            raise KeyFormatError("a hybrid public key is 1216 bytes")
        try:
            self._mlkem = MLKEM768PublicKey.from_public_bytes(public_key[:MLKEM_PUBLIC_SIZE])
        except ValueError as exc:
            raise KeyFormatError("invalid ML-KEM-768 public key") from exc
        self.public_key = bytes(public_key)

    @classmethod
    def parse(cls, text: str) -> "HybridRecipient":
        """Parse an ``age1pq1…`` Bech32 recipient string."""
        return cls(bech32.decode_key(text, RECIPIENT_HRP, "hybrid recipient", lowercase_only=True))

    def __str__(self) -> str:
        return bech32.encode(RECIPIENT_HRP, self.public_key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HybridRecipient) and other.public_key == self.public_key

    def __hash__(self) -> int:
        return hash((STANZA_TYPE, self.public_key))

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """HPKE SealBase of ``file_key`` to this recipient."""
        pk_x25519 = self.public_key[MLKEM_PUBLIC_SIZE:]
        ss_mlkem, ct_mlkem = self._mlkem.encapsulate()
        ephemeral = X25519PrivateKey.generate()
        ct_x25519 = ephemeral.public_key().public_bytes_raw()
        ss_x25519 = ephemeral.exchange(X25519PublicKey.from_public_bytes(pk_x25519))
        aead, nonce = _key_schedule(_combine(ss_mlkem, ss_x25519, ct_x25519, pk_x25519))
        body = aead.encrypt(nonce, file_key, b"")
        return [Stanza(STANZA_TYPE, (b64encode_raw(ct_mlkem + ct_x25519),), body)]


class HybridIdentity:
    """Unwraps file keys addressed to a hybrid post-quantum identity (a 32-byte seed)."""

    def __init__(self, seed: bytes) -> None:
        if len(seed) != SEED_SIZE:
            raise KeyFormatError("a hybrid identity seed is 32 bytes")
        self._seed = bytes(seed)
        self._mlkem, self._x25519 = _expand_seed(self._seed)
        self._pk_x25519 = self._x25519.public_key().public_bytes_raw()
        mlkem_public = self._mlkem.public_key().public_bytes_raw()
        self.recipient = HybridRecipient(mlkem_public + self._pk_x25519)

    @classmethod
    def generate(cls) -> "HybridIdentity":
        """A new identity from the operating system's CSPRNG."""
        return cls(os.urandom(SEED_SIZE))

    @classmethod
    def parse(cls, text: str) -> "HybridIdentity":
        """Parse an ``AGE-SECRET-KEY-PQ-1…`` Bech32 identity string."""
        return cls(bech32.decode_key(text, IDENTITY_HRP, "hybrid identity"))

    def secret_bytes(self) -> bytes:
        """The raw 32-byte seed (for storage inside the encrypted vault only)."""
        return self._seed

    def __str__(self) -> str:
        return bech32.encode(IDENTITY_HRP, self._seed, upper=True)

    def __repr__(self) -> str:
        return "HybridIdentity(<secret>)"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        """Return the file key if a stanza is ours, None if none is; malformed ones raise."""
        return first_unwrapped(stanzas, STANZA_TYPE, self._unwrap_one)

    def _unwrap_one(self, stanza: Stanza) -> bytes | None:
        if len(stanza.args) != 1:
            raise HeaderError("mlkem768x25519 stanza must have exactly one argument")
        try:
            enc = b64decode_strict(stanza.args[0])
        except ValueError as exc:
            raise HeaderError("mlkem768x25519 enc is not canonical base64") from exc
        if len(enc) != ENC_SIZE:
            raise HeaderError("mlkem768x25519 enc has the wrong length")
        # Check the length before decrypting, against partitioning-oracle attacks.
        if len(stanza.body) != WRAPPED_KEY_SIZE:
            raise HeaderError("mlkem768x25519 stanza body has the wrong length")
        ct_mlkem, ct_x25519 = enc[:MLKEM_CIPHERTEXT_SIZE], enc[MLKEM_CIPHERTEXT_SIZE:]
        # ML-KEM decapsulation never fails: a wrong ciphertext yields an unrelated secret
        # (implicit rejection), and then the AEAD below fails, which means "not for us".
        ss_mlkem = self._mlkem.decapsulate(ct_mlkem)
        ss_x25519 = _x25519(self._x25519, ct_x25519)
        aead, nonce = _key_schedule(_combine(ss_mlkem, ss_x25519, ct_x25519, self._pk_x25519))
        try:
            return aead.decrypt(nonce, stanza.body, b"")
        except InvalidTag:
            return None
