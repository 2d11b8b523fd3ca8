"""A stranger who holds nothing but the recipient's key card seals hostile JSON: deep nesting,
a 5,000-digit integer, NaN, duplicate keys, invalid UTF-8 — in the manifest or the record set,
correctly signed with the stranger's own key. Each is refused as a bundle error (never a
RecursionError or a bare ValueError), and the recipient's vault is unchanged."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from crafting import Inner, build, craft, parse, raw_payload, seal_to, stranger_manifest, unseal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lawyers import Lawyer
from test_hostile import MB, _peak_while, refuse

from lawnotebook.bundle import frames
from lawnotebook.bundle.errors import BundleError, BundleTampered, NotABundle
from lawnotebook.crypto.identity import LawyerIdentity

DEEP = "[" * 100_000 + "]" * 100_000  # far past the recursion limit
HUGE = "9" * 5_000  # past Python's 4,300-digit int/str conversion limit

STRANGER = LawyerIdentity.from_seeds("Sam", bytes([21]) * 32, bytes([22]) * 32, bytes([23]) * 32)


@pytest.fixture(scope="module")
def bob(tmp_path_factory) -> Lawyer:  # type: ignore[misc]
    lawyer = Lawyer(tmp_path_factory.mktemp("hostile-json"), "Bob")
    yield lawyer
    lawyer.close()


def _ok_line(extra: str = "") -> bytes:
    return b'{"t":"custody"' + extra.encode() + b"}\n"


def _manifest(records: bytes, version: int, bob: Lawyer) -> bytes:
    return stranger_manifest(STRANGER, bob.card(), records, version=version).to_bytes()


def _with_field(manifest: bytes, raw_value: str) -> bytes:
    """The manifest with its created_at replaced by raw JSON text (not re-canonicalised)."""
    doc = json.loads(manifest)
    marker = "@@VALUE@@"
    doc["created_at"] = marker
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.replace(f'"{marker}"', raw_value).encode("utf-8")


HOSTILE_VALUES = {
    "deep": DEEP,
    "huge-int": HUGE,
    "huge-negative-int": "-" + HUGE,
    "nan": "NaN",
    "deep-object": '{"a":' * 50_000 + "1" + "}" * 50_000,
}


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=list(HOSTILE_VALUES))
def test_hostile_json_in_a_signed_manifest_is_refused(bob: Lawyer, version: int, value: str):
    records = b""
    manifest = _with_field(_manifest(records, version, bob), value)
    bundle = seal_to(raw_payload(STRANGER, manifest, records, version=version), bob.card())
    peak = _peak_while(lambda: refuse(bob, bundle, BundleTampered, dry_run=True))
    assert peak < 50 * MB, f"refusing it took {peak / MB:.0f} MB"
    refuse(bob, bundle, BundleTampered, accept_unverified=True)


@pytest.mark.parametrize("version", [1, 2])
def test_a_manifest_with_a_duplicate_key_or_true_as_version_is_refused(bob: Lawyer, version):
    manifest = _manifest(b"", version, bob)
    dup = manifest[:-1] + b',"case_id":"00000000-0000-4000-8000-000000000002"}'
    bundle = seal_to(raw_payload(STRANGER, dup, b"", version=version), bob.card())
    refuse(bob, bundle, BundleTampered, dry_run=True)
    as_true = manifest.replace(f'"version":{version}'.encode(), b'"version":true')
    assert as_true != manifest
    bundle = seal_to(raw_payload(STRANGER, as_true, b"", version=version), bob.card())
    refuse(bob, bundle, NotABundle, dry_run=True)


RECORD_LINES = {
    "deep": DEEP.encode() + b"\n",
    "deep-in-a-body": b'{"t":"record","body":' + DEEP.encode() + b"}\n",
    "huge-int": _ok_line(',"seq":' + HUGE),
    "nan": _ok_line(',"seq":NaN'),
    "duplicate-key": b'{"t":"custody","t":"record"}\n',
    "unhashable-type": b'{"t":[]}\n',  # found by the fuzz below: a TypeError once
    "not-utf8": b'{"t":"\xff\xfe"}\n',
}


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("records", RECORD_LINES.values(), ids=list(RECORD_LINES))
def test_hostile_json_in_a_signed_record_set_is_refused(bob: Lawyer, version, records: bytes):
    manifest = _manifest(records, version, bob)
    bundle = seal_to(raw_payload(STRANGER, manifest, records, version=version), bob.card())
    refuse(bob, bundle, BundleTampered, dry_run=True)
    refuse(bob, bundle, BundleTampered, accept_unverified=True)


def test_an_unsigned_manifest_is_refused_before_it_is_parsed(bob: Lawyer, monkeypatch):
    """Version 2: a manifest whose signature does not verify is never handed to the parser."""
    from lawnotebook.core import bounded_json

    parsed: list[object] = []
    real = bounded_json.loads
    monkeypatch.setattr(bounded_json, "loads", lambda *a, **k: parsed.append(a) or real(*a, **k))
    manifest = _with_field(_manifest(b"", 2, bob), DEEP)
    bundle = seal_to(raw_payload(STRANGER, manifest, b"", signature=b"\0" * 64), bob.card())
    exc = refuse(bob, bundle, BundleTampered, dry_run=True)
    assert "signature" in str(exc)
    assert parsed == [], "the manifest was parsed before its signature was checked"


# -- fuzz: only bundle errors escape ------------------------------------------------------------

FRAGMENTS = [
    "[",
    "]",
    "{",
    "}",
    '"t":',
    '"record"',
    '"custody"',
    ",",
    ":",
    "\n",
    "1",
    "-",
    "9" * 4_400,
    "1e999999",
    "NaN",
    "Infinity",
    "true",
    "null",
    '"\\ud800"',
    '"\\u0000"',
    "\u2028",
    '"body":{',
    '"case_id":"00000000-0000-4000-8000-000000000001"',
]
json_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(lambda p: "".join(p).encode())
deep = st.integers(min_value=1, max_value=30_000).map(lambda n: b"[" * n + b"]" * n)
hostile_bytes = st.one_of(st.binary(max_size=300), json_like, deep)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)
MANIFEST_KEYS = ["format", "version", "sender", "mode", "recipients", "outer", "case_id"]
MANIFEST_KEYS += ["sequence", "base_sequence", "created_at", "records", "blobs"]
LINE_KEYS = ["t", "id", "case_id", "kind", "body", "hlc", "seq", "details", "ancestors"]


def _canonical(doc: object) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    key=st.sampled_from(MANIFEST_KEYS + LINE_KEYS),
    value=json_values,
    in_records=st.booleans(),
    version=st.sampled_from([1, 2]),
)
def test_a_field_of_the_wrong_type_raises_only_bundle_errors(
    bob: Lawyer, key: str, value: object, in_records: bool, version: int
) -> None:
    """Structured: a well-formed manifest or record line with one field set to any JSON."""
    line = {"t": "tombstone", "id": "x", "case_id": "00000000-0000-4000-8000-000000000001"}
    line |= {"kind": "note", "author": "a", "deleted_at": "2026", "hlc": "h"}
    if in_records:
        line[key] = value
    records = _canonical(line) + b"\n"
    doc = json.loads(_manifest(records, version, bob))
    if not in_records:
        doc[key] = value
    path = bob.outbox / "typed.lnb"
    payload = raw_payload(STRANGER, _canonical(doc), records, version=version)
    path.write_bytes(seal_to(payload, bob.card()))
    before = bob.digest()
    try:
        bob.open(path, dry_run=True)
    except BundleError:
        pass
    assert bob.digest() == before


@pytest.fixture(scope="module")
def real_lines(tmp_path_factory, bob: Lawyer) -> tuple[str, list[dict]]:  # type: ignore[misc]
    """The record lines of a real bundle (case, note, person, event, history, custody)."""
    sam = Lawyer(tmp_path_factory.mktemp("sam"), "Sam")
    try:
        sam.knows(bob)
        case = sam.files.new_case("Re Fuzz", client="Client")
        note = sam.files.add_note(case, "first")
        sam.files.update(dataclasses.replace(note, text="second"))
        sam.files.add_person(case, "Officer Qian")
        sam.files.add_event(case, "1997-07-??", "Detained")
        sam.files.delete(sam.files.add_note(case, "gone").id)
        bundle, _ = sam.seal(case.id, bob)
        return case.id, parse(unseal(bundle.read_bytes(), bob.identity())).lines
    finally:
        sam.close()


def _open_lines(
    bob: Lawyer, case_id: str, lines: list[dict], version: int, *, strict: bool = False
) -> None:
    """Seal ``lines`` from the stranger and open them as a preview; the vault must not change.
    Only a bundle error may escape (``strict``: and one must)."""
    records = b"".join(_canonical(x) + b"\n" for x in lines)
    doc = json.loads(_manifest(records, version, bob))
    doc["case_id"] = case_id
    payload = raw_payload(STRANGER, _canonical(doc), records, version=version)
    path = bob.outbox / "line.lnb"
    path.write_bytes(seal_to(payload, bob.card()))
    before = bob.digest()
    try:
        bob.open(path, dry_run=True)
    except BundleError:
        if strict:
            raise
    assert bob.digest() == before


# Found by the fuzz below; each was a TypeError or AttributeError (exit 1) before.
ESCAPES = {
    "an ancestor that is a number": ("record", None, "ancestors", [1]),
    "an event date that is null": ("record", "event", "body.date", None),
    "a line type that is a list": ("tombstone", None, "t", []),
}


@pytest.mark.parametrize("shape", ESCAPES.values(), ids=list(ESCAPES))
def test_what_the_fuzz_found_is_refused(bob: Lawyer, real_lines, shape) -> None:
    case_id, lines = real_lines
    lines = json.loads(json.dumps(lines))
    t, kind, key, value = shape
    line = next(x for x in lines if x["t"] == t and kind in (None, x.get("kind")))
    target = line["body"] if key.startswith("body.") else line
    target[key.removeprefix("body.")] = value
    with pytest.raises(BundleError):
        _open_lines(bob, case_id, lines, 2, strict=True)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), value=json_values, version=st.sampled_from([1, 2]))
def test_a_real_record_line_with_one_field_changed_raises_only_bundle_errors(
    bob: Lawyer, real_lines, data, value: object, version: int
) -> None:
    case_id, lines = real_lines
    lines = json.loads(json.dumps(lines))
    line = data.draw(st.sampled_from(lines))
    target = line["body"] if "body" in line and data.draw(st.booleans()) else line
    target[data.draw(st.sampled_from([*sorted(target), "extra"]))] = value
    _open_lines(bob, case_id, lines, version)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    where=st.sampled_from(["manifest", "records", "frames"]),
    data=hostile_bytes,
    version=st.sampled_from([1, 2]),
)
def test_random_hostile_bytes_in_the_payload_raise_only_bundle_errors(
    bob: Lawyer, tmp_path: Path, where: str, data: bytes, version: int
) -> None:
    if where == "manifest":
        payload = raw_payload(STRANGER, data, b"", version=version)
    elif where == "records":
        records = data if data.endswith(b"\n") else data + b"\n"
        payload = raw_payload(STRANGER, _manifest(records, version, bob), records, version=version)
    else:
        payload = (frames.MAGIC_V2 if version == 2 else frames.MAGIC_V1) + data
    path = bob.outbox / "fuzz.lnb"
    path.write_bytes(seal_to(payload, bob.card()))
    before = bob.digest()
    try:
        bob.open(path, dry_run=True)
    except BundleError:
        pass  # the only kind of failure allowed out
    assert bob.digest() == before


def test_a_lone_surrogate_in_a_signed_note_is_refused(bob: Lawyer, tmp_path: Path) -> None:
    """JSON can spell a lone surrogate ("\\ud800") that no UTF-8 text (and no database) can
    hold: refused while parsing, not when the vault tries to store it."""
    sam = Lawyer(tmp_path, "Sam")
    try:
        sam.knows(bob)
        case = sam.files.new_case("Re Surrogate")
        sam.files.add_note(case, "MARKER")
        bundle, _ = sam.seal(case.id, bob)
        inner = parse(unseal(bundle.read_bytes(), bob.identity()))
        records = inner.records.replace(b"MARKER", b"\\ud800")
        assert records != inner.records
        bad = craft(Inner(inner.manifest, inner.signature, records), sam.identity())
        refuse(bob, seal_to(build(bad), bob.card()), BundleTampered, accept_unverified=True)
    finally:
        sam.close()
