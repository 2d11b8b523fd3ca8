"""Recovery keys: 160 random bits a person writes down, with a checksum that catches typos.

Written form: 36 Crockford base32 characters (32 of key, 4 of checksum) in six groups of six,
e.g. ``7KQ2XM-0B4TRS-…``. Reading forgives case, spaces, hyphens and the look-alikes O→0, I/L→1,
so a key copied by hand still reads; the checksum tells a typo from a wrong key.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lawnotebook.core.errors import LawnotebookError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
KEY_BYTES = 20
KEY_CHARS = 32
CHECK_CHARS = 4
GROUP = 6
_CHECK_DOMAIN = b"lawnotebook/recovery-key/v1"
_HKDF_INFO = b"lawnotebook vault recovery v1"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RecoveryKeyMalformed(LawnotebookError):
    """The text is not a recovery key: wrong length, a foreign character or a failed checksum."""


def _b32encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars = []
    for _ in range(len(data) * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _b32decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(len(text) * 5 // 8, "big")


def _checksum(key: bytes) -> str:
    digest = hashlib.sha256(_CHECK_DOMAIN + key).digest()
    return _b32encode(digest[:5])[:CHECK_CHARS]


@dataclass(frozen=True)
class RecoveryKey:
    """A recovery key's 160 secret bits."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        """A fresh random recovery key."""
        return cls(os.urandom(KEY_BYTES))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Read a recovery key as a person typed it, or raise :class:`RecoveryKeyMalformed`."""
        cleaned = "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)
        if len(cleaned) != KEY_CHARS + CHECK_CHARS:
            raise RecoveryKeyMalformed(
                f"a recovery key has {KEY_CHARS + CHECK_CHARS} characters, this has {len(cleaned)}"
            )
        bad = sorted({c for c in cleaned if c not in ALPHABET})
        if bad:
            raise RecoveryKeyMalformed(f"characters not used in recovery keys: {''.join(bad)}")
        secret = _b32decode(cleaned[:KEY_CHARS])
        if _checksum(secret) != cleaned[KEY_CHARS:]:
            raise RecoveryKeyMalformed("the recovery key's checksum does not match (a typo?)")
        return cls(secret)

    def formatted(self) -> str:
        """The written form: six hyphen-separated groups of six characters."""
        text = _b32encode(self.secret) + _checksum(self.secret)
        return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))

    def wrapping_key(self, salt: bytes) -> bytes:
        """The 256-bit key that wraps the data key; 160 random bits need no slow KDF."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(
            self.secret
        )

    def __repr__(self) -> str:  # never print the secret by accident
        return "RecoveryKey(<hidden>)"
