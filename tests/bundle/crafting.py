"""Test helper: take a sealed bundle apart and build hostile ones from its pieces.

Everything here works on the documented format (docs/bundle-format.md, section 4) with the
bundle modules themselves, so a crafted bundle is exactly what a compromised colleague, holding
their own real signing key, could produce.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.bundle import frames
from lawnotebook.bundle.manifest import BlobEntry, Manifest
from lawnotebook.crypto import age
from lawnotebook.crypto.identity import KeyCard, LawyerIdentity
from lawnotebook.crypto.signing import CONTEXT_BUNDLE_MANIFEST


@dataclass
class Inner:
    """The decrypted payload of a bundle, frame by frame (no checks made)."""

    manifest: Manifest
    signature: bytes
    records: bytes
    blobs: list[tuple[bytes, bytes]] = field(default_factory=list)  # (stated sha256, bytes)
    trailing: bytes = b""  # anything after the end frame

    @property
    def lines(self) -> list[dict[str, Any]]:
        """The record set as one dict per JSON line."""
        return [json.loads(line) for line in self.records.decode("utf-8").splitlines()]


def unseal(bundle: bytes, identity: LawyerIdentity) -> bytes:
    """The plaintext of a bundle's age layer (what its recipient can always get)."""
    return age.decrypt(bundle, identity.age_identities())


def seal_to(plaintext: bytes, *cards: KeyCard) -> bytes:
    """An age file of ``plaintext`` for the hybrid keys of ``cards``."""
    return age.encrypt(plaintext, [card.pq for card in cards])


def frame(kind: bytes, body: bytes, length: int | None = None) -> bytes:
    """One frame; ``length`` overrides the stated length (to lie about it)."""
    return struct.pack(">cQ", kind, len(body) if length is None else length) + body


def parse(plaintext: bytes) -> Inner:
    """Split a well-formed payload (version 1 or 2) into its frames."""
    version = frames.VERSIONS[plaintext[: len(frames.MAGIC)]]
    pos = len(frames.MAGIC)
    found: list[tuple[bytes, bytes]] = []
    while True:
        kind, length = frames.HEADER.unpack_from(plaintext, pos)
        pos += frames.HEADER.size
        found.append((kind, plaintext[pos : pos + length]))
        pos += length
        if kind == frames.END:
            break
    card = None
    if version >= 2:
        (kind, body), *found = found
        assert kind == frames.CARD, kind
        card = body.decode("utf-8")
    kinds = b"".join(k for k, _ in found)
    assert kinds[:3] == b"MSR" and kinds.endswith(b"E"), kinds
    blobs = [(body[:32], body[32:]) for k, body in found if k == frames.BLOB]
    return Inner(
        manifest=Manifest.from_bytes(found[0][1], version, card),
        signature=found[1][1],
        records=found[2][1],
        blobs=blobs,
        trailing=plaintext[pos:],
    )


def build(inner: Inner) -> bytes:
    """The payload bytes of ``inner`` as they stand (signature not recomputed); version 2
    carries ``manifest.sender_card`` in the card frame."""
    m = inner.manifest
    if m.version >= 2:
        out = [frames.MAGIC_V2, frame(frames.CARD, m.sender_card.encode("utf-8"))]
    else:
        out = [frames.MAGIC_V1]
    out.append(frame(frames.MANIFEST, m.to_bytes()))
    out.append(frame(frames.SIGNATURE, inner.signature))
    out.append(frame(frames.RECORDS, inner.records))
    out += [frame(frames.BLOB, sha + data) for sha, data in inner.blobs]
    out.append(frame(frames.END, b""))
    out.append(inner.trailing)
    return b"".join(out)


def encode_lines(lines: list[dict[str, Any]]) -> bytes:
    """JSON Lines exactly as the sealer writes them."""
    return "".join(
        json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        for line in lines
    ).encode("utf-8")


def sign(manifest: Manifest, signer: LawyerIdentity) -> bytes:
    return signer.signing.sign(CONTEXT_BUNDLE_MANIFEST, manifest.to_bytes())


def craft(
    inner: Inner,
    signer: LawyerIdentity,
    *,
    lines: list[dict[str, Any]] | None = None,
    blobs: list[tuple[bytes, bytes]] | None = None,
    **manifest_changes: Any,
) -> Inner:
    """A copy of ``inner`` with new record lines / blobs / manifest fields, the manifest's
    record-set and blob entries recomputed to match, and signed by ``signer``."""
    records = inner.records if lines is None else encode_lines(lines)
    count = len(records.decode("utf-8").splitlines())
    new_blobs = inner.blobs if blobs is None else blobs
    changes: dict[str, Any] = {
        "records_count": count,
        "records_size": len(records),
        "records_sha256": hashlib.sha256(records).hexdigest(),
    }
    if blobs is not None:
        changes["blobs"] = tuple(BlobEntry(sha.hex(), len(data)) for sha, data in new_blobs)
    manifest = dataclasses.replace(inner.manifest, **{**changes, **manifest_changes})
    return Inner(manifest, sign(manifest, signer), records, list(new_blobs), inner.trailing)


def raw_payload(
    signer: LawyerIdentity,
    manifest: bytes,
    records: bytes,
    *,
    version: int = 2,
    signature: bytes | None = None,
) -> bytes:
    """A payload around raw ``manifest`` bytes (any bytes at all), signed by ``signer`` over
    exactly those bytes unless ``signature`` is given: what a stranger holding nothing but the
    recipient's key card can send."""
    out = [frames.MAGIC_V2, frame(frames.CARD, signer.key_card().to_text().encode("utf-8"))]
    if version == 1:
        out = [frames.MAGIC_V1]
    sig = signer.signing.sign(CONTEXT_BUNDLE_MANIFEST, manifest) if signature is None else signature
    out += [frame(frames.MANIFEST, manifest), frame(frames.SIGNATURE, sig)]
    out += [frame(frames.RECORDS, records), frame(frames.END, b"")]
    return b"".join(out)


def stranger_manifest(
    signer: LawyerIdentity, recipient: KeyCard, records: bytes, *, version: int = 2
) -> Manifest:
    """A well-formed manifest from ``signer`` to ``recipient`` for a new case, listing
    ``records`` (whatever they hold) with their real size, hash and line count."""
    card = signer.key_card()
    return Manifest(
        sender_fingerprint=card.fingerprint,
        sender_node="0123456789abcdef",
        sender_card=card.to_text(),
        mode="keys",
        recipients=(recipient.fingerprint,),
        case_id="00000000-0000-4000-8000-000000000001",
        sequence=1,
        base_sequence=0,
        created_at="2026-11-27T14:40:00.000Z",
        records_count=records.count(b"\n"),
        records_size=len(records),
        records_sha256=hashlib.sha256(records).hexdigest(),
        version=version,
        outer_type="mlkem768x25519" if version >= 2 else "",
        outer_stanzas=1 if version >= 2 else 0,
    )
