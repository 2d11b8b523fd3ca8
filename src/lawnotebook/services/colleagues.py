"""My identity and my colleagues' key cards."""

from __future__ import annotations

from dataclasses import dataclass

from lawnotebook.crypto.identity import (
    MAX_CARD_BYTES,
    KeyCard,
    LawyerIdentity,
    card_text_from_bytes,
    read_card_text,
)
from lawnotebook.services.owner import owner_identity, rename_owner
from lawnotebook.vault.contacts import Contact, ContactBook
from lawnotebook.vault.database import Connection
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

# Contact: the window shows them; the card readers: the CLI reads card files with them.
__all__ = [
    "MAX_CARD_BYTES",
    "Colleagues",
    "Contact",
    "MyIdentity",
    "card_text_from_bytes",
    "known_names",
    "read_card_text",
]


@dataclass(frozen=True)
class MyIdentity:
    name: str
    fingerprint: str
    card_text: str


class Colleagues:
    """Identity and address-book use cases on one open vault."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.book = ContactBook(vault.connection)

    def me(self) -> MyIdentity:
        card = owner_identity(self.vault.connection).key_card()
        return MyIdentity(card.display_name, card.fingerprint, card.to_text())

    def identity(self) -> LawyerIdentity:
        return owner_identity(self.vault.connection)

    def rename(self, name: str) -> MyIdentity:
        rename_owner(self.vault.connection, name)
        return self.me()

    def add(self, card_text: str, *, verified: bool = False) -> Contact:
        """Add a colleague from key-card text (refused if malformed or forged)."""
        card = KeyCard.from_text(card_text)
        if card.fingerprint == self.me().fingerprint:
            from lawnotebook.core.errors import InvalidInput

            raise InvalidInput("that is your own key card")
        with transaction(self.vault.connection):
            return self.book.add(card, verified=verified)

    def verify(self, ref: str) -> Contact:
        with transaction(self.vault.connection):
            return self.book.set_verified(self.book.find(ref))

    def remove(self, ref: str) -> Contact:
        contact = self.book.find(ref)
        with transaction(self.vault.connection):
            self.book.remove(contact)
        return contact

    def all(self) -> list[Contact]:
        return self.book.all()

    def find(self, ref: str) -> Contact:
        return self.book.find(ref)


def known_names(conn: Connection) -> dict[str, str]:
    """Key-card fingerprint → name, for every colleague in the address book and for the owner:
    how the window says who wrote a record or sent a file."""
    names = {c.fingerprint: c.name for c in ContactBook(conn).all()}
    me = owner_identity(conn).key_card()
    names[me.fingerprint] = me.display_name
    return names
