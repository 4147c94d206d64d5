"""What is due now: the rules of the reminder scan, as pure functions.

No database and no clock: the scan passes `now` (an aware datetime) or
`today` (a Europe/London date) and plain values, so each rule is tested at its
edges (the day before, the day of, a bank holiday, a clock change) without
freezing time. Each rule returns the *occasion* of a reminder (a string that
goes into its uniqueness key) or None when nothing is due.

The scan runs every few minutes, so each rule says when a reminder *becomes*
due and stays due for a while; the key makes sure it is sent once. Where a
reminder can be caught up after an outage without misleading anyone, it is.
"""

import datetime
import zoneinfo
from collections.abc import Collection, Iterable, Sequence

from core.workdays import NO_CLOSURES, add_working_days, is_working_day, working_day_on_or_after
from governance.choices import OUTSTANDING_STATUSES

LONDON = zoneinfo.ZoneInfo("Europe/London")

ACTION_WEEK_AHEAD_DAYS = 7
OUTSTANDING_ACTION_STATUSES = frozenset(OUTSTANDING_STATUSES)


def local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(LONDON).date()


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The aware instant a London date begins (23 or 25 hours long across a clock change)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=LONDON)


# Actions ---------------------------------------------------------------------------


def action_reminder(*, status: str, due_date: datetime.date | None, today: datetime.date) -> str | None:
    """Which reminder an action's owners are due today: "due_soon", "due_today" or None.

    Owners are told a week before the due date and on the day. The week-ahead
    one is sent on the first scan in that week (7 days before, or later if the
    action was recorded or re-dated within the week, or the scans were down);
    the key (the due date) keeps it to once per due date.
    """
    if status not in OUTSTANDING_ACTION_STATUSES or due_date is None:
        return None
    days_left = (due_date - today).days
    if days_left == 0:
        return "due_today"
    if 0 < days_left <= ACTION_WEEK_AHEAD_DAYS:
        return "due_soon"
    return None


def weekly_occasion(
    *, now: datetime.datetime, hour: int, closures: Collection[datetime.date] = NO_CLOSURES
) -> str | None:
    """The ISO week ("2026-W11") on its first working day, from `hour` London time; else None.

    Weekly digests go on Monday morning, or on Tuesday after a bank holiday
    Monday, so nobody's week starts with a pile sent on a day off.
    """
    local = now.astimezone(LONDON)
    year, week, weekday = local.isocalendar()
    monday = local.date() - datetime.timedelta(days=weekday - 1)
    first_working = working_day_on_or_after(monday, closures)
    if local.date() != first_working or local.hour < hour:
        return None
    return f"{year}-W{week:02d}"


# Papers ----------------------------------------------------------------------------


def paper_reminder_due(
    *,
    deadline: datetime.datetime,
    now: datetime.datetime,
    working_days_before: int,
    closures: Collection[datetime.date] = NO_CLOSURES,
) -> bool:
    """Presenters with no paper yet are reminded from N working days before the deadline
    until it passes."""
    if now >= deadline:
        return False
    starts = add_working_days(local_date(deadline), -working_days_before, closures)
    return local_date(now) >= starts


def paper_reminder_horizon(
    *, today: datetime.date, working_days_before: int, closures: Collection[datetime.date] = NO_CLOSURES
) -> datetime.datetime:
    """Deadlines before this instant may be due a reminder today (for the scan's indexed query)."""
    return local_midnight(add_working_days(today, working_days_before, closures) + datetime.timedelta(days=1))


# Seed 003 item 2a: late papers from partners' staff are "escalated in advance … to secure the
# outstanding papers". Staff of every health agency (NHS providers included) answer to the ICB's
# board member, council services to the council's, police staff to the police's.
PARTNER_FOR_SECTOR = {
    "health": "icb",
    "local_authority": "local_authority",
    "police": "police",
}


def responsible_partner(*, statutory_role: str | None, sector: str) -> str | None:
    """The statutory partner (its role) whose board member answers for an agency's staff, or None
    for agencies outside the three partners' sectors (schools, the voluntary sector…)."""
    return statutory_role or PARTNER_FOR_SECTOR.get(sector)


def paper_escalation_due(
    *,
    deadline: datetime.datetime,
    now: datetime.datetime,
    working_days_before: int,
    closures: Collection[datetime.date] = NO_CLOSURES,
) -> bool:
    """A paper still missing from a partner's staff is escalated from N working days before the
    deadline (the partnership's setting, one by default) until the deadline passes."""
    return paper_reminder_due(
        deadline=deadline, now=now, working_days_before=working_days_before, closures=closures
    )


def papers_report_due(
    *, deadline: datetime.datetime, meeting_starts: datetime.datetime, now: datetime.datetime
) -> bool:
    """After the deadline (a paper at the deadline is on time) and before the meeting starts."""
    return deadline < now < meeting_starts


# Minutes ---------------------------------------------------------------------------


def minutes_reminder_due(
    *,
    meeting_date: datetime.date,
    today: datetime.date,
    working_days: int,
    closures: Collection[datetime.date] = NO_CLOSURES,
) -> bool:
    """Draft minutes are chased once `working_days` working days have passed since the meeting."""
    return today >= add_working_days(meeting_date, working_days, closures)


# Quoracy forecast -----------------------------------------------------------------

EXPECTED_STATUSES = frozenset({"present", "deputy", "in_attendance"})
NOT_COMING_STATUSES = frozenset({"apologies", "absent"})


def quoracy_forecast_occasion(
    *,
    meeting_starts: datetime.datetime,
    now: datetime.datetime,
    working_days_before: int,
    closures: Collection[datetime.date] = NO_CLOSURES,
) -> str | None:
    """Today's date on each working day from N working days before the meeting until it starts.

    Repeated daily, so the warning stays in front of people until it is fixed;
    working days only, so it does not arrive at weekends.
    """
    if now >= meeting_starts:
        return None
    today = local_date(now)
    if not is_working_day(today, closures):
        return None
    if today < add_working_days(local_date(meeting_starts), -working_days_before, closures):
        return None
    return today.isoformat()


def quoracy_forecast_horizon(
    *, today: datetime.date, working_days_before: int, closures: Collection[datetime.date] = NO_CLOSURES
) -> datetime.datetime:
    """Meetings starting before this instant may be in their forecast window today."""
    return local_midnight(add_working_days(today, working_days_before, closures) + datetime.timedelta(days=1))


def partner_forecast(*, statuses: Iterable[str], members_without_reply: int) -> str | None:
    """Why a statutory partner will not be represented, or None if someone is expected.

    `statuses` are the attendance lines recorded for the partner's agency at
    the meeting (members' replies and deputies); `members_without_reply` counts
    its current members with no line yet. Arrangements s.8: a meeting is
    quorate only with all three partners represented.
    """
    statuses = list(statuses)
    if any(status in EXPECTED_STATUSES for status in statuses):
        return None
    sent_apologies = any(status in NOT_COMING_STATUSES for status in statuses)
    if sent_apologies and members_without_reply:
        return "has sent apologies with no deputy, and its other members have not replied"
    if sent_apologies:
        return "has sent apologies with no deputy"
    if members_without_reply:
        return "none of its members has replied"
    return "has no member on this group"


# Non-attendance -------------------------------------------------------------------

CONSECUTIVE_ABSENCES_FLAGGED = 3


def absent_without_valid_reason(*, status: str, apology_valid: bool | None) -> bool:
    """Absent without apologies, or apologies the chair did not accept as valid."""
    return status == "absent" or (status == "apologies" and apology_valid is False)


def consecutive_absences(history: Sequence[bool], *, run: int = CONSECUTIVE_ABSENCES_FLAGGED) -> bool:
    """`history` is newest first, one entry per held meeting: True when absent without valid reason."""
    return len(history) >= run and all(history[:run])
