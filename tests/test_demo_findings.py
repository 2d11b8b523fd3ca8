"""The demo cases show the coerced-confession workbench: their legality findings, exactly.

The Chinese case: detained, committed to the detention house the same evening, taken back to
the police station and questioned overnight without a recording on a homicide charge (injuries
seen), then a confession to the same two officers (issue 17, point 5). The English case tells
the same story. A change to the demo or to the rule set that changes a finding fails here.
"""

from __future__ import annotations

import pytest

from lawnotebook.core.records import Interrogation
from lawnotebook.demo import cases
from lawnotebook.services import legality_check
from lawnotebook.services.case_file import CaseFile
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

V, P, N = "violated", "possible", "not_checkable"

# (rule, certainty, the sessions by their order in time, how many custody events)
CHINESE = [
    ("CPL85-FAMILY-24H", P, (), 2),
    ("CPL86-FIRST-QUESTIONING-24H", V, (0,), 1),
    ("CPL39-MEETING-48H", V, (), 2),
    ("CPL118-DETENTION-HOUSE", V, (0,), 1),
    ("CPL118-DETENTION-HOUSE", V, (1,), 1),
    ("CPL122-SIGNED", N, (0,), 0),
    ("CPL122-SIGNED", N, (1,), 0),
    ("CPL120-RIGHTS-NOTICE", V, (0,), 0),
    ("CPL120-RIGHTS-NOTICE", V, (1,), 0),
    ("SPC95-FIRST-RIGHTS", V, (0,), 0),
    ("CPL123-SERIOUS-NOT-RECORDED", V, (0,), 0),
    ("SPC74-RECORDING-NOT-IN-FILE", P, (1,), 0),
    ("SPC124-REPEATED-CONFESSION", P, (0, 1), 0),
    ("PPR201-FOOD-REST", N, (0,), 0),
    ("PPR201-FOOD-REST", N, (1,), 0),
    ("FATIGUE-NIGHT", P, (0,), 0),
]
ENGLISH = [
    ("CPL85-FAMILY-24H", P, (), 2),
    ("CPL86-FIRST-QUESTIONING-24H", V, (0,), 1),
    ("CPL39-MEETING-48H", V, (), 2),
    ("CPL118-TWO-INVESTIGATORS", N, (2,), 0),
    ("CPL118-DETENTION-HOUSE", V, (0,), 1),
    ("CPL118-DETENTION-HOUSE", V, (1,), 1),
    ("CPL122-SIGNED", N, (0,), 0),
    ("CPL122-SIGNED", N, (1,), 0),
    ("CPL122-SIGNED", N, (2,), 0),
    ("CPL120-RIGHTS-NOTICE", V, (0,), 0),
    ("CPL120-RIGHTS-NOTICE", P, (2,), 0),
    ("SPC95-FIRST-RIGHTS", V, (0,), 0),
    ("CPL123-SERIOUS-NOT-RECORDED", V, (0,), 0),
    ("CPL123-SERIOUS-NOT-RECORDED", P, (2,), 0),
    ("SPC74-RECORDING-NOT-IN-FILE", P, (1,), 0),
    ("SPC74-RECORDING-NOT-IN-FILE", P, (2,), 0),
    ("SPC124-REPEATED-CONFESSION", P, (0, 1), 0),
    ("PPR201-FOOD-REST", N, (0,), 0),
    ("FATIGUE-NIGHT", P, (0,), 0),
]


@pytest.fixture
def files(vault_dir):
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield CaseFile(vault)
    vault.close()


def _shown(files, case):  # type: ignore[no-untyped-def]
    order = {s.id: i for i, s in enumerate(files.list(Interrogation, case))}
    return sorted(
        (f.rule, f.certainty.value, tuple(sorted(order[s] for s in f.sessions)), len(f.events))
        for f in legality_check.findings_for(files, case)
    )


@pytest.mark.parametrize(
    ("build", "expected"), [(cases.chinese_case, CHINESE), (cases.english_case, ENGLISH)]
)
def test_the_demo_cases_findings_exactly(files, build, expected):
    case = build(files)
    assert _shown(files, case) == sorted(expected)


def test_the_chinese_demo_shows_the_workbench_story(files):
    case = cases.chinese_case(files)
    by_rule = {f.rule: f for f in legality_check.findings_for(files, case)}
    assert "送看守所羁押 2024年5月19日 21:10" in by_rule["CPL118-DETENTION-HOUSE"].computed.zh
    assert by_rule["CPL123-SERIOUS-NOT-RECORDED"].computed.zh == "重罪：故意杀人罪；录音录像：无"
    assert by_rule["SPC124-REPEATED-CONFESSION"].computed.zh == "同一侦查人员：孙海涛、赵建国"
