"""What a restore drill compares: each case's counts, newest edit and custody chain heads, read
from a vault's database or a backup's (read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lawnotebook.vault.database import Connection


@dataclass
class CaseState:
    """One case as one database holds it."""

    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # record kind -> how many
    newest: str = ""  # the newest hybrid-clock stamp of any of its records
    custody: dict[str, tuple[int, str]] = field(default_factory=dict)  # origin -> (seq, hash)


def case_states(conn: Connection) -> dict[str, CaseState]:
    """Every case the database holds (by case id), with what a drill compares."""
    states: dict[str, CaseState] = {}
    for case_id, kind, count, newest in conn.execute(
        "SELECT case_id, kind, count(*), max(hlc) FROM records GROUP BY case_id, kind"
    ):
        state = states.setdefault(case_id, CaseState())
        state.counts[kind] = count
        state.newest = max(state.newest, newest or "")
    for case_id, title in conn.execute(
        "SELECT id, json_extract(body, '$.title') FROM records WHERE kind = 'case'"
    ):
        states.setdefault(case_id, CaseState()).title = title or ""
    for case_id, origin, seq, digest in conn.execute(
        "SELECT case_id, origin, seq, hash FROM custody_heads"
    ):
        states.setdefault(case_id, CaseState()).custody[origin] = (seq, digest)
    return states
