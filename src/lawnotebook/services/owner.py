"""The vault owner: the identity made with the vault (or on upgrade), kept inside the vault,
and the name, law firm and licence number the owner signs with.

The name is the one on the owner's key card, so colleagues see it on the card and on every
bundle; changing it re-issues the card signed with the same keys (the fingerprint stays).
The firm and licence number stay in this vault: they are printed in the head of reports.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lawnotebook.core.errors import InvalidInput
from lawnotebook.crypto.identity import MAX_NAME_CHARS, LawyerIdentity, normalize_name
from lawnotebook.vault import owner
from lawnotebook.vault.database import Connection
from lawnotebook.vault.migrations.v0005_sharing import DEFAULT_OWNER_NAME
from lawnotebook.vault.transaction import transaction

# The name every vault's card carries until its owner gives one (vaults made before issue 16,
# or a name left empty): "Lawnotebook user". Shown to others with the fingerprint beside it.
DEFAULT_NAME = DEFAULT_OWNER_NAME
__all__ = [
    "DEFAULT_NAME",
    "MAX_FIRM_CHARS",
    "MAX_LICENCE_CHARS",
    "MAX_NAME_CHARS",
    "OwnerDetails",
    "OwnerProfile",
    "checked_name",
    "checked_profile",
    "owner_id",
    "owner_identity",
    "owner_profile",
    "rename_owner",
    "set_owner_profile",
]
MAX_FIRM_CHARS = 128
MAX_LICENCE_CHARS = 64


@dataclass(frozen=True)
class OwnerProfile:
    """Who the owner is, as they sign reports: the card's name, firm and licence number."""

    name: str
    firm: str = ""
    licence: str = ""

    @property
    def is_default_name(self) -> bool:
        return self.name == DEFAULT_NAME


def owner_identity(conn: Connection) -> LawyerIdentity:
    """The owner's identity (every vault has one from schema version 5 on)."""
    return owner.owner_identity(conn)


def owner_id(conn: Connection) -> str:
    """The author id stamped on every record: the owner's key-card fingerprint."""
    return owner.owner_fingerprint(conn)


def owner_profile(conn: Connection) -> OwnerProfile:
    """The owner's name (from the key card), firm and licence number."""
    firm, licence = owner.owner_details(conn)
    return OwnerProfile(owner_identity(conn).display_name, firm, licence)


def checked_name(name: str) -> str:
    """A display name as stored: NFC, trimmed; an empty one is the default name. Raises
    :class:`InvalidInput` for one too long or with control characters."""
    if not name.strip():
        return DEFAULT_NAME
    try:
        return normalize_name(name)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from exc


def _checked_detail(value: str, what: str, limit: int) -> str:
    if len(value) > 4 * limit:
        raise InvalidInput(f"a {what} has at most {limit} characters")
    value = " ".join(unicodedata.normalize("NFC", value).split())
    if len(value) > limit:
        raise InvalidInput(f"a {what} has at most {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        raise InvalidInput(f"a {what} cannot contain control characters")
    return value


def checked_profile(name: str, firm: str = "", licence: str = "") -> OwnerProfile:
    """The profile as it would be stored, or :class:`InvalidInput` naming what is wrong."""
    return OwnerProfile(
        checked_name(name),
        _checked_detail(firm, "law firm's name", MAX_FIRM_CHARS),
        _checked_detail(licence, "licence number", MAX_LICENCE_CHARS),
    )


def rename_owner(conn: Connection, display_name: str) -> LawyerIdentity:
    """Change the name on the owner's key card (same keys, so the fingerprint stays)."""
    old = owner_identity(conn)
    renamed = LawyerIdentity(checked_name(display_name), old.x25519, old.pq, old.signing)
    with transaction(conn):
        owner.replace_owner_identity(conn, renamed)
    return renamed


def set_owner_profile(
    conn: Connection,
    *,
    name: str | None = None,
    firm: str | None = None,
    licence: str | None = None,
) -> OwnerProfile:
    """Change what is given (``None`` keeps it; "" clears a firm or licence, or sets the
    default name), all in one transaction. A new name re-issues the key card with the same
    keys: colleagues who import it see the new name on the same fingerprint."""
    old = owner_profile(conn)
    new = checked_profile(
        old.name if name is None else name,
        old.firm if firm is None else firm,
        old.licence if licence is None else licence,
    )
    with transaction(conn):
        if new.name != old.name:
            me = owner_identity(conn)
            owner.replace_owner_identity(
                conn, LawyerIdentity(new.name, me.x25519, me.pq, me.signing)
            )
        if (new.firm, new.licence) != (old.firm, old.licence):
            owner.set_owner_details(conn, new.firm, new.licence)
    return new


class OwnerDetails:
    """The owner's name, firm and licence number on one open vault (the window's Settings)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self) -> OwnerProfile:
        return owner_profile(self.conn)

    def fingerprint(self) -> str:
        return owner_id(self.conn)

    def set(self, name: str, firm: str, licence: str) -> OwnerProfile:
        """Store all three (see :func:`set_owner_profile`); :class:`InvalidInput` if unusable."""
        return set_owner_profile(self.conn, name=name, firm=firm, licence=licence)
