"""core.bounded_json: JSON from strangers parsed within bounds, every failure MalformedJson."""

from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.core.bounded_json import MalformedJson, loads

BIG = 1 << 20


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # past the recursion limit: RecursionError in json
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "[" * 33 + "]" * 33,  # within the recursion limit, past our depth
        "9" * 5_000,  # past the int/str limit: a bare ValueError in json
        "-" + "9" * 41,
        '{"n":' + "1" * 4_301 + "}",
        "NaN",
        "[Infinity]",
        "-Infinity",
        '{"a":1,"a":2}',
        "",
        "[1,]",
        "{'a':1}",
        "1 2",
        '"\\ud800"',  # a lone surrogate: no UTF-8 spelling, nothing could store it
        '{"\\udfff":1}',
        '["a\\ud83d"]',
    ],
    ids=lambda t: t[:12],
)
def test_hostile_json_is_malformed(text: str) -> None:
    with pytest.raises(MalformedJson):
        loads(text, max_bytes=BIG)
    with pytest.raises(MalformedJson):
        loads(text.encode(), max_bytes=BIG)


def test_the_limits_are_the_callers() -> None:
    assert loads("[" * 32 + "]" * 32, max_bytes=BIG) is not None
    assert loads("[[1]]", max_bytes=5, max_depth=2) == [[1]]
    with pytest.raises(MalformedJson):
        loads("[[1]]", max_bytes=4)
    with pytest.raises(MalformedJson):
        loads("[[1]]", max_bytes=5, max_depth=1)
    assert loads("12345", max_bytes=BIG, max_int_digits=5) == 12345
    assert loads("-12345", max_bytes=BIG, max_int_digits=5) == -12345
    with pytest.raises(MalformedJson):
        loads("123456", max_bytes=BIG, max_int_digits=5)
    with pytest.raises(MalformedJson):
        loads("[1]", max_bytes=BIG, max_int_digits=0)


def test_a_surrogate_pair_is_one_character() -> None:
    assert loads('"\\ud83d\\ude00"', max_bytes=BIG) == "\U0001f600"


def test_invalid_utf8_is_malformed() -> None:
    for data in (b'"\xff"', b"\xfe\xff[]", b'"\xed\xa0\x80"'):
        with pytest.raises(MalformedJson):
            loads(data, max_bytes=BIG)


def test_the_int_limit_holds_even_when_python_s_is_lifted() -> None:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        with pytest.raises(MalformedJson):
            loads("9" * 5_000, max_bytes=BIG)
    finally:
        sys.set_int_max_str_digits(old)


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**39), max_value=10**39)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200)
@given(values)
def test_what_json_dumps_writes_within_the_bounds_reads_back(value) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert loads(text, max_bytes=BIG) == value
    assert loads(text.encode("utf-8"), max_bytes=BIG) == value


@settings(max_examples=300)
@given(st.one_of(st.binary(max_size=200), st.text(alphabet='[]{}",:019-eE.tnNaI\\u ', max_size=80)))
def test_any_input_gives_a_value_or_malformed_json(data) -> None:
    try:
        loads(data, max_bytes=BIG, max_depth=8, max_int_digits=10)
    except MalformedJson:
        pass
