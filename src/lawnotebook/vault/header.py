"""The key header (``vault.header``): the data key wrapped once per way in.

Format (``docs/vault-format.md``): UTF-8 JSON, one object, at most 64 KiB::

    {"format": "lawnotebook-vault-header", "version": 1, "vault_id": "<32 hex>",
     "slots": {"passphrase": {...}, "recovery": {...}, "device": {...}}}

Each slot holds ``kdf`` (how to get the wrapping key), ``nonce`` and ``wrapped`` (base64). The
slot's kind, its KDF parameters and the vault id are the AEAD's associated data, so a slot cannot
be moved to another vault or have its parameters lowered without the box failing to open.
Parsing is strict: unknown versions are "too new", anything else unexpected is "corrupt" —
deep nesting, numbers past Python's digit limit, a ``true`` or ``1.0`` where an integer goes and
Argon2id costs past ``keywrap``'s bounds included, all refused before any KDF runs.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from lawnotebook.crypto.keywrap import (
    KEY_SIZE,
    NONCE_SIZE,
    SALT_SIZE,
    Argon2Params,
    KdfParametersRejected,
)
from lawnotebook.vault.atomic_file import write_atomic
from lawnotebook.vault.errors import HeaderCorrupt, VaultTooNew

FORMAT_NAME = "lawnotebook-vault-header"
HEADER_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024
PENDING_HEADER_NAME = "vault.header.pending"  # the next header, while the data key changes
SLOT_KINDS = ("passphrase", "recovery", "device")
_AAD_DOMAIN = b"lawnotebook/vault-header/v1"
_WRAPPED_SIZE = KEY_SIZE + 16  # the key plus the Poly1305 tag


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, size: int, what: str) -> bytes:
    if not isinstance(value, str):
        raise HeaderCorrupt(f"{what} is not text")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise HeaderCorrupt(f"{what} is not base64") from exc
    if len(raw) != size:
        raise HeaderCorrupt(f"{what} has the wrong length")
    return raw


def _int(value: object, what: str) -> int:
    if type(value) is not int:  # bool is an int subclass: true is not 1
        raise HeaderCorrupt(f"{what} is not a whole number")
    return value


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key.

    ``kdf`` is ``Argon2Params`` for the passphrase, a salt for the recovery key (HKDF), and
    ``None`` for the device slot (its key lives in the OS keyring).
    """

    kind: str
    nonce: bytes
    wrapped: bytes
    argon2: Argon2Params | None = None
    salt: bytes | None = None

    def kdf_json(self) -> dict[str, object]:
        if self.kind == "passphrase":
            assert self.argon2 is not None
            a = self.argon2
            return {
                "alg": "argon2id",
                "memory_kib": a.memory_kib,
                "iterations": a.iterations,
                "lanes": a.lanes,
                "salt": _b64(a.salt),
            }
        if self.kind == "recovery":
            assert self.salt is not None
            return {"alg": "hkdf-sha256", "salt": _b64(self.salt)}
        return {"alg": "os-keyring"}

    def to_json(self) -> dict[str, object]:
        return {"kdf": self.kdf_json(), "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}


def slot_aad(vault_id: str, kind: str, kdf: dict[str, object]) -> bytes:
    """Associated data binding a slot to its vault, kind and KDF parameters."""
    canonical = json.dumps(kdf, sort_keys=True, separators=(",", ":")).encode("ascii")
    return b"\x00".join([_AAD_DOMAIN, vault_id.encode("ascii"), kind.encode("ascii"), canonical])


def _parse_slot(kind: str, raw: object) -> Slot:
    if not isinstance(raw, dict) or set(raw) != {"kdf", "nonce", "wrapped"}:
        raise HeaderCorrupt(f"{kind} slot has unexpected fields")
    kdf = raw["kdf"]
    if not isinstance(kdf, dict):
        raise HeaderCorrupt(f"{kind} slot KDF is not an object")
    nonce = _unb64(raw["nonce"], NONCE_SIZE, f"{kind} nonce")
    wrapped = _unb64(raw["wrapped"], _WRAPPED_SIZE, f"{kind} wrapped key")
    expected = {"passphrase": "argon2id", "recovery": "hkdf-sha256", "device": "os-keyring"}[kind]
    if kdf.get("alg") != expected:
        raise HeaderCorrupt(f"{kind} slot uses an unknown KDF")
    if kind == "passphrase":
        if set(kdf) != {"alg", "memory_kib", "iterations", "lanes", "salt"}:
            raise HeaderCorrupt("passphrase KDF has unexpected fields")
        params = Argon2Params(
            memory_kib=_int(kdf["memory_kib"], "Argon2id memory"),
            iterations=_int(kdf["iterations"], "Argon2id iterations"),
            lanes=_int(kdf["lanes"], "Argon2id lanes"),
            salt=_unb64(kdf["salt"], SALT_SIZE, "Argon2id salt"),
        )
        try:
            params.check_bounds()
        except KdfParametersRejected as exc:
            raise HeaderCorrupt(str(exc)) from exc
        return Slot(kind, nonce, wrapped, argon2=params)
    if kind == "recovery":
        if set(kdf) != {"alg", "salt"}:
            raise HeaderCorrupt("recovery KDF has unexpected fields")
        return Slot(kind, nonce, wrapped, salt=_unb64(kdf["salt"], SALT_SIZE, "recovery salt"))
    if set(kdf) != {"alg"}:
        raise HeaderCorrupt("device KDF has unexpected fields")
    return Slot(kind, nonce, wrapped)


@dataclass(frozen=True)
class VaultHeader:
    """The parsed key header."""

    vault_id: str
    slots: dict[str, Slot] = field(default_factory=dict)

    def with_slot(self, slot: Slot) -> VaultHeader:
        return replace(self, slots={**self.slots, slot.kind: slot})

    def without_slot(self, kind: str) -> VaultHeader:
        return replace(self, slots={k: v for k, v in self.slots.items() if k != kind})

    def to_bytes(self) -> bytes:
        """Serialize canonically (sorted keys, fixed slot order)."""
        doc = {
            "format": FORMAT_NAME,
            "version": HEADER_VERSION,
            "vault_id": self.vault_id,
            "slots": {k: self.slots[k].to_json() for k in SLOT_KINDS if k in self.slots},
        }
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        """Parse strictly; raise :class:`HeaderCorrupt` or :class:`VaultTooNew`."""
        if len(data) > MAX_HEADER_BYTES:
            raise HeaderCorrupt("the key header is too large")
        try:
            doc = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError) as exc:
            # ValueError: bad UTF-8, bad JSON, or an integer past Python's digit limit;
            # RecursionError: nesting deeper than the parser's stack.
            raise HeaderCorrupt("the key header is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise HeaderCorrupt("this is not a Lawnotebook key header")
        version = doc.get("version")
        if type(version) is int and version > HEADER_VERSION:
            raise VaultTooNew(f"key header version {version} is newer than this app understands")
        if (
            type(version) is not int
            or version != HEADER_VERSION
            or set(doc) != {"format", "version", "vault_id", "slots"}
        ):
            raise HeaderCorrupt("the key header has an unknown layout")
        vault_id = doc["vault_id"]
        if not isinstance(vault_id, str) or len(vault_id) != 32 or not _is_hex(vault_id):
            raise HeaderCorrupt("the key header's vault id is malformed")
        raw_slots = doc["slots"]
        if not isinstance(raw_slots, dict) or not set(raw_slots) <= set(SLOT_KINDS):
            raise HeaderCorrupt("the key header has unknown slots")
        if "passphrase" not in raw_slots or "recovery" not in raw_slots:
            raise HeaderCorrupt("the key header lacks its passphrase or recovery slot")
        slots = {kind: _parse_slot(kind, raw) for kind, raw in raw_slots.items()}
        return cls(vault_id, slots)

    def write(self, path: Path) -> None:
        """Atomically replace the header file (the old one stays valid until the rename)."""
        write_atomic(path, self.to_bytes())


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)


def read_header(path: Path) -> VaultHeader:
    """Read and parse the header file (caller checks existence first)."""
    with path.open("rb") as fh:
        data = fh.read(MAX_HEADER_BYTES + 1)
    return VaultHeader.from_bytes(data)
