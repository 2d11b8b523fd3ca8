"""Latin-script search: whole words, case and accents folded, prefix while typing."""

from __future__ import annotations


def test_accents_fold_both_ways(add, find):
    add("n1", "Notes", "We met at the café with Dr. Müller.")
    assert find("cafe ") == ["n1"]
    assert find("CAFÉ ") == ["n1"]
    assert find("Muller") == ["n1"]
    assert find("müller") == ["n1"]


def test_decomposed_accents_match_precomposed(add, find):
    add("n1", "Notes", "Cafe\u0301 Mu\u0308ller")  # NFD, as macOS file names arrive
    assert find("café") == ["n1"]
    assert find("Müller") == ["n1"]


def test_whole_words_once_a_space_follows(add, find):
    add("n1", "Notes", "He signed a confession.")
    assert find("confes ", complete_last_word=True) == []
    assert find("confes", complete_last_word=False) == []


def test_last_word_matches_as_prefix_while_typing(add, find):
    add("n1", "Notes", "He signed a confession.")
    add("n2", "Notes", "The confessor was not present.")
    assert sorted(find("confes", complete_last_word=True)) == ["n1", "n2"]
    assert find("signed confes", complete_last_word=True) == ["n1"]
    assert find("张三 confes", complete_last_word=True) == []
    assert find("confes") == []  # off by default


def test_exact_word_ranks_before_longer_words_with_that_prefix(add, find):
    add("n1", "Notes", "The confessions were recorded.")
    add("n2", "Notes", "The confession was recorded.")
    assert find("confession", complete_last_word=True) == ["n2", "n1"]


def test_short_last_word_is_not_a_prefix(add, find):
    add("n1", "Notes", "The court adjourned.")
    assert find("co", complete_last_word=True) == []


def test_all_words_must_match(add, find):
    add("n1", "Notes", "video recording missing")
    add("n2", "Notes", "video recording present")
    assert find("video missing ") == ["n1"]
