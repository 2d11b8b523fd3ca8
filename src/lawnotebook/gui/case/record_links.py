"""Places and evidence named in a form field: the name shown, the id stored."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.records import Evidence, Place


def place_text(place_id: str, places: Mapping[str, Place]) -> str:
    return places[place_id].name if place_id in places else ""


def place_id_from_name(text: str, places: Mapping[str, Place]) -> str:
    """The Place named ``text`` ("" for nothing typed); :class:`InvalidInput` if none is."""
    name = text.strip()
    if not name:
        return ""
    for place in places.values():
        if place.name.casefold() == name.casefold():
            return place.id
    raise InvalidInput(
        QCoreApplication.translate(
            "RecordLinks", "no place called {name} is listed under Places in this case"
        ).format(name=name)
    )


def evidence_text(evidence_id: str, evidence: Mapping[str, Evidence]) -> str:
    return evidence[evidence_id].file_name if evidence_id in evidence else ""


def evidence_id_from_name(text: str, evidence: Mapping[str, Evidence]) -> str:
    """The evidence item whose file is named ``text`` ("" for nothing typed)."""
    name = text.strip()
    if not name:
        return ""
    for item in evidence.values():
        if item.file_name.casefold() == name.casefold():
            return item.id
    raise InvalidInput(
        QCoreApplication.translate(
            "RecordLinks", "no evidence file called {name} is in this case"
        ).format(name=name)
    )


def optional_date(value: object) -> FuzzyDate | None:
    text = str(value).strip()
    return FuzzyDate.parse(text) if text else None


def dates_from_text(text: str) -> list[FuzzyDate]:
    """Dates typed one after another, separated by ';' (or '；')."""
    parts = str(text).replace("；", ";").split(";")
    return [FuzzyDate.parse(p.strip()) for p in parts if p.strip()]
