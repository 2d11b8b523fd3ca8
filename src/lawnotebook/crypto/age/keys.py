"""Parse and generate the key strings age users exchange (recipients) and keep (identities)."""

from lawnotebook.crypto.age.errors import KeyFormatError
from lawnotebook.crypto.age.hybrid import HybridIdentity, HybridRecipient
from lawnotebook.crypto.age.x25519 import X25519Identity, X25519Recipient

AnyRecipient = X25519Recipient | HybridRecipient
AnyIdentity = X25519Identity | HybridIdentity


def parse_recipient(text: str) -> AnyRecipient:
    """Parse an ``age1pq1…`` (hybrid) or ``age1…`` (X25519) recipient string."""
    text = text.strip()
    if text.startswith("age1pq1"):
        return HybridRecipient.parse(text)
    if text.startswith("age1"):
        return X25519Recipient.parse(text)
    raise KeyFormatError("unknown recipient type")


def parse_identity(text: str) -> AnyIdentity:
    """Parse an ``AGE-SECRET-KEY-PQ-1…`` or ``AGE-SECRET-KEY-1…`` identity string."""
    text = text.strip()
    if text.upper().startswith("AGE-SECRET-KEY-PQ-1"):
        return HybridIdentity.parse(text)
    if text.upper().startswith("AGE-SECRET-KEY-1"):
        return X25519Identity.parse(text)
    raise KeyFormatError("unknown identity type")


def parse_identities(text: str) -> list[AnyIdentity]:
    """Parse an age identity file: one key per line, blank lines and ``#`` comments ignored."""
    identities = [
        parse_identity(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not identities:
        raise KeyFormatError("no identities found")
    return identities
