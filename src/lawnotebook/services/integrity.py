"""``verify``: is the vault intact? Page MACs, SQLite structure, custody chains, evidence hashes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lawnotebook.services.evidence import check_all_evidence
from lawnotebook.vault import custody
from lawnotebook.vault.database import integrity_problems
from lawnotebook.vault.vault import Vault

Progress = Callable[[int, int], None]


@dataclass
class VerifyReport:
    """Everything ``verify`` found; ``ok`` when nothing at all."""

    database: list[str] = field(default_factory=list)
    custody: dict[str, list[custody.ChainProblem]] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    cases_checked: int = 0
    evidence_checked: int = 0
    deep: bool = False

    @property
    def ok(self) -> bool:
        return not (self.database or self.evidence or any(self.custody.values()))

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
            "cases_checked": self.cases_checked,
            "evidence_checked": self.evidence_checked,
        }


def verify_vault(
    vault: Vault, *, deep: bool = False, progress: Progress | None = None
) -> VerifyReport:
    """Check the vault; ``deep`` also re-hashes every evidence file (``progress(done, total)``)."""
    report = VerifyReport(deep=deep)
    report.database = integrity_problems(vault.connection)
    if report.database:
        return report  # a damaged database cannot be trusted for the rest
    case_ids = custody.case_ids_in_vault(vault.connection)
    for case_id in case_ids:
        report.custody[case_id] = custody.verify_chain(vault.connection, case_id)
    report.cases_checked = len(case_ids)
    if deep:
        report.evidence_checked, report.evidence = check_all_evidence(vault, progress)
    return report
