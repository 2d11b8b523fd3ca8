"""Sweeping removes what a failed intake left, never a committed pack or one being written."""

from __future__ import annotations

import os

from lawnotebook.vault.evidence import EvidenceStore, sweep_orphans
from lawnotebook.vault.evidence.format import CHUNK_SIZE


def test_sweep_removes_only_unnamed_packs(store: EvidenceStore, make_file, vault) -> None:
    info = store.put(make_file(3 * CHUNK_SIZE))
    kept = set(os.listdir(store.packs))
    orphan = store.packs / ("ab" * 16)
    orphan.write_bytes(os.urandom(5000))
    stranger = store.packs / "notes.txt"  # not a pack name: not ours to delete
    stranger.write_bytes(b"x")
    assert sweep_orphans(vault.paths.root, vault.connection) == 1
    assert set(os.listdir(store.packs)) == kept | {"notes.txt"}
    assert store.verify_blob(info.sha256).size == 3 * CHUNK_SIZE


def test_sweep_without_packs_folder(vault) -> None:
    assert sweep_orphans(vault.paths.root, vault.connection) == 0


def test_sweep_during_an_intake_leaves_its_packs(small_packs, make_file, vault) -> None:
    data_path = make_file(6 * CHUNK_SIZE)
    swept = []

    def sweep_mid_way(done: int, total: int | None) -> None:
        if done == 4 * CHUNK_SIZE:  # two packs of this intake exist, none registered yet
            assert len(os.listdir(small_packs.packs)) >= 1
            swept.append(sweep_orphans(vault.paths.root, vault.connection))

    info = small_packs.put(data_path, progress=sweep_mid_way)
    assert swept == [0]
    assert small_packs.verify_blob(info.sha256).size == 6 * CHUNK_SIZE
