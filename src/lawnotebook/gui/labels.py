"""The words shown for stored values (statuses, roles, kinds), translatable, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.records import CaseStatus, DeadlineKind, PersonRole, Tristate


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status(value: CaseStatus) -> str:
    return {
        CaseStatus.OPEN: _t("Open"),
        CaseStatus.ON_HOLD: _t("On hold"),
        CaseStatus.CLOSED: _t("Closed"),
    }[value]


def role(value: PersonRole) -> str:
    return {
        PersonRole.CLIENT: _t("Client"),
        PersonRole.FAMILY: _t("Family"),
        PersonRole.WITNESS: _t("Witness"),
        PersonRole.POLICE: _t("Police officer"),
        PersonRole.INTERROGATOR: _t("Interrogator"),
        PersonRole.PROSECUTOR: _t("Prosecutor"),
        PersonRole.JUDGE: _t("Judge"),
        PersonRole.EXPERT: _t("Expert"),
        PersonRole.LAWYER: _t("Lawyer"),
        PersonRole.OTHER: _t("Other"),
    }[value]


def deadline_kind(value: DeadlineKind) -> str:
    return {
        DeadlineKind.HEARING: _t("Hearing"),
        DeadlineKind.FILING: _t("Filing"),
        DeadlineKind.DETENTION_LIMIT: _t("Detention limit"),
        DeadlineKind.OTHER: _t("Other"),
    }[value]


def tristate(value: Tristate) -> str:
    return {Tristate.YES: _t("Yes"), Tristate.NO: _t("No"), Tristate.UNKNOWN: _t("Unknown")}[value]


def record_kind(kind: str) -> str:
    return {
        "case": _t("Case"),
        "person": _t("Person"),
        "note": _t("Note"),
        "event": _t("Event"),
        "interrogation": _t("Interrogation"),
        "deadline": _t("Deadline"),
        "evidence": _t("Evidence"),
    }.get(kind, kind)


def custody_action(action: str) -> str:
    return {
        "create": _t("Created"),
        "edit": _t("Edited"),
        "delete": _t("Deleted"),
        "intake": _t("Evidence added"),
        "view": _t("Evidence viewed"),
        "export": _t("Exported"),
        "import": _t("Imported"),
        "verify": _t("Verified"),
    }.get(action, action)


def choices(enum_type, label) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """``(label, value)`` pairs for a drop-down."""
    return [(label(v), v) for v in enum_type]
