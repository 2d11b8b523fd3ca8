"""Hostile key headers: a typed "damaged header" refusal, fast, never a traceback (issue 15.7).

Deep nesting, a huge integer, a ``true`` or ``1.0`` where the version goes, and KDF costs that
today's reader would have run for minutes: each is refused while parsing, before any Argon2id
runs, as :class:`HeaderCorrupt`, which the CLI and the window report as damage, not as a wrong
passphrase.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.crypto.keywrap import (
    MAX_KDF_WORK_KIB,
    MAX_MEMORY_KIB,
    PREFERRED_MEMORY_KIB,
    Argon2Params,
    KdfParametersRejected,
    calibrate_argon2,
)
from lawnotebook.vault.errors import HeaderCorrupt, VaultTooNew
from lawnotebook.vault.header import MAX_HEADER_BYTES, VaultHeader
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE, snapshot


def _doc(new_vault) -> dict:
    path, _ = new_vault
    return json.loads((path / "vault.header").read_bytes())


def _refused(path, data: bytes, error=HeaderCorrupt) -> None:
    (path / "vault.header").write_bytes(data)
    before = snapshot(path)
    with pytest.raises(error):
        VaultHeader.from_bytes(data)
    with pytest.raises(error):
        Vault.open_with_passphrase(path, PASSPHRASE)
    assert snapshot(path) == before


@pytest.mark.parametrize("depth", [1_000, 30_000])
def test_deeply_nested_header_is_damaged(new_vault, depth):
    path, _ = new_vault
    text = json.dumps(_doc(new_vault))
    _refused(path, b"[" * depth + b"]" * depth)
    nested = text.replace('"slots": {', '"x": ' + "[" * depth + "]" * depth + ', "slots": {', 1)
    _refused(path, nested.encode()[:MAX_HEADER_BYTES])


def test_huge_integer_is_damaged(new_vault):
    path, _ = new_vault
    doc = _doc(new_vault)
    text = json.dumps(doc).replace('"memory_kib": 8192', '"memory_kib": ' + "9" * 5000)
    _refused(path, text.encode())
    text = json.dumps(doc).replace('"version": 1', '"version": ' + "9" * 5000)
    _refused(path, text.encode())


@pytest.mark.parametrize("version", ["true", "1.0", "1e0", '"1"', "null"])
def test_version_must_be_the_integer_one(new_vault, version):
    path, _ = new_vault
    text = json.dumps(_doc(new_vault)).replace('"version": 1', f'"version": {version}')
    _refused(path, text.encode())


def test_newer_integer_version_is_too_new_but_a_bool_is_not(new_vault):
    path, _ = new_vault
    text = json.dumps(_doc(new_vault)).replace('"version": 1', '"version": 2')
    _refused(path, text.encode(), VaultTooNew)


@pytest.mark.parametrize(
    ("memory_kib", "iterations"),
    [
        (4 * 1024 * 1024, 64),  # inside the old bounds: minutes and 4 GiB per unlock
        (4 * 1024 * 1024, 1),  # 4 GiB once
        (MAX_MEMORY_KIB, MAX_KDF_WORK_KIB // MAX_MEMORY_KIB + 1),
        (PREFERRED_MEMORY_KIB, 64),
    ],
)
def test_kdf_costs_beyond_a_few_seconds_are_damaged_not_a_wrong_passphrase(
    new_vault, memory_kib, iterations
):
    path, _ = new_vault
    doc = _doc(new_vault)
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = memory_kib
    doc["slots"]["passphrase"]["kdf"]["iterations"] = iterations
    _refused(path, json.dumps(doc).encode())


def test_cost_bound_is_a_small_multiple_of_the_default():
    # What calibration picks on a typical laptop (256 MiB, a few passes) fits several times.
    assert MAX_MEMORY_KIB <= 4 * PREFERRED_MEMORY_KIB
    assert 8 * PREFERRED_MEMORY_KIB <= MAX_KDF_WORK_KIB <= 16 * PREFERRED_MEMORY_KIB
    Argon2Params(PREFERRED_MEMORY_KIB, 16, 4, b"s" * 16).check_bounds()
    with pytest.raises(KdfParametersRejected):
        Argon2Params(PREFERRED_MEMORY_KIB, 17, 4, b"s" * 16).check_bounds()


def test_calibration_never_exceeds_what_readers_accept(monkeypatch):
    # A machine so fast that one pass takes no time still gets parameters readers accept.
    import lawnotebook.crypto.keywrap as keywrap

    monkeypatch.setattr(keywrap, "derive_passphrase_key", lambda p, params: b"\0" * 32)
    params = calibrate_argon2()
    params.check_bounds()
    assert params.memory_kib * params.iterations <= MAX_KDF_WORK_KIB


_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
_json = st.recursive(
    _json_leaf,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(
        ["format", "version", "vault_id", "slots", "passphrase", "recovery", "kdf", "memory_kib"]
    ),
    value=_json,
)
def test_any_value_in_any_field_is_a_typed_refusal(field, value):
    from lawnotebook.crypto.keywrap import SALT_SIZE
    from lawnotebook.vault.header import Slot

    params = Argon2Params(8192, 1, 1, b"s" * SALT_SIZE)
    header = VaultHeader("0" * 32).with_slot(
        Slot("passphrase", b"n" * 12, b"w" * 48, argon2=params)
    )
    header = header.with_slot(Slot("recovery", b"n" * 12, b"w" * 48, salt=b"s" * SALT_SIZE))
    doc = json.loads(header.to_bytes())
    targets = {
        "format": doc,
        "version": doc,
        "vault_id": doc,
        "slots": doc,
        "passphrase": doc["slots"],
        "recovery": doc["slots"],
        "kdf": doc["slots"]["passphrase"],
        "memory_kib": doc["slots"]["passphrase"]["kdf"],
    }
    targets[field][field] = value
    try:
        VaultHeader.from_bytes(json.dumps(doc).encode())
    except (HeaderCorrupt, VaultTooNew):
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_a_typed_refusal(data):
    with pytest.raises((HeaderCorrupt, VaultTooNew)):
        VaultHeader.from_bytes(data)
