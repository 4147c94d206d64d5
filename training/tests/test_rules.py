import datetime

import pytest

from training import rules

START = datetime.datetime(2026, 6, 10, 9, 30, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("cancelled_at", "late"),
    [
        (START - datetime.timedelta(days=5, seconds=1), False),
        (START - datetime.timedelta(days=5), False),  # exactly at the boundary: still in time
        (START - datetime.timedelta(days=5) + datetime.timedelta(seconds=1), True),
        (START - datetime.timedelta(hours=1), True),
    ],
)
def test_a_cancellation_is_late_only_inside_the_notice_period(cancelled_at, late):
    assert rules.is_late_cancellation(starts_at=START, cancelled_at=cancelled_at, notice_days=5) is late


def test_with_no_notice_period_only_a_cancellation_after_the_start_is_late():
    assert not rules.is_late_cancellation(starts_at=START, cancelled_at=START, notice_days=0)
    assert rules.is_late_cancellation(
        starts_at=START, cancelled_at=START + datetime.timedelta(seconds=1), notice_days=0
    )


def test_an_offer_runs_for_its_hours_but_never_past_the_start_of_the_session():
    offered = START - datetime.timedelta(days=10)
    assert rules.offer_deadline(
        offered_at=offered, offer_hours=48, starts_at=START
    ) == offered + datetime.timedelta(hours=48)
    late_offer = START - datetime.timedelta(hours=5)
    assert rules.offer_deadline(offered_at=late_offer, offer_hours=48, starts_at=START) == START


@pytest.mark.parametrize(
    ("now", "lapsed"),
    [
        (START - datetime.timedelta(seconds=1), False),
        (START, True),
        (START + datetime.timedelta(hours=1), True),
    ],
)
def test_an_offer_lapses_at_its_deadline(now, lapsed):
    assert rules.offer_has_lapsed(expires_at=START, now=now) is lapsed


def test_the_waiting_list_is_first_come_first_served_with_ties_in_the_order_recorded():
    waiting = [
        rules.Waiting(7, START),
        rules.Waiting(3, START + datetime.timedelta(minutes=1)),
        rules.Waiting(5, START),
    ]
    assert rules.next_in_line(waiting, 2) == [5, 7]
    assert rules.next_in_line(waiting, 0) == []
    assert rules.next_in_line(waiting, 9) == [5, 7, 3]


def test_places_left_is_never_negative():
    assert rules.places_left(capacity=3, holding=2) == 1
    assert rules.places_left(capacity=3, holding=5) == 0


@pytest.mark.parametrize(
    ("quarter", "bounds"),
    [
        (1, (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))),
        (4, (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))),
    ],
)
def test_quarters_are_calendar_quarters(quarter, bounds):
    assert rules.quarter_bounds(2026, quarter) == bounds
    assert rules.quarter_of(bounds[1]) == (2026, quarter)


def test_take_up_per_hundred_staff_needs_a_known_workforce():
    assert rules.per_hundred(12, 400) == 3.0
    assert rules.per_hundred(12, None) is None
    assert rules.per_hundred(12, 0) is None


@pytest.mark.parametrize(
    ("before_start", "due"),
    [
        (datetime.timedelta(hours=48, seconds=1), False),
        (datetime.timedelta(hours=48), True),  # exactly 48 hours before: due
        (datetime.timedelta(minutes=1), True),
        (datetime.timedelta(0), False),  # it has started
    ],
)
def test_a_reminder_is_due_in_the_48_hours_before_the_session(before_start, due):
    assert rules.reminder_due(starts_at=START, now=START - before_start) is due
