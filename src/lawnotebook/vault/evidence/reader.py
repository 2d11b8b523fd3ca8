"""Reading a blob back: a seekable, authenticated stream of its plaintext.

The layout (key, chunk places) is loaded from the database once; after that the reader only
touches pack files, so it can run on a viewer's thread. Each chunk is authenticated before a
byte of it is returned; one decrypted chunk is cached, so memory stays at two chunks.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag

from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.errors import BlobCorrupt, BlobMissing, BlobNotFound
from lawnotebook.vault.evidence.format import TAG_SIZE, aead, chunk_aad, chunk_nonce

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


@dataclass(frozen=True)
class BlobLayout:
    """Everything needed to read one blob without the database."""

    sha256: str
    size: int
    chunk_size: int
    media_type: str
    cipher: str
    key: bytes
    blob_id: bytes
    chunks: list[tuple[Path, int, int]]  # pack path, start, sealed length; in order


def load_blob(conn: Connection, packs: Path, sha256: str) -> BlobLayout:
    """The blob's key and chunk index; raises :class:`BlobNotFound`."""
    row = conn.execute(
        "SELECT id, size, padded_size, chunk_size, media_type, cipher, key, blob_id"
        " FROM evidence_blob"
        " WHERE sha256 = ?",
        (sha256.lower(),),
    ).fetchone()
    if row is None:
        raise BlobNotFound(f"no evidence with SHA-256 {sha256}")
    blob, size, padded, chunk_size, media_type, cipher, key, blob_id = row
    chunks = [
        (packs / name, start, length)
        for name, start, length in conn.execute(
            "SELECT p.name, c.start, c.length FROM evidence_chunk c"
            " JOIN evidence_pack p ON p.id = c.pack WHERE c.blob = ? ORDER BY c.idx",
            (blob,),
        )
    ]
    if len(chunks) != -(-padded // chunk_size):
        raise BlobCorrupt(f"the chunk index of evidence {sha256} is incomplete")
    return BlobLayout(
        sha256.lower(), size, chunk_size, media_type, cipher, bytes(key), bytes(blob_id), chunks
    )


class BlobReader(io.RawIOBase):
    """Binary, seekable reader of a blob's plaintext (``read``, ``readinto``, ``seek``)."""

    def __init__(self, layout: BlobLayout) -> None:
        super().__init__()
        self._fd = -1
        self._fd_path: Path | None = None
        self._layout = layout
        self._pos = 0
        self._sealed = bytearray(layout.chunk_size + TAG_SIZE)
        self._plain = bytearray(layout.chunk_size)
        self._cached = -1  # index of the chunk in _plain
        self._aead = aead(layout.cipher, layout.key)

    @property
    def size(self) -> int:
        return self._layout.size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._layout.size}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.closed:
            raise ValueError("read from a closed evidence reader")
        out = memoryview(buffer).cast("B")
        if self._pos >= self._layout.size or not len(out):
            return 0
        index, skip = divmod(self._pos, self._layout.chunk_size)
        if not skip and index != self._cached:
            # Whole chunks wanted (a sequential copy): decrypt straight into the caller's
            # buffer when the chunk holds no padding and fits, saving a copy per chunk.
            length = self._layout.chunks[index][2] - TAG_SIZE
            if length <= len(out) and self._pos + length <= self._layout.size:
                self._chunk(index, out[:length])
                self._pos += length
                return length
        plain = self._chunk(index)
        n = min(len(out), len(plain) - skip, self._layout.size - self._pos)
        out[:n] = plain[skip : skip + n]
        self._pos += n
        return n

    def readall(self) -> bytes:
        out = bytearray(max(self._layout.size - self._pos, 0))
        view, got = memoryview(out), 0
        while got < len(out):
            got += self.readinto(view[got:])
        return bytes(out)

    def _chunk(self, index: int, into: memoryview | None = None) -> memoryview:
        """Chunk ``index`` decrypted and authenticated (cached until another is needed).

        With ``into`` (exactly the chunk's plaintext length) it is decrypted there, uncached.
        """
        chunks = self._layout.chunks
        path, start, length = chunks[index]
        if into is not None:
            plain = into
        else:
            plain = memoryview(self._plain)[: length - TAG_SIZE]
            if self._cached == index:
                return plain
            self._cached = -1
        sealed = memoryview(self._sealed)[:length]
        if os.preadv(self._pack(path), [sealed], start) != length:
            raise BlobCorrupt(f"a pack of evidence {self._layout.sha256} is truncated")
        aad = chunk_aad(self._layout.blob_id, index, index == len(chunks) - 1)
        try:
            self._aead.decrypt_into(chunk_nonce(index), sealed, aad, plain)
        except InvalidTag as exc:
            plain[:] = bytes(len(plain))  # nothing unauthenticated left in the buffer
            raise BlobCorrupt(f"evidence {self._layout.sha256} was altered on disk") from exc
        if into is None:
            self._cached = index
        return plain

    def _pack(self, path: Path) -> int:
        if self._fd_path != path:
            self._close_pack()
            try:
                self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            except FileNotFoundError as exc:
                raise BlobMissing(f"a pack of evidence {self._layout.sha256} is missing") from exc
            self._fd_path = path
        return self._fd

    def hash_all(self) -> str:
        """SHA-256 of the plaintext, authenticating every chunk including the padding."""
        digest = hashlib.sha256()
        remaining = self._layout.size
        for index in range(len(self._layout.chunks)):
            plain = self._chunk(index)
            take = min(remaining, len(plain))
            digest.update(plain[:take])
            remaining -= take
        return digest.hexdigest()

    def _close_pack(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
        self._fd, self._fd_path = -1, None

    def close(self) -> None:
        self._close_pack()
        self._cached = -1
        if hasattr(self, "_plain"):
            self._plain[:] = bytes(len(self._plain))  # best effort: no plaintext left behind
        super().close()
