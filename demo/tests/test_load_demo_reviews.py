"""The demo's case reviews (demo/scenarios/reviews.py): a review at each step, seen by `jcr`, not
by `partner`."""

import pytest
from django.contrib.auth import get_user_model

from demo.tests.test_load_demo import demo_media_root, load_demo, loaded_once_per_class  # noqa: F401  (a fixture)
from reviews.choices import ReviewType, Step
from reviews.models import (
    CaseReview,
    CdopRecommendation,
    CdopReport,
    PartnerDecision,
    QuarterlyReport,
    ReviewRecommendation,
)
from reviews.selectors import visible_reviews

herefordshire_reviews_once = loaded_once_per_class()


def review_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count() for model in (CaseReview, PartnerDecision, ReviewRecommendation)
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("herefordshire_reviews_once")
class TestHerefordshireReviews:
    def test_there_is_a_review_at_each_step(self):
        steps = set(CaseReview.objects.values_list("review_type", "step"))
        assert (ReviewType.CHILD, Step.RAPID_REVIEW) in steps
        assert (ReviewType.CHILD, Step.REVIEW) in steps
        assert (ReviewType.CHILD, Step.PUBLISHED) in steps
        assert (ReviewType.DHR, Step.DECISION) in steps

    def test_the_rapid_review_awaits_the_third_partner(self):
        rapid = CaseReview.objects.get(step=Step.RAPID_REVIEW)
        assert rapid.partner_decisions.count() == 2
        assert rapid.decision_date is None

    def test_the_recommendations_are_actions_in_the_jcr_log(self):
        for recommendation in ReviewRecommendation.objects.select_related("action__group"):
            assert recommendation.action.group.short_name == "JCR"

    def test_the_cdop_report_is_routed_into_the_jcr_log_and_the_quarterly_report_is_drafted(self):
        assert CdopReport.objects.count() == 1
        for recommendation in CdopRecommendation.objects.select_related("action__group"):
            assert recommendation.action.group.short_name == "JCR"
        assert "opened in the quarter" in QuarterlyReport.objects.get().text

    def test_jcr_sees_every_review_and_partner_none(self):
        users = get_user_model().objects
        assert visible_reviews(users.get(username="jcr")).count() == CaseReview.objects.count()
        assert visible_reviews(users.get(username="partner")).count() == 0

    def test_a_second_run_adds_no_case_review(self):
        before = review_counts()
        load_demo()
        assert review_counts() == before
