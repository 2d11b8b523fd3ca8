"""Case-file commands as a script drives them (JSON) and as a person reads them (tables)."""

from __future__ import annotations

from lawnotebook.cli import exit_codes


def test_a_case_from_start_to_archive(cli):
    case = cli(
        "--json",
        "case",
        "new",
        "State v. Zhang",
        "--client",
        "张三",
        "--number",
        "(2016)京01刑初123号",
        "--charge",
        "故意伤害",
        "--charge",
        "非法拘禁",
        "--tag",
        "刑讯",
    )
    assert case["charges"] == ["故意伤害", "非法拘禁"] and case["kind"] == "case"
    cid = case["id"]
    officer = cli(
        "--json",
        "person",
        "add",
        cid[:8],
        "李四",
        "--role",
        "interrogator",
        "--alias",
        "Officer Li",
    )
    cli("note", "add", cid, "会见：他说被刑讯逼供", "--title", "Meeting 1")
    event = cli(
        "--json", "event", "add", cid, "before 2016-07-15", "Beaten", "--person", officer["id"][:8]
    )
    assert event["date"] == "before 2016-07-15" and event["person_ids"] == [officer["id"]]
    cli(
        "interrogation",
        "add",
        cid,
        "--start",
        "2016-07-15 21:00",
        "--end",
        "2016-07-16 05:30",
        "--interrogator",
        officer["id"],
        "--video",
        "no",
        "--account",
        "kept awake",
    )
    table = cli("interrogation", "list", cid)
    assert "8h30" in table and "李四" in table and "no" in table
    assert "(2016)京01刑初123号" in cli("case", "list")
    shown = cli("--json", "case", "show", "(2016)京01刑初123号")
    assert shown["counts"] == {
        "person": 1,
        "note": 1,
        "event": 1,
        "interrogation": 1,
        "deadline": 0,
    }
    cli("case", "archive", cid)
    assert cli("--json", "case", "list") == []
    assert [c["id"] for c in cli("--json", "case", "list", "--all")] == [cid]


def test_notes_keep_their_history(cli):
    cid = cli("--json", "case", "new", "Notes")["id"]
    note = cli("--json", "note", "add", cid, "first draft")
    cli("note", "edit", note["id"][:8], "second draft")
    history = cli("--json", "note", "history", note["id"])
    assert [r["body"]["text"] for r in history] == ["first draft", "second draft"]


def test_deadlines(cli):
    cid = cli("--json", "case", "new", "Deadlines")["id"]
    late = cli("--json", "deadline", "add", cid, "2020-01-01", "Appeal", "--kind", "filing")
    cli("deadline", "add", cid, "2099-05-01 09:00", "Hearing", "--kind", "hearing")
    listed = cli("--json", "deadline", "list", cid)
    assert [(d["title"], d["overdue"]) for d in listed] == [("Appeal", True), ("Hearing", False)]
    assert "OVERDUE" in cli("deadline", "list", cid)
    cli("deadline", "done", late["id"][:8])
    assert [d["title"] for d in cli("--json", "deadline", "list", cid)] == ["Hearing"]


def test_events_come_back_in_chronology_order(cli):
    cid = cli("--json", "case", "new", "Chronology")["id"]
    for date in ["2016-08-01", "2016-07-??", "before 2016-07-15", "2015"]:
        cli("event", "add", cid, date, f"at {date}")
    assert [e["date"] for e in cli("--json", "event", "list", cid)] == [
        "2015",
        "2016-07",
        "before 2016-07-15",
        "2016-08-01",
    ]


def test_mistakes_get_a_sentence_and_a_code(cli):
    cid = cli("--json", "case", "new", "Mistakes")["id"]
    out = cli("event", "add", cid, "2016-02-30", "x", expect=exit_codes.BAD_INPUT)
    assert "no day 30" in out
    assert "Not found" in cli("person", "list", "ffffffff", expect=exit_codes.NOT_FOUND)
    assert "at least 6" in cli("note", "list", "abc", expect=exit_codes.NOT_FOUND)
    cli("case", "new", "  ", expect=exit_codes.BAD_INPUT)
    assert cli("--json", "event", "list", cid) == []
