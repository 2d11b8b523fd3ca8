"""``verify``: is the vault intact? Page MACs, SQLite structure, custody chains, every pack's
presence, size and a sampled chunk, the recovery slot, and (deep) every evidence hash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lawnotebook.services.evidence import check_all_evidence
from lawnotebook.vault import custody
from lawnotebook.vault.backup.generation import RollbackNotice, notices
from lawnotebook.vault.database import Connection, integrity_problems
from lawnotebook.vault.evidence.pack_check import PackFinding, check_packs
from lawnotebook.vault.evidence.packs import packs_in_quarantine
from lawnotebook.vault.recovery_slot import HeaderFinding, check_recovery_slot
from lawnotebook.vault.vault import Vault

Progress = Callable[[int, int], None]

__all__ = ["HeaderFinding", "PackFinding", "Progress", "VerifyReport", "verify_vault"]


@dataclass
class VerifyReport:
    """Everything ``verify`` found; ``ok`` when nothing at all.

    ``packs_in_quarantine`` is information, not a finding: packs no record names, moved aside
    at an open (see ``vault/evidence/packs.py``); they do not make the report fail.
    """

    database: list[str] = field(default_factory=list)
    custody: dict[str, list[custody.ChainProblem]] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    packs: list[PackFinding] = field(default_factory=list)
    header: list[HeaderFinding] = field(default_factory=list)
    cases_checked: int = 0
    evidence_checked: int = 0
    packs_checked: int = 0
    packs_in_quarantine: int = 0
    deep: bool = False
    # Information too: each time an open found this database older than one seen before
    # (vault/backup/generation.py). The vault itself may be intact; the lawyer must know.
    rollbacks: list[RollbackNotice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.database or self.evidence or self.packs or self.header
            or any(self.custody.values())
        )  # fmt: skip

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "deep": self.deep,
            "database": self.database,
            "custody": {
                case: [p.__dict__ for p in problems]
                for case, problems in self.custody.items()
                if problems
            },
            "evidence": self.evidence,
            "packs": [asdict(p) for p in self.packs],
            "header": [asdict(h) for h in self.header],
            "cases_checked": self.cases_checked,
            "evidence_checked": self.evidence_checked,
            "packs_checked": self.packs_checked,
            "packs_in_quarantine": self.packs_in_quarantine,
            "rollbacks": [asdict(n) for n in self.rollbacks],
        }


def verify_vault(
    vault: Vault, *, deep: bool = False, progress: Progress | None = None
) -> VerifyReport:
    """Check the vault; ``deep`` also re-hashes every evidence file (``progress(done, total)``).

    A rollback this vault noticed at an open is listed in ``rollbacks`` (information).
    Without ``deep`` every registered pack is still checked for presence and size, and one
    chunk of each is authenticated (a pack from another vault fails it); the recovery slot in
    the header on disk is compared with the digest kept in the database.
    """
    report = verify_stored(vault.connection, vault.paths.root, vault.paths.header, deep=deep)
    if report.database:
        return report
    report.packs_in_quarantine = packs_in_quarantine(vault.paths.root)
    if deep:
        report.evidence_checked, report.evidence = check_all_evidence(vault, progress)
    return report


def verify_stored(
    conn: Connection, root: Path, header_path: Path, *, deep: bool = False
) -> VerifyReport:
    """The checks that need only a database connection, the folder whose ``packs/`` holds its
    packs and the header file: a vault's, or a backup generation's opened read-only (which is
    why nothing here writes). The deep re-hash of every file is the caller's."""
    report = VerifyReport(deep=deep)
    report.database = integrity_problems(conn)
    if report.database:
        return report  # a damaged database cannot be trusted for the rest
    report.header = check_recovery_slot(conn, header_path)
    case_ids = custody.case_ids_in_vault(conn)
    for case_id in case_ids:
        report.custody[case_id] = custody.verify_chain(conn, case_id)
    report.cases_checked = len(case_ids)
    report.packs_checked, report.packs = check_packs(root, conn)
    report.rollbacks = notices(conn)
    return report
