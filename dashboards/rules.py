"""The dashboards' own rules, pure: the period a figure covers, its months, its rates.

No database, no clock: `today` is passed in. The choices here are the product's own (the
issue asks for "a rolling twelve months"; shorter and longer windows are offered beside it).
"""

import datetime
from dataclasses import dataclass

# Rolling windows offered on the partner dashboard, in months; twelve is the issue's.
PERIOD_MONTHS = (3, 6, 12, 24)
DEFAULT_PERIOD_MONTHS = 12


@dataclass(frozen=True)
class Period:
    """Whole calendar months ending with the current one: [start, end) in dates."""

    months: int
    start: datetime.date  # the first day of the first month
    end: datetime.date  # the day after today (today's records count)

    @property
    def label(self) -> str:
        return f"the last {self.months} months" if self.months != 12 else "a rolling twelve months"

    def month_starts(self) -> list[datetime.date]:
        return [add_months(self.start, n) for n in range(self.months)]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month `months` after `day`'s month (negative goes back)."""
    index = day.year * 12 + (day.month - 1) + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def rolling_period(*, today: datetime.date, months: int = DEFAULT_PERIOD_MONTHS) -> Period:
    """The current month and the `months - 1` before it, up to and including today."""
    if months not in PERIOD_MONTHS:
        raise ValueError(f"A period is one of {PERIOD_MONTHS} months, not {months}.")
    start = add_months(today.replace(day=1), -(months - 1))
    return Period(months=months, start=start, end=today + datetime.timedelta(days=1))


def month_end(month_start: datetime.date, *, today: datetime.date) -> datetime.date:
    """The day a month's figure is read at: its last day, or today for the current month."""
    last = add_months(month_start, 1) - datetime.timedelta(days=1)
    return min(last, today)


def percentage(part: int, whole: int) -> int | None:
    """A whole-number percentage; None when there is nothing to divide (shown as a dash, not 0%)."""
    if whole <= 0:
        return None
    return round(100 * part / whole)


def was_overdue_at(
    *,
    day: datetime.date,
    due_date: datetime.date | None,
    recorded_on: datetime.date,
    finished_on: datetime.date | None,
    outstanding_now: bool,
) -> bool:
    """Whether an action counted as overdue at the end of `day` (the overdue trend).

    It had been recorded by then, its due date had passed (the action log's due status: overdue
    the day after the due date), and it was not yet finished: still outstanding now, or finished
    after `day`. A finished action with no completion date is not counted (when it finished is
    not known). The selector asks the same in SQL (`dashboards.selectors._overdue_at`).
    """
    if due_date is None or recorded_on > day or due_date >= day:
        return False
    if outstanding_now:
        return True
    return finished_on is not None and finished_on > day
