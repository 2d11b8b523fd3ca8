"""Colleagues' key cards, kept in the vault; "verified" once fingerprints were compared."""

from __future__ import annotations

from dataclasses import dataclass

from lawnotebook.core.ids import new_id, utc_now
from lawnotebook.crypto.identity import KeyCard
from lawnotebook.vault.database import Connection
from lawnotebook.vault.errors import RecordNotFound, VaultError


class ContactExists(VaultError):
    """A colleague with the same key card (fingerprint) is already in the address book."""


@dataclass(frozen=True)
class Contact:
    id: str
    fingerprint: str
    name: str
    card: KeyCard
    verified: bool
    added_at: str


def _row(row: tuple) -> Contact:
    cid, fingerprint, name, card, verified, added_at = row
    return Contact(cid, fingerprint, name, KeyCard.from_text(card), bool(verified), added_at)


_SELECT = "SELECT id, fingerprint, name, card, verified, added_at FROM contacts"


class ContactBook:
    """The address book of one open vault."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, card: KeyCard, *, verified: bool = False) -> Contact:
        """Add a colleague from a key card that has already passed ``KeyCard.from_text``."""
        if self.by_fingerprint(card.fingerprint) is not None:
            raise ContactExists(f"{card.display_name} ({card.fingerprint}) is already a contact")
        contact = Contact(new_id(), card.fingerprint, card.display_name, card, verified, utc_now())
        self.conn.execute(
            "INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?)",
            (
                contact.id,
                contact.fingerprint,
                contact.name,
                card.to_text(),
                int(verified),
                contact.added_at,
            ),
        )
        return contact

    def all(self) -> list[Contact]:
        return [_row(r) for r in self.conn.execute(_SELECT + " ORDER BY name, fingerprint")]

    def by_fingerprint(self, fingerprint: str) -> Contact | None:
        row = self.conn.execute(_SELECT + " WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return _row(row) if row else None

    def find(self, ref: str) -> Contact:
        """By id prefix (≥ 4 characters), exact fingerprint, or exact name."""
        rows = self.conn.execute(
            _SELECT + " WHERE id LIKE ? OR fingerprint = ? OR name = ? LIMIT 2",
            (ref.replace("%", "").replace("_", "") + "%" if len(ref) >= 4 else "\0", ref, ref),
        ).fetchall()
        if len(rows) != 1:
            raise RecordNotFound(f"no single contact matches {ref!r}")
        return _row(rows[0])

    def set_verified(self, contact: Contact, verified: bool = True) -> Contact:
        self.conn.execute(
            "UPDATE contacts SET verified = ? WHERE id = ?", (int(verified), contact.id)
        )
        return self.find(contact.id)

    def replace_card(self, contact: Contact, card: KeyCard) -> Contact:
        """Take a newer card of the same colleague: same keys (so the same fingerprint, which
        is who they are), a new name. The verified mark stays: it was given to the keys."""
        if card.fingerprint != contact.fingerprint:
            raise ValueError("a contact's card can only be replaced by one with the same keys")
        self.conn.execute(
            "UPDATE contacts SET name = ?, card = ? WHERE id = ?",
            (card.display_name, card.to_text(), contact.id),
        )
        return self.find(contact.id)

    def remove(self, contact: Contact) -> None:
        self.conn.execute("DELETE FROM contacts WHERE id = ?", (contact.id,))
