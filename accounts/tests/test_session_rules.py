import datetime

import pytest

from accounts.session_rules import IDLE, LIFETIME, needs_touch, session_end_reason

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
MIN = datetime.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("minutes_since_login", "minutes_idle", "expected"),
    [
        (5, 5, None),
        (29, 29, None),
        (30, 30, IDLE),
        (100, 29, None),
        (479, 1, None),
        (480, 0, LIFETIME),
        (600, 45, LIFETIME),
    ],
)
def test_a_session_ends_after_thirty_idle_minutes_or_eight_hours_from_login(
    minutes_since_login, minutes_idle, expected
):
    now = START + minutes_since_login * MIN
    reason = session_end_reason(
        now=now,
        started_at=START,
        last_seen_at=now - minutes_idle * MIN,
        idle_timeout=30 * MIN,
        lifetime=8 * 60 * MIN,
    )
    assert reason == expected


@pytest.mark.parametrize(("seconds", "expected"), [(0, False), (59, False), (60, True), (3600, True)])
def test_last_activity_is_written_at_most_once_a_minute(seconds, expected):
    assert needs_touch(now=START + datetime.timedelta(seconds=seconds), last_seen_at=START) is expected
