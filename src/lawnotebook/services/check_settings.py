"""What the lawyer sets for the legality checks: the thresholds the law does not fix and the
list of charges that make a case one where life imprisonment or death is possible.

- ``max_questioning_hours`` (N, default 12) and ``min_rest_hours`` (M, default 6): the
  fatigue patterns — more than N hours of questioning in some 24 hours, and a run of sessions
  over 24 hours with no pause of M hours (why these defaults: ``legality.Params``);
- ``serious_charges``: a charge is serious when one of these words occurs in it, ignoring case
  (default: the engine's Chinese list plus the English words of :data:`ENGLISH_SERIOUS_CHARGES`).
  Whether the sentencing level that applies reaches life or death is the lawyer's call (PPR
  art. 208 para. 2), so the list is theirs to edit.

Kept inside the vault (``vault/check_settings.py``); every finding — the window, ``check``, the
reports, the motion — is computed with them.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, replace

from lawnotebook import legality as lg
from lawnotebook.core.errors import InvalidInput
from lawnotebook.legality import Params
from lawnotebook.vault.check_settings import store_check_settings, stored_check_settings
from lawnotebook.vault.database import Connection
from lawnotebook.vault.transaction import transaction

# Ours, not law: the English words of the engine's list (DEFAULT_SERIOUS_CHARGES), matched as
# substrings of a charge's text, case-insensitively.
ENGLISH_SERIOUS_CHARGES: tuple[str, ...] = (
    "homicide",
    "murder",
    "robbery",
    "rape",
    "kidnapping",
    "arson",
    "explosion",
    "poisoning",
    "endangering public safety",
    "intentional injury",
    "grievous bodily harm",
    "drug",
    "embezzlement",
    "bribe",
    "trafficking in women",
    "trafficking in children",
)
DEFAULT_SERIOUS_CHARGES: tuple[str, ...] = (*lg.DEFAULT_SERIOUS_CHARGES, *ENGLISH_SERIOUS_CHARGES)

HOURS_RANGE = (1.0, 24.0)
MAX_CHARGES = 200
MAX_CHARGE_CHARS = 40
DEFAULT_PARAMS = Params()


@dataclass(frozen=True)
class CheckSettings:
    max_questioning_hours: float = DEFAULT_PARAMS.max_questioning_hours
    min_rest_hours: float = DEFAULT_PARAMS.min_rest_hours
    serious_charges: tuple[str, ...] = DEFAULT_SERIOUS_CHARGES

    @property
    def is_default(self) -> bool:
        return self == CheckSettings()

    def params(self) -> Params:
        """The engine's thresholds: the defaults with N and M replaced."""
        return replace(
            DEFAULT_PARAMS,
            max_questioning_hours=self.max_questioning_hours,
            min_rest_hours=self.min_rest_hours,
        )


def split_charges(text: str) -> tuple[str, ...]:
    """The words of a typed list: one per line, or separated by ，；,; (each once, in order).
    Not by 、: it is part of charges' names (拐卖妇女、儿童罪)."""
    for sep in "，；,;":
        text = text.replace(sep, "\n")
    words = (" ".join(unicodedata.normalize("NFC", w).split()) for w in text.splitlines())
    return tuple(dict.fromkeys(w for w in words if w))


def checked_settings(
    max_questioning_hours: float, min_rest_hours: float, serious_charges: tuple[str, ...]
) -> CheckSettings:
    """The settings as they would be stored, or :class:`InvalidInput` saying what is wrong."""
    low, high = HOURS_RANGE
    for what, value in (
        ("questioning hours in 24 hours", max_questioning_hours),
        ("hours of rest", min_rest_hours),
    ):
        if not isinstance(value, int | float) or not low <= float(value) <= high:
            raise InvalidInput(f"the {what} must be between {low:g} and {high:g}")
    words = split_charges("\n".join(serious_charges))
    if len(words) > MAX_CHARGES:
        raise InvalidInput(f"the list of serious charges has at most {MAX_CHARGES} entries")
    for word in words:
        if len(word) > MAX_CHARGE_CHARS:
            raise InvalidInput(f"a serious charge has at most {MAX_CHARGE_CHARS} characters")
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in word):
            raise InvalidInput("a serious charge cannot contain control characters")
    return CheckSettings(float(max_questioning_hours), float(min_rest_hours), words)


def check_settings(conn: Connection) -> CheckSettings:
    """The settings in force (the defaults until the lawyer changes them). A stored value that
    cannot be read (written by a later version, say) is not used: the defaults hold."""
    text = stored_check_settings(conn)
    if text is None:
        return CheckSettings()
    try:
        data = json.loads(text)
        return checked_settings(
            data["max_questioning_hours"],
            data["min_rest_hours"],
            tuple(str(w) for w in data["serious_charges"]),
        )
    except (ValueError, KeyError, TypeError):
        return CheckSettings()


def set_check_settings(conn: Connection, settings: CheckSettings) -> CheckSettings:
    """Store ``settings`` (checked again; the defaults are stored as no value at all)."""
    checked = checked_settings(
        settings.max_questioning_hours, settings.min_rest_hours, settings.serious_charges
    )
    text = None
    if not checked.is_default:
        text = json.dumps(
            {
                "max_questioning_hours": checked.max_questioning_hours,
                "min_rest_hours": checked.min_rest_hours,
                "serious_charges": list(checked.serious_charges),
            },
            ensure_ascii=False,
        )
    with transaction(conn):
        store_check_settings(conn, text)
    return checked


class CheckSettingsAccess:
    """The settings on one open vault (the window's Settings)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self) -> CheckSettings:
        return check_settings(self.conn)

    def set(self, settings: CheckSettings) -> CheckSettings:
        return set_check_settings(self.conn, settings)
