"""age v1 (age-encryption.org/v1) on ``cryptography``: the outer layer of every bundle.

Recipients: X25519 (``age1…``), hybrid post-quantum ML-KEM-768 + X25519 (``age1pq1…``), and
scrypt passphrases. Files can be binary or ASCII-armored; all I/O streams in bounded memory.
Errors are typed (see :mod:`lawnotebook.crypto.age.errors`).
"""

from lawnotebook.crypto.age.encryption import (
    DecryptReader,
    EncryptWriter,
    Identity,
    Recipient,
    decrypt,
    decrypt_stream,
    encrypt,
    encrypt_stream,
    open_decrypt,
    open_encrypt,
)
from lawnotebook.crypto.age.errors import (
    AgeError,
    ArmorError,
    HeaderError,
    HeaderMacError,
    KeyFormatError,
    NoIdentityMatch,
    PayloadError,
    WorkFactorTooHigh,
    WrongPassphrase,
)
from lawnotebook.crypto.age.hybrid import HybridIdentity, HybridRecipient
from lawnotebook.crypto.age.keys import parse_identities, parse_identity, parse_recipient
from lawnotebook.crypto.age.scrypt import ScryptIdentity, ScryptRecipient
from lawnotebook.crypto.age.x25519 import X25519Identity, X25519Recipient

__all__ = [
    "AgeError",
    "ArmorError",
    "DecryptReader",
    "EncryptWriter",
    "HeaderError",
    "HeaderMacError",
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "KeyFormatError",
    "NoIdentityMatch",
    "PayloadError",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "WorkFactorTooHigh",
    "WrongPassphrase",
    "X25519Identity",
    "X25519Recipient",
    "decrypt",
    "decrypt_stream",
    "encrypt",
    "encrypt_stream",
    "open_decrypt",
    "open_encrypt",
    "parse_identities",
    "parse_identity",
    "parse_recipient",
]
