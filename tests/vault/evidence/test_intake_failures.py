"""Every failed intake raises its own error and leaves the vault exactly as it was."""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from lawnotebook.vault.evidence import (
    EvidenceStore,
    IntakeCancelled,
    SourceChanged,
    SourceUnreadable,
    StorageFull,
)
from lawnotebook.vault.evidence import source as source_module
from lawnotebook.vault.evidence.format import CHUNK_SIZE
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

MIB = 1024 * 1024


class FailingReader(io.RawIOBase):
    """A source that delivers ``good`` bytes and then fails like a yanked USB stick."""

    def __init__(self, good: int) -> None:
        self._left = good

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        if self._left <= 0:
            raise OSError(errno.EIO, "Input/output error")
        n = min(len(buf), self._left)
        buf[:n] = b"x" * n
        self._left -= n
        return n


def _put_fails(store, state, error, source, **kwargs):
    before = state()
    with pytest.raises(error) as info:
        store.put(source, **kwargs)
    assert state() == before
    return info.value


def test_missing_file(store, state, tmp_path) -> None:
    exc = _put_fails(store, state, SourceUnreadable, tmp_path / "nope.pdf")
    assert isinstance(exc.__cause__, FileNotFoundError)


def test_permission_denied(store, state, make_file, monkeypatch) -> None:
    path = make_file(1000)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the kernel's answer explicit
        real_open = os.open

        def deny(p, *args, **kwargs):  # type: ignore[no-untyped-def]
            if Path(p) == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(p))
            return real_open(p, *args, **kwargs)

        monkeypatch.setattr(source_module.os, "open", deny)
    exc = _put_fails(store, state, SourceUnreadable, path)
    assert isinstance(exc.__cause__, PermissionError)


def test_a_folder_is_not_a_file(store, state, tmp_path) -> None:
    _put_fails(store, state, SourceUnreadable, tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once(store, state, tmp_path) -> None:
    # Opening a FIFO for reading waits for a writer: the intake hung on a dropped pipe.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = threading.Event()
    result: list[BaseException] = []

    def run() -> None:
        try:
            with pytest.raises(SourceUnreadable, match="not a regular file"):
                source_module.SourceReader(pipe)
        except BaseException as exc:  # reported below
            result.append(exc)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    if not done.wait(10):
        with open(pipe, "wb"):  # unblock the reader so the thread ends
            pass
        pytest.fail("adding a named pipe waited for a writer")
    assert result == []
    _put_fails(store, state, SourceUnreadable, pipe)  # and the store is left as it was


def test_read_error_mid_way(small_packs, state) -> None:
    exc = _put_fails(small_packs, state, SourceUnreadable, FailingReader(5 * MIB + 10))
    assert isinstance(exc.__cause__, OSError)


def test_text_stream_is_refused(store, state) -> None:
    _put_fails(store, state, SourceUnreadable, io.StringIO("not bytes"))


@pytest.mark.parametrize("change", ["shrink", "grow", "delete", "modify", "replace"])
def test_file_changed_while_read(small_packs, state, make_file, change) -> None:
    path = make_file(6 * MIB)

    def meddle(done: int, total: int | None) -> None:
        if done != 2 * MIB:
            return
        if change == "shrink":
            os.truncate(path, 3 * MIB)
        elif change == "grow":
            with path.open("ab") as f:
                f.write(b"more")
        elif change == "delete":
            path.unlink()
        elif change == "modify":
            with path.open("r+b") as f:
                f.write(b"edited")
            os.utime(path, ns=(0, 0))
        else:
            path.rename(path.with_suffix(".old"))
            path.write_bytes(b"a different file")

    _put_fails(small_packs, state, SourceChanged, path, progress=meddle)


def test_cancel_mid_way(small_packs, state, make_file) -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 4

    _put_fails(small_packs, state, IntakeCancelled, make_file(8 * MIB), cancel=cancel)
    assert len(calls) == 5


def test_failing_on_commit_stores_nothing(store, state, make_file) -> None:
    def broken(conn, info) -> None:  # type: ignore[no-untyped-def]
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("the caller's own insert failed")

    _put_fails(store, state, RuntimeError, make_file(3 * MIB), on_commit=broken)
    tables = store._conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'")
    assert tables.fetchall() == []


def test_put_inside_a_transaction_is_a_programming_error(store, make_file) -> None:
    store._conn.execute("BEGIN")
    try:
        with pytest.raises(RuntimeError):
            store.put(make_file(10))
    finally:
        store._conn.execute("ROLLBACK")


@pytest.mark.parametrize("fail_after", [0, 100, 3 * MIB + 5])
def test_disk_full_injected(vault, state, make_file, fail_after) -> None:
    written = 0

    def write(fd: int, data: memoryview) -> int:
        nonlocal written
        if written + len(data) > fail_after:
            raise OSError(errno.ENOSPC, "No space left on device")
        written += len(data)
        return os.write(fd, data)

    store = EvidenceStore(vault.paths.root, vault.connection, chunks_per_pack=2, write=write)
    exc = _put_fails(store, state, StorageFull, make_file(6 * MIB + 1))
    assert exc.__cause__.errno == errno.ENOSPC


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the injected writer covers a full disk")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_disk_full_on_a_real_small_disk(tiny_disk, make_file) -> None:
    vault, _ = Vault.create(tiny_disk / "vault", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        store = EvidenceStore(vault.paths.root, vault.connection, chunks_per_pack=2)
        kept = store.put(make_file(CHUNK_SIZE))
        files_before = sorted(p.name for p in vault.paths.root.rglob("*"))
        with pytest.raises(StorageFull):
            store.put(make_file(12 * MIB))
        assert sorted(p.name for p in vault.paths.root.rglob("*")) == files_before
        assert vault.connection.execute("SELECT count(*) FROM evidence_blob").fetchone() == (1,)
        assert store.verify_blob(kept.sha256).size == CHUNK_SIZE
        # the space came back: a file that fits still goes in
        assert store.put(make_file(2 * MIB)).size == 2 * MIB
