import datetime

import pytest

from dashboards import rules

D = datetime.date


@pytest.mark.parametrize(
    ("today", "months", "start"),
    [
        (D(2026, 6, 15), 12, D(2025, 7, 1)),
        (D(2026, 1, 1), 12, D(2025, 2, 1)),
        (D(2026, 12, 31), 3, D(2026, 10, 1)),
        (D(2026, 3, 31), 24, D(2024, 4, 1)),
    ],
)
def test_a_rolling_period_is_whole_months_ending_with_the_current_one(today, months, start):
    period = rules.rolling_period(today=today, months=months)
    assert period.start == start
    assert period.end == today + datetime.timedelta(days=1)
    assert len(period.month_starts()) == months
    assert period.month_starts()[-1] == today.replace(day=1)


def test_a_period_of_months_not_offered_is_refused():
    with pytest.raises(ValueError):
        rules.rolling_period(today=D(2026, 6, 15), months=7)


@pytest.mark.parametrize(
    ("month", "today", "end"),
    [
        (D(2026, 2, 1), D(2026, 6, 15), D(2026, 2, 28)),
        (D(2024, 2, 1), D(2026, 6, 15), D(2024, 2, 29)),
        (D(2026, 6, 1), D(2026, 6, 15), D(2026, 6, 15)),
        (D(2025, 12, 1), D(2026, 6, 15), D(2025, 12, 31)),
    ],
)
def test_a_months_figure_is_read_at_its_last_day_or_today(month, today, end):
    assert rules.month_end(month, today=today) == end


@pytest.mark.parametrize(("part", "whole", "rate"), [(0, 0, None), (1, 3, 33), (2, 3, 67), (3, 3, 100)])
def test_a_rate_with_nothing_to_divide_is_no_rate_rather_than_zero(part, whole, rate):
    assert rules.percentage(part, whole) == rate


DAY = D(2026, 3, 31)


@pytest.mark.parametrize(
    ("due", "recorded", "finished", "outstanding", "overdue"),
    [
        (D(2026, 3, 30), D(2026, 1, 1), None, True, True),  # past due, still open
        (DAY, D(2026, 1, 1), None, True, False),  # due that very day: not yet overdue
        (None, D(2026, 1, 1), None, True, False),  # no due date
        (D(2026, 3, 1), D(2026, 4, 1), None, True, False),  # recorded after the day
        (D(2026, 3, 1), D(2026, 1, 1), D(2026, 4, 2), False, True),  # finished after the day
        (D(2026, 3, 1), D(2026, 1, 1), DAY, False, False),  # finished that day
        (D(2026, 3, 1), D(2026, 1, 1), None, False, False),  # finished, date unknown
    ],
)
def test_an_action_was_overdue_at_a_day_only_if_past_due_and_not_yet_finished(
    due, recorded, finished, outstanding, overdue
):
    assert (
        rules.was_overdue_at(
            day=DAY, due_date=due, recorded_on=recorded, finished_on=finished, outstanding_now=outstanding
        )
        is overdue
    )
