"""Local time: stored UTC shown in the computer's zone (or the one the environment names)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawnotebook.core.local_time import (
    ZONE_ENV,
    local_time,
    local_zone,
    offset_text,
    parse_utc,
    zone_label,
)

SHANGHAI = {ZONE_ENV: "Asia/Shanghai"}


def test_the_zone_comes_from_the_environment_first():
    assert getattr(local_zone(SHANGHAI), "key", None) == "Asia/Shanghai"
    assert getattr(local_zone({"TZ": "Europe/Berlin"}), "key", None) == "Europe/Berlin"
    both = {ZONE_ENV: "Asia/Shanghai", "TZ": "Europe/Berlin"}
    assert getattr(local_zone(both), "key", None) == "Asia/Shanghai"
    # A name that is no zone falls through to the system's (some zone, never an error).
    assert local_zone({ZONE_ENV: "Not/AZone", "TZ": ":nowhere"}) is not None


def test_beijing_time_is_eight_hours_ahead_and_crosses_midnight():
    zone = local_zone(SHANGHAI)
    assert local_time("2024-06-01T20:30:00.000Z", zone) == "2024-06-02 04:30"
    assert local_time("2024-06-01T20:30:09.000Z", zone, seconds=True) == "2024-06-02 04:30:09"
    assert local_time("not a time", zone) == "not a time"


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("Asia/Shanghai", "China Standard Time (UTC+8)"),
        ("Asia/Kolkata", "Asia/Kolkata (UTC+5:30)"),
        ("America/St_Johns", "America/St_Johns (UTC-2:30)"),
        ("Etc/UTC", "UTC"),
    ],
)
def test_court_papers_name_the_zone(zone, label):
    summer = datetime(2024, 7, 1, tzinfo=UTC)
    assert zone_label(local_zone({ZONE_ENV: zone}), at=summer) == label


def test_the_zone_name_is_translated_with_the_report_words():
    zone = local_zone(SHANGHAI)
    assert zone_label(zone, {"China Standard Time": "北京时间"}) == "北京时间 (UTC+8)"
    assert offset_text(timezone(timedelta(hours=-5))) == "UTC-5"


@given(st.datetimes(min_value=datetime(1971, 1, 2), max_value=datetime(9998, 12, 30)))
def test_shown_time_is_the_stored_instant(moment):
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    zone = local_zone(SHANGHAI)
    shown = datetime.strptime(local_time(stamp, zone, seconds=True), "%Y-%m-%d %H:%M:%S")
    back = shown.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    assert back == moment.replace(microsecond=0)
    assert parse_utc(stamp).tzinfo is not None
