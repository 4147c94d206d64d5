"""Scheduling rules for meetings, as pure functions (no database, no clock).

- A series follows the group's meeting frequency from a first date.
  Six-weekly series keep the weekday (every sixth Tuesday). Month-based
  series (monthly, bi-monthly, quarterly, twice yearly, annually) keep the
  weekday and its place in the month ("the third Wednesday"), the way
  committees fix their dates; a first date on the fifth such weekday maps to
  the last one in shorter months.
- A date that is not a working day (weekend, England bank holiday, closure
  day) moves to the NEXT working day, never back: moving back could put the
  meeting before its own paper deadline had been announced, and the day after
  a bank holiday is what partnership teams choose in practice. Each date is
  worked out from the nominal pattern, so one moved meeting does not shift the
  rest of the series.
- Papers are due `paper_deadline_days` days before the meeting at the same
  Europe/London wall-clock time (seed 003, item 2a: "seven days before"). A
  meeting at 10:00 on the Thursday after the clocks change has its deadline at
  10:00 local time the Thursday before, although that is 167 or 169 hours
  earlier, not 168.
- A paper submitted exactly at the deadline is on time; any later is late.
"""

import calendar
import datetime
import zoneinfo
from collections.abc import Collection

from django.core.exceptions import ValidationError

from core.workdays import NO_CLOSURES, working_day_on_or_after
from governance.models import MeetingFrequency

LONDON = zoneinfo.ZoneInfo("Europe/London")

# Months between meetings for the month-based frequencies.
MONTH_STEPS: dict[str, int] = {
    MeetingFrequency.MONTHLY: 1,
    MeetingFrequency.BI_MONTHLY: 2,
    MeetingFrequency.QUARTERLY: 3,
    MeetingFrequency.TWICE_YEARLY: 6,
    MeetingFrequency.ANNUALLY: 12,
}
WEEK_STEPS: dict[str, int] = {MeetingFrequency.SIX_WEEKLY: 6}
MAX_SERIES = 52


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The nth (1-5) `weekday` of the month; a fifth that does not exist is the last."""
    first_weekday, days_in_month = calendar.monthrange(year, month)
    first = 1 + (weekday - first_weekday) % 7
    day = first + 7 * (nth - 1)
    while day > days_in_month:
        day -= 7
    return datetime.date(year, month, day)


def _add_months_same_weekday(first: datetime.date, months: int) -> datetime.date:
    nth = (first.day - 1) // 7 + 1
    month_index = first.month - 1 + months
    return _nth_weekday(first.year + month_index // 12, month_index % 12 + 1, first.weekday(), nth)


def nominal_series_dates(*, frequency: str, first: datetime.date, count: int) -> list[datetime.date]:
    """The pattern's dates before any are moved off non-working days."""
    if frequency in WEEK_STEPS:
        step = datetime.timedelta(weeks=WEEK_STEPS[frequency])
        return [first + step * index for index in range(count)]
    if frequency in MONTH_STEPS:
        return [_add_months_same_weekday(first, MONTH_STEPS[frequency] * index) for index in range(count)]
    if frequency == MeetingFrequency.NOT_SET:
        raise ValidationError(
            "This group's meeting frequency is not set, so it has no pattern to follow: set it on the "
            "group's page, or schedule its meetings one at a time."
        )
    raise ValidationError(
        "This group meets ad hoc, so it has no pattern to follow: schedule its meetings one at a time."
    )


def series_dates(
    *,
    frequency: str,
    first: datetime.date,
    count: int,
    closures: Collection[datetime.date] = NO_CLOSURES,
) -> list[datetime.date]:
    """`count` meeting dates from `first`, each moved to the next working day when needed."""
    if not 1 <= count <= MAX_SERIES:
        raise ValidationError(f"A series has between 1 and {MAX_SERIES} meetings.")
    return [
        working_day_on_or_after(day, closures)
        for day in nominal_series_dates(frequency=frequency, first=first, count=count)
    ]


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A Europe/London wall-clock time on a day, as an aware datetime."""
    return datetime.datetime.combine(day, time, tzinfo=LONDON)


def paper_deadline(*, starts_at: datetime.datetime, days: int) -> datetime.datetime:
    """The meeting's local start time, `days` calendar days earlier, in Europe/London."""
    local_start = starts_at.astimezone(LONDON)
    wall_clock = local_start.replace(tzinfo=None) - datetime.timedelta(days=days)
    # Normalised to UTC so later arithmetic is in elapsed time, not wall-clock time
    # (Python subtracts two datetimes of the same zone by their wall clocks).
    return wall_clock.replace(tzinfo=LONDON).astimezone(datetime.UTC)


def is_paper_late(submitted_at: datetime.datetime, deadline: datetime.datetime) -> bool:
    """Exactly on the deadline is on time; a minute (or a second) after is late."""
    return submitted_at > deadline


def is_received_late(received_on: datetime.date, deadline_local_date: datetime.date) -> bool:
    """A paper whose day of arrival is known but not its hour is late only when it came after the
    deadline's day: on the day itself it has the benefit of the doubt (this product's rule; seed
    003's seven-day rule gives a day, not an hour)."""
    return received_on > deadline_local_date
