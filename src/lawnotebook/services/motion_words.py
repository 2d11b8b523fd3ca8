"""The fixed words of the motion to exclude and the legality report, in English and Chinese.

Legal wording, so it is written here in both languages (as the rules' own words are in
``legality/``) rather than translated at run time: a Chinese paper has no English left in it.
Also how a paper cites an article: ``《中华人民共和国刑事诉讼法》第一百一十九条第二款``.
"""

from __future__ import annotations

import re

from lawnotebook.core.records import Outcome, PlaceKind, Recording, Tristate
from lawnotebook.legality import LAWS, Certainty, Cite, Severity, Words
from lawnotebook.legality.articles import any_article


def W(en: str, zh: str) -> Words:
    return Words(en, zh)


T = {
    "motion": W("Application to Exclude Illegally Obtained Evidence", "排除非法证据申请书"),
    "legality": W("Interrogation legality report", "讯问合法性审查报告"),
    "applicant": W("Applicant: ", "申请人："),
    "defender_of": W("defence lawyer of the defendant {client}", "系被告人{client}的辩护人"),
    "lawyer_at": W("lawyer at {firm}", "{firm}律师"),
    "licence": W("licence no. {licence}", "律师执业证号：{licence}"),
    "defendant": W("Defendant: ", "被告人："),
    "case_number": W("Case number: ", "案号："),
    "court": W("Court: ", "受理法院："),
    "charges": W("Charges: ", "罪名："),
    "request": W("Request", "申请事项"),
    "request_text": W(
        "The applicant asks the court to exclude, under the law, the following statements of "
        "the defendant {client}, and not to use them as a basis for its judgment:",
        "请求贵院依法排除被告人{client}的下列供述，不得作为定案的根据：",
    ),
    "statement": W(
        "{n}. the statement made in the interrogation of {when} at {where}{pages}",
        "{n}. 被告人于{when}在{where}接受讯问时所作的供述{pages}",
    ),
    "pages": W(" (transcript {pages})", "（讯问笔录{pages}）"),
    "facts": W("Facts and reasons", "事实与理由"),
    "facts_intro": W(
        "Under art. 127 of the SPC Interpretation, the applicant gives the following leads to the "
        "illegal collection of evidence — the persons, time, place, method and content — and the "
        "materials listed below.",
        "根据《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第一百二十七条，"
        "申请人就涉嫌非法取证的人员、时间、地点、方式、内容提供以下线索和材料。",
    ),
    "statement_heading": W(
        "Statement {n}: the interrogation of {when}", "第{n}份供述：{when}的讯问"
    ),
    "persons": W("Persons: ", "人员："),
    "time": W("Time: ", "时间："),
    "place": W("Place: ", "地点："),
    "method": W("Method: ", "方式："),
    "content": W("Content: ", "内容："),
    "evidence_here": W("Materials: ", "线索材料："),
    "not_recorded": W("not recorded", "不详"),
    "n_persons": W("{names} ({n} in all)", "{names}（共{n}人）"),
    "from_to": W("{start} to {end}", "{start}至{end}"),
    "lasting": W("{span} ({duration})", "{span}（历时{duration}）"),
    "client_says": W("The defendant says: {text}", "被告人陈述：{text}"),
    "injuries": W("Injuries seen: {text}", "所见伤情：{text}"),
    "outcome": W("Outcome of the interrogation: {outcome}", "讯问结果：{outcome}"),
    "transcript": W("Transcript: {what}", "讯问笔录：{what}"),
    "transcript_signed": W("signed by the defendant: {answer}", "被告人签名：{answer}"),
    "recording": W("Audio-video recording: {what}", "讯问录音录像：{what}"),
    "custody_leads": W("Leads from the custody history", "羁押与强制措施方面的线索"),
    "custody_intro": W(
        "These leads concern the defendant's custody and apply to every statement above.",
        "以下线索涉及被告人的羁押情况，适用于上列各份供述。",
    ),
    "basis": W("Legal basis", "法律依据"),
    "basis_note": W(
        "Article texts as compiled in LawRefBook/Laws (a public compilation, not an official "
        "gazette), quoted verbatim in Chinese; check them against the official text before "
        "filing.",
        "条文引自公开汇编LawRefBook/Laws（非官方公报），逐字照录；提交前请与官方文本核对。",
    ),
    "materials": W("Supporting evidence", "证据材料清单"),
    "materials_intro": W(
        "Each SHA-256 was computed when the file was taken into the lawyer's encrypted case "
        "file; anyone can recompute it from a copy.",
        "各文件的SHA-256值系该文件存入律师加密案卷时计算，任何人均可据副本复核。",
    ),
    "no": W("No.", "序号"),
    "file": W("File", "文件"),
    "description": W("Description", "说明"),
    "closing": W(
        "For these reasons the statements listed above were obtained by illegal methods. Under "
        "arts. 56 and 58 of the Criminal Procedure Law and arts. 123 and 127 of the SPC "
        "Interpretation, the applicant asks the court to exclude them.",
        "综上所述，上列供述系以非法方法收集。依照《中华人民共和国刑事诉讼法》第五十六条、"
        "第五十八条及《最高人民法院关于适用〈中华人民共和国刑事诉讼法〉的解释》第一百二十三条、"
        "第一百二十七条之规定，特申请贵院依法予以排除。",
    ),
    "to": W("To: ", "此致"),
    "date": W("Date: ", "日期："),
    "case": W("Case: ", "案件："),
    "zone": W("Time zone: ", "时区："),
    "default_name": W("Lawnotebook user ({groups}…)", "Lawnotebook 用户（{groups}…）"),
    "prepared_by": W("Prepared by: ", "制作人："),
    "sessions": W("Interrogation sessions", "讯问情况一览"),
    "findings": W("Findings", "审查发现"),
    "articles": W("Articles cited", "所引条文"),
    "start": W("Start", "开始"),
    "end": W("End", "结束"),
    "duration": W("Duration", "时长"),
    "interrogators": W("Interrogators", "讯问人"),
    "rec": W("Recording", "录音录像"),
    "outcome_h": W("Outcome", "结果"),
    "findings_h": W("Findings", "发现"),
    "rule": W("Rule", "规则"),
    "certainty": W("Certainty", "判断"),
    "computed": W("What was computed", "计算结果"),
    "concerns": W("Sessions", "涉及讯问"),
    "cites": W("Articles", "条文"),
    "uncertain": W("uncertain: {what}", "不确定：{what}"),
    "missing": W("missing: {what}", "缺少：{what}"),
    "no_findings": W("No findings kept.", "无保留的审查发现。"),
    "none": W("none", "无"),
}
CERTAINTY = {
    Certainty.VIOLATED: W("violated", "违反"),
    Certainty.POSSIBLE: W("possibly violated", "可能违反"),
    Certainty.NOT_CHECKABLE: W("not checkable", "无法核实"),
}
SEVERITY = {
    Severity.HIGH: W("ground for exclusion", "排除理由"),
    Severity.MEDIUM: W("defect", "瑕疵"),
    Severity.LOW: W("context", "背景"),
}
OUTCOME = {
    Outcome.CONFESSED: W("confessed", "供认"),
    Outcome.DENIED: W("denied", "否认"),
    Outcome.RETRACTED: W("retracted an earlier confession", "翻供"),
    Outcome.PARTIAL: W("confessed in part", "部分供认"),
    Outcome.UNKNOWN: W("not recorded", "不详"),
}
RECORDING = {
    Recording.FULL: W("the whole interrogation", "全程录制"),
    Recording.PARTIAL: W("part of the interrogation only", "仅部分录制"),
    Recording.NONE: W("none", "未录制"),
    Recording.UNKNOWN: W("not known", "不详"),
}
ANSWER = {
    Tristate.YES: W("yes", "是"),
    Tristate.NO: W("no", "否"),
    Tristate.UNKNOWN: W("unknown", "不详"),
}
PLACE_KIND = {
    PlaceKind.DETENTION_HOUSE: W("detention house", "看守所"),
    PlaceKind.POLICE_STATION: W("police station / case-handling area", "公安机关办案场所"),
    PlaceKind.DESIGNATED_RESIDENCE: W("designated residence", "指定居所"),
    PlaceKind.SUPERVISION_SITE: W("supervision detention site", "留置场所"),
    PlaceKind.HOSPITAL: W("hospital", "医院"),
    PlaceKind.COURT: W("court", "法院"),
    PlaceKind.OTHER: W("other place", "其他地点"),
    PlaceKind.UNKNOWN: W("kind of place unknown", "地点性质不明"),
}
_ZH_DIGITS = "零一二三四五六七八九十"


def _zh_number(n: int) -> str:
    if n <= 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + _ZH_DIGITS[n - 10]
    tens, ones = divmod(n, 10)
    return _ZH_DIGITS[tens] + "十" + (_ZH_DIGITS[ones] if ones else "")


def _zh_part(part: str) -> str:
    """``para. 2`` → 第二款, ``item (1)`` → 第（一）项, ``paras. 1-2`` → 第一、二款."""
    numbers = [int(n) for n in re.findall(r"\d+", part)]
    if not numbers:
        return ""
    if part.startswith("item"):
        return "".join(f"第（{_zh_number(n)}）项" for n in numbers)
    if "-" in part and len(numbers) == 2:
        numbers = list(range(numbers[0], numbers[1] + 1))
    return "第" + "、".join(_zh_number(n) for n in numbers) + "款"


def cite_words(cite: Cite, *, version: bool = False) -> Words:
    """``CPL art. 119 para. 2`` / ``《中华人民共和国刑事诉讼法》第一百一十九条第二款``."""
    law = LAWS[cite.law]
    text = any_article(cite.law, cite.number).text
    zh_number = re.match(r"第[一二三四五六七八九十百零]+ ?条", text)
    number = zh_number.group(0).replace(" ", "") if zh_number else f"第{cite.number}条"
    title_zh = law.title_zh.replace("《", "〈").replace("》", "〉")
    part_en = f" {cite.part}" if cite.part else ""
    title_en = f"{law.title_en} ({law.version})" if version else law.title_en
    return W(
        f"{title_en}, art. {cite.number}{part_en}",
        f"《{title_zh}》{number}{_zh_part(cite.part)}",
    )
