"""A lawyer's identity: X25519 and hybrid post-quantum age keys plus an Ed25519 signing key.

The public half travels as a *key card*: a short text block, safe to paste into a chat or to
print, self-signed so that any altered field is refused. People compare a *fingerprint* of 40
digits read aloud in 8 groups of 5. The format is specified in docs/bundle-format.md.
"""

import hashlib
import os
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.crypto.age import bech32
from lawnotebook.crypto.age.errors import KeyFormatError
from lawnotebook.crypto.age.hybrid import HybridIdentity, HybridRecipient
from lawnotebook.crypto.age.x25519 import X25519Identity, X25519Recipient
from lawnotebook.crypto.signing import (
    CONTEXT_KEYCARD,
    BadSignature,
    SigningKey,
    VerifyKey,
)

CARD_BEGIN = "-----BEGIN LAWNOTEBOOK KEY CARD-----"
CARD_END = "-----END LAWNOTEBOOK KEY CARD-----"
CARD_VERSION = "v1"
MAX_NAME_CHARS = 128
# A card is ~2.5 KB; a pasted message around it may be longer. Anything past these caps is
# refused before it is read further, decoded or normalized (a 200 MB "card" cost 2.2 GiB).
MAX_CARD_BYTES = 64 * 1024
_MAX_NAME_INPUT_CHARS = 4 * MAX_NAME_CHARS  # before NFC, which may merge combining marks
_CARD_DOMAIN = b"lawnotebook-keycard-v1\x00"
_FINGERPRINT_DOMAIN = b"lawnotebook-fingerprint-v1\x00"
_SECRET_MAGIC = b"LNSECID1"
_EXPORT_HRP = "lawnotebook-secret-identity-"
_WRAP = 64
# Characters a chat app may insert when it reflows text; none can occur in card content.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
# Bidirectional overrides could make a name display differently from what was signed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BODY = re.compile(
    r"v1;name:(?P<name>(?:[0-9a-f]{2})+);x25519:(?P<x25519>age1[0-9a-z]+);"
    r"pq:(?P<pq>age1pq1[0-9a-z]+);ed25519:(?P<ed25519>[0-9a-f]{64});sig:(?P<sig>[0-9a-f]{128});"
)


class KeyCardError(LawnotebookError):
    """Base class for key cards that cannot be accepted."""


class KeyCardMalformed(KeyCardError):
    """The text is not a well-formed key card (missing markers, bad field, bad key)."""


class KeyCardForged(KeyCardError):
    """The card's self-signature does not verify: some field was altered."""


class SecretIdentityMalformed(LawnotebookError):
    """Stored secret identity bytes are truncated, altered or of an unknown version."""


def normalize_name(name: str) -> str:
    """NFC-normalize a display name and check it is printable, non-empty and short."""
    if len(name) > _MAX_NAME_INPUT_CHARS:
        raise ValueError(f"a display name has 1 to {MAX_NAME_CHARS} characters")
    name = unicodedata.normalize("NFC", name.strip())
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a display name has 1 to {MAX_NAME_CHARS} characters")
    if any(unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS for c in name):
        raise ValueError("a display name cannot contain control characters")
    return name


def _keys_bytes(x25519: X25519Recipient, pq: HybridRecipient, signing: VerifyKey) -> bytes:
    # Fixed-length fields (32, 1216, 32 bytes): concatenation is unambiguous.
    return x25519.public_key + pq.public_key + signing.public_bytes


def fingerprint_of(x25519: X25519Recipient, pq: HybridRecipient, signing: VerifyKey) -> str:
    """40 decimal digits in 8 groups of 5: SHA-256 of the keys, as an integer mod 10^40."""
    digest = hashlib.sha256(_FINGERPRINT_DOMAIN + _keys_bytes(x25519, pq, signing)).digest()
    # 2^256 is so much larger than 10^40 that the modulo bias is below 2^-120.
    digits = f"{int.from_bytes(digest, 'big') % 10**40:040d}"
    return " ".join(digits[i : i + 5] for i in range(0, 40, 5))


@dataclass(frozen=True)
class KeyCard:
    """A colleague's public keys and display name, self-signed with the signing key."""

    display_name: str
    x25519: X25519Recipient
    pq: HybridRecipient
    signing: VerifyKey
    signature: bytes

    @staticmethod
    def signed_bytes(
        name: str, x25519: X25519Recipient, pq: HybridRecipient, signing: VerifyKey
    ) -> bytes:
        """The canonical encoding the self-signature covers."""
        encoded = name.encode("utf-8")
        return (
            _CARD_DOMAIN
            + struct.pack(">H", len(encoded))
            + encoded
            + _keys_bytes(x25519, pq, signing)
        )

    @property
    def fingerprint(self) -> str:
        """The 8×5-digit fingerprint to compare aloud (independent of the display name)."""
        return fingerprint_of(self.x25519, self.pq, self.signing)

    def verify(self) -> None:
        """Raise :class:`KeyCardForged` unless the self-signature covers every field."""
        message = self.signed_bytes(self.display_name, self.x25519, self.pq, self.signing)
        try:
            self.signing.verify(CONTEXT_KEYCARD, message, self.signature)
        except BadSignature as exc:
            raise KeyCardForged("the key card's self-signature does not verify") from exc

    def to_text(self) -> str:
        """The card as text: an informational line, then the strict block between markers."""
        fields = [
            f"{CARD_VERSION};",
            f"name:{self.display_name.encode('utf-8').hex()};",
            f"x25519:{self.x25519};",
            f"pq:{self.pq};",
            f"ed25519:{self.signing.public_bytes.hex()};",
            f"sig:{self.signature.hex()};",
        ]
        lines = [f"Lawnotebook key card: {self.display_name}", f"Fingerprint: {self.fingerprint}"]
        lines.append(CARD_BEGIN)
        for text in fields:
            lines += [text[i : i + _WRAP] for i in range(0, len(text), _WRAP)]
        lines.append(CARD_END)
        return "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str) -> "KeyCard":
        """Parse and verify a pasted card; whitespace and line breaks anywhere are ignored.

        Text outside the BEGIN/END markers (a greeting, the informational lines) is ignored
        and never trusted; everything inside must be exact.
        """
        if len(text) > MAX_CARD_BYTES:
            raise KeyCardMalformed(f"a key card is at most {MAX_CARD_BYTES // 1024} KiB")
        compact = "".join(text.translate(_INVISIBLE).split())
        begin, end = "".join(CARD_BEGIN.split()), "".join(CARD_END.split())
        if compact.count(begin) != 1 or compact.count(end) != 1:
            raise KeyCardMalformed("expected exactly one key card block")
        start, stop = compact.index(begin) + len(begin), compact.index(end)
        match = _BODY.fullmatch(compact, start, stop) if start <= stop else None
        if match is None:
            raise KeyCardMalformed("the key card block is not in the expected format")
        try:
            name = bytes.fromhex(match["name"]).decode("utf-8")
            if normalize_name(name) != name:
                raise ValueError("display name is not in canonical form")
            card = cls(
                display_name=name,
                x25519=X25519Recipient.parse(match["x25519"]),
                pq=HybridRecipient.parse(match["pq"]),
                signing=VerifyKey(bytes.fromhex(match["ed25519"])),
                signature=bytes.fromhex(match["sig"]),
            )
        except (ValueError, KeyFormatError) as exc:
            raise KeyCardMalformed("a key card field is invalid") from exc
        card.verify()
        return card


def card_text_from_bytes(data: bytes) -> str:
    """Key-card bytes (a file, standard input) as text: at most :data:`MAX_CARD_BYTES`, strict
    UTF-8, else :class:`KeyCardMalformed`. Read at most ``MAX_CARD_BYTES + 1`` bytes to call it.
    """
    if len(data) > MAX_CARD_BYTES:
        raise KeyCardMalformed(f"a key card is at most {MAX_CARD_BYTES // 1024} KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KeyCardMalformed("a key card file is UTF-8 text") from exc


def read_card_text(path: str | os.PathLike[str]) -> str:
    """A key-card file's text, reading no more than the cap allows (see above)."""
    with open(path, "rb") as fh:
        return card_text_from_bytes(fh.read(MAX_CARD_BYTES + 1))


@dataclass(frozen=True)
class LawyerIdentity:
    """The secret side: what the vault stores and what opens bundles and signs them."""

    display_name: str
    x25519: X25519Identity
    pq: HybridIdentity
    signing: SigningKey

    @classmethod
    def generate(cls, display_name: str) -> "LawyerIdentity":
        """Fresh keys for a new vault owner."""
        return cls(
            normalize_name(display_name),
            X25519Identity.generate(),
            HybridIdentity.generate(),
            SigningKey.generate(),
        )

    @classmethod
    def from_seeds(
        cls, display_name: str, x25519_seed: bytes, pq_seed: bytes, signing_seed: bytes
    ) -> "LawyerIdentity":
        """Rebuild an identity from its three 32-byte secrets (used by tests and storage)."""
        return cls(
            normalize_name(display_name),
            X25519Identity(x25519_seed),
            HybridIdentity(pq_seed),
            SigningKey(signing_seed),
        )

    def __repr__(self) -> str:
        return f"LawyerIdentity({self.display_name!r}, <secret keys>)"

    def key_card(self) -> KeyCard:
        """The public key card, self-signed (deterministic: Ed25519 signing is)."""
        verify_key = self.signing.verify_key
        x25519, pq = self.x25519.recipient, self.pq.recipient
        message = KeyCard.signed_bytes(self.display_name, x25519, pq, verify_key)
        signature = self.signing.sign(CONTEXT_KEYCARD, message)
        return KeyCard(self.display_name, x25519, pq, verify_key, signature)

    def age_identities(self) -> list[HybridIdentity | X25519Identity]:
        """Identities to try when opening a bundle (post-quantum first)."""
        return [self.pq, self.x25519]

    def to_secret_bytes(self) -> bytes:
        """Serialize the three secrets and the name; store only inside the encrypted vault."""
        name = self.display_name.encode("utf-8")
        return b"".join(
            [
                _SECRET_MAGIC,
                self.x25519.secret_bytes(),
                self.pq.secret_bytes(),
                self.signing.seed_bytes(),
                struct.pack(">H", len(name)),
                name,
            ]
        )

    @classmethod
    def from_secret_bytes(cls, data: bytes) -> "LawyerIdentity":
        """Inverse of :meth:`to_secret_bytes`."""
        fixed = len(_SECRET_MAGIC) + 3 * 32 + 2
        if len(data) < fixed or not data.startswith(_SECRET_MAGIC):
            raise SecretIdentityMalformed("not a serialized Lawnotebook identity")
        offset = len(_SECRET_MAGIC)
        seeds = [data[offset + 32 * i : offset + 32 * (i + 1)] for i in range(3)]
        (name_len,) = struct.unpack(">H", data[fixed - 2 : fixed])
        if len(data) != fixed + name_len:
            raise SecretIdentityMalformed("serialized identity has the wrong length")
        try:
            return cls.from_seeds(data[fixed:].decode("utf-8"), *seeds)
        except (ValueError, KeyFormatError) as exc:
            raise SecretIdentityMalformed("serialized identity is invalid") from exc

    def to_secret_text(self) -> str:
        """The secret bytes as one Bech32 line (for an export the user types or prints)."""
        return bech32.encode(_EXPORT_HRP, self.to_secret_bytes(), upper=True)

    @classmethod
    def from_secret_text(cls, text: str) -> "LawyerIdentity":
        """Inverse of :meth:`to_secret_text`."""
        try:
            hrp, data = bech32.decode("".join(text.split()))
        except ValueError as exc:
            raise SecretIdentityMalformed("not a Lawnotebook secret identity") from exc
        if hrp != _EXPORT_HRP:
            raise SecretIdentityMalformed("not a Lawnotebook secret identity")
        return cls.from_secret_bytes(data)


def choose_recipients(
    recipients: Sequence[KeyCard | X25519Recipient | HybridRecipient],
) -> list[X25519Recipient | HybridRecipient]:
    """Pick the age recipients to seal to: hybrid post-quantum if every party has one.

    Mixing is avoided on purpose: a file sealed to one X25519 recipient is only as strong as
    X25519, so adding post-quantum stanzas to it would promise protection it does not give.
    """
    if not recipients:
        raise ValueError("at least one recipient is required")
    if all(isinstance(r, KeyCard | HybridRecipient) for r in recipients):
        return [r.pq if isinstance(r, KeyCard) else r for r in recipients]
    out: list[X25519Recipient | HybridRecipient] = []
    for r in recipients:
        if isinstance(r, HybridRecipient):
            raise ValueError("a bare post-quantum recipient cannot be downgraded to X25519")
        out.append(r.x25519 if isinstance(r, KeyCard) else r)
    return out
