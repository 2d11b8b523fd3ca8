"""Chinese search: substrings of any length, names inside longer names, mixed with English."""

from __future__ import annotations

TORTURE = "当事人称在看守所遭到刑讯逼供，被迫在讯问笔录上签字。"


def test_two_characters_inside_a_longer_word(add, find):
    add("n1", "会见笔录", TORTURE)
    add("n2", "阅卷", "卷宗里没有同步录音录像。")
    assert find("逼供") == ["n1"]


def test_four_character_term(add, find):
    add("n1", "会见笔录", TORTURE)
    add("n2", "笔记", "逼问之后才供述")  # the same characters, not adjacent
    assert find("刑讯逼供") == ["n1"]


def test_characters_must_be_adjacent_and_in_order(add, find):
    add("n1", "笔记", "供述是逼出来的")
    assert find("逼供") == []


def test_two_character_name_inside_a_three_character_name_and_in_running_text(add, find):
    add("p1", "张三丰", "证人", kind="person")
    add("n1", "会见", "被告人张三在看守所内多次要求会见律师。")
    add("p2", "张四", "侦查人员", kind="person")
    assert sorted(find("张三")) == ["n1", "p1"]
    assert find("张三丰") == ["p1"]


def test_one_character(add, find):
    add("n1", "笔记", TORTURE)
    add("n2", "笔记", "没有相关内容")
    assert find("供") == ["n1"]


def test_mixed_chinese_and_english(add, find):
    add("n1", "Meeting", "张三 retracted his confession: 刑讯逼供。")
    add("n2", "Meeting", "张三 says nothing more.")
    add("n3", "Meeting", "The confession was read out in court.")
    assert find("张三 confession") == ["n1"]
    assert find("张三confession") == ["n1"]  # no space between scripts


def test_chinese_next_to_latin_letters_and_digits(add, find):
    add("n1", "笔记", "2019年3月在DNA鉴定后翻供")
    assert find("翻供") == ["n1"]
    assert find("DNA") == ["n1"]
    assert find("2019") == ["n1"]


def test_rare_characters_from_newer_unicode_extensions(add, find):
    # U+2B820 (CJK Extension E, Unicode 8.0) is unknown to SQLite's Unicode 6.1 tables.
    name = "李\U0002b820明"
    add("p1", name, "证人", kind="person")
    assert find("\U0002b820") == ["p1"]
    assert find(name) == ["p1"]


def test_japanese_kana_and_korean_are_split_too(add, find):
    add("n1", "メモ", "弁護士は接見を求めた。변호사는 접견을 요구했다.")
    assert find("接見") == ["n1"]
    assert find("변호사") == ["n1"]


def test_full_width_punctuation_separates(add, find):
    add("n1", "笔记", "证人：王五（化名）")
    assert find("王五") == ["n1"]
    assert find("证人：王五") == ["n1"]
