"""A rough strength hint for a new passphrase: a nudge toward long sentences, not a gate."""

from __future__ import annotations

import math
import unicodedata

from PySide6.QtCore import QCoreApplication

MIN_LENGTH = 8


def _is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))


def estimated_bits(passphrase: str) -> float:
    """A crude entropy estimate: character pool per class times length, CJK generously."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 26
    if any(c.isupper() for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c.isspace() or (not c.isalnum() and not _is_cjk(c)) for c in passphrase):
        pool += 20
    cjk = sum(_is_cjk(c) for c in passphrase)
    others = len(passphrase) - cjk
    repeated = len(passphrase) - len(set(passphrase))  # "aaaaaaaa" is not 8 characters of luck
    bits = others * math.log2(max(pool, 2)) + cjk * 11.0
    return max(0.0, bits - repeated * 2.5)


def strength(passphrase: str) -> tuple[int, str]:
    """Level 0 (too short) to 3 (strong) and a short sentence for the user."""

    if len(passphrase) < MIN_LENGTH and not any(_is_cjk(c) for c in passphrase):
        return 0, QCoreApplication.translate(
            "PassphraseStrength",
            "Too short. A sentence of five or more words is easy to remember and strong.",
        )
    bits = estimated_bits(passphrase)
    if bits < 45:
        return 1, QCoreApplication.translate(
            "PassphraseStrength", "Weak. Add more words; a whole sentence works best."
        )
    if bits < 70:
        return 2, QCoreApplication.translate(
            "PassphraseStrength", "Fair. A few more words would make it strong."
        )
    return 3, QCoreApplication.translate("PassphraseStrength", "Strong.")
