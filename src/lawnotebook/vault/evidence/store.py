"""The evidence blob store of one open vault: add content, read it back, verify it.

Content is addressed by its SHA-256 and stored once per vault. Adding is all-or-nothing: the
sealed chunks are written to fresh pack files under ``packs-staging/`` and flushed first, then
the blob is registered in ONE database transaction, in which the caller's own rows (evidence
record, custody entry) are written by the ``on_commit`` hook and, last before the COMMIT, the
packs are moved into ``packs/``. A crash before that move leaves only staged packs, which
:func:`sweep_orphans` deletes on the next open; a crash after it leaves packs it quarantines.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

import sqlcipher3

from lawnotebook.vault.database import Connection
from lawnotebook.vault.evidence.errors import BlobCorrupt, BlobNotFound, StorageFull
from lawnotebook.vault.evidence.format import (
    CHUNK_SIZE,
    CHUNKS_PER_PACK,
    DEFAULT_CIPHER,
    KEY_SIZE,
    aead,
    new_blob_id,
    padded_size,
)
from lawnotebook.vault.evidence.intake import Cancel, Progress, SealedStream, seal_stream
from lawnotebook.vault.evidence.media_type import sniff_media_type
from lawnotebook.vault.evidence.packs import (
    PackSweep,
    PackWriter,
    Write,
    packs_dir,
    sweep_orphans,
)
from lawnotebook.vault.evidence.reader import BlobReader, load_blob
from lawnotebook.vault.evidence.source import Source, SourceReader

if TYPE_CHECKING:
    from lawnotebook.vault.vault import Vault  # which imports this package

_SQLITE_FULL = 13


class StoreOptions(TypedDict, total=False):
    """The keyword arguments of :class:`EvidenceStore` after the root and the connection."""

    cipher: str
    chunks_per_pack: int
    write: Write


@dataclass(frozen=True)
class BlobInfo:
    """One stored content: its SHA-256 (lowercase hex), size in bytes and media type.

    ``deduplicated`` is True when :meth:`EvidenceStore.put` found the content already stored.
    """

    sha256: str
    size: int
    media_type: str
    deduplicated: bool = False


OnCommit = Callable[[Connection, BlobInfo], None]


@dataclass(frozen=True)
class StagedBlob:
    """Content sealed into packs but not yet named in the database (see ``stage``)."""

    sealed: SealedStream
    names: list[str]
    key: bytes
    blob_id: bytes
    media_type: str
    writer: PackWriter

    @property
    def sha256(self) -> str:
        return self.sealed.sha256

    @property
    def size(self) -> int:
        return self.sealed.size


class EvidenceStore:
    """Evidence blobs of the vault at ``root`` whose database is ``conn``.

    The connection must not be inside a transaction when :meth:`put` is called; callers
    serialise use of the connection across threads (sqlite3 connections are not re-entrant).
    """

    def __init__(
        self,
        root: Path,
        conn: Connection,
        *,
        cipher: str = DEFAULT_CIPHER,
        chunks_per_pack: int = CHUNKS_PER_PACK,
        write: Write = os.write,
    ) -> None:
        self.root = Path(root)
        self._conn = conn
        self._cipher = cipher
        self._chunks_per_pack = chunks_per_pack
        self._write = write  # injectable so tests can fill the disk

    @classmethod
    def for_vault(cls, vault: Vault, **options: Unpack[StoreOptions]) -> EvidenceStore:
        """The store of an open :class:`~lawnotebook.vault.vault.Vault`."""
        return cls(vault.paths.root, vault.connection, **options)

    @property
    def packs(self) -> Path:
        return packs_dir(self.root)

    def put(
        self,
        source: Source,
        *,
        file_name: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        on_commit: OnCommit | None = None,
    ) -> BlobInfo:
        """Store a file (path or binary file-like) and return what was stored.

        ``progress(done, total)`` is called per chunk (``total`` is None for a file-like);
        ``cancel()`` returning True stops with :class:`IntakeCancelled`. ``on_commit(conn,
        info)`` runs inside the registering transaction, also when the content was already
        stored; if it raises, nothing is stored. Raises :class:`SourceUnreadable` (or
        :class:`SourceChanged`), :class:`IntakeCancelled` or :class:`StorageFull`, each
        leaving no trace in the vault.
        """
        if self._conn.in_transaction:
            raise RuntimeError("EvidenceStore.put() must not run inside a transaction")
        staged = self.stage(source, file_name=file_name, progress=progress, cancel=cancel)
        try:
            info = self._register(staged, on_commit)
        except BaseException:
            self.discard(staged)
            raise
        self.settle(staged, info)
        return info

    def stage(
        self,
        source: Source,
        *,
        file_name: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> StagedBlob:
        """Write a file's sealed chunks to fresh packs without registering it yet.

        For work that must register several blobs in one transaction of its own (opening a
        bundle): call :meth:`register` inside that transaction, then :meth:`settle` after
        the commit, or :meth:`discard` if it did not happen. Until registered, the packs are
        staged and the next open's sweep removes them should the process die.
        """
        reader = SourceReader(source)
        if file_name is None:
            named = reader.path or getattr(source, "name", None)
            file_name = os.path.basename(named) if isinstance(named, str | Path) else None
        key, blob_id = os.urandom(KEY_SIZE), new_blob_id()
        writer = PackWriter(self.root, self._chunks_per_pack, write=self._write)
        try:
            try:
                sealed = seal_stream(
                    reader,
                    writer,
                    aead(self._cipher, key),
                    blob_id,
                    progress=progress,
                    cancel=cancel,
                )
                reader.check_unchanged()
            finally:
                reader.close()
            names = writer.finish()
        except BaseException:
            writer.discard()
            raise
        media_type = sniff_media_type(sealed.head, file_name)
        return StagedBlob(sealed, names, key, blob_id, media_type, writer)

    def register(self, staged: StagedBlob) -> BlobInfo:
        """Name a staged blob in the database and move its packs into ``packs/``, inside the
        caller's open transaction (commit it soon: a crash until then quarantines the packs)."""
        info = self._name(staged)
        if not info.deduplicated:
            staged.writer.promote()
        return info

    def _name(self, staged: StagedBlob) -> BlobInfo:
        if not self._conn.in_transaction:
            raise RuntimeError("EvidenceStore.register() must run inside a transaction")
        row = self._conn.execute(
            "SELECT size, media_type FROM evidence_blob WHERE sha256 = ?",
            (staged.sha256,),
        ).fetchone()
        if row is not None:
            return BlobInfo(staged.sha256, row[0], row[1], deduplicated=True)
        self._insert(staged.sealed, staged.names, staged.key, staged.blob_id, staged.media_type)
        return BlobInfo(staged.sha256, staged.size, staged.media_type)

    def settle(self, staged: StagedBlob, info: BlobInfo) -> None:
        """After the registering commit: drop surplus packs of a duplicate, keep the rest."""
        if info.deduplicated:
            staged.writer.discard()  # the content was already here: our fresh packs are surplus
        else:
            staged.writer.release()

    def discard(self, staged: StagedBlob) -> None:
        """Remove a staged blob's packs (its registration did not commit)."""
        staged.writer.discard()

    def _register(self, staged: StagedBlob, on_commit: OnCommit | None) -> BlobInfo:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                info = self._name(staged)
                if on_commit is not None:
                    on_commit(conn, info)
                if not info.deduplicated:
                    staged.writer.promote()  # last before the COMMIT: the crash window is short
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlcipher3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL or "full" in str(exc):
                raise StorageFull("the disk is full: registering evidence") from exc
            raise
        return info

    def _insert(
        self, sealed: SealedStream, names: list[str], key: bytes, blob_id: bytes, media: str
    ) -> None:
        conn = self._conn
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = conn.execute(
            "INSERT INTO evidence_blob (blob_id, sha256, size, padded_size, chunk_size, cipher,"
            " key, media_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (blob_id, sealed.sha256, sealed.size, padded_size(sealed.size), CHUNK_SIZE,
             self._cipher, key, media, now),
        )  # fmt: skip
        blob = cur.lastrowid
        sizes: dict[str, int] = {}
        for _, name, at, length in sealed.chunks:
            sizes[name] = max(sizes.get(name, 0), at + length)
        pack_ids = {}
        for name in names:
            cur = conn.execute(
                "INSERT INTO evidence_pack (name, blob, size) VALUES (?, ?, ?)",
                (name, blob, sizes[name]),
            )
            pack_ids[name] = cur.lastrowid
        conn.executemany(
            "INSERT INTO evidence_chunk (blob, idx, pack, start, length) VALUES (?, ?, ?, ?, ?)",
            ((blob, idx, pack_ids[name], at, length) for idx, name, at, length in sealed.chunks),
        )

    # -- reading --------------------------------------------------------------------------

    def info(self, sha256: str) -> BlobInfo:
        """What is stored under ``sha256``; raises :class:`BlobNotFound`."""
        row = self._conn.execute(
            "SELECT size, media_type FROM evidence_blob WHERE sha256 = ?", (sha256.lower(),)
        ).fetchone()
        if row is None:
            raise BlobNotFound(f"no evidence with SHA-256 {sha256}")
        return BlobInfo(sha256.lower(), row[0], row[1])

    def contains(self, sha256: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM evidence_blob WHERE sha256 = ?", (sha256.lower(),)
        ).fetchone() is not None  # fmt: skip

    def open_blob(self, sha256: str) -> BlobReader:
        """A seekable binary reader of the plaintext; every chunk is authenticated as read.

        Raises :class:`BlobNotFound`; reading raises :class:`BlobCorrupt` or
        :class:`BlobMissing`. The reader does not use the connection after opening.
        """
        return BlobReader(load_blob(self._conn, self.packs, sha256))

    def verify_blob(self, sha256: str) -> BlobInfo:
        """Decrypt every chunk (padding too) and re-hash; raises :class:`BlobCorrupt`."""
        layout = load_blob(self._conn, self.packs, sha256)
        with BlobReader(layout) as reader:
            digest = reader.hash_all()
        if digest != layout.sha256:
            raise BlobCorrupt(f"evidence {sha256} no longer matches its SHA-256")
        return BlobInfo(layout.sha256, layout.size, layout.media_type)

    def sweep_orphans(self) -> PackSweep:
        """Delete staged leftovers, quarantine unnamed packs (see :func:`sweep_orphans`)."""
        return sweep_orphans(self.root, self._conn)
