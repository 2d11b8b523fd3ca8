"""The on-disk format as docs/vault-format.md states it, checked by an independent decoder."""

from __future__ import annotations

import hashlib
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.evidence.format import (
    CHUNK_SIZE,
    chunk_aad,
    chunk_nonce,
    padded_size,
)

MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("size", "padded"),
    [
        (0, 4096),
        (1, 4096),
        (4096, 4096),
        (4097, 4352),
        (5000, 5120),
        (MIB - 1, MIB),
        (MIB + 1, MIB + 32 * 1024),
        (50 * MIB + 3, 51 * MIB),
        (1024 * MIB + 1, 1056 * MIB),
        (4096 * MIB - 5, 4096 * MIB),
    ],
)
def test_padme_buckets(size: int, padded: int) -> None:
    assert padded_size(size) == padded


def test_nonce_and_aad_bytes() -> None:
    assert chunk_nonce(258) == bytes(10) + b"\x01\x02"
    blob_id = bytes(range(16))
    assert chunk_aad(blob_id, 1, True) == (
        b"lawnotebook/evidence-chunk/v1\x00" + blob_id + bytes(7) + b"\x01" + b"\x01"
    )


@pytest.mark.parametrize("cipher", ["aes-256-gcm", "chacha20-poly1305"])
def test_independent_decoder_reads_the_packs(vault, cipher: str) -> None:
    """Decode straight from the database rows and pack bytes, following the spec only."""
    store = EvidenceStore(vault.paths.root, vault.connection, cipher=cipher, chunks_per_pack=2)
    data = os.urandom(3 * MIB + 10)
    sha = store.put(_Source(data)).sha256
    conn = vault.connection
    blob, blob_id, key, size, padded = conn.execute(
        "SELECT id, blob_id, key, size, padded_size FROM evidence_blob WHERE sha256 = ?", (sha,)
    ).fetchone()
    rows = conn.execute(
        "SELECT c.idx, p.name, c.start, c.length FROM evidence_chunk c"
        " JOIN evidence_pack p ON p.id = c.pack WHERE c.blob = ? ORDER BY c.idx",
        (blob,),
    ).fetchall()
    aead = {"aes-256-gcm": AESGCM, "chacha20-poly1305": ChaCha20Poly1305}[cipher](key)
    plain = b""
    for idx, name, start, length in rows:
        sealed = (vault.paths.root / "packs" / name).read_bytes()[start : start + length]
        aad = b"lawnotebook/evidence-chunk/v1\x00" + blob_id + idx.to_bytes(8, "big")
        aad += b"\x01" if idx == len(rows) - 1 else b"\x00"
        plain += aead.decrypt(idx.to_bytes(12, "big"), sealed, aad)
    assert len(plain) == padded == padded_size(size) and len(rows) == -(-padded // CHUNK_SIZE)
    assert plain[:size] == data and plain[size:] == bytes(padded - size)
    assert hashlib.sha256(plain[:size]).hexdigest() == sha


class _Source:
    """A minimal file-like with only read(): the store must not need more."""

    def __init__(self, data: bytes) -> None:
        self._data, self._at = data, 0

    def read(self, n: int) -> bytes:
        chunk = self._data[self._at : self._at + n]
        self._at += len(chunk)
        return chunk
