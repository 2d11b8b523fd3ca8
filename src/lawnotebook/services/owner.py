"""The vault owner's identity: made with the vault (or on upgrade), kept inside the vault."""

from __future__ import annotations

from lawnotebook.crypto.identity import LawyerIdentity, normalize_name
from lawnotebook.vault import owner
from lawnotebook.vault.database import Connection
from lawnotebook.vault.transaction import transaction


def owner_identity(conn: Connection) -> LawyerIdentity:
    """The owner's identity (every vault has one from schema version 5 on)."""
    return owner.owner_identity(conn)


def owner_id(conn: Connection) -> str:
    """The author id stamped on every record: the owner's key-card fingerprint."""
    return owner.owner_fingerprint(conn)


def rename_owner(conn: Connection, display_name: str) -> LawyerIdentity:
    """Change the name on the owner's key card (same keys, so the fingerprint stays)."""
    old = owner_identity(conn)
    renamed = LawyerIdentity(normalize_name(display_name), old.x25519, old.pq, old.signing)
    with transaction(conn):
        owner.replace_owner_identity(conn, renamed)
    return renamed
