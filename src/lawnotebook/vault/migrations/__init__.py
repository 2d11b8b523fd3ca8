"""The schema's history: one module per version, each with ``migrate(conn)``.

A migration brings the schema from ``VERSION - 1`` to ``VERSION``; the runner in
``vault/schema.py`` wraps each in a transaction with the version bump. Released migrations never
change: a later fix is a new version. Keep this list explicit and in order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from lawnotebook.vault.migrations import (
    v0001_meta,
    v0002_case_file,
    v0003_evidence,
    v0004_search,
    v0005_sharing,
    v0006_evidence_text,
    v0007_desk_index,
    v0008_search_newest_first,
    v0009_custody_places,
    v0010_backups,
    v0011_finding_reviews,
)

_MODULES = [
    v0001_meta,
    v0002_case_file,
    v0003_evidence,
    v0004_search,
    v0005_sharing,
    v0006_evidence_text,
    v0007_desk_index,
    v0008_search_newest_first,
    v0009_custody_places,
    v0010_backups,
    v0011_finding_reviews,
]

MIGRATIONS: Mapping[int, Callable] = {m.VERSION: m.migrate for m in _MODULES}

assert sorted(MIGRATIONS) == list(range(1, len(_MODULES) + 1)), "schema versions must be 1..n"
