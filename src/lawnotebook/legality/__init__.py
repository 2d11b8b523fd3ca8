"""Legality checks: a custody and interrogation history tested against the procedural rules.

No Qt, no SQL: this package imports only ``core``. It reads plain frozen facts
(:mod:`lawnotebook.legality.facts`) — an adapter from vault records comes later — and returns
findings that cite the vendored article texts (:mod:`lawnotebook.legality.articles`).

Input (all frozen dataclasses; times are :class:`~lawnotebook.core.dates.FuzzyDate`, local
wall-clock time, ``None`` = unknown):

- ``CaseFacts``: ``charges`` (texts), ``serious_charges`` (the lawyer's list of charges where
  life imprisonment or death is possible; start from ``DEFAULT_SERIOUS_CHARGES``), ``places``,
  ``events``, ``sessions``, ``security_or_terrorism`` (``Answer``), ``client`` (the subject id
  of the client's own sessions, default ``"client"``);
- ``Place(id, name, kind)`` with ``PlaceKind``: detention_house, police_station (case-handling
  area), designated_residence, supervision_site, hospital, court, other, unknown;
- ``CustodyEvent(id, kind, time, place, end)`` with ``EventKind``: summons and
  compelled_appearance (``time`` = arrival, ``end`` = release), detention (拘留), arrest (逮捕),
  committal (送看守所), rs_start/rs_end (指定居所监视居住), supervision_start/supervision_end
  (留置), transfer, hospital, release, family_notified, lawyer_requested, lawyer_met;
- ``Session``: ``start``/``end``, ``place`` (a Place id), ``interrogators`` (person ids, ``None``
  if unknown), ``recording`` (full/partial/none/unknown) with ``recording_evidence`` and the
  recording's own ``recording_start``/``recording_end``, ``transcript`` (``Transcript``: the
  written start/end, ``signed`` and ``investigators_signed`` yes/no/unknown, ``corrections``),
  ``pauses`` (``Pause(kind=rest|meal, start, end)``; ``None`` = not entered, ``()`` = none),
  ``rights_notice``, ``outcome`` (confessed/denied/retracted/partial/unknown),
  ``coercion_alleged``, ``subject`` (who was questioned).

Output: :func:`evaluate` returns ``Finding`` values — the rule id, a certainty (*violated*: under
every reading of the dates; *possible*: an uncertain date, an unknown answer or a threshold of
the lawyer's — ``uncertain`` says which; *not checkable*: ``missing`` says what), the severity,
the sessions and events concerned and what was computed, in English and Chinese. The rules,
their articles and their limits are listed in docs/legality-checks.md.
"""

from lawnotebook.legality.articles import ARTICLES, LAWS, Article, article
from lawnotebook.legality.facts import (
    DEFAULT_SERIOUS_CHARGES,
    Answer,
    CaseFacts,
    Corrections,
    CustodyEvent,
    EventKind,
    Outcome,
    Params,
    Pause,
    PauseKind,
    Place,
    PlaceKind,
    Recording,
    Session,
    Transcript,
)
from lawnotebook.legality.findings import Certainty, Cite, Finding, Rule, Severity, Words
from lawnotebook.legality.ruleset import BY_ID, RULES, RULESET_VERSION, evaluate

__all__ = [
    "ARTICLES",
    "BY_ID",
    "DEFAULT_SERIOUS_CHARGES",
    "LAWS",
    "RULES",
    "RULESET_VERSION",
    "Answer",
    "Article",
    "CaseFacts",
    "Certainty",
    "Cite",
    "Corrections",
    "CustodyEvent",
    "EventKind",
    "Finding",
    "Outcome",
    "Params",
    "Pause",
    "PauseKind",
    "Place",
    "PlaceKind",
    "Recording",
    "Rule",
    "Session",
    "Severity",
    "Transcript",
    "Words",
    "article",
    "evaluate",
]
