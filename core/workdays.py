"""The working-day calendar: weekends, England's bank holidays and the partnership's closure days.

Statutory timescales count working days ("within 5 working days of the
notification"), and meetings are never scheduled on a non-working day. The
functions are pure: they take the closure days as an argument, so they are
tested without a database; `closure_days()` reads the admin-added ones.

Counting convention: "within N working days of X" is the Nth working day
after X, X itself not counted (so a notification on a Friday, with 1 working
day to act, is due on the Monday).
"""

import datetime
from collections.abc import Collection, Mapping
from functools import lru_cache

import holidays

from core.models import ClosureDay
from core.partnership import read_once_in_scope

ONE_DAY = datetime.timedelta(days=1)
NO_CLOSURES: frozenset[datetime.date] = frozenset()


@lru_cache(maxsize=64)
def _bank_holidays_in(year: int) -> frozenset[datetime.date]:
    # England's list, with the "(observed)" substitute days and one-off days
    # (a coronation, a state funeral) that the holidays package keeps.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: datetime.date) -> bool:
    return day in _bank_holidays_in(day.year)


def bank_holiday_name(day: datetime.date) -> str | None:
    return holidays.country_holidays("GB", subdiv="ENG", years=day.year).get(day)


def is_working_day(day: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day) and day not in closures


def next_working_day(day: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES) -> datetime.date:
    """The first working day strictly after `day`."""
    day += ONE_DAY
    while not is_working_day(day, closures):
        day += ONE_DAY
    return day


def working_day_on_or_after(
    day: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES
) -> datetime.date:
    """`day` itself when it is a working day, otherwise the next one."""
    return day if is_working_day(day, closures) else next_working_day(day, closures)


def add_working_days(
    start: datetime.date, n: int, closures: Collection[datetime.date] = NO_CLOSURES
) -> datetime.date:
    """The Nth working day after `start` (start not counted); negative N counts back."""
    step = ONE_DAY if n >= 0 else -ONE_DAY
    day = start
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day, closures):
            remaining -= 1
    return day


def working_days_between(
    start: datetime.date, end: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES
) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier).

    The inverse of add_working_days: working_days_between(x, add_working_days(x, n)) == n.
    """
    if end < start:
        return -working_days_between(end, start, closures)
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if is_working_day(day, closures):
            count += 1
    return count


def closure_days() -> frozenset[datetime.date]:
    """The partnership's own non-working days, as added on the closure days page (one query, once
    per request or reminder-scan run)."""
    return read_once_in_scope(
        "closures", lambda: frozenset(ClosureDay.objects.values_list("date", flat=True))
    )


def non_working_reason(day: datetime.date, closures: Mapping[datetime.date, str] | None = None) -> str | None:
    """Why `day` is not a working day, as a sentence's end ("a Saturday", "a bank holiday
    (Christmas Day)", "a closure day (Christmas closure)"), or None on a working day."""
    if day.weekday() >= 5:
        return f"a {day:%A}"
    name = bank_holiday_name(day)
    if name:
        return f"a bank holiday ({name})"
    if closures and day in closures:
        return f"a closure day ({closures[day]})"
    return None


def closure_day_reasons() -> dict[datetime.date, str]:
    """The partnership's closure days with their reasons (one query)."""
    return dict(ClosureDay.objects.values_list("date", "reason"))
