"""Sweeping deletes only what a killed intake left in staging, never a committed pack or one
being written; a pack no row names outside staging is quarantined, not deleted."""

from __future__ import annotations

import os

from lawnotebook.vault.evidence import EvidenceStore, sweep_orphans
from lawnotebook.vault.evidence.format import CHUNK_SIZE
from lawnotebook.vault.evidence.packs import PackSweep, quarantine_dir, staging_dir


def test_sweep_removes_only_staged_leftovers(store: EvidenceStore, make_file, vault) -> None:
    info = store.put(make_file(3 * CHUNK_SIZE))
    kept = set(os.listdir(store.packs))
    leftover = staging_dir(vault.paths.root) / ("ab" * 16)  # what a killed intake leaves
    leftover.write_bytes(os.urandom(5000))
    stranger = store.packs / "notes.txt"  # not a pack name: not ours to touch
    stranger.write_bytes(b"x")
    assert sweep_orphans(vault.paths.root, vault.connection) == PackSweep(removed=1)
    assert not leftover.exists()
    assert set(os.listdir(store.packs)) == kept | {"notes.txt"}
    assert store.verify_blob(info.sha256).size == 3 * CHUNK_SIZE


def test_an_unnamed_pack_outside_staging_is_quarantined_not_deleted(
    store: EvidenceStore, make_file, vault
) -> None:
    store.put(make_file(CHUNK_SIZE))
    kept = set(os.listdir(store.packs))
    content = os.urandom(5000)
    (store.packs / ("cd" * 16)).write_bytes(content)  # e.g. from a vault written before staging
    sweep = sweep_orphans(vault.paths.root, vault.connection)
    assert sweep == PackSweep(quarantined=1, in_quarantine=1)
    assert set(os.listdir(store.packs)) == kept
    assert (quarantine_dir(vault.paths.root) / ("cd" * 16)).read_bytes() == content
    assert sweep_orphans(vault.paths.root, vault.connection) == PackSweep(in_quarantine=1)


def test_sweep_without_packs_folder(vault) -> None:
    assert sweep_orphans(vault.paths.root, vault.connection) == PackSweep()


def test_sweep_during_an_intake_leaves_its_packs(small_packs, make_file, vault) -> None:
    data_path = make_file(6 * CHUNK_SIZE)
    swept = []
    staging = staging_dir(vault.paths.root)

    def sweep_mid_way(done: int, total: int | None) -> None:
        if done == 4 * CHUNK_SIZE:  # two packs of this intake exist, none registered yet
            assert len(os.listdir(staging)) >= 1
            swept.append(sweep_orphans(vault.paths.root, vault.connection))

    info = small_packs.put(data_path, progress=sweep_mid_way)
    assert swept == [PackSweep()]
    assert small_packs.verify_blob(info.sha256).size == 6 * CHUNK_SIZE
    assert os.listdir(staging) == []  # every pack moved into packs/ with its commit
