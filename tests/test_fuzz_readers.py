"""Fuzz the readers that take bytes from outside: the vault's key header and a colleague's key
card. Random and structured hostile input (deep nesting, numbers past Python's digit limit,
wrong types, invalid UTF-8, huge sizes) may only ever raise the reader's own typed error, never
a bare ValueError, RecursionError or MemoryError, and reading it stays within a small, fixed
amount of memory whatever the input claims. (The bundle opener has its own fuzz tests in
tests/bundle/test_hostile_json.py: random bytes, and signed manifests and record lines with any
field set to any value.)"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.crypto.identity import (
    MAX_CARD_BYTES,
    KeyCard,
    KeyCardError,
    LawyerIdentity,
    card_text_from_bytes,
    read_card_text,
)
from lawnotebook.services.vault_access import Vault
from lawnotebook.vault.errors import HeaderCorrupt, VaultError
from lawnotebook.vault.header import MAX_HEADER_BYTES, VaultHeader, read_header
from support import FAST_KDF, PASSPHRASE

MEMORY_BOUND = 16 << 20  # what one read may allocate at its peak, whatever the input
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def within_memory(read: Callable[[], object], errors: type[BaseException] | tuple) -> None:
    """Run ``read``: it returns or raises one of ``errors``, allocating under the bound."""
    tracemalloc.start()
    try:
        try:
            read()
        except errors:
            pass
        except LawnotebookError as exc:  # typed, but not the reader's own family
            pytest.fail(f"{type(exc).__name__} escaped where {errors} was expected: {exc}")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"reading took {peak >> 20} MiB at its peak"


# -- hostile JSON -------------------------------------------------------------------------------

HUGE_INT = "9" * 5000  # past sys.get_int_max_str_digits() (4300): int() raises ValueError
DEEP = 20_000  # far past the JSON parser's recursion limit, yet under the 64 KiB caps


def deep(opener: str, closer: str, depth: int = DEEP) -> str:
    return opener * depth + closer * depth


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.just(HUGE_INT),  # spliced in raw below, so it stays a number, not a string
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


def to_json(value: Any) -> str:
    """JSON text of ``value``, with HUGE_INT strings written as bare numbers."""
    return json.dumps(value, ensure_ascii=False).replace(f'"{HUGE_INT}"', HUGE_INT)


def hostile_texts(valid: dict[str, Any]) -> st.SearchStrategy[bytes]:
    """Documents shaped like ``valid`` with one field (at any depth) replaced by a hostile
    value, plus whole-document attacks."""
    paths = list(_paths(valid))

    @st.composite
    def one_field(draw: st.DrawFn) -> bytes:
        doc = json.loads(json.dumps(valid))
        path = draw(st.sampled_from(paths))
        marker = "\ue000HOSTILE\ue000"
        _set(doc, path, marker)
        replacement = draw(
            st.one_of(
                json_values.map(to_json),
                st.just(HUGE_INT),
                st.just("-" + HUGE_INT),
                st.just("1e999999"),
                st.just("true"),
                st.just("1.0"),
                st.just(deep("[", "]")),
                st.just(deep('{"a":', "}").replace("}" * DEEP, "1" + "}" * DEEP)),
            )
        )
        text = json.dumps(doc, ensure_ascii=False).replace(f'"{marker}"', replacement)
        return text.encode("utf-8")

    whole = st.one_of(
        st.binary(max_size=2048),
        st.just(deep("[", "]").encode()),
        st.just(HUGE_INT.encode()),
        st.just(b"\xff\xfe" + json.dumps(valid).encode("utf-16-le")),
        st.just(json.dumps(valid).encode()[:-1] + b"\x80}"),  # invalid UTF-8 at the end
        json_values.map(lambda v: to_json(v).encode()),
    )
    return st.one_of(one_field(), whole)


def _paths(doc: Any, prefix: tuple = ()) -> Any:
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))


def _set(doc: Any, path: tuple, value: Any) -> None:
    if not path:
        return
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = value


# -- the vault's key header ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def header_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("fuzz") / "vault"
    vault, _ = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    return json.loads((root / "vault.header").read_bytes())


def test_the_header_fixture_is_what_the_reader_accepts(header_doc: dict[str, Any]) -> None:
    """The structured fuzz starts from a header the reader takes, so it probes past the top."""
    assert (
        VaultHeader.from_bytes(json.dumps(header_doc).encode()).vault_id == header_doc["vault_id"]
    )


@FUZZ
@given(data=st.data())
def test_a_hostile_header_is_only_ever_a_typed_refusal(header_doc, data) -> None:  # type: ignore[no-untyped-def]
    raw = data.draw(hostile_texts(header_doc))
    within_memory(lambda: VaultHeader.from_bytes(raw), VaultError)


@pytest.mark.parametrize(
    "raw",
    [
        deep("[", "]").encode(),
        b'{"format": ' + HUGE_INT.encode() + b"}",
        b"\xc3\x28" * 10,
    ],
    ids=["deep-nesting", "huge-integer", "invalid-utf8"],
)
def test_opening_a_vault_with_a_hostile_header_says_damaged(tmp_path: Path, raw: bytes) -> None:
    """Through the front door: the vault opens to a typed 'damaged header', no traceback, and
    before any key is derived (the passphrase is never checked)."""
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    vault.close()
    (tmp_path / "v" / "vault.header").write_bytes(raw)
    with pytest.raises(HeaderCorrupt):
        Vault.open_with_passphrase(tmp_path / "v", "not even the passphrase")


def test_a_huge_header_file_is_refused_reading_no_more_than_the_cap(tmp_path: Path) -> None:
    """A 1 GiB (sparse) header: refused as damaged, having read at most the cap plus a byte."""
    path = tmp_path / "vault.header"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)
    within_memory(lambda: read_header(path), HeaderCorrupt)
    with pytest.raises(HeaderCorrupt):
        read_header(path)
    assert MAX_HEADER_BYTES <= 64 * 1024


# -- a colleague's key card ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def card_text() -> str:
    return LawyerIdentity.generate("律师 王").key_card().to_text()


def test_the_card_fixture_is_what_the_reader_accepts(card_text: str) -> None:
    assert KeyCard.from_text(card_text).display_name == "律师 王"


def read_card(raw: bytes) -> KeyCard:
    return KeyCard.from_text(card_text_from_bytes(raw))


@st.composite
def hostile_cards(draw: st.DrawFn, text: str) -> bytes:
    """The card with a span replaced by junk, bytes flipped, or cut; or junk entirely."""
    raw = text.encode("utf-8")
    how = draw(st.sampled_from(["splice", "flip", "cut", "junk", "invalid-utf8", "long-name"]))
    if how == "junk":
        return draw(st.binary(max_size=4096))
    if how == "invalid-utf8":
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80"])) + raw[at:]
    if how == "long-name":  # a name field of 50 MB claimed: hex of a huge name, past the cap
        return raw.replace(b"name:", b"name:" + b"41" * (MAX_CARD_BYTES // 2 + 1), 1)
    start = draw(st.integers(0, len(raw)))
    stop = draw(st.integers(start, min(len(raw), start + 64)))
    if how == "cut":
        return raw[:start] + raw[stop:]
    if how == "flip":
        flipped = bytearray(raw)
        if flipped:
            flipped[start % len(flipped)] ^= draw(st.integers(1, 255))
        return bytes(flipped)
    return raw[:start] + draw(st.binary(max_size=64)) + raw[stop:]


@FUZZ
@given(data=st.data())
def test_a_hostile_key_card_is_only_ever_a_typed_refusal(card_text, data) -> None:  # type: ignore[no-untyped-def]
    raw = data.draw(hostile_cards(card_text))
    within_memory(lambda: read_card(raw), KeyCardError)


def test_a_huge_key_card_file_is_refused_reading_no_more_than_the_cap(tmp_path: Path) -> None:
    """A 1 GiB (sparse) card file: refused, having read at most the cap plus a byte."""
    path = tmp_path / "colleague.card"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)
    within_memory(lambda: read_card_text(path), KeyCardError)
    with pytest.raises(KeyCardError):
        read_card_text(path)
