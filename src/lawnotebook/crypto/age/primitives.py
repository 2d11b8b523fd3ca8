"""All of the symmetric cryptography the age format uses, in one place.

Each odd choice is explained where it is made. Nothing here knows about headers or files.
"""

import base64
import hashlib
import hmac

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF, HKDFExpand

__all__ = [
    "InvalidTag",
    "aead_open",
    "aead_seal",
    "b64decode_padded_strict",
    "b64decode_strict",
    "b64encode_raw",
    "hkdf_expand",
    "hkdf_extract",
    "hkdf_sha256",
]

_B64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

# The file key is used once per file, so a fixed all-zero nonce is safe for wrapping it: each
# wrap key is derived fresh (from an ephemeral share, a random salt, or an HPKE context).
_ZERO_NONCE = bytes(12)


def hkdf_sha256(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    """HKDF-SHA-256 (extract then expand) as RFC 5869; an empty salt means "no salt"."""
    # An empty HMAC key is zero-padded to the block size, exactly like the RFC's default salt
    # of HashLen zeros, so passing b"" is the literal reading of the age spec.
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def hkdf_extract(salt: bytes, ikm: bytes) -> bytes:
    """HKDF-Extract with SHA-256 (HPKE needs extract and expand as separate steps)."""
    return hmac.new(salt, ikm, hashlib.sha256).digest()


def hkdf_expand(prk: bytes, info: bytes, length: int) -> bytes:
    """HKDF-Expand with SHA-256."""
    return HKDFExpand(algorithm=hashes.SHA256(), length=length, info=info).derive(prk)


def aead_seal(key: bytes, plaintext: bytes) -> bytes:
    """ChaCha20-Poly1305 with the fixed zero nonce (single-use keys only)."""
    return ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, plaintext, None)


def aead_open(key: bytes, ciphertext: bytes) -> bytes:
    """Inverse of :func:`aead_seal`; raises :class:`InvalidTag` on any alteration."""
    return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, ciphertext, None)


def b64encode_raw(data: bytes) -> str:
    """Standard base64 without '=' padding, as used throughout the age header."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64decode_strict(text: str | bytes) -> bytes:
    """Decode unpadded standard base64, refusing padding, stray bytes and non-canonical tails.

    Python's decoder ignores non-zero trailing bits, which would make a header malleable; we
    re-encode and compare so exactly one spelling of every value is accepted.
    """
    raw = text.encode("ascii", "strict") if isinstance(text, str) else bytes(text)
    if len(raw) % 4 == 1 or not _B64_ALPHABET.issuperset(raw):
        raise ValueError("invalid base64")
    data = base64.b64decode(raw + b"=" * (-len(raw) % 4), validate=True)
    if base64.b64encode(data).rstrip(b"=") != raw:
        raise ValueError("non-canonical base64")
    return data


def b64decode_padded_strict(raw: bytes) -> bytes:
    """Decode padded standard base64 (the armor's dialect), refusing non-canonical input."""
    if len(raw) % 4 != 0:
        raise ValueError("base64 length is not a multiple of 4")
    body = raw.rstrip(b"=")
    if len(raw) - len(body) > 2 or not _B64_ALPHABET.issuperset(body):
        raise ValueError("invalid base64")
    data = base64.b64decode(raw, validate=True)
    if base64.b64encode(data) != raw:
        raise ValueError("non-canonical base64")
    return data
