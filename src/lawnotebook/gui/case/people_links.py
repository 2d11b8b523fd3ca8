"""Linking records to the people of a case by typing their names (comma-separated)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import Person


def names(ids: Iterable[str], people: Mapping[str, Person]) -> str:
    """The names for linked person ids, in order (a removed person shows as "?")."""
    return ", ".join(people[i].name if i in people else "?" for i in ids)


def ids_from_names(text: str, people: Mapping[str, Person]) -> list[str]:
    """Person ids for typed names (or aliases); raises :class:`InvalidInput` naming the unknown."""
    by_name: dict[str, str] = {}
    for person in people.values():
        for name in (person.name, *person.aliases):
            by_name.setdefault(name.casefold(), person.id)
    ids: list[str] = []
    for part in text.replace("，", ",").replace("、", ",").split(","):
        name = part.strip()
        if not name:
            continue
        if name.casefold() not in by_name:
            raise InvalidInput(
                QCoreApplication.translate(
                    "PeopleLinks", "nobody called {name} is listed under People in this case"
                ).format(name=name)
            )
        if by_name[name.casefold()] not in ids:
            ids.append(by_name[name.casefold()])
    return ids
