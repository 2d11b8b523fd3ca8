"""The lawyer's settings of the legality checks, kept inside the vault (``vault_meta``, key
``check_settings``, a JSON object): they can say what kind of cases the lawyer takes, so they
are never in the plain settings file. They stay in this vault: bundles do not carry them."""

from __future__ import annotations

from lawnotebook.vault.database import Connection

KEY = "check_settings"


def stored_check_settings(conn: Connection) -> str | None:
    """The stored JSON text, or ``None`` when the lawyer never changed the defaults."""
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (KEY,)).fetchone()
    return str(row[0]) if row else None


def store_check_settings(conn: Connection, text: str | None) -> None:
    """Store ``text`` (``None``: back to the defaults), inside the caller's transaction."""
    if text is None:
        conn.execute("DELETE FROM vault_meta WHERE key = ?", (KEY,))
    else:
        conn.execute("INSERT OR REPLACE INTO vault_meta VALUES (?, ?)", (KEY, text))
