"""Ranking (bm25, title weighted) and the case and kind filters."""

from __future__ import annotations

from lawnotebook.vault.search import query, search


def test_title_match_outranks_body_match(add, find):
    add("body", "Meeting notes", "The interrogation lasted all night.")
    add("title", "Interrogation", "Meeting notes from the detention centre.")
    assert find("interrogation ") == ["title", "body"]


def test_title_match_outranks_body_match_in_chinese(add, find):
    add("body", "会见记录", "当事人说讯问持续了一整夜。")
    add("title", "讯问情况", "会见记录，看守所。")
    assert find("讯问") == ["title", "body"]


def test_more_occurrences_rank_higher(add, find):
    add("once", "Notes", "beaten once. " + "filler words here. " * 5)
    add("thrice", "Notes", "beaten, beaten and beaten. " + "filler words here. " * 4)
    assert find("beaten ") == ["thrice", "once"]


def test_scores_are_descending_and_positive(conn, add):
    for i in range(5):
        add(f"n{i}", "Notes", "逼供 " * (i + 1) + "其他内容" * 3)
    scores = [h.score for h in search(conn, "逼供")]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_case_filter(add, find):
    add("a", "Notes", "刑讯逼供", case_id="case-a")
    add("b", "Notes", "刑讯逼供", case_id="case-b")
    assert find("逼供", case_id="case-a") == ["a"]
    assert find("逼供", case_id="case-b") == ["b"]
    assert find("逼供", case_id="case-c") == []
    assert sorted(find("逼供")) == ["a", "b"]


def test_case_ids_with_syntax_characters_filter_exactly(add, find):
    odd = 'case "1" OR * -x'
    add("a", "Notes", "逼供", case_id=odd)
    add("b", "Notes", "逼供", case_id="case 1")
    assert find("逼供", case_id=odd) == ["a"]


def test_kinds_filter(add, find):
    add("n", "张三", "会见", kind="note")
    add("p", "张三", "被告人", kind="person")
    add("e", "张三被讯问", "", kind="event")
    assert find("张三", kinds=["person"]) == ["p"]
    assert sorted(find("张三", kinds={"note", "event"})) == ["e", "n"]
    assert find("张三", kinds=[]) == []
    assert find("张三", kinds=["deadline"]) == []


def test_case_and_kinds_together(add, find):
    add("a-note", "逼供", "", case_id="a", kind="note")
    add("a-person", "逼供", "", case_id="a", kind="person")
    add("b-note", "逼供", "", case_id="b", kind="note")
    assert find("逼供", case_id="a", kinds=["note"]) == ["a-note"]


def test_limit(add, find):
    for i in range(10):
        add(f"n{i}", "Notes", "看守所")
    assert len(find("看守所", limit=3)) == 3
    assert find("看守所", limit=0) == []


def test_many_matches_rank_the_newest_window(monkeypatch, add, find):
    monkeypatch.setattr(query, "RANK_WINDOW", 4)
    add("old-best", "羁押", "羁押 羁押", case_id="case-old")  # best match, but not recent
    for i in range(6):
        add(f"new{i}", "Notes", "羁押" + "，无关内容" * (i + 1))
    # The 4 newest matches, ranked among themselves (shorter text with the same hit first).
    assert find("羁押") == ["new2", "new3", "new4", "new5"]
    # A filter narrows the matches before the window applies.
    assert find("羁押", case_id="case-old") == ["old-best"]
