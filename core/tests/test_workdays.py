import datetime

import pytest

from core.models import ClosureDay
from core.workdays import (
    add_working_days,
    bank_holiday_name,
    closure_days,
    is_working_day,
    next_working_day,
    working_day_on_or_after,
    working_days_between,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 3, 13), True),  # an ordinary Friday
        (D(2026, 3, 14), False),  # Saturday
        (D(2026, 3, 15), False),  # Sunday
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 4, 6), False),  # Easter Monday
        (D(2026, 4, 7), True),  # the Tuesday after Easter
        (D(2026, 12, 25), False),  # Christmas Day, a Friday
        (D(2026, 12, 28), False),  # Boxing Day falls on a Saturday: substitute Monday
        (D(2026, 12, 29), True),
        (D(2021, 12, 27), False),  # Christmas on a Saturday: substitute Monday
        (D(2021, 12, 28), False),  # Boxing Day on a Sunday: substitute Tuesday
        (D(2022, 12, 27), False),  # Christmas on a Sunday: substitute Tuesday
        (D(2022, 9, 19), False),  # state funeral of Queen Elizabeth II, a one-off
        (D(2023, 5, 8), False),  # coronation of King Charles III, a one-off
        (D(2022, 6, 3), False),  # platinum jubilee
        (D(2022, 5, 30), True),  # the spring bank holiday moved to 2 June that year
        (D(2027, 1, 1), False),  # New Year's Day
    ],
)
def test_working_days_follow_weekends_and_england_bank_holidays(day, working):
    assert is_working_day(day) is working


def test_one_off_bank_holidays_have_their_names():
    assert bank_holiday_name(D(2023, 5, 8)) == "Coronation of Charles III"
    assert bank_holiday_name(D(2023, 5, 9)) is None


def test_a_closure_day_is_not_a_working_day():
    closures = frozenset({D(2026, 12, 29)})
    assert not is_working_day(D(2026, 12, 29), closures)
    assert is_working_day(D(2026, 12, 30), closures)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2026, 3, 13), 1, D(2026, 3, 16)),  # Friday + 1 is Monday: the start is not counted
        (D(2026, 3, 14), 1, D(2026, 3, 16)),  # from a Saturday, the Monday
        (D(2026, 3, 16), 5, D(2026, 3, 23)),  # a working week
        (D(2026, 4, 2), 1, D(2026, 4, 7)),  # over Good Friday and Easter Monday
        (D(2026, 12, 24), 1, D(2026, 12, 29)),  # over Christmas and the Boxing Day substitute
        (D(2023, 5, 5), 1, D(2023, 5, 9)),  # over the coronation
        (D(2022, 9, 16), 1, D(2022, 9, 20)),  # over the state funeral
        (D(2026, 3, 16), 0, D(2026, 3, 16)),
        (D(2026, 3, 16), -1, D(2026, 3, 13)),  # counting back over a weekend
        (D(2026, 4, 7), -1, D(2026, 4, 2)),  # counting back over Easter
    ],
)
def test_add_working_days_counts_the_nth_working_day_after_the_start(start, n, expected):
    assert add_working_days(start, n) == expected


def test_add_working_days_skips_closure_days():
    closures = frozenset({D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)})
    assert add_working_days(D(2026, 12, 24), 1, closures) == D(2027, 1, 4)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 3, 13), D(2026, 3, 16), 1),
        (D(2026, 3, 13), D(2026, 3, 13), 0),
        (D(2026, 3, 16), D(2026, 3, 13), -1),
        (D(2026, 4, 2), D(2026, 4, 7), 1),
        (D(2026, 1, 1), D(2026, 12, 31), 253),  # 261 weekdays less 8 bank holidays
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("n", [0, 1, 4, 15, 20, 60])
def test_working_days_between_undoes_add_working_days(n):
    start = D(2026, 12, 18)
    assert working_days_between(start, add_working_days(start, n)) == n


def test_next_working_day_is_strictly_after_and_on_or_after_may_be_the_day():
    assert next_working_day(D(2026, 3, 16)) == D(2026, 3, 17)
    assert next_working_day(D(2026, 4, 3)) == D(2026, 4, 7)
    assert working_day_on_or_after(D(2026, 3, 16)) == D(2026, 3, 16)
    assert working_day_on_or_after(D(2026, 12, 25)) == D(2026, 12, 29)


@pytest.mark.django_db
def test_closure_days_are_read_from_the_admin_list():
    ClosureDay.objects.create(date=D(2026, 12, 29), reason="Christmas closure")
    closures = closure_days()
    assert closures == frozenset({D(2026, 12, 29)})
    assert add_working_days(D(2026, 12, 24), 1, closures) == D(2026, 12, 30)
