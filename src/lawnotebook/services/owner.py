"""The vault owner's identity: created once per vault, kept (encrypted) inside the vault."""

from __future__ import annotations

from lawnotebook.crypto.identity import LawyerIdentity
from lawnotebook.vault.database import Connection
from lawnotebook.vault.transaction import transaction

_SECRET_KEY = "owner_identity"  # noqa: S105 - a row name
_FINGERPRINT_KEY = "owner_fingerprint"
DEFAULT_NAME = "Lawnotebook user"


def owner_identity(conn: Connection, display_name: str | None = None) -> LawyerIdentity:
    """The owner's identity, generated (with ``display_name``) the first time it is asked for."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (_SECRET_KEY,)).fetchone()
    if row:
        return LawyerIdentity.from_secret_text(row[0])
    identity = LawyerIdentity.generate(display_name or DEFAULT_NAME)
    with transaction(conn):
        conn.execute(
            "INSERT INTO vault_meta VALUES (?, ?)", (_SECRET_KEY, identity.to_secret_text())
        )
        conn.execute(
            "INSERT INTO vault_meta VALUES (?, ?)",
            (_FINGERPRINT_KEY, identity.key_card().fingerprint),
        )
    return identity


def owner_id(conn: Connection) -> str:
    """The author id stamped on every record: the owner's key-card fingerprint."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (_FINGERPRINT_KEY,)).fetchone()
    return row[0] if row else owner_identity(conn).key_card().fingerprint
