"""BackgroundWriter: the bundle file is written and flushed on worker threads while we encrypt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawnotebook.core.streams import BackgroundWriter


def _fd(path: Path) -> int:
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)


@pytest.mark.parametrize("block", [7, 64, 1 << 16])
def test_background_writer_writes_everything_in_order(tmp_path: Path, block: int) -> None:
    data = os.urandom(300_001)
    path = tmp_path / "out"
    fd = _fd(path)
    try:
        # A tiny pool and sync interval: the workers and the pool recycle many times.
        sink = BackgroundWriter(fd, block_size=block, blocks=2, sync_every=1000)
        view, at = memoryview(data), 0
        step = 1
        while at < len(data):
            piece = view[at : at + step]
            if len(piece) <= block and step % 2:
                sink.reserve(len(piece))[:] = piece
                sink.commit(len(piece))
            else:
                sink.write(piece)
            at += len(piece)
            step = step * 3 % 4099 + 1
        assert sink.finish() == len(data)
    finally:
        os.close(fd)
    assert path.read_bytes() == data


def test_background_writer_partial_commit(tmp_path: Path) -> None:
    path = tmp_path / "out"
    fd = _fd(path)
    try:
        sink = BackgroundWriter(fd, block_size=16, blocks=2)
        sink.reserve(10)[:4] = b"abcd"
        sink.commit(4)  # only what was committed is written
        sink.write(b"efgh" * 10)
        sink.finish()
    finally:
        os.close(fd)
    assert path.read_bytes() == b"abcd" + b"efgh" * 10


def test_background_writer_surfaces_a_write_error(tmp_path: Path) -> None:
    read_only = os.open(tmp_path / "ro", os.O_RDONLY | os.O_CREAT, 0o600)  # write() fails
    try:
        sink = BackgroundWriter(read_only, block_size=8, blocks=2)
        with pytest.raises(OSError):
            for _ in range(1000):  # the error reaches the producer, which never deadlocks
                sink.write(b"12345678")
            sink.finish()
        sink.abort()
    finally:
        os.close(read_only)


def test_background_writer_refuses_oversized_reservations(tmp_path: Path) -> None:
    fd = _fd(tmp_path / "out")
    try:
        sink = BackgroundWriter(fd, block_size=8, blocks=1)
        with pytest.raises(ValueError):
            sink.reserve(9)
        sink.finish()
        with pytest.raises(ValueError):
            sink.write(b"late")
    finally:
        os.close(fd)


def test_background_writer_abort_writes_nothing_more(tmp_path: Path) -> None:
    path = tmp_path / "out"
    fd = _fd(path)
    try:
        sink = BackgroundWriter(fd, block_size=8, blocks=2)
        sink.write(b"x" * 7)  # still in the current block, never submitted
        sink.abort()
        with pytest.raises(OSError):
            sink.write(b"y")
    finally:
        os.close(fd)
    assert path.read_bytes() == b""
