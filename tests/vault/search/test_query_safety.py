"""Whatever the user types is plain text: no FTS5 syntax error, no injection, no surprises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.vault.search import index_document, search
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

SYNTAX = [
    '"',
    '""',
    '"unclosed',
    "*",
    "confession*",
    "-",
    "-confession",
    "(",
    ")",
    "(confession",
    ":",
    "title:secret",
    "body : x",
    "{title}: x",
    "^",
    "^start",
    "NEAR",
    "NEAR(a b, 2)",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "NOT NOT",
    "a + b",
    "'; DROP TABLE search_text; --",
    "\x00",
    "\x1f",
    "\ufdd0",
    "\ud800",
    "*逼供*",
    "逼供 OR",
]


@pytest.mark.parametrize("query", SYNTAX)
def test_syntax_characters_never_raise(conn, query):
    search(conn, query)
    search(conn, query, case_id="case-1", kinds=["note"])


@pytest.mark.parametrize("query", ["", " ", "\t\n", "\u3000", "-", '"', "()", "、。，"])
def test_empty_or_unsearchable_query_returns_nothing(conn, query):
    assert search(conn, query) == []


def test_operators_are_searched_as_words(add, find):
    add("n1", "Notes", "Do NOT sign anything AND call me OR my colleague.")
    add("n2", "Notes", "sign here")
    assert find("NOT sign") == ["n1"]
    assert find("sign OR missing") == []  # OR is a word that must be present, not an operator
    assert find("AND call ") == ["n1"]


def test_column_filter_syntax_is_text(add, find):
    add("n1", "Secret", "nothing here")
    assert find("title:secret") == []  # "title" is not in the record: no column filter happened
    add("n2", "Other", "the title: secret plan")
    assert find("title:secret") == ["n2"]


def test_quotes_and_stars_are_text(add, find):
    add("n1", "Notes", 'He said "I confess" after three days.')
    assert find('"I confess"') == ["n1"]
    assert find("confess*") == ["n1"]
    assert find('逼"供') == []


def test_the_index_survives_a_hostile_query(conn, add, find):
    add("n1", "Notes", "still here")
    search(conn, "'); DELETE FROM search_document; --")
    assert find("still") == ["n1"]


@pytest.fixture(scope="module")
def shared_conn(tmp_path_factory):
    vault, _ = Vault.create(tmp_path_factory.mktemp("search") / "vault", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        index_document(
            vault.connection,
            record_id="seed",
            case_id="seed",
            kind="note",
            title="种子",
            body="刑讯逼供 confession café",
        )
        yield vault.connection


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=()), max_size=40))
def test_any_unicode_query_never_raises(shared_conn, query):
    for hit in search(shared_conn, query):
        assert hit.record_id == "seed"


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=200))
def test_any_unicode_text_can_be_indexed_and_its_title_searched(shared_conn, text):
    index_document(shared_conn, record_id="any", case_id="any", kind="note", title=text, body=text)
    hits = search(shared_conn, text, case_id="any")
    assert [h.record_id for h in hits] in ([], ["any"])


CJK = "刑讯逼供看守所辩护律师讯问笔录非法证据排除张三丰李四王五被告人证人检察院法院供述翻供"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(st.sampled_from(CJK), min_size=1, max_size=12), min_size=1, max_size=4),
    st.data(),
)
def test_any_substring_of_one_to_four_cjk_characters_finds_the_text(shared_conn, runs, data):
    text = "，".join(runs) + "。"
    index_document(shared_conn, record_id="cjk", case_id="cjk", kind="note", title="", body=text)
    run = data.draw(st.sampled_from(runs))
    start = data.draw(st.integers(0, len(run) - 1))
    length = data.draw(st.integers(1, min(4, len(run) - start)))
    needle = run[start : start + length]
    assert [h.record_id for h in search(shared_conn, needle, case_id="cjk")] == ["cjk"]
