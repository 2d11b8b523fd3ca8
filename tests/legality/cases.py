"""Builders for legality facts: a compliant session by default, changed one field at a time."""

from __future__ import annotations

from dataclasses import replace

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.legality import (
    Answer,
    CaseFacts,
    Corrections,
    CustodyEvent,
    EventKind,
    Outcome,
    Pause,
    PauseKind,
    Place,
    PlaceKind,
    Recording,
    Session,
    Transcript,
)

PLACES = (
    Place("kss", "第一看守所", PlaceKind.DETENTION_HOUSE),
    Place("ps", "新华路派出所", PlaceKind.POLICE_STATION),
    Place("res", "某宾馆", PlaceKind.DESIGNATED_RESIDENCE),
    Place("hosp", "市第一医院", PlaceKind.HOSPITAL),
    Place("site", "留置点", PlaceKind.SUPERVISION_SITE),
    Place("field", "江边", PlaceKind.OTHER),
    Place("unk", "某处", PlaceKind.UNKNOWN),
)


def d(text: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(text) if text else None


def ev(
    eid: str, kind: EventKind, time: str | None, place: str | None = None, end: str | None = None
) -> CustodyEvent:
    return CustodyEvent(eid, kind, d(time), place, d(end))


def sess(sid: str, start: str | None, end: str | None, **changes: object) -> Session:
    """A session that breaks no rule: two investigators in the detention house, fully recorded
    by a clock that matches the transcript, signed, with a meal and a rest, rights notified."""
    transcript = Transcript(d(start), d(end), Answer.YES, Answer.YES, Corrections.NONE_ASKED)
    base = Session(
        sid,
        d(start),
        d(end),
        place="kss",
        interrogators=("a", "b"),
        recording=Recording.FULL,
        recording_evidence="ev-" + sid,
        recording_start=d(start),
        recording_end=d(end),
        transcript=transcript,
        pauses=(Pause(PauseKind.MEAL), Pause(PauseKind.REST)),
        rights_notice=Answer.YES,
        outcome=Outcome.DENIED,
    )
    tchanges = {k[3:]: v for k, v in changes.items() if k.startswith("tr_")}
    if tchanges:
        changes = {k: v for k, v in changes.items() if not k.startswith("tr_")}
        changes["transcript"] = replace(transcript, **tchanges)  # type: ignore[arg-type]
    return replace(base, **changes)  # type: ignore[arg-type]


def case(*items: CustodyEvent | Session, **changes: object) -> CaseFacts:
    events = tuple(i for i in items if isinstance(i, CustodyEvent))
    sessions = tuple(i for i in items if isinstance(i, Session))
    base = CaseFacts(
        charges=("盗窃罪",),
        serious_charges=("故意杀人",),
        places=PLACES,
        events=events,
        sessions=sessions,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


K = EventKind
MURDER = {"charges": ("故意杀人罪",)}

# rule id -> (violating facts, its certainty, compliant facts, uncertain facts, its certainty,
# a word the uncertain finding's ``uncertain`` (or ``missing``) must contain)
V, P, N = "violated", "possible", "not_checkable"
CASES = {
    "CPL85-COMMITTAL-24H": (
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"),
            ev("e2", K.COMMITTAL, "2024-05-19 21:10", "kss"),
        ),
        V,
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"),
            ev("e2", K.COMMITTAL, "2024-05-19 10:00", "kss"),
        ),
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "ps"),
            ev("e2", K.COMMITTAL, "2024-05-19", "kss"),
        ),
        P,
        "committed 2024-05-19",
    ),
    "CPL85-FAMILY-24H": (
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-20 09:00"),
        ),
        V,
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-19 08:00"),
        ),
        case(ev("e1", K.DETENTION, "2024-05-18 20:00"), ev("e2", K.FAMILY_NOTIFIED, "2024-05-19")),
        P,
        "family notified 2024-05-19",
    ),
    "CPL93-COMMITTAL": (
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "ps"),
            ev("e2", K.COMMITTAL, "2024-05-20 09:00", "kss"),
        ),
        P,
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "ps"),
            ev("e2", K.COMMITTAL, "2024-05-18 23:00", "kss"),
        ),
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "ps"), ev("e2", K.COMMITTAL, "2024-05-19", "kss")
        ),
        P,
        "committed 2024-05-19",
    ),
    "CPL93-FAMILY-24H": (
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00"), ev("e2", K.FAMILY_NOTIFIED, "2024-05-20 09:00")
        ),
        V,
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00"), ev("e2", K.FAMILY_NOTIFIED, "2024-05-19 08:00")
        ),
        case(ev("e1", K.ARREST, "2024-05-18 20:00"), ev("e2", K.FAMILY_NOTIFIED, "2024-05")),
        P,
        "family notified 2024-05",
    ),
    "CPL86-FIRST-QUESTIONING-24H": (
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-20 23:00", "2024-05-21 01:00"),
        ),
        V,
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-19 10:00", "2024-05-19 11:00"),
        ),
        case(
            ev("e1", K.DETENTION, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-19", "2024-05-19 23:59"),
        ),
        P,
        "questioning began 2024-05-19",
    ),
    "CPL94-FIRST-QUESTIONING-24H": (
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-20 23:00", "2024-05-21 01:00"),
        ),
        V,
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-19 10:00", "2024-05-19 11:00"),
        ),
        case(
            ev("e1", K.ARREST, "2024-05-18 20:00", "kss"),
            sess("s1", "2024-05-19", "2024-05-19 23:59"),
        ),
        P,
        "questioning began 2024-05-19",
    ),
    "CPL39-MEETING-48H": (
        case(
            ev("e1", K.LAWYER_REQUESTED, "2024-05-20 09:00"),
            ev("e2", K.LAWYER_MET, "2024-05-23 10:00"),
        ),
        V,
        case(
            ev("e1", K.LAWYER_REQUESTED, "2024-05-20 09:00"),
            ev("e2", K.LAWYER_MET, "2024-05-21 10:00"),
        ),
        case(
            ev("e1", K.LAWYER_REQUESTED, "2024-05-20 09:00"), ev("e2", K.LAWYER_MET, "2024-05-22")
        ),
        P,
        "lawyer met the client 2024-05-22",
    ),
    "CPL75-RESIDENCE-PLACE": (
        case(ev("e1", K.RS_START, "2024-05-18 20:00", "ps")),
        V,
        case(ev("e1", K.RS_START, "2024-05-18 20:00", "res")),
        case(ev("e1", K.RS_START, "2024-05-18 20:00", "unk")),
        P,
        "kind of place",
    ),
    "CPL75-FAMILY-24H": (
        case(
            ev("e1", K.RS_START, "2024-05-18 20:00", "res"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-20 09:00"),
        ),
        V,
        case(
            ev("e1", K.RS_START, "2024-05-18 20:00", "res"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-19 09:00"),
        ),
        case(
            ev("e1", K.RS_START, "2024-05-18", "res"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-19 09:00"),
        ),
        P,
        "designated residence began 2024-05-18",
    ),
    "SUP50-FAMILY-24H": (
        case(
            ev("e1", K.SUPERVISION_START, "2024-05-18 20:00", "site"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-20 09:00"),
        ),
        V,
        case(
            ev("e1", K.SUPERVISION_START, "2024-05-18 20:00", "site"),
            ev("e2", K.FAMILY_NOTIFIED, "2024-05-19 09:00"),
        ),
        case(
            ev("e1", K.SUPERVISION_START, "2024-05-18 20:00", "site"),
            ev("e2", K.FAMILY_NOTIFIED, "between 2024-05-19 and 2024-05-20"),
        ),
        P,
        "family notified between",
    ),
    "CPL119-SUMMONS-LENGTH": (
        case(ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19 22:00")),
        V,
        case(ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19 18:00")),
        case(ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19")),
        P,
        "released 2024-05-19",
    ),
    "CPL119-CONSECUTIVE-SUMMONS": (
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19 18:00"),
            ev("e2", K.SUMMONS, "2024-05-19 20:00", "ps", "2024-05-20 06:00"),
        ),
        P,
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19 18:00"),
            ev("e2", K.SUMMONS, "2024-05-21 08:00", "ps", "2024-05-21 12:00"),
        ),
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-19 18:00"),
            ev("e2", K.SUMMONS, "2024-05-20", "ps", "2024-05-20 23:59"),
        ),
        P,
        "summoned 2024-05-20",
    ),
    "CPL118-TWO-INVESTIGATORS": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", interrogators=("a",))),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", interrogators=None)),
        N,
        "who questioned",
    ),
    "CPL118-DETENTION-HOUSE": (
        case(
            ev("e1", K.COMMITTAL, "2024-05-19 21:10", "kss"),
            sess("s1", "2024-05-20 23:00", "2024-05-21 09:00", place="ps"),
        ),
        V,
        case(
            ev("e1", K.COMMITTAL, "2024-05-19 21:10", "kss"),
            sess("s1", "2024-05-20 23:00", "2024-05-21 09:00"),
        ),
        case(
            ev("e1", K.COMMITTAL, "2024-05-19 21:10", "kss"),
            sess("s1", "2024-05-19", "2024-05-20 09:00", place="ps"),
        ),
        P,
        "questioning began 2024-05-19",
    ),
    "PPR198-QUESTIONING-ROOM": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", place="field")),
        P,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", place="ps")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", place="hosp")),
        P,
        "exceptions",
    ),
    "CPL122-SIGNED": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_signed=Answer.NO)),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_signed=Answer.UNKNOWN)),
        P,
        "signed by the client is marked unknown",
    ),
    "CPL122-CORRECTIONS": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_corrections=Corrections.REFUSED)
        ),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_corrections=Corrections.MADE)),
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_corrections=Corrections.UNKNOWN)
        ),
        P,
        "corrections were made is marked unknown",
    ),
    "SPC95-INVESTIGATORS-SIGNED": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_investigators_signed=Answer.NO)),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00")),
        case(
            sess(
                "s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_investigators_signed=Answer.UNKNOWN
            )
        ),
        P,
        "investigators is marked unknown",
    ),
    "SPC93-TRANSCRIPT-TIMES": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_written_end=None)),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", tr_written_start=d("2024-05-19"))),
        P,
        "transcript says it began 2024-05-19",
    ),
    "CPL120-RIGHTS-NOTICE": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", rights_notice=Answer.NO)),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", rights_notice=Answer.UNKNOWN)),
        P,
        "rights notice is marked unknown",
    ),
    "SPC95-FIRST-RIGHTS": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", rights_notice=Answer.NO),
            sess("s2", "2024-05-20 08:00", "2024-05-20 10:00"),
        ),
        V,
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00"),
            sess("s2", "2024-05-20 08:00", "2024-05-20 10:00", rights_notice=Answer.NO),
        ),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", rights_notice=Answer.UNKNOWN)),
        P,
        "first session is marked unknown",
    ),
    "CPL123-SERIOUS-NOT-RECORDED": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", recording=Recording.NONE), **MURDER
        ),
        V,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", recording=Recording.NONE)),  # theft
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", recording=Recording.UNKNOWN),
            **MURDER,
        ),
        P,
        "whether it was recorded",
    ),
    "PPR208-PARTIAL-RECORDING": (
        case(
            sess(
                "s1", "2024-05-19 08:00", "2024-05-19 18:00", recording_start=d("2024-05-19 16:00")
            )
        ),
        V,
        case(
            sess(
                "s1", "2024-05-19 08:00", "2024-05-19 18:00", recording_start=d("2024-05-19 08:02")
            )
        ),
        case(sess("s1", "2024-05-19", "2024-05-19 18:00", recording_start=d("2024-05-19 08:00"))),
        P,
        "questioning began 2024-05-19",
    ),
    "SPC74-RECORDING-NOT-IN-FILE": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00", recording_evidence=None), **MURDER),
        P,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 10:00"), **MURDER),
        case(
            sess(
                "s1",
                "2024-05-19 08:00",
                "2024-05-19 10:00",
                recording=Recording.UNKNOWN,
                recording_evidence=None,
            ),
            **MURDER,
        ),
        P,
        "whether a recording was made",
    ),
    "SPC124-REPEATED-CONFESSION": (
        case(
            sess(
                "s1",
                "2024-05-19 08:00",
                "2024-05-19 10:00",
                coercion_alleged=True,
                outcome=Outcome.CONFESSED,
            ),
            sess(
                "s2",
                "2024-05-21 08:00",
                "2024-05-21 10:00",
                interrogators=("a", "c"),
                outcome=Outcome.CONFESSED,
            ),
        ),
        P,
        case(
            sess(
                "s1",
                "2024-05-19 08:00",
                "2024-05-19 10:00",
                coercion_alleged=True,
                outcome=Outcome.CONFESSED,
            ),
            sess(
                "s2",
                "2024-05-21 08:00",
                "2024-05-21 10:00",
                interrogators=("c", "e"),
                outcome=Outcome.CONFESSED,
            ),
        ),
        case(
            sess(
                "s1",
                "2024-05-19 08:00",
                "2024-05-19 10:00",
                coercion_alleged=True,
                outcome=Outcome.CONFESSED,
            ),
            sess(
                "s2",
                "2024-05-21 08:00",
                "2024-05-21 10:00",
                interrogators=None,
                outcome=Outcome.CONFESSED,
            ),
        ),
        N,
        "who questioned",
    ),
    "SPC123-CONFESSION-IN-OVERLONG-SUMMONS": (
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-20 02:00"),
            sess(
                "s1", "2024-05-19 18:00", "2024-05-19 23:00", place="ps", outcome=Outcome.CONFESSED
            ),
        ),
        P,
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-20 02:00"),
            sess(
                "s1", "2024-05-19 09:00", "2024-05-19 12:00", place="ps", outcome=Outcome.CONFESSED
            ),
        ),
        case(
            ev("e1", K.SUMMONS, "2024-05-19 08:00", "ps", "2024-05-20 02:00"),
            sess("s1", "2024-05-19 09:00", "2024-05-19", place="ps", outcome=Outcome.CONFESSED),
        ),
        P,
        "questioning ended 2024-05-19",
    ),
    "PPR201-FOOD-REST": (
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 18:00", pauses=(Pause(PauseKind.REST),))),
        P,
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 18:00")),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 18:00", pauses=None)),
        N,
        "rest breaks and meals",
    ),
    "FATIGUE-NIGHT": (
        case(sess("s1", "2024-05-19 23:00", "2024-05-20 02:00")),
        P,
        case(sess("s1", "2024-05-19 09:00", "2024-05-19 12:00")),
        case(sess("s1", "2024-05-19", "2024-05-19 12:00")),
        P,
        "questioning began 2024-05-19",
    ),
    "FATIGUE-HOURS-PER-DAY": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 15:00"),
            sess("s2", "2024-05-19 16:00", "2024-05-19 23:00"),
        ),
        P,
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess("s2", "2024-05-19 14:00", "2024-05-19 18:00"),
        ),
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 15:00"),
            sess("s2", "2024-05-19 16:00", "2024-05-19"),
        ),
        P,
        "questioning ended 2024-05-19",
    ),
    "FATIGUE-SHORT-REST": (
        case(
            *(
                sess(f"s{i}", a, b)
                for i, (a, b) in enumerate(
                    [
                        ("2024-05-19 08:00", "2024-05-19 12:00"),
                        ("2024-05-19 14:00", "2024-05-19 18:00"),
                        ("2024-05-19 20:00", "2024-05-20 00:00"),
                        ("2024-05-20 02:00", "2024-05-20 06:00"),
                        ("2024-05-20 08:00", "2024-05-20 12:00"),
                        ("2024-05-20 14:00", "2024-05-20 16:00"),
                    ]
                )
            )
        ),
        P,
        case(
            *(
                sess(f"s{i}", a, b)
                for i, (a, b) in enumerate(
                    [
                        ("2024-05-19 08:00", "2024-05-19 12:00"),
                        ("2024-05-19 14:00", "2024-05-19 18:00"),
                        ("2024-05-20 02:00", "2024-05-20 06:00"),
                        ("2024-05-20 14:00", "2024-05-20 16:00"),
                    ]
                )
            )
        ),
        case(
            *(
                sess(f"s{i}", a, b)
                for i, (a, b) in enumerate(
                    [
                        ("2024-05-19 08:00", "2024-05-19 12:00"),
                        ("2024-05-19 14:00", "2024-05-19 18:00"),
                        ("2024-05-19 20:00", "2024-05-20 00:00"),
                        ("2024-05-20", "2024-05-20 06:00"),
                        ("2024-05-20 08:00", "2024-05-20 12:00"),
                        ("2024-05-20 14:00", "2024-05-20 16:00"),
                    ]
                )
            )
        ),
        P,
        "questioning began 2024-05-20",
    ),
    "CONS-CLIENT-OVERLAP": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess("s2", "2024-05-19 11:00", "2024-05-19 13:00"),
        ),
        V,
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess("s2", "2024-05-19 12:00", "2024-05-19 13:00"),
        ),
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess("s2", "2024-05-19 11:00", "2024-05-19 13:00", tr_written_start=d("2024-05-19")),
        ),
        P,
        "transcript says it began 2024-05-19",
    ),
    "CONS-INTERROGATOR-OVERLAP": (
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess(
                "s2",
                "2024-05-19 10:00",
                "2024-05-19 11:00",
                interrogators=("a", "c"),
                subject="co1",
            ),
        ),
        V,
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess(
                "s2",
                "2024-05-19 10:00",
                "2024-05-19 11:00",
                interrogators=("c", "e"),
                subject="co1",
            ),
        ),
        case(
            sess("s1", "2024-05-19 08:00", "2024-05-19 12:00"),
            sess(
                "s2",
                "2024-05-19",
                "2024-05-19 11:00",
                interrogators=("a", "c"),
                subject="co1",
                tr_written_start=d("2024-05-19"),
            ),
        ),
        P,
        "2024-05-19",
    ),
    "CONS-RECORDED-LATE": (
        case(
            sess(
                "s1", "2024-05-19 08:00", "2024-05-19 12:00", recording_start=d("2024-05-19 09:00")
            )
        ),
        V,
        case(
            sess(
                "s1", "2024-05-19 08:00", "2024-05-19 12:00", recording_start=d("2024-05-19 08:03")
            )
        ),
        case(sess("s1", "2024-05-19 08:00", "2024-05-19 12:00", recording_start=d("2024-05-19"))),
        P,
        "recording began 2024-05-19",
    ),
    "CONS-ELSEWHERE": (
        case(
            ev("e1", K.HOSPITAL, "2024-05-19 08:00", "hosp"),
            sess("s1", "2024-05-19 10:00", "2024-05-19 12:00", place="ps"),
        ),
        P,
        case(
            ev("e1", K.HOSPITAL, "2024-05-19 08:00", "hosp"),
            sess("s1", "2024-05-19 10:00", "2024-05-19 12:00", place="hosp"),
        ),
        case(
            ev("e1", K.HOSPITAL, "2024-05-19 08:00", "hosp"),
            sess("s1", "2024-05-19", "2024-05-19 12:00", place="ps"),
        ),
        P,
        "questioning began 2024-05-19",
    ),
}
