"""``verify``: is the vault intact? Page MACs, SQLite structure, custody chains, every pack's
presence, size and a sampled chunk, the recovery slot, and (deep) every evidence hash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from lawnotebook.services.evidence import check_all_evidence
from lawnotebook.vault import custody
from lawnotebook.vault.database import integrity_problems
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
        }


def verify_vault(
    vault: Vault, *, deep: bool = False, progress: Progress | None = None
) -> VerifyReport:
    """Check the vault; ``deep`` also re-hashes every evidence file (``progress(done, total)``).

    Without ``deep`` every registered pack is still checked for presence and size, and one
    chunk of each is authenticated (a pack from another vault fails it); the recovery slot in
    the header on disk is compared with the digest kept in the database.
    """
    report = VerifyReport(deep=deep)
    report.database = integrity_problems(vault.connection)
    if report.database:
        return report  # a damaged database cannot be trusted for the rest
    report.header = check_recovery_slot(vault.connection, vault.paths.header)
    case_ids = custody.case_ids_in_vault(vault.connection)
    for case_id in case_ids:
        report.custody[case_id] = custody.verify_chain(vault.connection, case_id)
    report.cases_checked = len(case_ids)
    report.packs_checked, report.packs = check_packs(vault.paths.root, vault.connection)
    report.packs_in_quarantine = packs_in_quarantine(vault.paths.root)
    if deep:
        report.evidence_checked, report.evidence = check_all_evidence(vault, progress)
    return report
