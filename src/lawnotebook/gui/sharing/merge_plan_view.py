"""A merge plan as a lawyer reads it: what is added, what changes (field by field, old → new),
what is deleted, and which notes were edited on both sides — before anything is applied."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from lawnotebook.core.records import from_body
from lawnotebook.gui.parts import labels, look
from lawnotebook.services.bundle_open import MergePlan, PlannedChange
from lawnotebook.services.reports import size_text

MAX_VALUE = 140
CONTEXT = 20  # characters shown before the first difference of two long texts
# The order of the case's tabs: the plan reads like the case, not in record-id order.
KIND_ORDER = ("case", "person", "note", "event", "interrogation", "deadline", "evidence")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def field_name(name: str) -> str:
    return {
        "title": translate("MergePlan", "title"),
        "text": translate("MergePlan", "text"),
        "client": translate("MergePlan", "client"),
        "case_number": translate("MergePlan", "case number"),
        "court": translate("MergePlan", "court"),
        "charges": translate("MergePlan", "charges"),
        "stage": translate("MergePlan", "stage"),
        "status": translate("MergePlan", "status"),
        "tags": translate("MergePlan", "tags"),
        "archived": translate("MergePlan", "archived"),
        "name": translate("MergePlan", "name"),
        "role": translate("MergePlan", "role"),
        "aliases": translate("MergePlan", "aliases"),
        "contact_notes": translate("MergePlan", "contact notes"),
        "date": translate("MergePlan", "date"),
        "description": translate("MergePlan", "description"),
        "person_ids": translate("MergePlan", "people"),
        "evidence_ids": translate("MergePlan", "linked evidence"),
        "start": translate("MergePlan", "start"),
        "end": translate("MergePlan", "end"),
        "place": translate("MergePlan", "place"),
        "interrogator_ids": translate("MergePlan", "interrogators"),
        "recorded_on_video": translate("MergePlan", "on video"),
        "rights_read": translate("MergePlan", "rights read"),
        "client_account": translate("MergePlan", "client's account"),
        "due": translate("MergePlan", "due"),
        "kind": translate("MergePlan", "kind"),
        "done": translate("MergePlan", "done"),
        "notes": translate("MergePlan", "notes"),
        "source": translate("MergePlan", "source"),
        "conflicts": translate("MergePlan", "parallel versions kept"),
    }.get(name, name)


def value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return translate("MergePlan", "(empty)")
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return translate("MergePlan", "{n} version(s)").format(n=len(value))
        text = ", ".join(map(str, value))
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _title(change: PlannedChange) -> str:
    state = change.record
    meta = {k: getattr(state, k) for k in ("id", "case_id", "author", "created_at", "updated_at")}
    try:
        return from_body(state.kind, state.body, hlc=state.hlc, **meta).title_text()
    except (KeyError, TypeError, ValueError):
        return ""


def in_reading_order(changes: Iterable[PlannedChange]) -> list[PlannedChange]:
    """By kind (the case, then people, notes, events, ... as the tabs run), then by title, so
    the same plan always reads the same; the record id breaks ties."""

    def key(change: PlannedChange) -> tuple[int, str, str]:
        kind = change.record.kind
        rank = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
        return rank, _title(change).casefold(), change.record.id

    return sorted(changes, key=key)


def where_they_differ(a: str, b: str, width: int = MAX_VALUE) -> tuple[str, str]:
    """Both texts cut to ``width`` characters around their first difference (with "…" where
    cut), so two versions that begin alike do not look identical."""
    a, b = " ".join(a.split()), " ".join(b.split())
    first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
    if first is None:
        first = min(len(a), len(b))
    start = max(0, first - CONTEXT)

    def cut(text: str) -> str:
        piece = text[start : start + width]
        if start > 0:
            piece = "…" + piece
        if start + width < len(text):
            piece += "…"
        return piece or translate("MergePlan", "(empty)")

    return cut(a), cut(b)


def record_title(change: PlannedChange) -> str:
    state = change.record
    title = _title(change)
    if state.kind == "evidence":
        title += f"  ({size_text(int(state.body.get('size', 0)))})"
    return f"{labels.record_kind(state.kind)}: {title or '…'}"


def _field_lines(change: PlannedChange, name: str, old: Any, new: Any) -> list[str]:
    if name == "conflicts" and isinstance(new, list) and new and isinstance(new[-1], dict):
        kept, other = where_they_differ(
            str(change.record.body.get("text", "")), str(new[-1].get("text", ""))
        )
        return [
            translate("MergePlan", "the text kept in the note: {text}").format(text=kept),
            translate(
                "MergePlan", "the other text, kept beside it until you choose: {text}"
            ).format(text=other),
        ]
    if isinstance(old, str) and isinstance(new, str) and (old or new):
        old_text, new_text = where_they_differ(old, new)
        return [f"{field_name(name)}: {old_text}  →  {new_text}"]
    return [f"{field_name(name)}: {value_text(old)}  →  {value_text(new)}"]


class MergePlanView(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(translate("MergePlan", "What will change"))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)

    def show_plan(self, plan: MergePlan) -> None:
        self.clear()
        groups = [
            (
                "conflict",
                translate("MergePlan", "Edited on both sides — both texts are kept ({n})"),
            ),
            ("add", translate("MergePlan", "New ({n})")),
            ("change", translate("MergePlan", "Changed ({n})")),
            ("delete", translate("MergePlan", "Deleted ({n})")),
        ]
        bold = QFont(self.font())
        bold.setBold(True)
        for key, heading in groups:
            if key == "conflict":
                changes = plan.conflicts
            else:
                changes = [c for c in plan.changes if c.action == key and not c.conflict]
            if not changes:
                continue
            top = QTreeWidgetItem(self, [heading.format(n=len(changes))])
            top.setFont(0, bold)
            if key in ("conflict", "delete"):
                top.setForeground(0, look.alert())
            for change in in_reading_order(changes):
                item = QTreeWidgetItem(top, [record_title(change)])
                for field in change.changes:
                    if key == "add":
                        break
                    if key == "conflict" and field.field == "text":
                        continue  # the two texts are shown, where they differ, just below
                    for line in _field_lines(change, field.field, field.old, field.new):
                        QTreeWidgetItem(item, [line])
        self.expandAll()
        if plan.is_empty:
            QTreeWidgetItem(
                self,
                [translate("MergePlan", "Nothing new: this vault already has everything in it.")],
            )
        elif not plan.changes:
            QTreeWidgetItem(
                self, [translate("MergePlan", "Only history and custody-log entries are added.")]
            )

    def lines(self) -> list[str]:
        """Every line shown, depth-first (for tests and accessibility)."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem, depth: int) -> None:
            out.append("  " * depth + item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i), depth + 1)

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i), 0)
        return out
