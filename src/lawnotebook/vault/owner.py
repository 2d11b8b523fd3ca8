"""The vault owner's identity, kept in ``vault_meta`` (made by migration 5 or with the vault)."""

from __future__ import annotations

from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.vault.database import Connection


def owner_identity(conn: Connection) -> LawyerIdentity:
    """The owner's identity, secret keys included (every vault has one from schema 5 on)."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'owner_identity'").fetchone()
    return LawyerIdentity.from_secret_text(row[0])


def owner_fingerprint(conn: Connection) -> str:
    """The fingerprint of the owner's key card, as stored beside the identity."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'owner_fingerprint'").fetchone()
    return row[0]


def replace_owner_identity(conn: Connection, identity: LawyerIdentity) -> None:
    """Store a changed identity with the same keys (a new name); the fingerprint row is left
    as it is, so call this only with the owner's own keys, inside the caller's transaction."""
    conn.execute(
        "UPDATE vault_meta SET value = ? WHERE key = 'owner_identity'",
        (identity.to_secret_text(),),
    )
