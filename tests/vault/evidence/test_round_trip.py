"""What goes in comes back: byte-exact at every chunk boundary, hashed, de-duplicated."""

from __future__ import annotations

import hashlib
import io
import os

import pytest

from lawnotebook.vault.evidence import BlobInfo, BlobNotFound, EvidenceStore
from lawnotebook.vault.evidence.format import CHUNK_SIZE, TAG_SIZE, padded_size

MIB = 1024 * 1024


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 50 * MIB], ids=str
)
def test_round_trip_is_byte_exact(store: EvidenceStore, make_file, size: int) -> None:
    data = os.urandom(size)
    info = store.put(make_file(data))
    assert info == BlobInfo(hashlib.sha256(data).hexdigest(), size, info.media_type, False)
    with store.open_blob(info.sha256) as reader:
        assert reader.read() == data
    assert store.verify_blob(info.sha256).sha256 == info.sha256


def test_file_like_source_and_small_reads(store: EvidenceStore) -> None:
    data = os.urandom(3 * CHUNK_SIZE + 12345)
    info = store.put(io.BytesIO(data), file_name="interview.wav")
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    out = bytearray()
    with store.open_blob(info.sha256) as reader:
        while block := reader.read(100_000):  # reads that straddle chunk boundaries
            out += block
    assert out == data


def test_seek_and_readinto(store: EvidenceStore) -> None:
    data = os.urandom(2 * CHUNK_SIZE + 777)
    info = store.put(io.BytesIO(data))
    with store.open_blob(info.sha256) as reader:
        assert reader.seekable() and reader.size == len(data)
        for offset in (CHUNK_SIZE + 5, 3, 2 * CHUNK_SIZE, len(data) - 1, len(data)):
            reader.seek(offset)
            buf = bytearray(10)
            n = reader.readinto(buf)
            assert bytes(buf[:n]) == data[offset : offset + 10]
        reader.seek(-4, io.SEEK_END)
        assert reader.read() == data[-4:]
        assert reader.read(5) == b""


def test_same_content_is_stored_once(store: EvidenceStore, make_file, vault) -> None:
    data = os.urandom(CHUNK_SIZE * 2 + 5)
    first = store.put(make_file(data, "photo.jpg"))
    packs_after_first = sorted(os.listdir(store.packs))
    second = store.put(make_file(data, "copy of photo.jpg"))
    assert (first.deduplicated, second.deduplicated) == (False, True)
    assert (first.sha256, first.size) == (second.sha256, second.size)
    assert sorted(os.listdir(store.packs)) == packs_after_first
    assert vault.connection.execute("SELECT count(*) FROM evidence_blob").fetchone() == (1,)


def test_on_commit_runs_for_new_and_for_duplicate_content(store, make_file, vault) -> None:
    vault.connection.execute("CREATE TABLE custody (sha256 TEXT, dup INTEGER)")
    seen = []

    def record(conn, info: BlobInfo) -> None:
        assert conn.in_transaction
        conn.execute("INSERT INTO custody VALUES (?, ?)", (info.sha256, info.deduplicated))
        seen.append(info)

    source = make_file(4096)
    store.put(source, on_commit=record)
    store.put(source, on_commit=record)
    rows = vault.connection.execute("SELECT sha256, dup FROM custody").fetchall()
    assert rows == [(seen[0].sha256, 0), (seen[0].sha256, 1)]


def test_stored_sizes_are_padded_buckets(store: EvidenceStore, make_file, vault) -> None:
    for size in (10, 5000, CHUNK_SIZE + 1):
        info = store.put(make_file(size))
        blob = vault.connection.execute(
            "SELECT id FROM evidence_blob WHERE sha256 = ?", (info.sha256,)
        ).fetchone()[0]
        names = [
            r[0]
            for r in vault.connection.execute(
                "SELECT name FROM evidence_pack WHERE blob = ?", (blob,)
            )
        ]
        on_disk = sum((store.packs / name).stat().st_size for name in names)
        chunks = -(-padded_size(size) // CHUNK_SIZE)
        assert on_disk == padded_size(size) + chunks * TAG_SIZE
        assert all(len(name) == 32 for name in names)


def test_unknown_blob(store: EvidenceStore) -> None:
    with pytest.raises(BlobNotFound):
        store.open_blob("0" * 64)
    with pytest.raises(BlobNotFound):
        store.verify_blob("0" * 64)
    with pytest.raises(BlobNotFound):
        store.info("0" * 64)
    assert not store.contains("0" * 64)


def test_media_type_is_sniffed_at_intake(store: EvidenceStore, make_file) -> None:
    pdf = store.put(make_file(b"%PDF-1.7\n" + os.urandom(100), "scan"))
    text = store.put(make_file("讯问笔录 interview notes\n".encode(), "notes"))
    assert (pdf.media_type, text.media_type) == ("application/pdf", "text/plain")
    assert store.info(pdf.sha256).media_type == "application/pdf"


def test_store_for_vault_and_name_from_an_open_file(vault, make_file) -> None:
    path = make_file(b"just text, no magic", "statement.md")
    with path.open("rb") as opened:
        info = EvidenceStore.for_vault(vault).put(opened)
    assert info.media_type == "text/markdown"  # the open file's name was used
