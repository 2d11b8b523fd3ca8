"""Altered, reordered, truncated or missing pack data is refused with a typed error."""

from __future__ import annotations

import io
import os

import pytest

from lawnotebook.vault.evidence import BlobCorrupt, BlobMissing, EvidenceStore
from lawnotebook.vault.evidence.format import CHUNK_SIZE, TAG_SIZE

SEALED = CHUNK_SIZE + TAG_SIZE


def _packs_of(store: EvidenceStore, sha256: str) -> list:
    rows = store._conn.execute(
        "SELECT p.name FROM evidence_pack p JOIN evidence_blob b ON b.id = p.blob"
        " WHERE b.sha256 = ? ORDER BY p.id",
        (sha256,),
    )
    return [store.packs / name for (name,) in rows]


@pytest.fixture
def stored(small_packs: EvidenceStore, make_file):
    data = os.urandom(5 * CHUNK_SIZE + 99)
    info = small_packs.put(make_file(data))
    return small_packs, info.sha256, data


def _read_all(store, sha256) -> bytes:
    with store.open_blob(sha256) as reader:
        return reader.read()


@pytest.mark.parametrize("where", [0, SEALED - 1, SEALED + 12345])
def test_flipped_byte(stored, where) -> None:
    store, sha256, _ = stored
    pack = _packs_of(store, sha256)[1]
    raw = bytearray(pack.read_bytes())
    raw[where] ^= 0x01
    pack.write_bytes(raw)
    with pytest.raises(BlobCorrupt):
        _read_all(store, sha256)
    with pytest.raises(BlobCorrupt):
        store.verify_blob(sha256)


def test_altered_padding_chunk_is_caught_by_verify(store: EvidenceStore) -> None:
    """A chunk holding only padding is never needed to read, but verify_blob checks it."""
    size = 64 * CHUNK_SIZE + 1  # padded to 66 MiB: chunk 65 is all padding
    sha256 = store.put(io.BytesIO(bytes(size))).sha256
    last = _packs_of(store, sha256)[-1]
    raw = bytearray(last.read_bytes())
    raw[-TAG_SIZE - 1] ^= 0x80
    last.write_bytes(raw)
    with store.open_blob(sha256) as reader:
        assert len(reader.read()) == size
    with pytest.raises(BlobCorrupt):
        store.verify_blob(sha256)


def test_swapped_chunks(stored) -> None:
    store, sha256, _ = stored
    pack = _packs_of(store, sha256)[0]
    raw = pack.read_bytes()
    pack.write_bytes(raw[SEALED:] + raw[:SEALED])
    with pytest.raises(BlobCorrupt):
        _read_all(store, sha256)


def test_chunk_moved_from_another_blob(small_packs, make_file) -> None:
    a = small_packs.put(make_file(3 * CHUNK_SIZE)).sha256
    b = small_packs.put(make_file(3 * CHUNK_SIZE)).sha256
    pack_a, pack_b = _packs_of(small_packs, a)[0], _packs_of(small_packs, b)[0]
    pack_a.write_bytes(pack_b.read_bytes())
    with pytest.raises(BlobCorrupt):
        small_packs.verify_blob(a)


def test_truncated_pack(stored) -> None:
    store, sha256, _ = stored
    last = _packs_of(store, sha256)[-1]
    os.truncate(last, last.stat().st_size - 1)
    with pytest.raises(BlobCorrupt):
        store.verify_blob(sha256)


def test_dropped_last_chunk_is_not_a_shorter_blob(stored) -> None:
    """Re-pointing the index past the end chunk fails: the end flag is in the AAD."""
    store, sha256, _ = stored
    conn = store._conn
    blob = conn.execute("SELECT id FROM evidence_blob WHERE sha256 = ?", (sha256,)).fetchone()[0]
    conn.execute("DELETE FROM evidence_chunk WHERE blob = ? AND idx = 5", (blob,))
    conn.execute(
        "UPDATE evidence_blob SET size = ?, padded_size = ? WHERE id = ?",
        (5 * CHUNK_SIZE, 5 * CHUNK_SIZE, blob),
    )
    with pytest.raises(BlobCorrupt):
        store.verify_blob(sha256)


def test_missing_pack(stored) -> None:
    store, sha256, data = stored
    _packs_of(store, sha256)[1].unlink()
    with store.open_blob(sha256) as reader:
        assert reader.read(CHUNK_SIZE) == data[:CHUNK_SIZE]  # the first pack is still there
        with pytest.raises(BlobMissing):
            reader.read()
    with pytest.raises(BlobMissing):
        store.verify_blob(sha256)


def test_good_blob_still_verifies(stored) -> None:
    store, sha256, data = stored
    assert store.verify_blob(sha256).size == len(data)
    assert _read_all(store, sha256) == data
