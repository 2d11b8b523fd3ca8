"""Two fictional cases for screenshots and demos, one in English and one in Chinese.

Every person, place and case number here is invented. Deadlines are set relative to today so
the overdue and due-this-week highlighting shows.
"""

from __future__ import annotations

from datetime import date, timedelta

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.records import (
    Case,
    CaseStatus,
    CustodyEventKind,
    DeadlineKind,
    Outcome,
    PersonRole,
    PlaceKind,
    Recording,
    Tristate,
)
from lawnotebook.services import detention
from lawnotebook.services.case_file import CaseFile

ENGLISH_NOTE = """# First meeting with the client

Met **Daniel Mensah** at Harbour Road Remand Centre, 40 minutes, a guard within earshot.

- Says he was questioned through the night of 14–15 March without sleep.
- Signed the statement at about 6 a.m.; he was *not* allowed to read it first.
- No lawyer was present; he asked for one twice.

## To do
1. Request the custody record and the video of room 3.
2. Ask for an independent medical examination (bruising on the left wrist).
"""

CHINESE_NOTE = """# 第一次会见笔录要点

在城东看守所会见当事人**刘志强**，会见时间约一小时。

- 当事人称在讯问室被连续讯问三天，期间不让睡觉，属于疲劳审讯。
- 当事人称侦查人员威胁其家属，其在压力下作出有罪供述，存在刑讯逼供的可能。
- 讯问时没有同步录音录像，也没有告知诉讼权利。

## 下一步
1. 申请调取看守所入所体检记录。
2. 准备非法证据排除申请书。
"""


def _day(offset: int) -> str:
    return (date.today() + timedelta(days=offset)).isoformat()


def english_case(files: CaseFile) -> Case:
    case = files.new_case(
        "State v. Daniel Mensah",
        client="Daniel Mensah",
        case_number="CR-2024-0187",
        court="Eastport High Court, Criminal Division",
        charges=["Murder", "Unlawful possession of a weapon"],
        stage="Pre-trial: motion to exclude the confession",
        tags=["coerced confession", "detention"],
    )
    client = files.add_person(case, "Daniel Mensah", PersonRole.CLIENT)
    files.add_person(
        case, "Grace Mensah", PersonRole.FAMILY, contact_notes="Sister; visits Sundays"
    )
    boateng = files.add_person(case, "Sgt. Peter Boateng", PersonRole.INTERROGATOR)
    quaye = files.add_person(case, "Det. Ama Quaye", PersonRole.INTERROGATOR)
    files.add_person(case, "Dr. Helen Adjei", PersonRole.EXPERT, contact_notes="Forensic physician")
    files.add_person(case, "Prosecutor J. Owusu", PersonRole.PROSECUTOR)
    files.add_event(case, "2024-03-13 17:40", "Arrested outside his flat", person_ids=[client.id])
    files.add_event(case, "2024-03-14 09:30", "Taken to Harbour Road Remand Centre")
    files.add_event(case, "2024-03-15", "Statement signed at Central Police Station")
    files.add_event(case, "between 2024-03-15 and 2024-03-17", "Bruising on left wrist noticed")
    files.add_event(case, "before 2024-03-20", "Video of interview room 3 overwritten (per police)")
    files.add_event(case, "2024-03", "Family told of the arrest")
    files.add_event(case, "about 2024-05", "Medical examination by Dr. Adjei")
    # The custody history the legality checks read: detained, committed to the remand centre,
    # then taken back to the police station and questioned overnight, not recorded (a murder
    # charge), and a later confession to the same two officers.
    station = detention.add_place(
        files, case, "Central Police Station", PlaceKind.POLICE_STATION, address="1 Dock Street"
    )
    remand = detention.add_place(
        files, case, "Harbour Road Remand Centre", PlaceKind.DETENTION_HOUSE
    )
    custody = detention.add_custody_event
    custody(files, case, CustodyEventKind.DETENTION, "2024-03-13 17:40", place=station.id)
    custody(files, case, CustodyEventKind.COMMITTAL, "2024-03-14 09:30", place=remand.id)
    custody(files, case, CustodyEventKind.FAMILY_NOTIFIED, "2024-03", notes="Grace Mensah")
    custody(files, case, CustodyEventKind.MEETING_REQUESTED, "2024-03-19 09:00")
    custody(files, case, CustodyEventKind.LAWYER_MEETING, "2024-03-22 14:00", place=remand.id)
    files.add_interrogation(
        case,
        "2024-03-14 23:10",
        end="2024-03-15 06:05",
        place="Central Police Station, room 3",
        place_id=station.id,
        interrogator_ids=[boateng.id, quaye.id],
        recorded_on_video=Tristate.NO,
        recording=Recording.NONE,
        rights_read=Tristate.NO,
        outcome=Outcome.CONFESSED,
        injuries_seen="Bruising on the left wrist (handcuffed to the chair, he says)",
        client_account="Questioned all night, no sleep, told he could go home if he signed.",
    )
    files.add_interrogation(
        case,
        "2024-03-16 10:00",
        end="2024-03-16 11:30",
        place="Central Police Station, room 1",
        place_id=station.id,
        interrogator_ids=[boateng.id, quaye.id],
        recorded_on_video=Tristate.YES,
        recording=Recording.FULL,
        recording_start=FuzzyDate.parse("2024-03-16 10:00"),
        recording_end=FuzzyDate.parse("2024-03-16 11:30"),
        rights_read=Tristate.YES,
        outcome=Outcome.CONFESSED,
        client_account="Repeated the statement because he feared another night in room 3.",
    )
    files.add_interrogation(
        case,
        "2024-03-18",
        place="Harbour Road Remand Centre",
        place_id=remand.id,
        rights_read=Tristate.UNKNOWN,
    )
    files.add_deadline(case, _day(-2), "Disclosure request to the prosecution", DeadlineKind.FILING)
    files.add_deadline(case, _day(3), "File motion to exclude the confession", DeadlineKind.FILING)
    files.add_deadline(case, _day(12), "Pre-trial hearing", DeadlineKind.HEARING)
    files.add_deadline(case, _day(45), "Remand review", DeadlineKind.DETENTION_LIMIT)
    files.add_note(case, ENGLISH_NOTE, title="First meeting with the client")
    files.add_note(case, "Call Grace about the medical records.", title="Phone call, sister")
    return case


def chinese_case(files: CaseFile) -> Case:
    case = files.new_case(
        "刘志强涉嫌故意杀人案",
        client="刘志强",
        case_number="（2024）东刑初字第215号",
        court="东江市中级人民法院",
        charges=["故意杀人罪"],
        stage="一审：申请非法证据排除",
        tags=["刑讯逼供", "非法证据排除"],
    )
    client = files.add_person(case, "刘志强", PersonRole.CLIENT)
    files.add_person(case, "刘秀兰", PersonRole.FAMILY, contact_notes="当事人母亲")
    zhao = files.add_person(case, "赵建国", PersonRole.INTERROGATOR, aliases=["赵警官"])
    sun = files.add_person(case, "孙海涛", PersonRole.INTERROGATOR)
    files.add_person(case, "周敏", PersonRole.PROSECUTOR)
    files.add_person(case, "吴文斌", PersonRole.WITNESS, contact_notes="案发时在场")
    files.add_event(case, "2024年5月之前", "当事人与被害人发生纠纷", person_ids=[client.id])
    files.add_event(case, "2024-05-19 09:00", "刑事拘留")
    files.add_event(case, "2024-05-19 21:10", "送城东看守所羁押")
    files.add_event(case, "2024-05-20 22:30", "当事人被从看守所带至东江市公安局")
    files.add_event(case, "2024-05-21至2024-05-23", "连续讯问，当事人称不让睡觉")
    files.add_event(case, "约2024-06", "家属收到拘留通知书")
    # 法律检查读取的羁押经过：拘留后当晚送看守所，次日夜间被带回公安局整夜讯问、未录像
    # （故意杀人案），其后由同两名侦查人员再次讯问取得供述。
    bureau = detention.add_place(
        files, case, "东江市公安局办案区", PlaceKind.POLICE_STATION, address="东江市人民路1号"
    )
    house = detention.add_place(files, case, "城东看守所", PlaceKind.DETENTION_HOUSE)
    custody = detention.add_custody_event
    custody(files, case, CustodyEventKind.DETENTION, "2024-05-19 09:00", place=bureau.id)
    custody(files, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=house.id)
    custody(files, case, CustodyEventKind.FAMILY_NOTIFIED, "约2024-06", notes="当事人母亲")
    custody(files, case, CustodyEventKind.MEETING_REQUESTED, "2024-05-27 09:00")
    custody(files, case, CustodyEventKind.LAWYER_MEETING, "2024-05-31 10:00", place=house.id)
    files.add_interrogation(
        case,
        "2024-05-20 23:00",
        end="2024-05-21 09:00",
        place="东江市公安局讯问室",
        place_id=bureau.id,
        interrogator_ids=[zhao.id, sun.id],
        recorded_on_video=Tristate.NO,
        recording=Recording.NONE,
        rights_read=Tristate.NO,
        outcome=Outcome.CONFESSED,
        injuries_seen="左手腕淤青（当事人称被铐在审讯椅上整夜）",
        client_account="整夜讯问，不让睡觉，侦查人员威胁要抓他母亲。",
    )
    files.add_interrogation(
        case,
        "2024-05-22 14:00",
        end="2024-05-22 20:30",
        place="东江市公安局讯问室",
        place_id=bureau.id,
        interrogator_ids=[zhao.id, sun.id],
        recorded_on_video=Tristate.YES,
        recording=Recording.FULL,
        recording_start=FuzzyDate.parse("2024-05-22 14:00"),
        recording_end=FuzzyDate.parse("2024-05-22 20:30"),
        rights_read=Tristate.NO,
        outcome=Outcome.CONFESSED,
        client_account="在疲劳和威胁下签了讯问笔录，没有看过内容。",
    )
    files.add_deadline(case, _day(-1), "提交调取证据申请", DeadlineKind.FILING)
    files.add_deadline(case, _day(5), "提交非法证据排除申请书", DeadlineKind.FILING)
    files.add_deadline(case, _day(20), "庭前会议", DeadlineKind.HEARING)
    files.add_note(case, CHINESE_NOTE, title="第一次会见笔录要点")
    files.add_note(case, "联系当事人母亲，了解体检情况。", title="家属电话")
    return case


def populate(files: CaseFile) -> tuple[Case, Case]:
    """Add both demo cases (and two more small ones so the list is not bare)."""
    english = english_case(files)
    chinese = chinese_case(files)
    files.new_case(
        "In re Amina Yusuf (bail appeal)", client="Amina Yusuf", status=CaseStatus.ON_HOLD
    )
    files.new_case("陈某某申诉案", client="陈某某", tags=["申诉"], status=CaseStatus.OPEN)
    return english, chinese
