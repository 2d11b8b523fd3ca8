"""The bundle manifest: who sealed what, for whom, in which order — signed by the sender."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.bundle.errors import BundleTampered, NotABundle

FORMAT = "lawnotebook-bundle"
VERSION = 1
MAX_BLOBS = 200_000
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

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "sender": {
                "fingerprint": self.sender_fingerprint,
                "node": self.sender_node,
                "card": self.sender_card,
            },
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
    def from_bytes(cls, data: bytes) -> Manifest:
        """Parse strictly; anything unexpected is :class:`BundleTampered`."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleTampered("the bundle's manifest is not readable") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise NotABundle("not a Lawnotebook bundle")
        if doc.get("version") != VERSION:
            raise NotABundle(f"bundle version {doc.get('version')!r} is not supported")
        try:
            manifest = cls._parse(doc)
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleTampered("the bundle's manifest is malformed") from exc
        if manifest.to_bytes() != data:
            raise BundleTampered("the bundle's manifest is not in canonical form")
        return manifest

    @classmethod
    def _parse(cls, doc: dict[str, Any]) -> Manifest:
        sender, records = doc["sender"], doc["records"]
        blobs = doc["blobs"]
        if len(blobs) > MAX_BLOBS:
            raise ValueError("too many blobs")
        manifest = cls(
            sender_fingerprint=_text(sender["fingerprint"], _FINGERPRINT),
            sender_node=_text(sender["node"], re.compile(r"[0-9a-z]{1,32}")),
            sender_card=_text(sender["card"]),
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
        )
        if manifest.mode not in ("keys", "passphrase"):
            raise ValueError("unknown mode")
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
