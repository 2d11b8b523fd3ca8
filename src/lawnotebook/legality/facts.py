"""The engine's input: plain frozen facts about one case, independent of how the vault stores them.

Times are :class:`~lawnotebook.core.dates.FuzzyDate` values in the local wall-clock time the
documents use (Beijing time for a mainland case); a day, a month, "before ..." or "between ...
and ..." is an uncertain time and makes a finding *possible*, never *violated*. ``None`` means
the time is not known at all. Tri-state answers use :class:`Answer`: ``UNKNOWN`` is "the lawyer
does not know" and makes a finding *possible*; a missing value (``None``) makes it *not
checkable*. Identifiers are the caller's (vault record ids); they must be unique per kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.errors import InvalidInput


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class PlaceKind(StrEnum):
    DETENTION_HOUSE = "detention_house"  # 看守所
    POLICE_STATION = "police_station"  # 公安机关 / 执法办案场所 (case-handling area)
    DESIGNATED_RESIDENCE = "designated_residence"  # 指定居所
    SUPERVISION_SITE = "supervision_site"  # 留置场所
    HOSPITAL = "hospital"
    COURT = "court"
    OTHER = "other"
    UNKNOWN = "unknown"


class EventKind(StrEnum):
    SUMMONS = "summons"  # 传唤: time = arrival, end = release
    COMPELLED_APPEARANCE = "compelled_appearance"  # 拘传: time = arrival, end = release
    DETENTION = "detention"  # 拘留
    ARREST = "arrest"  # 逮捕
    COMMITTAL = "committal"  # 送看守所羁押
    RS_START = "rs_start"  # 指定居所监视居住 begins
    RS_END = "rs_end"
    SUPERVISION_START = "supervision_start"  # 留置 begins
    SUPERVISION_END = "supervision_end"
    TRANSFER = "transfer"  # moved to ``place``
    HOSPITAL = "hospital"  # taken to hospital ``place``
    RELEASE = "release"
    FAMILY_NOTIFIED = "family_notified"
    LAWYER_REQUESTED = "lawyer_requested"  # the lawyer asked to meet the client
    LAWYER_MET = "lawyer_met"


class Recording(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    CONFESSED = "confessed"
    DENIED = "denied"
    RETRACTED = "retracted"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class Corrections(StrEnum):
    """What happened to the client's corrections of the transcript (CPL art. 122)."""

    NONE_ASKED = "none_asked"
    MADE = "made"
    REFUSED = "refused"  # the client asked and the transcript was not corrected
    UNKNOWN = "unknown"


class PauseKind(StrEnum):
    REST = "rest"
    MEAL = "meal"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: PlaceKind = PlaceKind.UNKNOWN


@dataclass(frozen=True)
class CustodyEvent:
    """Something that happened to the client's liberty; ``end`` only for a summons or a
    compelled appearance (the release time)."""

    id: str
    kind: EventKind
    time: FuzzyDate | None
    place: str | None = None  # a Place id
    end: FuzzyDate | None = None


@dataclass(frozen=True)
class Pause:
    """A rest break or a meal recorded during a session."""

    kind: PauseKind
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


@dataclass(frozen=True)
class Transcript:
    """The written record (讯问笔录) as the lawyer reads it. ``written_start``/``written_end``:
    the times written on it; ``None`` means it shows none."""

    written_start: FuzzyDate | None = None
    written_end: FuzzyDate | None = None
    signed: Answer = Answer.UNKNOWN  # signed (or sealed) by the client
    investigators_signed: Answer = Answer.UNKNOWN
    corrections: Corrections = Corrections.UNKNOWN


@dataclass(frozen=True)
class Session:
    """One interrogation (讯问). ``interrogators``: person ids, ``None`` when not known.
    ``pauses``: rest breaks and meals, ``None`` when not entered (``()`` means none recorded).
    ``recording_start``/``recording_end``: what the recording's own clock shows.
    ``coercion_alleged``: the client says violence, threats or similar were used in it.
    ``subject``: who was questioned (a co-defendant's sessions may be entered too)."""

    id: str
    start: FuzzyDate | None
    end: FuzzyDate | None
    place: str | None = None
    interrogators: tuple[str, ...] | None = None
    recording: Recording = Recording.UNKNOWN
    recording_evidence: str | None = None  # the evidence id of the recording, if in the file
    recording_start: FuzzyDate | None = None
    recording_end: FuzzyDate | None = None
    transcript: Transcript | None = None
    pauses: tuple[Pause, ...] | None = None
    rights_notice: Answer = Answer.UNKNOWN
    outcome: Outcome = Outcome.UNKNOWN
    coercion_alleged: bool = False
    subject: str = "client"


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules look at. ``serious_charges``: the lawyer's list of charges for which
    life imprisonment or death is possible (start from :data:`DEFAULT_SERIOUS_CHARGES`); a charge
    is serious when one of them occurs in its text. ``security_or_terrorism``: the case is one of
    endangering state security or terrorism (CPL arts. 39, 75, 85 have exceptions for them)."""

    charges: tuple[str, ...] = ()
    serious_charges: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[CustodyEvent, ...] = ()
    sessions: tuple[Session, ...] = ()
    security_or_terrorism: Answer = Answer.NO
    client: str = "client"

    def __post_init__(self) -> None:
        for label, items in (("place", self.places), ("event", self.events)):
            _unique(label, [i.id for i in items])
        _unique("session", [s.id for s in self.sessions])


def _unique(label: str, ids: list[str]) -> None:
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})[0]
        raise InvalidInput(f"two {label}s have the id {dup!r}")


# A starting list, ours and not law: offences whose statutory range in the Criminal Law includes
# life imprisonment or death at some sentencing level. Whether the level that applies does
# (PPR art. 208 para. 2) is the lawyer's call: they edit the list (services/check_settings.py).
DEFAULT_SERIOUS_CHARGES: tuple[str, ...] = (
    "故意杀人",
    "抢劫",
    "强奸",
    "绑架",
    "放火",
    "爆炸",
    "投放危险物质",
    "以危险方法危害公共安全",
    "故意伤害",
    "毒品",
    "贪污",
    "受贿",
    "拐卖妇女、儿童",
)


@dataclass(frozen=True)
class Params:
    """The thresholds the law does not fix; all user-settable. Defaults and why:

    - ``max_questioning_hours`` (N = 12): more questioning in some 24 hours than the longest
      ordinary summons (CPL art. 119: 12 h) is a lead for fatigue;
    - ``min_rest_hours`` (M = 6): six hours is a short night's sleep; a run of sessions lasting
      more than 24 h with no pause that long means the client went a day without sleep-length rest;
    - ``night_start``/``night_end`` (22:00–06:00): the usual night;
    - ``summons_gap_hours`` (12): a new summons within 12 h of the last one's release leaves no
      night at home between them (CPL art. 119 para. 3 forbids disguised detention by
      consecutive summonses but names no interval);
    - ``immediate_hours`` (24): CPL art. 93 says committal follows arrest "immediately" (立即)
      and names no hours; we borrow art. 85's outer limit for detention;
    - ``food_rest_hours`` (6): a summons or session longer than this with no meal or no rest
      recorded (PPR art. 201 wants both recorded);
    - ``clock_tolerance_minutes`` (5): clock drift allowed between transcript and recording.
    """

    max_questioning_hours: float = 12.0
    min_rest_hours: float = 6.0
    night_start: int = 22 * 60
    night_end: int = 6 * 60
    summons_gap_hours: float = 12.0
    immediate_hours: float = 24.0
    food_rest_hours: float = 6.0
    clock_tolerance_minutes: int = 5

    def __post_init__(self) -> None:
        for name in (
            "max_questioning_hours",
            "min_rest_hours",
            "summons_gap_hours",
            "immediate_hours",
            "food_rest_hours",
        ):
            if not 0 < getattr(self, name) <= 24 * 7:
                raise InvalidInput(f"{name} must be more than 0 and at most 168 hours")
        if not 0 <= self.clock_tolerance_minutes <= 120:
            raise InvalidInput("clock_tolerance_minutes must be 0-120")
        if not (0 <= self.night_start < 1440 and 0 <= self.night_end < 1440):
            raise InvalidInput("night hours are minutes of the day, 0-1439")
