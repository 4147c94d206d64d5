"""The clocks of a case review at their edges: Easter, Christmas and substitute bank holidays,
closure days, weekends, month ends, counting back, and every deadline following its event."""

import datetime

import pytest

from reviews import clocks
from reviews.choices import (
    AdultDecision,
    ClockCode,
    ClockEvent,
    ClockSource,
    ClockUnit,
    DueStatus,
    Recommendation,
    ReviewType,
    Step,
)

d = datetime.date
RULES = {rule.code: rule for rule in clocks.DEFAULT_RULES}
PANEL = RULES[ClockCode.PANEL_NOTIFICATION]
RAPID = RULES[ClockCode.RAPID_REVIEW]
PUBLICATION = RULES[ClockCode.LCSPR_PUBLICATION]
SENT = RULES[ClockCode.LCSPR_SENT_TO_PANEL]


def test_a_notification_on_the_thursday_before_easter_skips_good_friday_and_easter_monday():
    # Thu 2 Apr 2026: Good Friday 3 Apr and Easter Monday 6 Apr are not working days.
    assert clocks.deadline(PANEL, d(2026, 4, 2)) == d(2026, 4, 13)


def test_the_rapid_review_after_an_easter_notification_skips_the_early_may_bank_holiday():
    # 15 working days after Mon 13 Apr 2026 would be Mon 4 May, the early May bank holiday.
    assert clocks.deadline(RAPID, d(2026, 4, 13)) == d(2026, 5, 5)


def test_a_notification_received_on_a_bank_holiday_counts_from_the_next_working_day():
    # Mon 25 Aug 2025, the summer bank holiday: the first working day counted is Tue 26.
    assert clocks.deadline(PANEL, d(2025, 8, 25)) == d(2025, 9, 1)


def test_christmas_on_a_weekend_skips_the_substitute_days_and_new_years_substitute():
    # Christmas 2021 fell on a Saturday: Mon 27 and Tue 28 Dec were the substitutes; New Year's
    # Day was a Saturday, so Mon 3 Jan 2022 was its substitute.
    assert clocks.deadline(PANEL, d(2021, 12, 24)) == d(2022, 1, 5)


def test_an_admin_closure_day_is_skipped_like_a_bank_holiday():
    closures = {d(2025, 12, 29), d(2025, 12, 30), d(2025, 12, 31)}
    assert clocks.deadline(PANEL, d(2025, 12, 22)) == d(2025, 12, 31)
    assert clocks.deadline(PANEL, d(2025, 12, 22), closures) == d(2026, 1, 6)


def test_a_month_clock_ending_on_a_saturday_is_due_the_next_working_day():
    # Six months from Fri 31 Jul 2026 is Sun 31 Jan 2027 → Mon 1 Feb 2027.
    assert clocks.deadline(PUBLICATION, d(2026, 7, 31)) == d(2027, 2, 1)


def test_six_months_from_the_last_day_of_august_is_the_end_of_february():
    assert clocks.add_months(d(2025, 8, 31), 6) == d(2026, 2, 28)
    assert clocks.add_months(d(2027, 8, 31), 6) == d(2028, 2, 29)
    # 28 Feb 2026 is a Saturday: due Mon 2 Mar.
    assert clocks.deadline(PUBLICATION, d(2025, 8, 31)) == d(2026, 3, 2)


def test_sending_to_the_panel_is_counted_back_from_publication_over_easter():
    # 7 working days before Mon 13 Apr 2026, skipping Easter Monday and Good Friday.
    assert clocks.deadline(SENT, d(2026, 4, 13)) == d(2026, 3, 31)


def test_a_calendar_clock_counted_back_onto_a_weekend_moves_earlier_not_later():
    rule = clocks.Rule(
        "x", "x", 7, ClockUnit.CALENDAR_DAYS, ClockEvent.PLANNED_PUBLICATION, "local", before=True
    )
    # 7 days before Mon 13 Apr 2026 is Mon 6 Apr (Easter Monday), then Fri 3 (Good Friday): Thu 2.
    assert clocks.deadline(rule, d(2026, 4, 13)) == d(2026, 4, 2)


def test_each_deadline_says_which_rule_it_came_from():
    assert clocks.rule_label(RAPID) == "15 working days from the Panel notification — Panel's expectation"
    assert (
        clocks.rule_label(PANEL)
        == "5 working days from becoming aware of the incident — Working Together 2023"
    )
    assert clocks.rule_label(SENT) == (
        "7 working days before the planned publication date — statutory guidance"
    )
    one = clocks.Rule("x", "x", 1, ClockUnit.MONTHS, ClockEvent.DECISION, ClockSource.LOCAL)
    assert clocks.rule_label(one) == "1 month from the decision — local practice"


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (d(2026, 3, 31), DueStatus.ON_TRACK),  # 6 working days before Fri 10 Apr (Easter skipped)
        (d(2026, 4, 1), DueStatus.DUE_SOON),  # 5 working days before
        (d(2026, 4, 10), DueStatus.DUE_SOON),  # on the day
        (d(2026, 4, 11), DueStatus.OVERDUE),  # the day after, a Saturday
    ],
)
def test_due_status_turns_amber_five_working_days_before_and_red_the_day_after(today, status):
    assert clocks.due_status(d(2026, 4, 10), today) == status


def child(**facts):
    return clocks.Facts(review_type=ReviewType.CHILD, **facts)


def test_changing_the_awareness_date_moves_every_dependent_deadline():
    before = clocks.deadlines(child(awareness_date=d(2026, 4, 2)), RULES)
    after = clocks.deadlines(child(awareness_date=d(2026, 3, 26)), RULES)
    assert [x.due for x in before] == [d(2026, 4, 13)]
    assert [x.due for x in after] == [d(2026, 4, 2)]


def test_a_local_review_decision_starts_the_six_month_clock_and_the_send_to_panel_clock():
    facts = child(
        awareness_date=d(2026, 4, 2),
        panel_notified_on=d(2026, 4, 8),
        rapid_review_submitted_on=d(2026, 4, 28),
        decision=Recommendation.LOCAL_REVIEW,
        decision_date=d(2026, 4, 27),
    )
    by_code = {x.code: x for x in clocks.deadlines(facts, RULES)}
    assert by_code[ClockCode.LCSPR_PUBLICATION].due == d(2026, 10, 27)
    # Counted back from the publication deadline until a publication date is planned.
    assert by_code[ClockCode.LCSPR_SENT_TO_PANEL].due == d(2026, 10, 16)
    planned = clocks.deadlines(
        clocks.Facts(**{**facts.__dict__, "planned_publication_on": d(2026, 9, 14)}), RULES
    )
    assert {x.code: x.due for x in planned}[ClockCode.LCSPR_SENT_TO_PANEL] == d(2026, 9, 3)
    assert clocks.current_step(facts) == Step.REVIEW
    nearest = clocks.next_deadline(clocks.deadlines(facts, RULES), Step.REVIEW)
    assert nearest is not None and nearest.code == ClockCode.LCSPR_SENT_TO_PANEL


def test_no_local_review_closes_the_case_once_the_rapid_review_is_sent():
    facts = child(
        awareness_date=d(2026, 4, 2),
        panel_notified_on=d(2026, 4, 8),
        decision=Recommendation.OTHER_LEARNING,
        decision_date=d(2026, 4, 27),
    )
    assert clocks.current_step(facts) == Step.RAPID_REVIEW
    assert ClockCode.LCSPR_PUBLICATION not in {x.code for x in clocks.deadlines(facts, RULES)}
    sent = clocks.Facts(**{**facts.__dict__, "rapid_review_submitted_on": d(2026, 4, 28)})
    assert clocks.current_step(sent) == Step.CLOSED
    assert clocks.next_deadline(clocks.deadlines(sent, RULES), Step.CLOSED) is None


@pytest.mark.parametrize(
    ("facts", "step"),
    [
        (dict(), Step.DECISION),
        (dict(decision=AdultDecision.HOLD, decision_date=d(2026, 2, 1)), Step.REVIEW),
        (dict(decision=AdultDecision.NO_REVIEW, decision_date=d(2026, 2, 1)), Step.CLOSED),
        (
            dict(decision=AdultDecision.HOLD, decision_date=d(2026, 2, 1), completed_on=d(2026, 7, 1)),
            Step.HOME_OFFICE_QA,
        ),
        (
            dict(
                decision=AdultDecision.HOLD,
                decision_date=d(2026, 2, 1),
                completed_on=d(2026, 7, 1),
                home_office_approved_on=d(2026, 9, 1),
            ),
            Step.PUBLICATION,
        ),
    ],
)
def test_a_dhr_moves_from_decision_to_home_office_quality_assurance(facts, step):
    assert clocks.current_step(clocks.Facts(ReviewType.DHR, awareness_date=d(2026, 1, 5), **facts)) == step


def test_a_dhr_decision_is_due_a_month_after_the_police_notification():
    facts = clocks.Facts(ReviewType.DHR, awareness_date=d(2026, 1, 5))
    assert [x.due for x in clocks.deadlines(facts, RULES)] == [d(2026, 2, 5)]


@pytest.mark.parametrize(
    ("decided", "final"),
    [
        ((), False),
        (("local_authority",), False),
        (("local_authority", "icb"), False),
        (("local_authority", "icb", "police"), True),
    ],
)
def test_the_partners_decision_is_final_only_when_all_three_have_decided(decided, final):
    assert clocks.partners_decision_final(decided, ("local_authority", "icb", "police")) is final
