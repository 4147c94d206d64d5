import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from core.workdays import is_working_day
from governance.models import MeetingFrequency
from governance.scheduling import (
    is_paper_late,
    local_datetime,
    nominal_series_dates,
    paper_deadline,
    series_dates,
)

D = datetime.date
LONDON = zoneinfo.ZoneInfo("Europe/London")
UTC = datetime.UTC
REGULAR = [f for f in MeetingFrequency.values if f not in (MeetingFrequency.AD_HOC, MeetingFrequency.NOT_SET)]


def test_six_weekly_series_keeps_the_weekday():
    dates = series_dates(frequency=MeetingFrequency.SIX_WEEKLY, first=D(2026, 1, 13), count=4)
    assert dates == [D(2026, 1, 13), D(2026, 2, 24), D(2026, 4, 7), D(2026, 5, 19)]


def test_a_meeting_falling_on_easter_monday_moves_to_the_tuesday_and_the_series_does_not_drift():
    dates = series_dates(frequency=MeetingFrequency.SIX_WEEKLY, first=D(2026, 2, 23), count=3)
    assert dates == [D(2026, 2, 23), D(2026, 4, 7), D(2026, 5, 18)]


def test_a_meeting_falling_on_the_boxing_day_substitute_moves_past_it():
    dates = series_dates(frequency=MeetingFrequency.SIX_WEEKLY, first=D(2026, 11, 16), count=2)
    assert dates == [D(2026, 11, 16), D(2026, 12, 29)]


def test_monthly_series_keeps_the_third_wednesday():
    dates = series_dates(frequency=MeetingFrequency.MONTHLY, first=D(2026, 1, 21), count=4)
    assert dates == [D(2026, 1, 21), D(2026, 2, 18), D(2026, 3, 18), D(2026, 4, 15)]


def test_a_fifth_weekday_becomes_the_last_in_a_shorter_month():
    dates = nominal_series_dates(frequency=MeetingFrequency.MONTHLY, first=D(2026, 1, 30), count=2)
    assert dates == [D(2026, 1, 30), D(2026, 2, 27)]  # fifth Friday of January, last of February


@pytest.mark.parametrize(
    ("frequency", "expected_second"),
    [
        (MeetingFrequency.BI_MONTHLY, D(2026, 3, 10)),
        (MeetingFrequency.QUARTERLY, D(2026, 4, 14)),
        (MeetingFrequency.TWICE_YEARLY, D(2026, 7, 14)),
        (MeetingFrequency.ANNUALLY, D(2027, 1, 12)),
    ],
)
def test_month_based_series_step_by_their_months(frequency, expected_second):
    # 13 Jan 2026 is the second Tuesday of January.
    assert series_dates(frequency=frequency, first=D(2026, 1, 13), count=2)[1] == expected_second


def test_a_quarterly_first_monday_in_may_moves_off_the_early_may_bank_holiday():
    dates = series_dates(frequency=MeetingFrequency.QUARTERLY, first=D(2026, 2, 2), count=2)
    assert dates == [D(2026, 2, 2), D(2026, 5, 5)]


def test_a_first_date_on_a_saturday_moves_to_monday():
    dates = series_dates(frequency=MeetingFrequency.SIX_WEEKLY, first=D(2026, 3, 14), count=1)
    assert dates == [D(2026, 3, 16)]


def test_closure_days_are_avoided_too():
    closures = frozenset({D(2026, 2, 24)})
    dates = series_dates(
        frequency=MeetingFrequency.SIX_WEEKLY, first=D(2026, 1, 13), count=2, closures=closures
    )
    assert dates == [D(2026, 1, 13), D(2026, 2, 25)]


@pytest.mark.parametrize("frequency", REGULAR)
@pytest.mark.parametrize("first", [D(2021, 12, 27), D(2022, 9, 19), D(2023, 5, 8), D(2026, 12, 25)])
def test_a_series_never_lands_on_a_weekend_or_bank_holiday(frequency, first):
    dates = series_dates(frequency=frequency, first=first, count=24)
    assert all(is_working_day(day) for day in dates)
    assert dates == sorted(set(dates))


def test_an_ad_hoc_group_has_no_series():
    with pytest.raises(ValidationError, match="ad hoc"):
        series_dates(frequency=MeetingFrequency.AD_HOC, first=D(2026, 1, 13), count=3)


@pytest.mark.parametrize("count", [0, 53])
def test_a_series_has_a_sensible_length(count):
    with pytest.raises(ValidationError):
        series_dates(frequency=MeetingFrequency.MONTHLY, first=D(2026, 1, 13), count=count)


def test_paper_deadline_is_seven_days_before_at_the_same_time():
    starts = local_datetime(D(2026, 3, 12), datetime.time(10, 0))
    assert paper_deadline(starts_at=starts, days=7) == local_datetime(D(2026, 3, 5), datetime.time(10, 0))


def test_paper_deadline_across_the_spring_clock_change_keeps_the_local_time():
    # Clocks go forward on Sunday 29 March 2026: the meeting is in BST, the deadline in GMT.
    starts = local_datetime(D(2026, 4, 2), datetime.time(10, 0))
    deadline = paper_deadline(starts_at=starts, days=7)
    assert deadline.astimezone(LONDON).replace(tzinfo=None) == datetime.datetime(2026, 3, 26, 10, 0)
    assert deadline.astimezone(UTC) == datetime.datetime(2026, 3, 26, 10, 0, tzinfo=UTC)
    assert starts - deadline == datetime.timedelta(days=7, hours=-1)


def test_paper_deadline_across_the_autumn_clock_change_keeps_the_local_time():
    # Clocks go back on Sunday 25 October 2026: the meeting is in GMT, the deadline in BST.
    starts = local_datetime(D(2026, 10, 29), datetime.time(10, 0))
    deadline = paper_deadline(starts_at=starts, days=7)
    assert deadline.astimezone(UTC) == datetime.datetime(2026, 10, 22, 9, 0, tzinfo=UTC)
    assert starts - deadline == datetime.timedelta(days=7, hours=1)


def test_paper_deadline_from_a_utc_datetime_uses_london_time():
    starts = datetime.datetime(2026, 7, 9, 9, 0, tzinfo=UTC)  # 10:00 BST
    deadline = paper_deadline(starts_at=starts, days=10)
    assert deadline.astimezone(LONDON).replace(tzinfo=None) == datetime.datetime(2026, 6, 29, 10, 0)


DEADLINE = local_datetime(D(2026, 3, 26), datetime.time(10, 0))


@pytest.mark.parametrize(
    ("submitted", "late"),
    [
        (DEADLINE - datetime.timedelta(days=2), False),
        (DEADLINE - datetime.timedelta(minutes=1), False),
        (DEADLINE, False),
        (DEADLINE.astimezone(UTC), False),  # the same instant in another zone
        (DEADLINE + datetime.timedelta(seconds=1), True),
        (DEADLINE + datetime.timedelta(minutes=1), True),
        (DEADLINE + datetime.timedelta(days=2), True),
    ],
)
def test_paper_lateness_at_the_edges(submitted, late):
    assert is_paper_late(submitted, DEADLINE) is late


def test_paper_exactly_on_the_deadline_is_on_time():
    assert not is_paper_late(DEADLINE, DEADLINE)


def test_paper_one_minute_after_the_deadline_is_late():
    assert is_paper_late(DEADLINE + datetime.timedelta(minutes=1), DEADLINE)
