"""A backup generation's manifest (generation.json, docs/vault-format.md "Backups"): what the
writer writes reads back, and bytes from a hostile drive are a BackupDamaged, nothing else."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.vault.backup.errors import BackupDamaged
from lawnotebook.vault.backup.layout import Manifest, backup_folder_name

_PACK = st.text("0123456789abcdef", min_size=32, max_size=32)
_COUNTER = st.integers(min_value=0, max_value=2**62)


@given(
    st.text(min_size=1, max_size=40),
    _COUNTER,
    _COUNTER,
    _COUNTER,
    st.dictionaries(_PACK, st.integers(min_value=0, max_value=2**40), max_size=20),
)
def test_what_is_written_reads_back(vault_id, generation, vault_generation, changes, packs):
    manifest = Manifest(
        vault_id, generation, vault_generation, changes, "2026-12-02T18:00:00Z", packs
    )
    assert Manifest.parse(manifest.to_json()) == manifest


@given(st.binary(max_size=300))
def test_any_bytes_are_a_manifest_or_backup_damaged(data):
    try:
        Manifest.parse(data)
    except BackupDamaged:
        pass


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_any_json_is_a_manifest_or_backup_damaged(value):
    body = {"format": "lawnotebook-backup/1", "vault_id": "v", "generation": 1,
            "vault_generation": 1, "vault_changes": 0, "made_at": "t", "packs": value}  # fmt: skip
    for data in (json.dumps(value).encode(), json.dumps(body).encode()):
        try:
            Manifest.parse(data)
        except BackupDamaged:
            pass


def test_a_negative_counter_or_a_bad_pack_name_is_refused():
    good = Manifest("v", 1, 2, 3, "t", {"a" * 32: 5})
    for field, bad in (("generation", -1), ("vault_changes", True), ("packs", {"../x": 1})):
        raw = json.loads(good.to_json())
        raw[field] = bad
        try:
            Manifest.parse(json.dumps(raw).encode())
        except BackupDamaged:
            continue
        raise AssertionError(f"{field}={bad!r} was accepted")


def test_the_folder_name_is_stable_and_reveals_only_a_hash():
    vault_id = "0123456789abcdef0123456789abcdef"
    name = backup_folder_name(vault_id)
    assert name == backup_folder_name(vault_id) != backup_folder_name("f" * 32)
    assert name.startswith("lnb-") and len(name) == 20 and vault_id[:16] not in name
