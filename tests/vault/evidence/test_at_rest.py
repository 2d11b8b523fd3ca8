"""No plaintext at rest: a canary stored as evidence appears in no file, in the vault or temp."""

from __future__ import annotations

import io
import os
import secrets
import tempfile
import time
from pathlib import Path

from lawnotebook.vault.evidence import EvidenceStore
from lawnotebook.vault.evidence.format import CHUNK_SIZE


def _files_touched_since(folder: Path, since: float):
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = Path(dirpath, name)
            try:
                if path.is_file() and path.stat().st_mtime >= since:
                    yield path
            except OSError:
                continue  # another process's temp file came and went


def _contains(path: Path, needles: list[bytes]) -> bool:
    """Streamed search (other processes' temp files may be large)."""
    overlap = max(map(len, needles))
    tail = b""
    try:
        with path.open("rb") as f:
            while block := f.read(1024 * 1024):
                window = tail + block
                if any(needle in window for needle in needles):
                    return True
                tail = window[-overlap:]
    except OSError:
        return False
    return False


def test_canary_is_nowhere_on_disk(store: EvidenceStore, vault) -> None:
    started = time.time() - 1
    canary = f"CANARY-{secrets.token_hex(8)}-刑讯逼供"
    needles = [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]
    # The canary sits across a chunk boundary and inside the padded last chunk.
    body = os.urandom(CHUNK_SIZE - 20) + b"".join(needles) + os.urandom(5000)
    info = store.put(io.BytesIO(body), file_name="statement.txt")  # no source file on disk
    small = store.put(io.BytesIO(b"".join(needles)))
    for sha in (info.sha256, small.sha256):
        with store.open_blob(sha) as reader:
            assert needles[0] in reader.read()
        store.verify_blob(sha)
    vault.connection.execute("PRAGMA wal_checkpoint")  # nothing pending in memory either way

    leaks = [p for p in vault.paths.root.rglob("*") if p.is_file() and _contains(p, needles)]
    assert leaks == []
    temp = Path(tempfile.gettempdir())
    leaks = [p for p in _files_touched_since(temp, started) if _contains(p, needles)]
    assert leaks == []


def test_packs_and_folder_are_private(store: EvidenceStore, make_file) -> None:
    store.put(make_file(3 * CHUNK_SIZE))
    assert store.packs.stat().st_mode & 0o777 == 0o700
    for pack in store.packs.iterdir():
        assert pack.stat().st_mode & 0o777 == 0o600
