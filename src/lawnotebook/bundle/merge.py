"""Merging a received case into ours: a deterministic plan, computed before anything is written.

Pure data in, pure data out (no vault access), so it is easy to test and to show as a preview.
The rules (docs/bundle-format.md, "Merge semantics") are symmetric: the result depends on the
two versions and their stamps, never on which side is "ours", so vaults converge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lawnotebook.core.clock import MAX_COUNTER, Hlc

MERGE_NODE = "m"


@dataclass(frozen=True)
class RecordState:
    """A record as stored: kind, body and bookkeeping."""

    id: str
    case_id: str
    kind: str
    body: dict[str, Any]
    author: str
    created_at: str
    updated_at: str
    hlc: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class PlannedChange:
    """One record the plan adds, changes or deletes, with what a lawyer should see."""

    action: str  # "add", "change", "delete"
    record: RecordState  # the new state (the old one for a delete)
    changes: tuple[FieldChange, ...] = ()
    conflict: bool = False


@dataclass
class MergePlan:
    changes: list[PlannedChange] = field(default_factory=list)
    new_revisions: list[tuple[str, str, str, dict[str, Any], str, str]] = field(
        default_factory=list
    )
    new_tombstones: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def conflicts(self) -> list[PlannedChange]:
        return [c for c in self.changes if c.conflict]

    @property
    def is_empty(self) -> bool:
        return not (self.changes or self.new_revisions or self.new_tombstones)


@dataclass
class CaseState:
    """Everything one side holds for a case."""

    records: dict[str, RecordState] = field(default_factory=dict)
    # record id -> {hlc: (kind, body, author, updated_at)}
    revisions: dict[str, dict[str, tuple[str, dict[str, Any], str, str]]] = field(
        default_factory=dict
    )
    tombstones: dict[str, dict[str, Any]] = field(default_factory=dict)
    # record id -> every stamp in its history (a delta bundle lists them without the bodies)
    ancestry: dict[str, set[str]] = field(default_factory=dict)

    def history(self, rid: str) -> set[str]:
        return self.ancestry.get(rid, set()) | set(self.revisions.get(rid, {}))


def merged_stamp(a: str, b: str, body: Mapping[str, Any]) -> str:
    """The stamp a merge gets: just above both, the same whichever side computes it.

    The node part is "m" and a digest of the two stamps and the merged body, so two different
    merges above the same newest stamp (say of v0 with v1, and of v0 with v2) never share one.
    """
    top = max(Hlc.parse(a), Hlc.parse(b))
    canonical = json.dumps([sorted((a, b)), body], sort_keys=True, ensure_ascii=False)
    node = MERGE_NODE + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:15]
    if top.counter >= MAX_COUNTER:
        return str(Hlc(top.wall_ms + 1, 0, node))
    return str(Hlc(top.wall_ms, top.counter + 1, node))


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    keys = sorted(set(old) | set(new))
    return tuple(FieldChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def merge_bodies(
    kind: str, base: Mapping[str, Any] | None, a: RecordState, b: RecordState
) -> tuple[dict[str, Any], bool]:
    """Three-way, field by field; returns the merged body and whether a note text conflicted."""
    hi, lo = (a, b) if a.hlc > b.hlc else (b, a)
    merged: dict[str, Any] = {}
    conflict = False
    for key in sorted((set(a.body) | set(b.body)) - {"conflicts"}):
        va, vb = a.body.get(key), b.body.get(key)
        if key not in a.body or key not in b.body:
            # A body without the field was written by a version that does not know it (an
            # older one): that side cannot have changed it, so the other side's value stands.
            merged[key] = va if key in a.body else vb
        elif va == vb:
            merged[key] = va
        elif base is not None and va == base.get(key):
            merged[key] = vb
        elif base is not None and vb == base.get(key):
            merged[key] = va
        else:
            merged[key] = hi.body.get(key)
            conflict = conflict or (kind == "note" and key == "text")
    if kind == "note":
        kept = {c["hlc"]: c for c in [*a.body.get("conflicts", []), *b.body.get("conflicts", [])]}
        if conflict:
            kept[lo.hlc] = {"text": lo.body.get("text", ""), "author": lo.author, "hlc": lo.hlc}
        merged["conflicts"] = [kept[h] for h in sorted(kept)]
    return merged, conflict


def plan_merge(ours: CaseState, theirs: CaseState) -> MergePlan:
    """What applying ``theirs`` to ``ours`` would do."""
    plan = MergePlan()
    for rid, revs in theirs.revisions.items():
        known = ours.revisions.get(rid, {})
        for hlc, (kind, body, author, updated_at) in sorted(revs.items()):
            if hlc not in known:
                plan.new_revisions.append((rid, hlc, kind, body, author, updated_at))
    for rid, stone in sorted(theirs.tombstones.items()):
        if rid not in ours.tombstones:
            plan.new_tombstones.append(stone)
            if rid in ours.records:
                plan.changes.append(PlannedChange("delete", ours.records[rid]))
    for rid, incoming in sorted(theirs.records.items()):
        if rid in ours.tombstones or rid in theirs.tombstones:
            continue
        local = ours.records.get(rid)
        if local is None:
            plan.changes.append(PlannedChange("add", incoming))
            continue
        if local.hlc == incoming.hlc or incoming.hlc in ours.history(rid):
            plan.unchanged += 1
            continue
        if local.hlc in theirs.history(rid):  # theirs descends from ours
            plan.changes.append(PlannedChange("change", incoming, _diff(local.body, incoming.body)))
            continue
        plan.changes.append(_three_way(rid, local, incoming, ours, theirs, plan))
    return plan


def _three_way(
    rid: str,
    local: RecordState,
    incoming: RecordState,
    ours: CaseState,
    theirs: CaseState,
    plan: MergePlan,
) -> PlannedChange:
    common = set(ours.revisions.get(rid, {})) & theirs.history(rid)
    base = ours.revisions[rid][max(common)][1] if common else None
    body, conflict = merge_bodies(local.kind, base, local, incoming)
    stamp = merged_stamp(local.hlc, incoming.hlc, body)
    winner = local if local.hlc > incoming.hlc else incoming
    merged = RecordState(
        rid,
        local.case_id,
        local.kind,
        body,
        winner.author,
        local.created_at,
        max(local.updated_at, incoming.updated_at),
        stamp,
    )
    plan.new_revisions.append((rid, stamp, local.kind, body, merged.author, merged.updated_at))
    return PlannedChange("change", merged, _diff(local.body, body), conflict)


def case_state(
    records: Iterable[RecordState],
    revisions: Iterable[tuple[str, str, str, dict[str, Any], str, str]],
    tombstones: Iterable[dict[str, Any]],
    ancestry: Mapping[str, Iterable[str]] | None = None,
) -> CaseState:
    """Build a :class:`CaseState` from rows (either side)."""
    state = CaseState(ancestry={rid: set(h) for rid, h in (ancestry or {}).items()})
    for r in records:
        state.records[r.id] = r
    for rid, hlc, kind, body, author, updated_at in revisions:
        state.revisions.setdefault(rid, {})[hlc] = (kind, body, author, updated_at)
    for stone in tombstones:
        state.tombstones[stone["id"]] = stone
    return state
