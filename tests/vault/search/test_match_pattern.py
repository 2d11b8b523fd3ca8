"""match_pattern()'s regular expressions: cheap to compile, and exact on plain text."""

from __future__ import annotations

import re

from lawnotebook.vault.search import text
from lawnotebook.vault.search.text import is_plain, match_pattern


def test_the_gap_is_every_plain_character_that_is_not_a_token_character() -> None:
    gap = re.compile(text._GAP.removesuffix("*"))
    token = re.compile(f"[A-Za-z0-9{text._CJK_TOKEN_CLASS}]")
    for code in range(0x110000):
        ch = chr(code)
        if 0xD800 <= code < 0xE000 or not is_plain(ch):
            continue
        assert bool(gap.fullmatch(ch)) != bool(token.fullmatch(ch)), hex(code)


def test_the_gap_lists_few_characters() -> None:
    # Not the complement of the token characters (~1 million code points, of which re.compile
    # tabulates 170,000 for every gap of every new query: ~1.5 ms each).
    gap = re.compile(text._GAP.removesuffix("*"))
    assert sum(1 for code in range(0x40000) if gap.fullmatch(chr(code))) < 2000


def test_a_latin_word_matches_only_at_a_word_start() -> None:
    [p] = match_pattern("Con")
    assert [m.span() for m in p.finditer("con icon con2 CON,con")] == [(0, 3), (14, 17), (18, 21)]
    [p] = match_pattern("2019-07")
    assert [m.span() for m in p.finditer("2019-07 12019-07 2019–07")] == [(0, 7), (17, 24)]
