"""Prefix completion (``complete_last_word``) expands the word being typed into the index's
terms (fts5vocab) instead of FTS5's prefix query: the same hits, milliseconds instead of
seconds on a large vault."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawnotebook.vault.search import index_document, query, search
from lawnotebook.vault.search.text import match_expression, prefix_to_complete
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

WORDS = [
    "confess",
    "Confession",
    "confessed",
    "confé",
    "conference",
    "con",
    "o'brien",
    "2019-07-01",
    "Müller",
    "mülle",
    "供述",
    "photo",
    "photograph",
    "Photos",
    "x",
]
GLUE = [" ", "，", ". ", "\n", "-"]


@pytest.fixture(scope="module")
def shared_conn(tmp_path_factory):
    vault, _ = Vault.create(tmp_path_factory.mktemp("pre") / "vault", PASSPHRASE, kdf=FAST_KDF)
    with vault:
        yield vault.connection


def _fts5_prefix(conn, q, **options):  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(query, "_completions", lambda *_: None)
        return search(conn, q, complete_last_word=True, **options)


texts = st.lists(st.sampled_from(WORDS + GLUE), max_size=12).map("".join)
typed = st.sampled_from(WORDS).flatmap(lambda w: st.integers(1, len(w)).map(lambda n, w=w: w[:n]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(texts, texts, st.sampled_from(["c1", "c2"])), min_size=1, max_size=5),
    st.lists(st.sampled_from(WORDS), max_size=2),
    typed,
    st.sampled_from(["", " "]),
    st.sampled_from([None, "c1"]),
)
def test_same_hits_as_fts5_prefix_query(shared_conn, records, words, last, end, case_id):
    conn = shared_conn
    conn.execute("DELETE FROM search_text")
    conn.execute("DELETE FROM search_document")
    for i, (title, body, case) in enumerate(records):
        index_document(conn, record_id=f"r{i}", case_id=case, kind="note", title=title, body=body)
    q = " ".join([*words, last]) + end
    assert search(conn, q, complete_last_word=True, case_id=case_id) == _fts5_prefix(
        conn, q, case_id=case_id
    )


def test_prefix_to_complete():
    assert prefix_to_complete("张三 Confes") == "confes"
    assert prefix_to_complete("confes ") is None  # finished: a space after it
    assert prefix_to_complete("co") is None  # too short
    assert prefix_to_complete("o'bri") is None  # two tokens: FTS5's prefix query
    assert prefix_to_complete("mül") is None  # not ASCII: FTS5 folds it
    assert prefix_to_complete("供述") is None


def test_expression_with_completions():
    assert match_expression("a confes", complete_last_word=True, completions=[]) == (
        '"a" AND ("confes")'
    )
    assert (
        match_expression("a confes", complete_last_word=True, completions=["confession", "confess"])
        == '"a" AND ("confes" OR "confess" OR "confession")'
    )
    # Not being typed: no completion, whatever the completions.
    assert match_expression("confes ", complete_last_word=True, completions=["x"]) == '"confes"'


def test_too_many_completions_fall_back_to_fts5(add, find, conn, monkeypatch):
    add("n1", "confession", "")
    add("n2", "confessed", "")
    add("n3", "confess", "")
    monkeypatch.setattr(query, "MAX_COMPLETIONS", 2)
    assert query._completions(conn, "confes") is None
    assert sorted(find("confes", complete_last_word=True)) == ["n1", "n2", "n3"]
    monkeypatch.setattr(query, "MAX_COMPLETIONS", 3)
    assert query._completions(conn, "confes") == ["confess", "confessed", "confession"]
    assert sorted(find("confes", complete_last_word=True)) == ["n1", "n2", "n3"]


def test_without_a_term_list_fts5_completes(add, find, conn, monkeypatch):
    add("n1", "confession", "")
    monkeypatch.setattr(query, "_VOCAB", "CREATE VIRTUAL TABLE temp.x USING no_such_module")
    assert query._completions(conn, "confes") is None
    assert find("confes", complete_last_word=True) == ["n1"]
