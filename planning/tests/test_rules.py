import datetime
from decimal import Decimal

import pytest

from planning import rules


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, "low"),
        (4, "low"),
        (5, "medium"),
        (9, "medium"),
        (10, "high"),
        (16, "high"),
        (20, "very high"),
        (25, "very high"),
    ],
)
def test_a_risk_score_falls_in_its_band_at_each_edge(score, band):
    assert rules.risk_band(score) == band


def test_a_risk_score_is_likelihood_times_impact():
    assert rules.risk_score(1, 1) == 1
    assert rules.risk_score(5, 5) == 25
    assert rules.risk_score(2, 4) == 8


@pytest.mark.parametrize(
    ("review", "today", "overdue"),
    [
        (datetime.date(2025, 6, 30), datetime.date(2025, 6, 30), False),  # due on the day itself
        (datetime.date(2025, 6, 30), datetime.date(2025, 7, 1), True),
        (datetime.date(2025, 7, 1), datetime.date(2025, 6, 30), False),
        (None, datetime.date(2025, 6, 30), False),
    ],
)
def test_a_risk_review_is_overdue_only_from_the_day_after_its_review_date(review, today, overdue):
    assert rules.review_overdue(review, today=today) is overdue


@pytest.mark.parametrize(
    ("day", "year", "quarter"),
    [
        (datetime.date(2026, 3, 31), 2025, 4),
        (datetime.date(2026, 4, 1), 2026, 1),
        (datetime.date(2025, 6, 30), 2025, 1),
        (datetime.date(2025, 7, 1), 2025, 2),
        (datetime.date(2025, 9, 30), 2025, 2),
        (datetime.date(2025, 10, 1), 2025, 3),
        (datetime.date(2025, 12, 31), 2025, 3),
        (datetime.date(2026, 1, 1), 2025, 4),
    ],
)
def test_the_financial_year_runs_from_april_and_its_quarters_from_april_june(day, year, quarter):
    assert rules.financial_year_of(day) == year
    assert rules.quarter_of(day) == quarter


def test_a_financial_year_is_labelled_as_the_seeds_write_it():
    assert rules.financial_year_label(2020) == "2020-21"
    assert rules.financial_year_label(2099) == "2099-00"


def test_variance_is_budget_less_spend_negative_when_over():
    assert rules.variance(Decimal("100"), Decimal("120")) == Decimal("-20")
