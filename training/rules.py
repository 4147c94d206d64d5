"""Pure rules of bookings: no database, no clock (pass `now`).

The bar is pretix's: places are never oversold, a freed place goes to the waiting list in order
with a time-limited offer, and an offer not taken passes on.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass


def places_left(*, capacity: int, holding: int) -> int:
    """Places still free: capacity less the bookings holding one (booked, or offered and not
    yet lapsed). Never negative."""
    return max(capacity - holding, 0)


def is_late_cancellation(
    *, starts_at: datetime.datetime, cancelled_at: datetime.datetime, notice_days: int
) -> bool:
    """A cancellation inside the notice period is late (arrangements s.17.7: take-up by partners is
    monitored). Exactly `notice_days` before the start is still in time: the period is
    'at least N days' notice' (this product's choice)."""
    return cancelled_at > starts_at - datetime.timedelta(days=notice_days)


def offer_deadline(
    *, offered_at: datetime.datetime, offer_hours: int, starts_at: datetime.datetime
) -> datetime.datetime:
    """An offered place must be accepted within `offer_hours`, and never after the session starts."""
    return min(offered_at + datetime.timedelta(hours=offer_hours), starts_at)


def offer_has_lapsed(*, expires_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """An offer lapses at its deadline: accepting exactly at the deadline is too late."""
    return expires_at is not None and now >= expires_at


@dataclass(frozen=True)
class Waiting:
    id: int
    waiting_since: datetime.datetime


def next_in_line(waiting: Sequence[Waiting], count: int) -> list[int]:
    """The ids of the next `count` people waiting, first come first served (ties by id: the
    order they were recorded)."""
    ordered = sorted(waiting, key=lambda entry: (entry.waiting_since, entry.id))
    return [entry.id for entry in ordered[: max(count, 0)]]


# Booked practitioners are reminded from this long before the session starts (this product's choice).
REMINDER_HOURS = 48


def reminder_due(
    *, starts_at: datetime.datetime, now: datetime.datetime, hours: int = REMINDER_HOURS
) -> bool:
    """A reminder is due once the session is at most `hours` away, and until it starts."""
    return now < starts_at <= now + datetime.timedelta(hours=hours)


def impact_due(*, session_date: datetime.date, after_days: int) -> datetime.date:
    """The impact questionnaire goes about three months after the session (seed 001 s.17.5)."""
    return session_date + datetime.timedelta(days=after_days)


def quarter_of(day: datetime.date) -> tuple[int, int]:
    """(year, quarter) of the calendar quarter holding `day`."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a calendar quarter."""
    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    end_month = start.month + 2
    next_start = datetime.date(year + 1, 1, 1) if end_month == 12 else datetime.date(year, end_month + 1, 1)
    return start, next_start - datetime.timedelta(days=1)


def per_hundred(count: int, workforce: int | None) -> float | None:
    """Places per hundred of the agency's workforce, where the workforce is known."""
    if not workforce:
        return None
    return round(100 * count / workforce, 1)
