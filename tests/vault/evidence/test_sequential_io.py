"""The fast paths of sequential copies: whole chunks decrypted straight into the caller's
buffer, and pack writes done on a worker thread. Same bytes, same refusals, bounded buffers."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from lawnotebook.vault.evidence import BlobCorrupt, EvidenceStore, StorageFull
from lawnotebook.vault.evidence.format import CHUNK_SIZE, TAG_SIZE
from lawnotebook.vault.evidence.packs import PackWriter

MIB = 1024 * 1024


@pytest.mark.parametrize("buffer", [CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE])
def test_whole_chunk_reads_match_small_reads(small_packs: EvidenceStore, buffer: int) -> None:
    data = os.urandom(4 * CHUNK_SIZE + 77)  # the last chunk carries padding
    sha = small_packs.put(io.BytesIO(data)).sha256
    with small_packs.open_blob(sha) as reader:
        out = bytearray(buffer)
        got = bytearray()
        while n := reader.readinto(out):
            got += out[:n]
    assert bytes(got) == data


def test_mixed_whole_and_partial_reads(small_packs: EvidenceStore, make_file) -> None:
    data = os.urandom(3 * CHUNK_SIZE + 5)
    sha = small_packs.put(make_file(data)).sha256
    with small_packs.open_blob(sha) as reader:
        assert reader.read(10) == data[:10]  # cached chunk 0
        reader.seek(CHUNK_SIZE)
        big = bytearray(CHUNK_SIZE)
        assert reader.readinto(big) == CHUNK_SIZE  # direct path, chunk 1
        assert big == data[CHUNK_SIZE : 2 * CHUNK_SIZE]
        reader.seek(5)
        assert reader.read(20) == data[5:25]  # chunk 0 still served from the cache
        reader.seek(2 * CHUNK_SIZE)
        assert reader.read() == data[2 * CHUNK_SIZE :]


def test_altered_chunk_leaves_no_plaintext_in_the_callers_buffer(
    small_packs: EvidenceStore, make_file
) -> None:
    data = os.urandom(3 * CHUNK_SIZE)
    sha = small_packs.put(make_file(data)).sha256
    (name,) = small_packs._conn.execute(
        "SELECT p.name FROM evidence_pack p JOIN evidence_chunk c ON c.pack = p.id WHERE c.idx = 1"
    ).fetchone()
    pack = small_packs.packs / name
    raw = bytearray(pack.read_bytes())
    raw[(CHUNK_SIZE + TAG_SIZE) + 100] ^= 1  # chunk 1 is the second in its pack
    pack.write_bytes(raw)
    with small_packs.open_blob(sha) as reader:
        out = bytearray(CHUNK_SIZE)
        assert reader.readinto(out) == CHUNK_SIZE
        with pytest.raises(BlobCorrupt):
            reader.readinto(out)
    assert out == bytes(CHUNK_SIZE)


def test_pack_writer_returns_every_buffer_even_after_a_failure(tmp_path: Path) -> None:
    calls = 0

    def write(fd: int, data: memoryview) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data)

    writer = PackWriter(tmp_path, 2, write=write)
    returned = []
    chunk = memoryview(os.urandom(100))
    with pytest.raises(StorageFull):
        for i in range(50):
            writer.append(chunk, lambda i=i: returned.append(i))
        writer.finish()
    writer.discard()
    assert returned == list(range(len(returned)))  # in order, none lost
    assert len(returned) >= 3
    assert not any(Path(tmp_path, "packs").iterdir())
    assert not any(Path(tmp_path, "packs-staging").iterdir())


def test_pack_writer_places_chunks_where_it_says(tmp_path: Path) -> None:
    writer = PackWriter(tmp_path, 3)
    chunks = [os.urandom(1000 + i) for i in range(8)]
    places = [writer.append(memoryview(c)) for c in chunks]
    names = writer.finish()
    assert len(names) == 3
    writer.promote()  # from packs-staging/ into packs/
    for chunk, (name, at) in zip(chunks, places, strict=True):
        raw = (tmp_path / "packs" / name).read_bytes()
        assert raw[at : at + len(chunk)] == chunk
    writer.release()
