"""The words shown for stored values (statuses, roles, kinds), translatable, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lawnotebook.core.records import (
    CaseStatus,
    CustodyEventKind,
    DeadlineKind,
    Outcome,
    PersonRole,
    PlaceKind,
    Recording,
    Tristate,
)

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
        "place": translate("Labels", "Place"),
        "custody_event": translate("Labels", "Custody event"),
        "finding_review": translate("Labels", "Review of a legality finding"),
    }.get(kind, kind)


def place_kind(value: PlaceKind) -> str:
    return {
        PlaceKind.DETENTION_HOUSE: translate("Labels", "Detention house"),
        PlaceKind.POLICE_STATION: translate("Labels", "Police station or case-handling area"),
        PlaceKind.DESIGNATED_RESIDENCE: translate("Labels", "Designated residence"),
        PlaceKind.SUPERVISION_SITE: translate("Labels", "Supervision detention site"),
        PlaceKind.HOSPITAL: translate("Labels", "Hospital"),
        PlaceKind.COURT: translate("Labels", "Court"),
        PlaceKind.OTHER: translate("Labels", "Other"),
        PlaceKind.UNKNOWN: translate("Labels", "Unknown"),
    }[value]


def event_kind(value: CustodyEventKind) -> str:
    return {
        CustodyEventKind.SUMMONS: translate("Labels", "Summons"),
        CustodyEventKind.COMPELLED_APPEARANCE: translate("Labels", "Compelled appearance"),
        CustodyEventKind.DETENTION: translate("Labels", "Criminal detention"),
        CustodyEventKind.ARREST: translate("Labels", "Arrest"),
        CustodyEventKind.COMMITTAL: translate("Labels", "Committal to the detention house"),
        CustodyEventKind.DESIGNATED_RESIDENCE: translate(
            "Labels", "Residential surveillance at a designated place"
        ),
        CustodyEventKind.SUPERVISION_DETENTION: translate("Labels", "Supervision detention"),
        CustodyEventKind.TRANSFER: translate("Labels", "Transfer"),
        CustodyEventKind.HOSPITAL: translate("Labels", "Hospital"),
        CustodyEventKind.RELEASE: translate("Labels", "Release"),
        CustodyEventKind.FAMILY_NOTIFIED: translate("Labels", "Family notified"),
        CustodyEventKind.MEETING_REQUESTED: translate("Labels", "Lawyer asked to meet"),
        CustodyEventKind.LAWYER_MEETING: translate("Labels", "Lawyer's meeting"),
        CustodyEventKind.OTHER: translate("Labels", "Other"),
    }[value]


def recording(value: Recording) -> str:
    return {
        Recording.FULL: translate("Labels", "Whole session recorded"),
        Recording.PARTIAL: translate("Labels", "Partly recorded"),
        Recording.NONE: translate("Labels", "Not recorded"),
        Recording.UNKNOWN: translate("Labels", "Unknown"),
    }[value]


def outcome(value: Outcome) -> str:
    return {
        Outcome.CONFESSED: translate("Labels", "Confessed"),
        Outcome.DENIED: translate("Labels", "Denied"),
        Outcome.RETRACTED: translate("Labels", "Retracted"),
        Outcome.PARTIAL: translate("Labels", "Admitted in part"),
        Outcome.UNKNOWN: translate("Labels", "Unknown"),
    }[value]


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
