"""The words shown for stored values (statuses, roles, kinds), translatable, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.records import CaseStatus, DeadlineKind, PersonRole, Tristate

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def status(value: CaseStatus) -> str:
    return {
        CaseStatus.OPEN: translate("Labels", "Open"),
        CaseStatus.ON_HOLD: translate("Labels", "On hold"),
        CaseStatus.CLOSED: translate("Labels", "Closed"),
    }[value]


def role(value: PersonRole) -> str:
    return {
        PersonRole.CLIENT: translate("Labels", "Client"),
        PersonRole.FAMILY: translate("Labels", "Family"),
        PersonRole.WITNESS: translate("Labels", "Witness"),
        PersonRole.POLICE: translate("Labels", "Police officer"),
        PersonRole.INTERROGATOR: translate("Labels", "Interrogator"),
        PersonRole.PROSECUTOR: translate("Labels", "Prosecutor"),
        PersonRole.JUDGE: translate("Labels", "Judge"),
        PersonRole.EXPERT: translate("Labels", "Expert"),
        PersonRole.LAWYER: translate("Labels", "Lawyer"),
        PersonRole.OTHER: translate("Labels", "Other"),
    }[value]


def deadline_kind(value: DeadlineKind) -> str:
    return {
        DeadlineKind.HEARING: translate("Labels", "Hearing"),
        DeadlineKind.FILING: translate("Labels", "Filing"),
        DeadlineKind.DETENTION_LIMIT: translate("Labels", "Detention limit"),
        DeadlineKind.OTHER: translate("Labels", "Other"),
    }[value]


def tristate(value: Tristate) -> str:
    return {
        Tristate.YES: translate("Labels", "Yes"),
        Tristate.NO: translate("Labels", "No"),
        Tristate.UNKNOWN: translate("Labels", "Unknown"),
    }[value]


def record_kind(kind: str) -> str:
    return {
        "case": translate("Labels", "Case"),
        "person": translate("Labels", "Person"),
        "note": translate("Labels", "Note"),
        "event": translate("Labels", "Event"),
        "interrogation": translate("Labels", "Interrogation"),
        "deadline": translate("Labels", "Deadline"),
        "evidence": translate("Labels", "Evidence"),
    }.get(kind, kind)


def custody_action(action: str) -> str:
    return {
        "create": translate("Labels", "Created"),
        "edit": translate("Labels", "Edited"),
        "delete": translate("Labels", "Deleted"),
        "restore": translate("Labels", "Restored"),
        "intake": translate("Labels", "Evidence added"),
        "view": translate("Labels", "Evidence viewed"),
        "export": translate("Labels", "Exported"),
        "import": translate("Labels", "Imported"),
        "verify": translate("Labels", "Verified"),
    }.get(action, action)


def choices(enum_type, label) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """``(label, value)`` pairs for a drop-down."""
    return [(label(v), v) for v in enum_type]
