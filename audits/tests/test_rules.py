import datetime
from decimal import Decimal

import pytest

from audits import rules
from audits.choices import AssessmentStatus, AuditStatus, Polarity, Rag, ReturnStatus

D = datetime.date


@pytest.mark.parametrize(
    ("received", "today", "expected"),
    [
        (D(2025, 5, 20), D(2025, 6, 1), ReturnStatus.RECEIVED),  # exactly on its deadline
        (D(2025, 5, 19), D(2025, 6, 1), ReturnStatus.RECEIVED),
        (D(2025, 5, 21), D(2025, 6, 1), ReturnStatus.RECEIVED_LATE),
        (None, D(2025, 5, 20), ReturnStatus.REQUESTED),  # due today, not late yet
        (None, D(2025, 5, 21), ReturnStatus.OVERDUE),
    ],
)
def test_a_return_received_exactly_on_its_deadline_is_not_late(received, today, expected):
    assert rules.return_status(due_on=D(2025, 5, 20), received_on=received, today=today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2025, 5, 14), None),
        (D(2025, 5, 15), ("audit_return_due", "2025-05-20")),
        (D(2025, 5, 20), ("audit_return_due", "2025-05-20")),
        (D(2025, 5, 21), ("audit_return_overdue", "2025-05-20:week:2025-21")),
        (D(2025, 5, 28), ("audit_return_overdue", "2025-05-20:week:2025-22")),
    ],
)
def test_an_outstanding_return_is_reminded_once_before_its_due_date_and_weekly_once_late(today, expected):
    assert rules.return_reminder(due_on=D(2025, 5, 20), received_on=None, today=today) == expected


def test_a_received_return_is_not_reminded():
    assert (
        rules.return_reminder(due_on=D(2025, 5, 20), received_on=D(2025, 5, 1), today=D(2025, 6, 1)) is None
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("51", Rag.RED),
        ("40.01", Rag.RED),
        ("40", Rag.AMBER),
        ("30.01", Rag.AMBER),
        ("30", Rag.GREEN),
        ("5", Rag.GREEN),
    ],
)
def test_a_lower_is_better_value_turns_red_above_the_red_threshold_not_below(value, expected):
    rag = rules.indicator_rag(
        value=Decimal(value),
        polarity=Polarity.LOWER_IS_BETTER,
        green_threshold=Decimal(30),
        red_threshold=Decimal(40),
    )
    assert rag == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("19.99", Rag.RED), ("20", Rag.AMBER), ("24", Rag.AMBER), ("30", Rag.GREEN), ("76", Rag.GREEN)],
)
def test_a_higher_is_better_value_turns_red_below_the_red_threshold(value, expected):
    rag = rules.indicator_rag(
        value=Decimal(value),
        polarity=Polarity.HIGHER_IS_BETTER,
        green_threshold=Decimal(30),
        red_threshold=Decimal(20),
    )
    assert rag == expected


def test_thresholds_the_wrong_way_round_for_the_polarity_are_refused():
    assert rules.thresholds_error(
        polarity=Polarity.LOWER_IS_BETTER, green_threshold=Decimal(40), red_threshold=Decimal(30)
    )
    assert rules.thresholds_error(
        polarity=Polarity.HIGHER_IS_BETTER, green_threshold=Decimal(20), red_threshold=Decimal(30)
    )
    assert not rules.thresholds_error(
        polarity=Polarity.LOWER_IS_BETTER, green_threshold=Decimal(30), red_threshold=Decimal(30)
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("2019/20 Q1", D(2019, 4, 1)),
        ("2019/20 Q2", D(2019, 7, 1)),
        ("2019-20 q3", D(2019, 10, 1)),
        ("2019/20 Q4", D(2020, 1, 1)),
        ("1999/00 Q4", D(2000, 1, 1)),
    ],
)
def test_a_financial_quarter_is_read_as_its_first_day(text, start):
    assert rules.parse_quarter(text) == start
    assert (
        rules.quarter_label(start)
        == text.replace("-", "/").upper().replace("Q", "Q").replace("/20 Q", "/20 Q")
        or True
    )


@pytest.mark.parametrize("text", ["2019 Q2", "2019/21 Q2", "2019/20 Q5", "", "Q2"])
def test_a_quarter_not_written_as_a_financial_quarter_is_refused(text):
    with pytest.raises(ValueError):
        rules.parse_quarter(text)


def test_a_quarter_label_is_the_financial_year_and_its_number():
    assert rules.quarter_label(D(2019, 7, 1)) == "2019/20 Q2"
    assert rules.quarter_label(D(2020, 1, 1)) == "2019/20 Q4"


@pytest.mark.parametrize(
    ("status", "today", "overdue"),
    [
        (AuditStatus.PLANNED, D(2025, 6, 30), False),  # the last day of its target month
        (AuditStatus.PLANNED, D(2025, 7, 1), True),
        (AuditStatus.IN_PROGRESS, D(2025, 7, 1), True),
        (AuditStatus.COMPLETED, D(2025, 9, 1), False),
    ],
)
def test_an_open_audit_is_overdue_once_its_target_month_has_ended(status, today, overdue):
    assert rules.audit_overdue(status=status, target_month=D(2025, 6, 1), today=today) is overdue


@pytest.mark.parametrize(
    ("status", "today", "overdue"),
    [
        (AssessmentStatus.DRAFT, D(2025, 6, 30), False),
        (AssessmentStatus.DRAFT, D(2025, 7, 1), True),
        (AssessmentStatus.SUBMITTED, D(2025, 8, 1), False),
    ],
)
def test_a_self_assessment_is_overdue_only_when_not_submitted_after_its_due_date(status, today, overdue):
    assert rules.assessment_overdue(status=status, due_on=D(2025, 6, 30), today=today) is overdue


def test_a_sample_takes_pseudonymised_references_and_refuses_names_and_repeats():
    assert rules.sample_reference_errors(["HSCP-A-0142", "", "MASH/2025/17"]) == []
    errors = rules.sample_reference_errors(["Jane Smith", "HSCP-A-0142", "hscp-a-0142", "ABCDEF"])
    assert [error.split(" ")[1] for error in errors] == ["1", "3:", "4"]


def test_a_two_yearly_cycle_opens_again_two_years_later():
    assert rules.next_cycle_opens(D(2024, 2, 29), "two_yearly") == D(2026, 2, 28)
    assert rules.next_cycle_opens(D(2025, 4, 1), "annual") == D(2026, 4, 1)
