"""Which case review reminder is due today: a pure rule (no database, no clock).

The product's own cadence (issue 12): 5 working days before a deadline (and each working day
after, until the day, should a run be missed: the notification key sends it once), on the day,
and once overdue. Nothing is sent on a non-working day; a reminder due then goes on the next
working day.
"""

import datetime
from collections.abc import Collection

from core.workdays import NO_CLOSURES, is_working_day, working_days_between
from reviews.clocks import DUE_SOON_WORKING_DAYS

DUE_SOON = "due_soon"
DUE_TODAY = "due_today"
OVERDUE = "overdue"


def reminder_stage(
    due: datetime.date, today: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES
) -> str | None:
    if not is_working_day(today, closures):
        return None
    if today > due:
        return OVERDUE
    if today == due:
        return DUE_TODAY
    if working_days_between(today, due, closures) <= DUE_SOON_WORKING_DAYS:
        return DUE_SOON
    return None
