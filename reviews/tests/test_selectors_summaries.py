"""The anonymised summaries other apps show: fixed query counts, counts only, no case text."""

import datetime

import pytest
import time_machine

from governance.tests.factories import PersonFactory
from reviews import selectors, services
from reviews.choices import AdultDecision, Recommendation, ReviewType
from reviews.tests.factories import d, jcr_group, partners_delegates, review

pytestmark = pytest.mark.django_db
TODAY = d(2026, 4, 20)


def _world(n: int):
    for i in range(n):
        review(awareness_date=d(2026, 4, 1) + datetime.timedelta(days=i))
    review(review_type=ReviewType.DHR, awareness_date=d(2026, 1, 5))


@pytest.mark.parametrize("size", [1, 6])
def test_the_pipeline_summary_takes_three_queries_whatever_the_number_of_reviews(
    size, django_assert_max_num_queries
):
    _world(size)
    with django_assert_max_num_queries(3):
        summary = selectors.pipeline_summary(today=TODAY)
    assert summary["open_total"] == size + 1


def test_the_pipeline_summary_counts_by_type_step_and_due_status_and_says_nothing_identifying():
    review(awareness_date=d(2026, 4, 2))  # Panel notification due 13 Apr: overdue on the 20th
    review(awareness_date=d(2026, 4, 16))  # due 23 Apr: within 5 working days
    on_track = review(awareness_date=d(2026, 4, 16))
    services.case_review_update(review=on_track, values={"panel_notified_on": d(2026, 4, 17)}, user=None)
    review(review_type=ReviewType.DHR, awareness_date=d(2026, 4, 1))  # decision due 1 May: 9 working days
    summary = selectors.pipeline_summary(today=TODAY)
    assert summary["open_by_type"] == {"child": 3, "dhr": 1, "sar": 0}
    assert summary["by_deadline"] == {"overdue": 1, "due_soon": 1, "on_track": 2}
    steps = {(row["review_type"], row["step"]): row["count"] for row in summary["open_by_type_and_step"]}
    assert steps == {("child", "panel_notification"): 2, ("child", "rapid_review"): 1, ("dhr", "decision"): 1}
    text = repr(summary)
    assert "Child A" not in text and "RR-2026" not in text and "Real name" not in text


def test_a_review_published_this_year_is_counted_and_no_longer_open():
    partners = partners_delegates()
    case = review(awareness_date=d(2026, 1, 5))
    services.case_review_update(
        review=case,
        values={"panel_notified_on": d(2026, 1, 6), "rapid_review_submitted_on": d(2026, 1, 20)},
        user=None,
    )
    for person in partners.values():
        services.partner_decision_record(
            review=case,
            representative=person,
            decision=Recommendation.LOCAL_REVIEW,
            decided_on=d(2026, 1, 19),
            user=None,
        )
    services.case_review_update(review=case, values={"published_on": d(2026, 4, 1)}, user=None)
    summary = selectors.pipeline_summary(today=TODAY)
    assert summary["published_this_year"] == 1
    assert summary["open_total"] == 0


@pytest.mark.parametrize("size", [1, 5])
def test_the_period_summary_takes_six_queries_whatever_the_number_of_reviews(
    size, django_assert_max_num_queries
):
    _world(size)
    with django_assert_max_num_queries(6):
        selectors.period_summary(start=d(2026, 1, 1), end=d(2026, 3, 31))


def test_the_period_summary_counts_openings_decisions_recommendations_and_their_actions():
    jcr = jcr_group()
    owner = PersonFactory()
    case = review(review_type=ReviewType.SAR, awareness_date=d(2026, 2, 2))
    services.case_review_update(
        review=case, values={"decision": AdultDecision.HOLD, "decision_date": d(2026, 2, 20)}, user=None
    )
    review(awareness_date=d(2025, 12, 30))  # before the period
    with time_machine.travel(datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)):
        services.recommendation_add(
            review=case, text="Share the learning", group=jcr, owners=[owner], recorded_by=None
        )
    summary = selectors.period_summary(start=d(2026, 1, 1), end=d(2026, 3, 31))
    assert summary["opened"] == 1
    assert summary["opened_by_type"]["sar"] == 1
    assert summary["decisions"] == {"hold": 1}
    assert (summary["recommendations"], summary["actions_open"], summary["actions_finished"]) == (1, 1, 0)
