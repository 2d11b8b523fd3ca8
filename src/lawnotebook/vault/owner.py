"""The vault owner's identity, kept in ``vault_meta`` (made by migration 5 or with the vault),
and what the owner signs reports with besides their name: law firm and licence number."""

from __future__ import annotations

from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.vault.database import Connection

# vault_meta keys of the owner's details; an absent row means "not given". Plain key/value
# rows of the encrypted database, so no migration is needed and older vaults simply lack them.
FIRM_KEY = "owner_firm"
LICENCE_KEY = "owner_licence"


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


def owner_details(conn: Connection) -> tuple[str, str]:
    """The owner's law firm and licence number ("" where not given)."""
    rows = dict(
        conn.execute(
            "SELECT key, value FROM vault_meta WHERE key IN (?, ?)", (FIRM_KEY, LICENCE_KEY)
        ).fetchall()
    )
    return rows.get(FIRM_KEY, ""), rows.get(LICENCE_KEY, "")


def set_owner_details(conn: Connection, firm: str, licence: str) -> None:
    """Store the firm and licence number ("" removes one), inside the caller's transaction."""
    for key, value in ((FIRM_KEY, firm), (LICENCE_KEY, licence)):
        if value:
            conn.execute("INSERT OR REPLACE INTO vault_meta VALUES (?, ?)", (key, value))
        else:
            conn.execute("DELETE FROM vault_meta WHERE key = ?", (key,))
