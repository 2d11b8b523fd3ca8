"""Staging: several blobs written first, registered together in the caller's transaction."""

from __future__ import annotations

import io
import os

import pytest

from lawnotebook.vault.evidence import BlobNotFound, EvidenceStore
from lawnotebook.vault.evidence.packs import staging_dir
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def store(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield EvidenceStore.for_vault(vault)
    vault.close()


def _packs(store):
    """Pack files in packs/ and packs-staging/ (where a staged blob's packs wait)."""
    found = set()
    for folder in (store.packs, staging_dir(store.root)):
        found |= set(os.listdir(folder)) if folder.exists() else set()
    return found


def test_staged_blobs_commit_together(store):
    staged = [store.stage(io.BytesIO(b"first " * 1000)), store.stage(io.BytesIO(b"second"))]
    with transaction(store._conn):
        infos = [store.register(s) for s in staged]
    for s, info in zip(staged, infos, strict=True):
        store.settle(s, info)
    assert store.open_blob(staged[0].sha256).read() == b"first " * 1000
    assert store.open_blob(staged[1].sha256).read() == b"second"


def test_a_rolled_back_registration_leaves_nothing(store):
    before = _packs(store)
    staged = store.stage(io.BytesIO(b"never kept"))
    assert _packs(store) != before  # the sealed chunks are on disk, unnamed
    with pytest.raises(RuntimeError), transaction(store._conn):
        store.register(staged)
        assert set(os.listdir(store.packs)) == set(staged.names)  # moved before the COMMIT
        raise RuntimeError("something else in the bundle was wrong")
    store.discard(staged)
    assert _packs(store) == before
    with pytest.raises(BlobNotFound):
        store.info(staged.sha256)


def test_staging_known_content_keeps_one_copy(store):
    store.put(io.BytesIO(b"same bytes"))
    before = _packs(store)
    staged = store.stage(io.BytesIO(b"same bytes"))
    with transaction(store._conn):
        info = store.register(staged)
    store.settle(staged, info)
    assert info.deduplicated and _packs(store) == before


def test_register_needs_the_callers_transaction(store):
    staged = store.stage(io.BytesIO(b"x"))
    with pytest.raises(RuntimeError):
        store.register(staged)
    store.discard(staged)
