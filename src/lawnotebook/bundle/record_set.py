"""The ``R`` frame: a case's records, revisions, tombstones and custody entries as JSON Lines.

Decoding is strict: every line must be one of the four shapes with the right types, and belong
to the case the manifest names; anything else is :class:`BundleTampered` or :class:`WrongCase`.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.bundle.errors import BundleTampered, WrongCase
from lawnotebook.bundle.merge import CaseState, RecordState, case_state
from lawnotebook.core import bounded_json
from lawnotebook.core.clock import Hlc
from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import META_FIELDS, RECORD_TYPES, from_body, parse_rest_break

_SHAPES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "record": {
        "id": str,
        "case_id": str,
        "kind": str,
        "body": dict,
        "author": str,
        "created_at": str,
        "updated_at": str,
        "hlc": str,
        "ancestors": list,
    },
    "revision": {
        "record_id": str,
        "hlc": str,
        "kind": str,
        "body": dict,
        "author": str,
        "updated_at": str,
    },
    "tombstone": {
        "id": str,
        "case_id": str,
        "kind": str,
        "author": str,
        "deleted_at": str,
        "hlc": str,
    },
    "custody": {
        "case_id": str,
        "origin": str,
        "seq": int,
        "at": str,
        "actor": str,
        "action": str,
        "record_id": str,
        "details": dict,
        "details_hash": str,
        "prev_hash": str,
        "hash": str,
    },
}


@dataclass
class RecordSet:
    """What a bundle carries for its case."""

    state: CaseState
    custody: list[dict[str, Any]] = field(default_factory=list)
    lines: int = 0

    @property
    def stamps(self) -> list[str]:
        """Every clock stamp carried (for moving our clock past them)."""
        out = [r.hlc for r in self.state.records.values()]
        out += [h for revs in self.state.revisions.values() for h in revs]
        out += [t["hlc"] for t in self.state.tombstones.values()]
        return out


def encode(
    records: Iterable[Mapping[str, Any]],
    ancestry: Mapping[str, list[str]],
    revisions: Iterable[Mapping[str, Any]],
    tombstones: Iterable[Mapping[str, Any]],
    custody: Iterable[Mapping[str, Any]],
) -> tuple[bytes, int]:
    """The frame body and its line count."""
    lines = []
    for r in records:
        lines.append({"t": "record", **r, "ancestors": ancestry.get(r["id"], [])})
    lines += [{"t": "revision", **r} for r in revisions]
    lines += [{"t": "tombstone", **t} for t in tombstones]
    lines += [{"t": "custody", **c} for c in custody]
    text = "".join(
        json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        for line in lines
    )
    return text.encode("utf-8"), len(lines)


_HEX64 = re.compile(r"[0-9a-f]{64}")
MAX_DEPTH = 16  # a line is {"body": {"conflicts": [{...}]}}: 4 deep today
MAX_DIGITS = 64  # sizes, sequence numbers and counts; never thousands of digits


def _fits(hint: Any, value: Any) -> bool:
    """Whether a JSON value is what a record field of type ``hint`` stores."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(arg, value) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(item, v) for v in value)
    if origin is dict:
        key, item = typing.get_args(hint)
        return isinstance(value, dict) and all(
            _fits(key, k) and _fits(item, v) for k, v in value.items()
        )
    if hint is FuzzyDate:
        if not isinstance(value, str):  # FuzzyDate.parse(None) is an AttributeError
            return False
        try:
            FuzzyDate.parse(value)
        except (LawnotebookError, ValueError, TypeError):
            return False
        return True
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return isinstance(value, str) and value in {m.value for m in hint}
    if hint is bool:
        return isinstance(value, bool)
    if hint in (int, str):
        return isinstance(value, hint) and not isinstance(value, bool)
    return False


@functools.cache
def _field_types(kind: str) -> tuple[tuple[str, Any], ...]:
    cls = RECORD_TYPES[kind]
    hints = typing.get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in META_FIELDS
    )


def _check_body(kind: str, body: dict[str, Any]) -> None:
    """Every known field of the body has its type (unknown ones, a newer version's, are kept
    as they are) and the record can be built from it."""
    for name, hint in _field_types(kind):
        if name in body and not _fits(hint, body[name]):
            raise BundleTampered(f"a {kind} record has a malformed {name}")
    if kind == "evidence" and not _HEX64.fullmatch(str(body.get("sha256"))):
        raise BundleTampered("an evidence record has a malformed SHA-256")
    if kind == "interrogation" and isinstance(body.get("rest_breaks"), list):
        for entry in body["rest_breaks"]:
            try:
                parse_rest_break(entry)
            except (LawnotebookError, ValueError) as exc:
                raise BundleTampered("an interrogation has a malformed rest break") from exc
    try:
        from_body(kind, body)
    except (LawnotebookError, ValueError, TypeError) as exc:
        raise BundleTampered(f"a {kind} record is incomplete") from exc


def _check(line: dict[str, Any]) -> str:
    kind = line.pop("t", None)
    shape = _SHAPES.get(kind) if isinstance(kind, str) else None  # "t": [] is unhashable
    if shape is None or set(line) != set(shape):
        raise BundleTampered("a line of the record set has an unknown shape")
    for key, typ in shape.items():
        if not isinstance(line[key], typ) or isinstance(line[key], bool):
            raise BundleTampered(f"a {kind} line has a bad {key}")
    if kind in ("record", "revision", "tombstone") and line["kind"] not in RECORD_TYPES:
        raise BundleTampered(f"unknown record kind {line['kind']!r}")
    if kind in ("record", "revision"):
        _check_body(line["kind"], line["body"])
    for stamp in [line.get("hlc"), *line.get("ancestors", [])]:
        if stamp is not None:
            try:
                Hlc.parse(stamp)
            except (ValueError, TypeError) as exc:  # TypeError: an ancestor that is no text
                raise BundleTampered("a clock stamp is malformed") from exc
    return kind


def decode(data: bytes, case_id: str, expected_lines: int) -> RecordSet:
    """Parse and validate the frame body for the case ``case_id``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleTampered("the record set is not UTF-8") from exc
    records, revisions, tombstones, custody = [], [], [], []
    ancestry: dict[str, list[str]] = {}
    # One JSON object per "\n"-terminated line. Only "\n" frames: json.dumps escapes it inside
    # strings, but not U+2028/U+2029/U+0085 and other characters str.splitlines() breaks on.
    lines = text.removesuffix("\n").split("\n") if text else []
    if len(lines) != expected_lines:
        raise BundleTampered("the record set has a different number of lines than signed")
    for raw in lines:
        try:
            line = bounded_json.loads(
                raw, max_bytes=len(data), max_depth=MAX_DEPTH, max_int_digits=MAX_DIGITS
            )
        except bounded_json.MalformedJson as exc:
            raise BundleTampered(f"a line of the record set is not readable ({exc})") from exc
        if not isinstance(line, dict):
            raise BundleTampered("a line of the record set is not an object")
        kind = _check(line)
        if kind == "record":
            ancestry[line["id"]] = line.pop("ancestors")
            records.append(RecordState(**line))
        elif kind == "revision":
            revisions.append(
                (
                    line["record_id"],
                    line["hlc"],
                    line["kind"],
                    line["body"],
                    line["author"],
                    line["updated_at"],
                )
            )
        elif kind == "tombstone":
            tombstones.append(line)
        else:
            custody.append(line)
    owners = [r.case_id for r in records] + [t["case_id"] for t in tombstones]
    owners += [c["case_id"] for c in custody]
    if any(owner != case_id for owner in owners):
        raise WrongCase("the bundle carries records of another case")
    if any(r.kind == "case" and r.id != case_id for r in records):
        raise WrongCase("the bundle carries another case")
    known = {r.id for r in records} | {t["id"] for t in tombstones}
    if any(rev[0] not in known for rev in revisions):
        raise WrongCase("the bundle carries history of a record it does not carry")
    state = case_state(records, revisions, tombstones, ancestry)
    return RecordSet(state, custody, len(lines))
