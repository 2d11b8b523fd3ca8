"""Snippets and titles: the original text, matches marked, safe to render as HTML."""

from __future__ import annotations

import html

from lawnotebook.vault.search import render, search
from lawnotebook.vault.search.text import SEPARATOR


def test_title_and_snippet_highlight_the_chinese_match_without_inserted_spaces(conn, add):
    add("n1", "刑讯逼供的控诉", "当事人称在看守所遭到刑讯逼供，被迫签字。")
    [hit] = search(conn, "逼供")
    assert hit.title == "刑讯[逼供]的控诉"
    assert hit.snippet == "当事人称在看守所遭到刑讯[逼供]，被迫签字。"
    assert SEPARATOR not in hit.title + hit.snippet


def test_original_spaces_and_line_breaks_are_kept(conn, add):
    add("n1", "张 三", "第一行\n第二行：张三 (Zhang San)  说")
    [hit] = search(conn, "张三")
    assert hit.title == "[张 三]"  # spaces between CJK characters (as on forms) still match
    assert hit.snippet == "第一行\n第二行：[张三] (Zhang San)  说"


def test_repeated_single_character_matches_merge(conn, add):
    add("n1", "笔记", "供供述")
    [hit] = search(conn, "供")
    assert hit.snippet == "[供供]述"


def test_separate_words_are_marked_separately(conn, add):
    add("n1", "Notes", "张三 retracted his confession.")
    [hit] = search(conn, "张三 confession")
    assert hit.snippet == "[张三] retracted his [confession]."
    assert hit.snippet_segments == (
        ("张三", True),
        (" retracted his ", False),
        ("confession", True),
        (".", False),
    )


def test_long_body_is_cut_with_ellipses(conn, add):
    body = "无关的内容。" * 40 + "刑讯逼供" + "其他内容。" * 40
    add("n1", "笔记", body)
    [hit] = search(conn, "刑讯逼供", snippet_tokens=10)
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "[刑讯逼供]" in hit.snippet
    assert len(hit.snippet) < 30


def test_html_markers_and_escaping(conn, add):
    add("n1", "<script>alert(1)</script> 逼供", "a < b & 逼供 > c")
    [hit] = search(conn, "逼供", open_mark="<b>", close_mark="</b>", escape=html.escape)
    assert hit.title == "&lt;script&gt;alert(1)&lt;/script&gt; <b>逼供</b>"
    assert hit.snippet == "a &lt; b &amp; <b>逼供</b> &gt; c"


def test_render_segments_again(conn, add):
    add("n1", "逼供", "")
    [hit] = search(conn, "逼供")
    assert render(hit.title_segments, "<<", ">>") == "<<逼供>>"
    assert hit.snippet == ""


def test_reserved_characters_in_the_text_do_not_break_markers(conn, add):
    add("n1", "a\ufdd0b\x1fc 逼供", "x\ufdd1y")
    [hit] = search(conn, "逼供")
    assert hit.title == "a\ufffdb c [逼供]"
    assert hit.snippet == "x\ufffdy"
