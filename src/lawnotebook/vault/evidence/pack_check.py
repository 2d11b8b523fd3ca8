"""The cheap check of every registered pack: there, the right size, and one chunk authentic.

Packs have no header of their own (they are bare AEAD ciphertexts), so "the pack's own header"
is its first bytes as the index describes them: plain ``verify`` opens each pack the database
names, compares its size with the size registered for it, and authenticates its shortest chunk
with the blob's key and AAD. A pack swapped in from another vault (renamed to a registered name)
fails that authentication even when its size matches; damage elsewhere in a pack is found only
by ``verify --deep``, which decrypts every chunk. Reads at most one chunk per pack.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag

from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.format import aead, chunk_aad, chunk_nonce
from lawnotebook.vault.evidence.packs import packs_dir


@dataclass(frozen=True)
class PackFinding:
    """One registered pack that is not as the database describes it.

    ``problem`` is ``"missing"``, ``"truncated"`` (shorter than its chunks need),
    ``"wrong_size"`` (longer than written), ``"unreadable"`` or ``"not_authentic"`` (its
    sampled chunk fails authentication: damaged, or a pack from another vault).
    ``evidence_sha256`` names the file whose content it holds.
    """

    problem: str
    pack: str
    evidence_sha256: str
    detail: str


@dataclass(frozen=True)
class _Sample:
    name: str
    registered_size: int
    sha256: str
    cipher: str
    key: bytes
    blob_id: bytes
    index: int
    last: bool
    start: int
    length: int


def _samples(conn: Connection) -> list[_Sample]:
    """Each pack's shortest chunk (the cheapest to authenticate), with its blob's key."""
    rows = conn.execute(
        "SELECT p.name, p.size, b.sha256, b.cipher, b.key, b.blob_id, c.idx,"
        " (b.padded_size + b.chunk_size - 1) / b.chunk_size, c.start, c.length"
        " FROM evidence_pack p JOIN evidence_blob b ON b.id = p.blob"
        " JOIN evidence_chunk c ON c.pack = p.id ORDER BY p.id, c.length, c.idx"
    )
    picked: dict[str, _Sample] = {}
    for name, size, sha, cipher, key, blob_id, idx, count, start, length in rows:
        if name not in picked:
            picked[name] = _Sample(
                name, size, sha, cipher, bytes(key), bytes(blob_id), idx, idx == count - 1,
                start, length,
            )  # fmt: skip
    return list(picked.values())


def _check_one(folder: Path, s: _Sample) -> PackFinding | None:
    path = folder / s.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return PackFinding("missing", s.name, s.sha256, "the pack file is not in the vault")
    except OSError as exc:
        return PackFinding("unreadable", s.name, s.sha256, exc.strerror or str(exc))
    try:
        actual = os.fstat(fd).st_size
        if actual < s.registered_size:
            return PackFinding(
                "truncated", s.name, s.sha256,
                f"{actual} bytes, but its chunks need {s.registered_size}",
            )  # fmt: skip
        if actual > s.registered_size:
            return PackFinding(
                "wrong_size", s.name, s.sha256,
                f"{actual} bytes, but {s.registered_size} were written",
            )  # fmt: skip
        sealed = os.pread(fd, s.length, s.start) if hasattr(os, "pread") else _read_at(fd, s)
    except OSError as exc:
        return PackFinding("unreadable", s.name, s.sha256, exc.strerror or str(exc))
    finally:
        os.close(fd)
    try:
        aead(s.cipher, s.key).decrypt(
            chunk_nonce(s.index), sealed, chunk_aad(s.blob_id, s.index, s.last)
        )
    except (InvalidTag, ValueError):
        return PackFinding(
            "not_authentic", s.name, s.sha256,
            "a chunk fails authentication: the file is damaged or comes from another vault",
        )  # fmt: skip
    return None


def _read_at(fd: int, s: _Sample) -> bytes:
    os.lseek(fd, s.start, os.SEEK_SET)  # Windows has no pread
    return os.read(fd, s.length)


def check_packs(root: Path, conn: Connection) -> tuple[int, list[PackFinding]]:
    """Check every pack the database names; returns (how many checked, findings)."""
    folder = packs_dir(root)
    samples = _samples(conn)
    findings = [f for s in samples if (f := _check_one(folder, s)) is not None]
    return len(samples), findings
