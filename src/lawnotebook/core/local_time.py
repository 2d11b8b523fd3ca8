"""Times as a person reads them: stored UTC shown in the local time zone, the zone named.

Every time is stored in UTC (``core/ids.utc_now``: ``2024-06-01T06:30:00.000Z``); the window,
the note history and the reports show it in the zone of this computer. The zone is, in order:
``$LAWNOTEBOOK_TZ`` (an IANA name such as ``Asia/Shanghai``: for tests, and for a lawyer whose
computer is set to another zone than the court's), ``$TZ`` when it is an IANA name, the
system's zone (``/etc/localtime`` on Linux and macOS), else the system's current UTC offset.
Standard library only; on Windows the IANA names need the ``tzdata`` package, and without it
the system offset is used.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZONE_ENV = "LAWNOTEBOOK_TZ"
# Zones of mainland China: court papers there say 北京时间 (Beijing time), UTC+8 all year.
CHINA_ZONES = frozenset({"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC"})
CHINA_STANDARD_TIME = "China Standard Time"  # printed 北京时间 in Chinese (report words)
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu"}
)


def _named(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name.strip().removeprefix(":"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _system_zone_name() -> str | None:
    """The IANA name of the system zone where the system says it (a /etc/localtime link)."""
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return None
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def local_zone(environ: Mapping[str, str] | None = None) -> tzinfo:
    """The zone times are shown in (see the module docstring for the order)."""
    env = os.environ if environ is None else environ
    for variable in (ZONE_ENV, "TZ"):
        if env.get(variable):
            zone = _named(env[variable])
            if zone is not None:
                return zone
    name = _system_zone_name()
    zone = _named(name) if name else None
    if zone is not None:
        return zone
    offset = datetime.now().astimezone().utcoffset() or timedelta(0)
    return timezone(offset)


def parse_utc(stamp: str) -> datetime:
    """A stored UTC stamp (``…Z``, ``+00:00`` or naive) as an aware datetime."""
    moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_time(stamp: str, zone: tzinfo | None = None, *, seconds: bool = False) -> str:
    """``YYYY-MM-DD HH:MM`` (``:SS`` with ``seconds``) in ``zone`` (default :func:`local_zone`);
    text that is not a time is returned as it is."""
    try:
        moment = parse_utc(stamp)
    except ValueError:
        return stamp
    shown = moment.astimezone(zone or local_zone())
    return shown.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def offset_text(zone: tzinfo, at: datetime | None = None) -> str:
    """``UTC+8``, ``UTC-3:30``, ``UTC`` for the zone's offset at ``at`` (default: now)."""
    moment = (at or datetime.now(UTC)).astimezone(zone)
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def zone_name(zone: tzinfo) -> str:
    """What to call the zone: :data:`CHINA_STANDARD_TIME` for mainland China, else its IANA name
    (``Europe/Berlin``), else ``""`` (a bare offset: :func:`offset_text` says it all)."""
    key = getattr(zone, "key", None)
    if key in CHINA_ZONES:
        return CHINA_STANDARD_TIME
    return str(key) if key and key not in _UTC_NAMES else ""


def zone_label(
    zone: tzinfo, words: Mapping[str, str] | None = None, at: datetime | None = None
) -> str:
    """The zone for a court paper: ``China Standard Time (UTC+8)`` (``北京时间 (UTC+8)`` with
    Chinese ``words``), ``Europe/Berlin (UTC+1)``, or just ``UTC+5``."""
    name = zone_name(zone)
    offset = offset_text(zone, at)
    if not name:
        return offset
    return f"{(words or {}).get(name, name)} ({offset})"
