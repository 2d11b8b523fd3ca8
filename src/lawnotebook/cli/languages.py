"""Which language the command line writes reports in (and opens the window in, with ``--lang``).

``--lang`` wins; else the system's language as POSIX programs read it: the first of
``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set (``zh_CN.UTF-8``). Any Chinese locale gives
``zh_CN`` (the only Chinese translation shipped); anything else, ``C`` included, ``en``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)


def language_option(text: str) -> str:
    """``zh_CN`` or ``en`` for a ``--lang`` value (``zh``, ``zh-CN``, ``zh_CN.UTF-8``, ``en_GB``);
    raises ValueError for anything else."""
    code = text.strip().lower().replace("-", "_")
    if code.startswith("zh"):
        return CHINESE
    if code.startswith("en") or code in ("c", "posix"):
        return ENGLISH
    raise ValueError(f"unknown language {text!r} (use {' or '.join(LANGUAGES)})")


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """``zh_CN`` or ``en`` from the locale variables."""
    env = os.environ if environ is None else environ
    value = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    return CHINESE if value.lower().startswith("zh") else ENGLISH


def report_language(option: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of a report: ``--lang`` if given, else the system's."""
    return language_option(option) if option else system_language(environ)
