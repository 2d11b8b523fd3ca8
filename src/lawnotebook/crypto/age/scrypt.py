"""The passphrase recipient: scrypt stanzas, always alone in their header."""

import os
import re
from collections.abc import Sequence

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from lawnotebook.crypto.age.errors import HeaderError, WorkFactorTooHigh
from lawnotebook.crypto.age.format import Stanza
from lawnotebook.crypto.age.primitives import (
    InvalidTag,
    aead_open,
    aead_seal,
    b64decode_strict,
    b64encode_raw,
)

STANZA_TYPE = "scrypt"
SALT_SIZE = 16
WRAPPED_KEY_SIZE = 32
DEFAULT_WORK_FACTOR = 18  # age's default: about a second on a laptop, 256 MiB of memory
DEFAULT_MAX_WORK_FACTOR = 22  # age's reader limit; 2^22 needs 4 GiB, beyond that is refused
_LABEL = b"age-encryption.org/v1/scrypt"
# Decimal with no sign, no leading zero, no whitespace: one spelling per work factor.
_WORK_FACTOR = re.compile(r"[1-9][0-9]*")


def _wrap_key(passphrase: bytes, salt: bytes, log_n: int) -> bytes:
    kdf = Scrypt(salt=_LABEL + salt, length=32, n=1 << log_n, r=8, p=1)
    return kdf.derive(passphrase)


def _encode(passphrase: str | bytes) -> bytes:
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)


class ScryptRecipient:
    """Encrypts the file key to a passphrase."""

    def __init__(self, passphrase: str | bytes, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        if not 1 <= work_factor <= 30:
            raise ValueError("scrypt work factor must be between 1 and 30")
        self._passphrase = _encode(passphrase)
        self.work_factor = work_factor

    def wrap(self, file_key: bytes) -> list[Stanza]:
        """Wrap ``file_key`` under a key derived from the passphrase and a fresh salt."""
        salt = os.urandom(SALT_SIZE)
        key = _wrap_key(self._passphrase, salt, self.work_factor)
        args = (b64encode_raw(salt), str(self.work_factor))
        return [Stanza(STANZA_TYPE, args, aead_seal(key, file_key))]


class ScryptIdentity:
    """Unwraps a passphrase-encrypted file key, refusing work factors above a bound."""

    def __init__(
        self, passphrase: str | bytes, max_work_factor: int = DEFAULT_MAX_WORK_FACTOR
    ) -> None:
        self._passphrase = _encode(passphrase)
        self.max_work_factor = max_work_factor

    def __repr__(self) -> str:
        return "ScryptIdentity(<passphrase>)"

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        """Return the file key, None if the passphrase is wrong or no stanza is scrypt."""
        for stanza in stanzas:
            if stanza.type != STANZA_TYPE:
                continue
            if len(stanzas) != 1:
                # A passphrase file must not also open with a key: that would let the key
                # holder forge "passphrase-only" files, breaking implied authentication.
                raise HeaderError("an scrypt stanza must be the only stanza")
            return self._unwrap_one(stanza)
        return None

    def _unwrap_one(self, stanza: Stanza) -> bytes | None:
        if len(stanza.args) != 2:
            raise HeaderError("scrypt stanza must have exactly two arguments")
        try:
            salt = b64decode_strict(stanza.args[0])
        except ValueError as exc:
            raise HeaderError("scrypt salt is not canonical base64") from exc
        if len(salt) != SALT_SIZE:
            raise HeaderError("scrypt salt has the wrong length")
        if not _WORK_FACTOR.fullmatch(stanza.args[1]):
            raise HeaderError("scrypt work factor is not a canonical decimal")
        # Long digit strings are over the limit anyway; not parsing them avoids big-int work.
        log_n = int(stanza.args[1]) if len(stanza.args[1]) <= 3 else self.max_work_factor + 1
        if log_n > self.max_work_factor:
            raise WorkFactorTooHigh(f"scrypt work factor {stanza.args[1]} exceeds the limit")
        if len(stanza.body) != WRAPPED_KEY_SIZE:
            raise HeaderError("scrypt stanza body has the wrong length")
        try:
            return aead_open(_wrap_key(self._passphrase, salt, log_n), stanza.body)
        except InvalidTag:
            return None
