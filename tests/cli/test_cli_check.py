"""check CASE [--json] and check review CASE REF (issue 17: findings on the command line)."""

from __future__ import annotations


def _violating_case(cli):
    cid = cli("--json", "case", "new", "张某故意杀人案", "--charge", "故意杀人罪")["id"]
    house = cli("--json", "place", "add", cid, "第一看守所", "--kind", "detention_house")["id"]
    station = cli("--json", "place", "add", cid, "新华路派出所", "--kind", "police_station")["id"]
    cli("custody", "add", cid, "detention", "2024-05-18 10:00", "--place", station)
    cli("custody", "add", cid, "committal", "2024-05-19 21:10", "--place", house)
    officer = cli("--json", "person", "add", cid, "李警官", "--role", "interrogator")["id"]
    session = cli(
        "--json", "interrogation", "add", cid, "--start", "2024-05-20 23:00",
        "--end", "2024-05-21 09:00", "--place-id", station, "--interrogator", officer,
        "--recording", "none",
    )["id"]  # fmt: skip
    return cid, session


def test_check_prints_findings_with_their_articles(cli):
    cid, session = _violating_case(cli)
    found = cli("--json", "check", cid)
    two = next(f for f in found if f["rule"] == "CPL118-TWO-INVESTIGATORS")
    assert two["certainty"] == "violated" and two["sessions"] == [session]
    assert two["articles"][0]["cited"]["zh"].startswith("《中华人民共和国刑事诉讼法》第118条")
    verbatim = "讯问犯罪嫌疑人必须由人民检察院或者公安机关的侦查人员负责进行"
    assert verbatim in two["articles"][0]["text"]
    assert found[0]["severity"] == "high"  # most severe first
    text = cli("check", cid, "--lang", "en")
    assert f"[{two['ref']}] VIOLATED · " in text and "CPL118-TWO-INVESTIGATORS" in text
    assert "Criminal Procedure Law of the PRC, art. 118" in text
    zh = cli("check", cid, "--lang", "zh_CN")
    assert "违反" in zh and "《中华人民共和国刑事诉讼法》第118条" in zh


def test_check_review_marks_and_dismissed_stay_visible_on_request(cli):
    cid, _ = _violating_case(cli)
    found = cli("--json", "check", cid)
    ref = next(f["ref"] for f in found if f["rule"] == "CPL118-TWO-INVESTIGATORS")
    out = cli("check", "review", cid, ref, "--dismissed", expect=11)  # no reason
    assert "reason" in out
    marked = cli("--json", "check", "review", cid, ref, "--dismissed", "--reason", "录像见两人")
    assert marked["review"] == "dismissed" and marked["reason"] == "录像见两人"
    shown = cli("--json", "check", cid)
    assert ref not in {f["ref"] for f in shown}
    assert len(shown) == len(found) - 1
    every = cli("--json", "check", cid, "--dismissed")
    assert {f["ref"] for f in every} == {f["ref"] for f in found}
    assert "1 dismissed finding(s) not shown" in cli("check", cid, "--lang", "en")
    reviewed = cli("--json", "check", "review", cid, ref, "--reviewed")
    assert reviewed["review"] == "reviewed"
    cli("check", "review", cid, "ffffffffff", "--reviewed", expect=11)
    cli("check", "review", cid, ref, expect=2)  # no state given


def test_check_settings_change_the_findings_and_go_back_to_the_defaults(cli):
    cid = cli("--json", "case", "new", "王某涉嫌抢劫案", "--charge", "抢劫罪")["id"]
    for start, end in (
        ("2024-03-04 08:00", "2024-03-04 13:00"),
        ("2024-03-04 14:00", "2024-03-04 19:00"),
    ):
        cli("interrogation", "add", cid, "--start", start, "--end", end)
    rules = lambda: {f["rule"] for f in cli("--json", "check", cid)}  # noqa: E731
    assert "FATIGUE-HOURS-PER-DAY" not in rules()  # 10 h: under the default N = 12
    shown = cli("--json", "check", "settings")
    assert shown["max_questioning_hours"] == 12 and shown["default"] is True
    changed = cli("--json", "check", "settings", "--max-hours", "8", "--serious", "故意杀人；走私")
    assert changed["max_questioning_hours"] == 8 and changed["serious_charges"] == [
        "故意杀人",
        "走私",
    ]
    assert "FATIGUE-HOURS-PER-DAY" in rules()
    zh = cli("check", "settings", "--lang", "zh_CN")
    assert "超过 8 小时" in zh and "故意杀人；走私" in zh
    cli("check", "settings", "--min-rest", "30", expect=11)  # out of range: nothing changes
    assert cli("--json", "check", "settings")["min_rest_hours"] == 6
    cli("check", cid, "--max-hours", "8", expect=2)  # a settings option without 'settings'
    assert cli("--json", "check", "settings", "--defaults")["default"] is True
    assert "FATIGUE-HOURS-PER-DAY" not in rules()
