"""Colleagues (and the owner) as the window names them: a card that still carries the default
name is shown with its fingerprint's first groups, "Lawnotebook user (12345 67890…)", with the
default name in the interface's language, so two unnamed colleagues can be told apart."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.services.colleagues import known_names, shown_name


def default_shown() -> str:
    """How a card with the default name is shown, in the interface's language."""
    return QCoreApplication.translate("Names", "Lawnotebook user ({groups}…)")


def name_of(name: str, fingerprint: str) -> str:
    """A colleague's name as shown (see the module docstring)."""
    return shown_name(name, fingerprint, default_shown())


def names_by_fingerprint(conn) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Fingerprint → name as shown, for the address book and the owner."""
    return known_names(conn, default_shown())
