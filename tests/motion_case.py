"""A case for the motion tests: committed to the detention house, then questioned overnight at a
police station by two officers with no recording (confessed), a later confession by the same
two, a denial in the detention house; its findings from services/legality_check.py."""

from __future__ import annotations

import io
from dataclasses import dataclass

from lawnotebook.core.records import (
    Case,
    CustodyEventKind,
    Evidence,
    Interrogation,
    Outcome,
    PersonRole,
    PlaceKind,
    Recording,
    Tristate,
)
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.detention import add_custody_event, add_place
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.legality_check import Finding, findings_for
from lawnotebook.services.owner import set_owner_profile

CASE_NUMBER = "（2024）东刑初字第215号"
COURT = "东城区人民法院"


@dataclass
class MotionCase:
    case: Case
    night: Interrogation
    later: Interrogation
    denial: Interrogation
    evidence: list[Evidence]
    findings: list[Finding]


def _file(files: CaseFile, case: Case, name: str, body: bytes) -> Evidence:
    stream = io.BytesIO(body)
    stream.name = name
    return add_evidence(files, case, stream, source_note="阅卷复制")


def build(files: CaseFile) -> MotionCase:
    set_owner_profile(
        files.conn, name="李明", firm="北京明正律师事务所", licence="11101201810123456"
    )
    case = files.new_case(
        "刘志强涉嫌故意杀人案",
        client="刘志强",
        case_number=CASE_NUMBER,
        court=COURT,
        charges=["故意杀人罪"],
    )
    kss = add_place(files, case, "东城区看守所", PlaceKind.DETENTION_HOUSE)
    station = add_place(files, case, "新华路派出所", PlaceKind.POLICE_STATION)
    wang = files.add_person(case, "王刚", PersonRole.INTERROGATOR)
    zhao = files.add_person(case, "赵强", PersonRole.INTERROGATOR)
    transcript = _file(files, case, "第一次讯问笔录.pdf", b"transcript one " * 50)
    later_tr = _file(files, case, "第二次讯问笔录.pdf", b"transcript two " * 50)
    health = _file(files, case, "入所健康检查表.jpg", b"health check " * 50)
    warrant = _file(files, case, "拘留证.pdf", b"warrant " * 50)
    add_custody_event(
        files, case, CustodyEventKind.DETENTION, "2024-05-18 20:00", place=station.id,
        evidence_ids=[warrant.id],
    )  # fmt: skip
    add_custody_event(files, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=kss.id)
    officers = [wang.id, zhao.id]
    night = files.add_interrogation(
        case, "2024-05-20 23:00", end="2024-05-21 09:00", place_id=station.id,
        interrogator_ids=officers, recording=Recording.NONE, outcome=Outcome.CONFESSED,
        transcript_evidence_id=transcript.id, transcript_pages="卷2 第15-18页",
        transcript_signed=Tristate.YES, health_check_evidence_id=health.id,
        client_account="整夜不让睡觉，被铐在铁椅上", injuries_seen="手腕淤青",
    )  # fmt: skip
    later = files.add_interrogation(
        case, "2024-05-22 14:00", end="2024-05-22 16:00", place_id=kss.id,
        interrogator_ids=officers, recording=Recording.FULL, outcome=Outcome.CONFESSED,
        transcript_evidence_id=later_tr.id, transcript_pages="卷2 第19-22页",
        transcript_signed=Tristate.YES,
    )  # fmt: skip
    denial = files.add_interrogation(
        case, "2024-05-25 10:00", end="2024-05-25 11:00", place_id=kss.id,
        interrogator_ids=officers, recording=Recording.FULL, outcome=Outcome.DENIED,
    )  # fmt: skip

    findings = findings_for(files, case)
    return MotionCase(case, night, later, denial, [transcript, later_tr, health, warrant], findings)
