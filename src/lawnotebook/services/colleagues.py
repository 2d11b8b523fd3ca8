"""My identity and my colleagues' key cards."""

from __future__ import annotations

from dataclasses import dataclass

from lawnotebook.core.errors import InvalidInput
from lawnotebook.crypto.identity import (
    MAX_CARD_BYTES,
    KeyCard,
    LawyerIdentity,
    card_text_from_bytes,
    read_card_text,
)
from lawnotebook.services.owner import DEFAULT_NAME, owner_identity, rename_owner
from lawnotebook.vault.contacts import Contact, ContactBook, ContactExists
from lawnotebook.vault.database import Connection
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault

# Contact: the window shows them; the card readers: the CLI reads card files with them.
__all__ = [
    "DEFAULT_SHOWN",
    "MAX_CARD_BYTES",
    "CardTaken",
    "Colleagues",
    "Contact",
    "MyIdentity",
    "card_text_from_bytes",
    "known_names",
    "read_card_text",
    "shown_name",
]


# How a card with the default name is shown; {groups}: the fingerprint's first two groups.
DEFAULT_SHOWN = DEFAULT_NAME + " ({groups}…)"


def shown_name(name: str, fingerprint: str, template: str = DEFAULT_SHOWN) -> str:
    """A person as the lawyer reads them: their name, or, for a card that still carries the
    default name, that name with the fingerprint's first two groups ("Lawnotebook user (12345
    67890…)"), so two colleagues who never named themselves can be told apart.
    ``template`` is :data:`DEFAULT_SHOWN` in the reader's language."""
    if name != DEFAULT_NAME:
        return name
    return template.format(groups=" ".join(fingerprint.split()[:2]))


@dataclass(frozen=True)
class CardTaken:
    """A key card taken into the address book: a new colleague, or (``renamed_from``) a new
    card of one already there, with the same keys and a new name."""

    contact: Contact
    renamed_from: str | None = None


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
        """Add a colleague from key-card text (refused if malformed or forged); see
        :meth:`take_card` for a card of a colleague already in the address book."""
        return self.take_card(card_text, verified=verified).contact

    def take_card(self, card_text: str, *, verified: bool = False) -> CardTaken:
        """Add a colleague from key-card text, or take a colleague's re-issued card.

        The fingerprint is the colleague: a card with the fingerprint of a contact and another
        name updates that contact's name (and keeps its verified mark, given to the keys);
        the same card again is :class:`ContactExists`.
        """
        card = KeyCard.from_text(card_text)
        if card.fingerprint == self.me().fingerprint:
            raise InvalidInput("that is your own key card")
        with transaction(self.vault.connection):
            known = self.book.by_fingerprint(card.fingerprint)
            if known is None:
                return CardTaken(self.book.add(card, verified=verified))
            if known.name == card.display_name:
                raise ContactExists(f"{known.name} ({known.fingerprint}) is already a contact")
            contact = self.book.replace_card(known, card)
            if verified and not contact.verified:
                contact = self.book.set_verified(contact)
            return CardTaken(contact, renamed_from=known.name)

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


def known_names(conn: Connection, template: str = DEFAULT_SHOWN) -> dict[str, str]:
    """Key-card fingerprint → name as shown (:func:`shown_name`), for every colleague in the
    address book and for the owner: how the window says who wrote a record or sent a file."""
    names = {
        c.fingerprint: shown_name(c.name, c.fingerprint, template) for c in ContactBook(conn).all()
    }
    me = owner_identity(conn).key_card()
    names[me.fingerprint] = shown_name(me.display_name, me.fingerprint, template)
    return names
