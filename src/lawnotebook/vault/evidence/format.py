"""The evidence storage format in one place: chunking, padding, nonces and AAD.

A blob's plaintext is zero-padded to a Padmé length, cut into 1 MiB chunks and each chunk is
sealed with the blob's own random key (AES-256-GCM by default). Nothing here touches files or
SQL; ``docs/vault-format.md`` ("Evidence storage") is the spec this module implements.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

CHUNK_SIZE = 1024 * 1024  # plaintext bytes per chunk (the last chunk may be shorter)
TAG_SIZE = 16
KEY_SIZE = 32
BLOB_ID_SIZE = 16
MIN_PADDED_SIZE = 4096  # every blob occupies at least one 4 KiB bucket
CHUNKS_PER_PACK = 16  # writer's choice; readers follow the index, not this number
FORMAT_VERSION = 1

AES_256_GCM = "aes-256-gcm"
CHACHA20_POLY1305 = "chacha20-poly1305"
# AES-GCM runs ~4x faster than ChaCha20-Poly1305 on AES-NI machines (docs/performance.md).
DEFAULT_CIPHER = AES_256_GCM
AEAD = AESGCM | ChaCha20Poly1305
_CIPHERS: dict[str, Callable[[bytes], AEAD]] = {
    AES_256_GCM: AESGCM,
    CHACHA20_POLY1305: ChaCha20Poly1305,
}

_AAD_PREFIX = b"lawnotebook/evidence-chunk/v1\x00"


def new_blob_id() -> bytes:
    """A random 16-byte blob id (goes into every chunk's AAD)."""
    return os.urandom(BLOB_ID_SIZE)


def new_pack_name() -> str:
    """A random pack file name: 32 lowercase hex digits, no extension."""
    return secrets.token_hex(16)


def is_pack_name(name: str) -> bool:
    """Whether ``name`` looks like a pack file we would have written."""
    return len(name) == 32 and all(c in "0123456789abcdef" for c in name)


def aead(cipher: str, key: bytes) -> AEAD:
    """The AEAD object for a blob; raises ``ValueError`` for a cipher we do not know."""
    try:
        return _CIPHERS[cipher](key)
    except KeyError:
        raise ValueError(f"unknown evidence cipher {cipher!r}") from None


def padded_size(size: int) -> int:
    """Padmé (Nikitin et al., PETS 2019) of ``max(size, 4 KiB)``.

    Leaks O(log log size) bits of the length with at most ~12 % overhead (1.6 % near 4 GiB).
    """
    length = max(size, MIN_PADDED_SIZE)
    exponent = length.bit_length() - 1  # floor(log2(length))
    low_bits = exponent - exponent.bit_length()  # E - (floor(log2 E) + 1)
    mask = (1 << low_bits) - 1
    return (length + mask) & ~mask


def chunk_count(size: int) -> int:
    """How many chunks a blob of ``size`` plaintext bytes is stored in (padding included)."""
    return -(-padded_size(size) // CHUNK_SIZE)


def chunk_nonce(index: int) -> bytes:
    # Each blob has its own random key, so the chunk index alone is a unique 96-bit nonce.
    return index.to_bytes(12, "big")


def chunk_aad(blob_id: bytes, index: int, last: bool) -> bytes:
    """Binds a chunk to its blob, its place and whether it ends the blob.

    So chunks cannot be moved between blobs, reordered, dropped from the end or extended.
    """
    return _AAD_PREFIX + blob_id + index.to_bytes(8, "big") + (b"\x01" if last else b"\x00")
