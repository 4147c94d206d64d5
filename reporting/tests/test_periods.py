import datetime

import pytest

from reporting.periods import (
    add_months,
    deadline_status,
    last_finished_quarter,
    publication_deadline,
    quarter_containing,
    quarter_starting,
    recent_quarters,
    twelve_months_from,
)

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 3, 31), 3, D(2026, 6, 30)),  # a month's last day stays the last day
        (D(2025, 9, 30), 3, D(2025, 12, 31)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2026, 1, 15), 3, D(2026, 4, 15)),
        (D(2026, 10, 31), 4, D(2027, 2, 28)),
        (D(2026, 1, 29), 1, D(2026, 2, 28)),  # clamped to a shorter month
    ],
)
def test_months_are_added_keeping_month_ends(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (D(2026, 4, 1), "Q1 2026/27 (Apr to Jun 2026)"),
        (D(2026, 6, 30), "Q1 2026/27 (Apr to Jun 2026)"),
        (D(2026, 7, 1), "Q2 2026/27 (Jul to Sep 2026)"),
        (D(2026, 12, 31), "Q3 2026/27 (Oct to Dec 2026)"),
        (D(2027, 1, 1), "Q4 2026/27 (Jan to Mar 2027)"),
        (D(2027, 3, 31), "Q4 2026/27 (Jan to Mar 2027)"),
    ],
)
def test_quarters_are_those_of_the_financial_year(day, label):
    assert quarter_containing(day).label == label


def test_only_the_first_day_of_a_quarter_starts_one():
    assert quarter_starting(D(2026, 10, 1)).end == D(2026, 12, 31)
    assert quarter_starting(D(2026, 10, 2)) is None


def test_the_quarter_reported_on_is_the_one_before_todays():
    assert last_finished_quarter(D(2026, 4, 1)).start == D(2026, 1, 1)
    assert last_finished_quarter(D(2026, 3, 31)).start == D(2025, 10, 1)
    assert [q.start for q in recent_quarters(D(2026, 5, 1), 3)] == [
        D(2026, 4, 1),
        D(2026, 1, 1),
        D(2025, 10, 1),
    ]


def test_a_year_from_april_ends_on_the_last_of_march_and_is_published_by_the_end_of_june():
    end = twelve_months_from(D(2025, 4, 1))
    assert end == D(2026, 3, 31)
    assert publication_deadline(end) == D(2026, 6, 30)


@pytest.mark.parametrize(
    ("published_on", "today", "label", "late"),
    [
        (None, D(2026, 6, 29), "Due in 1 day", False),
        (None, D(2026, 6, 30), "Due today", False),
        (None, D(2026, 7, 1), "Overdue by 1 day", True),
        (D(2026, 6, 30), D(2026, 8, 1), "Published on time (30 Jun 2026)", False),
        (D(2026, 7, 2), D(2026, 8, 1), "Published 2 days late (2 Jul 2026)", True),
    ],
)
def test_a_report_published_on_its_deadline_day_is_not_late(published_on, today, label, late):
    status = deadline_status(deadline=D(2026, 6, 30), published_on=published_on, today=today)
    assert (status.label, status.late) == (label, late)
