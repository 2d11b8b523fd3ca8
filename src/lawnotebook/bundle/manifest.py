"""The bundle manifest: who sealed what, for whom, in which order — signed by the sender.

Version 2 (what we write) also signs the outer age layer (``outer``: the recipient stanzas'
type and count) and carries the sender's key card in its own frame, so the signature is checked
over the raw manifest bytes before they are parsed. Version 1 is still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.bundle.errors import BundleTampered, NotABundle
from lawnotebook.core import bounded_json

FORMAT = "lawnotebook-bundle"
VERSION = 2
VERSIONS = (1, 2)
MAX_BLOBS = 200_000
MAX_MANIFEST = 1 << 20
MAX_DEPTH = 4  # {"blobs": [{"sha256": ...}]} is 3 deep
MAX_DIGITS = 20  # every number is a u64
OUTER_TYPES = {"keys": ("mlkem768x25519", "X25519"), "passphrase": ("scrypt",)}
_FINGERPRINT = re.compile(r"\d{5}( \d{5}){7}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class BlobEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    sender_fingerprint: str
    sender_node: str
    sender_card: str
    mode: str  # "keys" or "passphrase"
    recipients: tuple[str, ...]
    case_id: str
    sequence: int
    base_sequence: int
    created_at: str
    records_count: int
    records_size: int
    records_sha256: str
    blobs: tuple[BlobEntry, ...] = field(default_factory=tuple)
    version: int = VERSION
    outer_type: str = ""  # version 2: the age stanza type the sender sealed to
    outer_stanzas: int = 0  # version 2: how many stanzas (one per recipient; 1 for scrypt)

    @property
    def outer_bound(self) -> bool:
        """Whether the signature covers the outer layer's stanzas (version 2 and later)."""
        return self.version >= 2

    def to_json(self) -> dict[str, Any]:
        sender = {"fingerprint": self.sender_fingerprint, "node": self.sender_node}
        if self.version == 1:
            sender["card"] = self.sender_card  # version 2: in the card frame
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "sender": sender,
            "mode": self.mode,
            "recipients": sorted(self.recipients),
            "case_id": self.case_id,
            "sequence": self.sequence,
            "base_sequence": self.base_sequence,
            "created_at": self.created_at,
            "records": {
                "count": self.records_count,
                "size": self.records_size,
                "sha256": self.records_sha256,
            },
            "blobs": [{"sha256": b.sha256, "size": b.size} for b in self.blobs],
        }
        if self.version >= 2:
            doc["outer"] = {"type": self.outer_type, "stanzas": self.outer_stanzas}
        return doc

    def to_bytes(self) -> bytes:
        """Canonical JSON: what the signature covers."""
        return json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode("utf-8")

    @property
    def recipients_key(self) -> str:
        """Names the recipient set for sequence numbers ("passphrase" in passphrase mode)."""
        return "passphrase" if self.mode == "passphrase" else ",".join(sorted(self.recipients))

    @classmethod
    def from_bytes(cls, data: bytes, version: int = VERSION, card: str | None = None) -> Manifest:
        """Parse strictly, within bounds; anything unexpected is :class:`BundleTampered`.

        ``version`` is the payload's (its magic); version 2 takes the sender's ``card`` from
        the card frame, version 1 from the manifest.
        """
        try:
            doc = bounded_json.loads(
                data, max_bytes=MAX_MANIFEST, max_depth=MAX_DEPTH, max_int_digits=MAX_DIGITS
            )
        except bounded_json.MalformedJson as exc:
            raise BundleTampered(f"the bundle's manifest is not readable ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise NotABundle("not a Lawnotebook bundle")
        found = doc.get("version")
        if type(found) is not int or found not in VERSIONS:  # True is not 1
            raise NotABundle(f"bundle version {found!r} is not supported")
        if found != version:
            raise BundleTampered("the bundle's manifest and framing are of different versions")
        try:
            manifest = cls._parse(doc, card)
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleTampered("the bundle's manifest is malformed") from exc
        if manifest.to_bytes() != data:
            raise BundleTampered("the bundle's manifest is not in canonical form")
        return manifest

    @classmethod
    def _parse(cls, doc: dict[str, Any], card: str | None) -> Manifest:
        sender, records = doc["sender"], doc["records"]
        blobs = doc["blobs"]
        if len(blobs) > MAX_BLOBS:
            raise ValueError("too many blobs")
        version = doc["version"]
        outer = doc["outer"] if version >= 2 else {"type": "", "stanzas": 0}
        manifest = cls(
            sender_fingerprint=_text(sender["fingerprint"], _FINGERPRINT),
            sender_node=_text(sender["node"], re.compile(r"[0-9a-z]{1,32}")),
            sender_card=_text(sender["card"] if version == 1 else card),
            mode=doc["mode"],
            recipients=tuple(_text(r, _FINGERPRINT) for r in doc["recipients"]),
            case_id=_text(doc["case_id"], _UUID),
            sequence=_count(doc["sequence"], minimum=1),
            base_sequence=_count(doc["base_sequence"]),
            created_at=_text(doc["created_at"]),
            records_count=_count(records["count"]),
            records_size=_count(records["size"]),
            records_sha256=_text(records["sha256"], _HEX64),
            blobs=tuple(BlobEntry(_text(b["sha256"], _HEX64), _count(b["size"])) for b in blobs),
            version=version,
            outer_type=_text(outer["type"]),
            outer_stanzas=_count(outer["stanzas"]),
        )
        if manifest.mode not in OUTER_TYPES:
            raise ValueError("unknown mode")
        if version >= 2 and (
            manifest.outer_type not in OUTER_TYPES[manifest.mode]
            or manifest.outer_stanzas != (len(manifest.recipients) or 1)
        ):
            raise ValueError("the outer layer and the recipients disagree")
        if (manifest.mode == "keys") != bool(manifest.recipients):
            raise ValueError("recipients and mode disagree")
        if manifest.base_sequence >= manifest.sequence:
            raise ValueError("base sequence must precede the sequence")
        if len({b.sha256 for b in manifest.blobs}) != len(manifest.blobs):
            raise ValueError("a blob is listed twice")
        return manifest


def _text(value: object, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
        raise ValueError("bad text field")
    return value


def _count(value: object, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError("bad number field")
    return value
