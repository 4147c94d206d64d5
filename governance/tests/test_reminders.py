"""What is due now, at its edges: the day before, the day of, bank holidays, clock changes.

2026's dates used below: Good Friday 3 April and Easter Monday 6 April are bank
holidays; the clocks go forward at 01:00 GMT on Sunday 29 March and back at
01:00 GMT on Sunday 25 October.
"""

import datetime
import zoneinfo

import pytest

from governance import reminders
from notifications import rules
from notifications.rules import email_retry_delay

LONDON = zoneinfo.ZoneInfo("Europe/London")
UTC = datetime.UTC


def london(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def utc(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


D = datetime.date

# Actions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2026, 3, 20), None),  # 8 days ahead: not yet
        (D(2026, 3, 19), "due_soon"),  # a week ahead
        (D(2026, 3, 13), "due_soon"),  # the day before: the week-ahead one, caught up if missed
        (D(2026, 3, 12), "due_today"),
        (D(2026, 3, 11), None),  # overdue: the weekly digest's business
        (None, None),
    ],
)
def test_action_reminders_a_week_ahead_and_on_the_day(due, expected):
    assert reminders.action_reminder(status="open", due_date=due, today=D(2026, 3, 12)) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", "due_today"),
        ("in_progress", "due_today"),
        ("deferred", "due_today"),
        ("completed", None),
        ("closed", None),
        ("superseded", None),
    ],
)
def test_only_outstanding_actions_are_reminded(status, expected):
    assert reminders.action_reminder(status=status, due_date=D(2026, 3, 12), today=D(2026, 3, 12)) == expected


def test_the_rule_knows_the_same_outstanding_statuses_as_the_action_log():
    from governance.action_rules import OUTSTANDING

    assert reminders.OUTSTANDING_ACTION_STATUSES == OUTSTANDING


# Weekly digests ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 16, 7, 59), None),  # Monday, before the hour
        (london(2026, 3, 16, 8, 0), "2026-W12"),
        (london(2026, 3, 16, 23, 59), "2026-W12"),
        (london(2026, 3, 17, 9, 0), None),  # Tuesday of an ordinary week
        (london(2026, 3, 15, 9, 0), None),  # Sunday
        (london(2026, 4, 6, 9, 0), None),  # Easter Monday: a bank holiday
        (london(2026, 4, 7, 8, 0), "2026-W15"),  # so the Tuesday after it
        (london(2026, 4, 8, 8, 0), None),
        (london(2025, 12, 29, 8, 0), "2026-W01"),  # the ISO year, not the calendar year
        # Monday after the clocks went forward: 07:30 UTC is 08:30 in London.
        (utc(2026, 3, 30, 7, 30), "2026-W14"),
        # A winter Monday: 07:30 UTC is 07:30 in London, before the hour.
        (utc(2026, 3, 23, 7, 30), None),
    ],
)
def test_weekly_reminders_go_on_the_first_working_day_of_the_week_from_the_hour(now, expected):
    assert reminders.weekly_occasion(now=now, hour=8) == expected


def test_a_closure_day_monday_moves_the_weekly_reminders_to_tuesday():
    closures = {D(2026, 3, 16)}
    assert reminders.weekly_occasion(now=london(2026, 3, 16, 9), hour=8, closures=closures) is None
    assert reminders.weekly_occasion(now=london(2026, 3, 17, 9), hour=8, closures=closures) == "2026-W12"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 12, 6, 59), None),
        (london(2026, 3, 12, 7, 0), "2026-03-12"),
        (london(2026, 3, 14, 7, 0), "2026-03-14"),  # every day, weekends too
        # The morning the clocks go forward: 06:30 UTC is already 07:30 in London…
        (utc(2026, 3, 29, 6, 30), "2026-03-29"),
        # …but the day before it is 06:30 in London.
        (utc(2026, 3, 28, 6, 30), None),
        # The morning they go back: 06:30 UTC is 06:30 GMT, and 06:30 UTC the day before is 07:30 BST.
        (utc(2026, 10, 25, 6, 30), None),
        (utc(2026, 10, 24, 6, 30), "2026-10-24"),
        # Just after midnight in London is still the previous day in UTC during summer time.
        (utc(2026, 6, 30, 23, 30), None),
    ],
)
def test_the_daily_digest_is_due_once_the_hour_has_passed_in_london(now, expected):
    assert rules.digest_occasion(now=now, hour=7) == expected


# Papers -------------------------------------------------------------------------

DEADLINE = london(2026, 3, 19, 10, 0)  # a Thursday


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 13, 23, 59), False),  # Friday before: too early for 3 working days
        (london(2026, 3, 16, 0, 0), True),  # Monday, three working days before
        (london(2026, 3, 18, 12, 0), True),  # the day before
        (london(2026, 3, 19, 9, 59), True),  # the day of, before the deadline
        (london(2026, 3, 19, 10, 0), False),  # at the deadline: too late to remind
        (london(2026, 3, 19, 10, 1), False),
    ],
)
def test_presenters_are_reminded_from_three_working_days_before_the_paper_deadline(now, expected):
    assert reminders.paper_reminder_due(deadline=DEADLINE, now=now, working_days_before=3) is expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 30, 12), False),
        (london(2026, 3, 31, 9), True),  # Tuesday before: Good Friday and Easter Monday do not count
        (london(2026, 4, 3, 9), True),
    ],
)
def test_bank_holidays_do_not_count_as_working_days_before_a_paper_deadline(now, expected):
    deadline = london(2026, 4, 7, 10)  # the Tuesday after Easter Monday
    assert reminders.paper_reminder_due(deadline=deadline, now=now, working_days_before=3) is expected


def test_a_deadline_just_after_midnight_in_summer_time_counts_from_its_london_date():
    # 00:30 BST on Monday 30 March is 23:30 UTC on Sunday: the deadline's day is the Monday,
    # so one working day before is Friday 27 March, not Thursday.
    deadline = london(2026, 3, 30, 0, 30)
    assert not reminders.paper_reminder_due(
        deadline=deadline, now=london(2026, 3, 26, 12), working_days_before=1
    )
    assert reminders.paper_reminder_due(deadline=deadline, now=london(2026, 3, 27, 12), working_days_before=1)


def test_the_paper_horizon_never_leaves_out_a_deadline_that_is_due():
    """Exhaustive over a spring with Easter and a clock change: the scan's indexed bound is safe."""
    start = D(2026, 3, 1)
    for today_offset in range(60):
        today = start + datetime.timedelta(days=today_offset)
        now = datetime.datetime.combine(today, datetime.time(23, 59), tzinfo=LONDON)
        horizon = reminders.paper_reminder_horizon(today=today, working_days_before=3)
        for deadline_offset in range(25):
            for hour in (0, 10, 23):
                deadline = datetime.datetime.combine(
                    today + datetime.timedelta(days=deadline_offset), datetime.time(hour), tzinfo=LONDON
                )
                if reminders.paper_reminder_due(deadline=deadline, now=now, working_days_before=3):
                    assert deadline < horizon, (today, deadline)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 19, 10, 0), False),  # a paper at the deadline is on time
        (london(2026, 3, 19, 10, 1), True),
        (london(2026, 3, 26, 9, 59), True),
        (london(2026, 3, 26, 10, 0), False),  # the meeting has started
    ],
)
def test_the_secretariat_report_is_due_between_the_deadline_and_the_meeting(now, expected):
    assert (
        reminders.papers_report_due(deadline=DEADLINE, meeting_starts=london(2026, 3, 26, 10), now=now)
        is expected
    )


# Minutes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 3, 25), False),  # nine working days after Thursday 12 March
        (D(2026, 3, 26), True),  # the tenth
        (D(2026, 3, 27), True),
    ],
)
def test_draft_minutes_are_chased_ten_working_days_after_the_meeting(today, expected):
    assert (
        reminders.minutes_reminder_due(meeting_date=D(2026, 3, 12), today=today, working_days=10) is expected
    )


def test_easter_puts_the_minutes_reminder_back_by_its_bank_holidays():
    # Thursday 2 April + 10 working days, skipping Good Friday and Easter Monday: Monday 20 April,
    # where without them it would be Thursday 16 April.
    meeting = D(2026, 4, 2)
    assert not reminders.minutes_reminder_due(meeting_date=meeting, today=D(2026, 4, 17), working_days=10)
    assert reminders.minutes_reminder_due(meeting_date=meeting, today=D(2026, 4, 20), working_days=10)


# Quoracy forecast ----------------------------------------------------------------

MEETING = london(2026, 3, 19, 10, 0)  # Thursday


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 13, 12), None),  # Friday: four working days before
        (london(2026, 3, 16, 0, 1), "2026-03-16"),  # Monday: three working days before
        (london(2026, 3, 17, 9), "2026-03-17"),  # repeated each day
        (london(2026, 3, 18, 9), "2026-03-18"),  # the day before
        (london(2026, 3, 19, 9, 59), "2026-03-19"),  # the morning of the meeting
        (london(2026, 3, 19, 10, 0), None),  # it has started
    ],
)
def test_the_quoracy_forecast_runs_daily_from_three_working_days_before(now, expected):
    assert (
        reminders.quoracy_forecast_occasion(meeting_starts=MEETING, now=now, working_days_before=3)
        == expected
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (london(2026, 3, 31, 12), None),
        (london(2026, 4, 1, 12), "2026-04-01"),  # Wednesday 8 April less Easter: Wednesday 1 April
        (london(2026, 4, 2, 12), "2026-04-02"),
        (london(2026, 4, 3, 12), None),  # Good Friday
        (london(2026, 4, 4, 12), None),  # Saturday
        (london(2026, 4, 6, 12), None),  # Easter Monday
        (london(2026, 4, 7, 12), "2026-04-07"),
    ],
)
def test_the_quoracy_forecast_skips_bank_holidays_and_weekends(now, expected):
    meeting = london(2026, 4, 8, 10)
    assert (
        reminders.quoracy_forecast_occasion(meeting_starts=meeting, now=now, working_days_before=3)
        == expected
    )


def test_the_quoracy_forecast_uses_the_london_date_when_the_clocks_go_forward():
    # 23:30 UTC on Sunday 29 March is 00:30 BST on Monday 30 March: a working day, three
    # working days before Thursday 2 April.
    meeting = london(2026, 4, 2, 10)
    now = utc(2026, 3, 29, 23, 30)
    assert reminders.quoracy_forecast_occasion(meeting_starts=meeting, now=now, working_days_before=3) == (
        "2026-03-30"
    )


def test_the_quoracy_forecast_uses_the_london_date_when_the_clocks_go_back():
    meeting = london(2026, 10, 29, 10)  # Thursday after the change
    # 23:30 UTC on Sunday 25 October is 23:30 GMT: still Sunday.
    assert (
        reminders.quoracy_forecast_occasion(
            meeting_starts=meeting, now=utc(2026, 10, 25, 23, 30), working_days_before=3
        )
        is None
    )
    # A week earlier, 23:30 UTC on Sunday 18 October was 00:30 BST on Monday 19 October: a working
    # day, three before Thursday 22 October.
    assert (
        reminders.quoracy_forecast_occasion(
            meeting_starts=london(2026, 10, 22, 10), now=utc(2026, 10, 18, 23, 30), working_days_before=3
        )
        == "2026-10-19"
    )
    assert (
        reminders.quoracy_forecast_occasion(
            meeting_starts=meeting, now=utc(2026, 10, 26, 0, 10), working_days_before=3
        )
        == "2026-10-26"
    )


def test_the_quoracy_horizon_never_leaves_out_a_meeting_that_is_due():
    start = D(2026, 3, 1)
    for today_offset in range(60):
        today = start + datetime.timedelta(days=today_offset)
        now = datetime.datetime.combine(today, datetime.time(0, 1), tzinfo=LONDON)
        horizon = reminders.quoracy_forecast_horizon(today=today, working_days_before=3)
        for meeting_offset in range(12):
            meeting = datetime.datetime.combine(
                today + datetime.timedelta(days=meeting_offset), datetime.time(18), tzinfo=LONDON
            )
            if reminders.quoracy_forecast_occasion(meeting_starts=meeting, now=now, working_days_before=3):
                assert meeting < horizon, (today, meeting)


@pytest.mark.parametrize(
    ("statuses", "without_reply", "expected"),
    [
        (["present"], 0, None),
        (["apologies", "deputy"], 0, None),  # a deputy comes for the member
        (["apologies", "present"], 0, None),  # one of two members comes
        (["in_attendance"], 1, None),
        (["apologies"], 0, "has sent apologies with no deputy"),
        (["apologies", "absent"], 0, "has sent apologies with no deputy"),
        (["apologies"], 1, "has sent apologies with no deputy, and its other members have not replied"),
        ([], 2, "none of its members has replied"),
        ([], 0, "has no member on this group"),
    ],
)
def test_a_partner_is_at_risk_unless_someone_from_it_is_expected(statuses, without_reply, expected):
    assert reminders.partner_forecast(statuses=statuses, members_without_reply=without_reply) == expected


# Non-attendance -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "valid", "expected"),
    [
        ("absent", None, True),
        ("apologies", False, True),
        ("apologies", True, False),
        ("apologies", None, False),  # not judged yet: not reported
        ("present", None, False),
        ("deputy", None, False),
    ],
)
def test_absence_without_valid_reason(status, valid, expected):
    assert reminders.absent_without_valid_reason(status=status, apology_valid=valid) is expected


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([True, True, True], True),
        ([True, True, True, False], True),
        ([True, True, False], False),
        ([False, True, True, True], False),  # the latest meeting was attended: nothing new
        ([True, True], False),  # only two held meetings so far
        ([], False),
    ],
)
def test_three_consecutive_absences_are_flagged(history, expected):
    assert reminders.consecutive_absences(history) is expected


# E-mail retries -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attempt", "delay"), [(1, 30), (2, 60), (3, 120), (4, 240), (5, 480), (6, 600), (20, 600)]
)
def test_email_retries_back_off_exponentially_up_to_a_cap(attempt, delay):
    assert email_retry_delay(attempt, base=30, cap=600) == delay


def test_the_retry_cap_and_claim_timeout_sit_below_the_brokers_visibility_timeout(settings):
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.NOTIFICATION_RETRY_MAX_SECONDS
    assert visibility > settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS
    assert settings.EMAIL_TIMEOUT < settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS
