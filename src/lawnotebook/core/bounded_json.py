"""JSON from strangers, parsed within bounds: size, nesting depth and digits of an integer.

``json.loads`` has none of these: a megabyte of ``[`` ends in ``RecursionError``, a 5,000-digit
integer in a bare ``ValueError`` (Python's int/str conversion limit), ``NaN`` and duplicate keys
are accepted. :func:`loads` turns every one of them into :class:`MalformedJson`, so a caller
catches one class and words it for its own format (a bundle, a vault header, a key card).
"""

from __future__ import annotations

import json
import re
from typing import Any

from lawnotebook.core.errors import LawnotebookError

MAX_DEPTH = 32
MAX_INT_DIGITS = 40  # a 2^128 counter has 39 digits; no field of ours needs more


class MalformedJson(LawnotebookError):
    """Not JSON, or JSON outside the bounds the caller set (size, depth, digits, keys)."""


def _int(text: str, limit: int) -> int:
    if len(text.lstrip("-")) > limit:
        raise MalformedJson(f"a number has more than {limit} digits")
    return int(text)


def _constant(name: str) -> Any:
    raise MalformedJson(f"{name} is not a JSON number")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise MalformedJson("an object names the same key twice")
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_tree(value: Any, limit: int) -> None:
    """Refuse a value nested deeper than ``limit`` (iteratively: no recursion to exhaust) or
    holding a lone surrogate (``"\\ud800"``: no UTF-8 spelling, so nothing could store it)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise MalformedJson("a string holds a lone surrogate")
            continue
        if isinstance(item, dict):
            children: Any = [*item.keys(), *item.values()]
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            raise MalformedJson(f"nested deeper than {limit} levels")
        stack.extend((child, depth + 1) for child in children)


def loads(
    data: bytes | str,
    *,
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
    max_int_digits: int = MAX_INT_DIGITS,
) -> Any:
    """Parse ``data`` (UTF-8 if bytes) as strict JSON, or raise :class:`MalformedJson`.

    ``max_bytes`` is checked before anything is decoded. Strict: no ``NaN``/``Infinity``, no
    duplicate keys, integers of at most ``max_int_digits`` digits, containers nested at most
    ``max_depth`` deep (a scalar is depth 0, ``[]`` depth 1), no lone surrogates.
    """
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise MalformedJson(f"{size} bytes of JSON exceed the limit of {max_bytes}")
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = json.loads(
            text,
            parse_int=lambda s: _int(s, max_int_digits),
            parse_constant=_constant,
            object_pairs_hook=_object,
        )
    except MalformedJson:
        raise
    except RecursionError as exc:  # the C scanner's own guard, far below a stack overflow
        raise MalformedJson(f"nested deeper than {max_depth} levels") from exc
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise MalformedJson("not valid JSON") from exc
    _check_tree(value, max_depth)
    return value
