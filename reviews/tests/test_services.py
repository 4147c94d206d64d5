"""The case review services: the partners' decision, recomputed clocks, the publication lock,
rule changes applying to open reviews, children and information requests."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.tests.factories import AgencyFactory, PersonFactory, UserFactory
from reviews import services
from reviews.choices import ClockCode, Recommendation, RequestStatus, ReviewType, Step
from reviews.models import ClockRule, Correction
from reviews.tests.factories import d, partners_delegates, review

pytestmark = pytest.mark.django_db


def _decide(case, partners, *roles, decision=Recommendation.LOCAL_REVIEW, on=None):
    for role in roles:
        services.partner_decision_record(
            review=case,
            representative=partners[role],
            decision=decision,
            decided_on=on or d(2026, 4, 27),
            user=None,
        )
    case.refresh_from_db()
    return case


def test_a_notification_on_the_thursday_before_easter_is_due_at_the_panel_on_the_monday_after_next():
    case = review(awareness_date=d(2026, 4, 2))
    assert (case.step, case.next_deadline, case.next_deadline_code) == (
        Step.PANEL_NOTIFICATION,
        d(2026, 4, 13),
        ClockCode.PANEL_NOTIFICATION,
    )


def test_changing_the_awareness_date_recomputes_the_stored_deadline():
    case = review(awareness_date=d(2026, 4, 2))
    case = services.case_review_update(review=case, values={"awareness_date": d(2026, 3, 26)}, user=None)
    assert case.next_deadline == d(2026, 4, 2)


def test_the_partners_decision_is_not_final_until_the_third_partner_decides():
    partners = partners_delegates()
    case = review()
    services.case_review_update(review=case, values={"panel_notified_on": d(2026, 4, 8)}, user=None)
    case = _decide(case, partners, "local_authority", "icb")
    assert (case.decision, case.decision_date, case.step) == ("", None, Step.RAPID_REVIEW)
    case = _decide(case, partners, "police", on=d(2026, 4, 29))
    assert (case.decision, case.decision_date) == (Recommendation.LOCAL_REVIEW, d(2026, 4, 29))
    assert case.step == Step.REVIEW
    # The six-month publication clock runs from the third partner's decision.
    deadlines = {x.code: x.due for x in services.review_deadlines(case, services.clock_rules(), frozenset())}
    assert deadlines[ClockCode.LCSPR_PUBLICATION] == d(2026, 10, 29)


def test_a_partner_who_decides_otherwise_is_refused_and_nothing_is_saved():
    partners = partners_delegates()
    case = _decide(review(), partners, "local_authority")
    with pytest.raises(ValidationError):
        _decide(case, partners, "icb", decision=Recommendation.OTHER_LEARNING)
    assert case.partner_decisions.count() == 1


def test_only_someone_of_a_statutory_partner_decides_for_it():
    case = review()
    with pytest.raises(ValidationError, match="three safeguarding partners"):
        services.partner_decision_record(
            review=case,
            representative=PersonFactory(),
            decision="local_review",
            decided_on=d(2026, 4, 20),
            user=None,
        )


def test_a_published_review_changes_only_by_a_recorded_correction():
    partners = partners_delegates()
    case = _decide(
        review(awareness_date=d(2026, 1, 5)), partners, "local_authority", "icb", "police", on=d(2026, 1, 20)
    )
    case = services.case_review_update(
        review=case,
        values={"published_on": d(2026, 6, 1), "published_summary": "Learning about neglect."},
        user=None,
    )
    assert case.step == Step.PUBLISHED
    editor = UserFactory()
    with pytest.raises(ValidationError, match="say why"):
        services.case_review_update(review=case, values={"published_summary": "Changed"}, user=editor)
    case.refresh_from_db()
    assert case.published_summary == "Learning about neglect."
    services.case_review_update(
        review=case,
        values={"published_summary": "Learning about neglect in infancy."},
        user=editor,
        correction_reason="Typo",
    )
    correction = Correction.objects.get()
    assert (correction.field, correction.before, correction.reason, correction.made_by) == (
        "published_summary",
        "Learning about neglect.",
        "Typo",
        editor,
    )
    with pytest.raises(ValidationError, match="locked"):
        services.child_add(review=case, pseudonym="Child B")


def test_a_notification_covers_at_most_four_children_with_different_pseudonyms():
    with pytest.raises(ValidationError, match="at most 4"):
        review(children=("Child A", "Child B", "Child C", "Child D", "Child E"))
    with pytest.raises(ValidationError, match="different pseudonym"):
        review(children=("Child A", "Child A"))
    case = review(children=("Child A", "Child B", "Child C", "Child D"))
    with pytest.raises(ValidationError):
        services.child_add(review=case, pseudonym="Child E")


def test_changing_a_rule_moves_open_reviews_deadlines_and_keeps_its_history(admin_user):
    case = review(awareness_date=d(2026, 4, 2))
    rule = services.clock_rule_row(code=ClockCode.PANEL_NOTIFICATION)
    count = services.clock_rule_update(
        rule=rule, values={"length": 3}, user=admin_user, reason="Local protocol"
    )
    case.refresh_from_db()
    assert count == 1
    assert case.next_deadline == d(2026, 4, 9)
    stored = ClockRule.objects.get(code=ClockCode.PANEL_NOTIFICATION)
    assert stored.history.first().history_user == admin_user


def test_a_closed_review_keeps_its_deadlines_when_a_rule_changes(admin_user):
    case = review(review_type=ReviewType.DHR, awareness_date=d(2026, 1, 5))
    services.case_review_update(
        review=case, values={"decision": "no_review", "decision_date": d(2026, 1, 20)}, user=None
    )
    case.refresh_from_db()
    assert case.step == Step.CLOSED and case.next_deadline is None
    services.clock_rule_update(
        rule=services.clock_rule_row(code=ClockCode.DHR_DECISION), values={"length": 2}, user=admin_user
    )
    case.refresh_from_db()
    assert case.next_deadline is None


def test_an_agency_request_is_due_by_the_agency_information_clock_and_is_marked_received():
    case = review()
    request = services.information_request_record(
        review=case, agency=AgencyFactory(), requested_on=d(2026, 4, 7)
    )
    assert request.due_on == d(2026, 4, 16)
    with pytest.raises(ValidationError):
        services.information_request_record(review=case, agency=request.agency, requested_on=d(2026, 4, 7))
    services.information_request_update(request=request, status=RequestStatus.RECEIVED, on=d(2026, 4, 15))
    assert (request.status, request.received_on) == (RequestStatus.RECEIVED, d(2026, 4, 15))


def test_a_panel_notification_before_awareness_is_refused():
    case = review(awareness_date=d(2026, 4, 2))
    with pytest.raises(ValidationError):
        services.case_review_update(review=case, values={"panel_notified_on": d(2026, 4, 1)}, user=None)


def test_sign_off_is_by_a_lead_or_delegated_safeguarding_partner():
    partners = partners_delegates()
    case = review()
    services.sign_off_record(
        review=case,
        person=partners["icb"],
        capacity="Delegated Safeguarding Partner, ICB",
        signed_on=d(2026, 9, 1),
    )
    with pytest.raises(ValidationError):
        services.sign_off_record(review=case, person=PersonFactory(), capacity="x", signed_on=d(2026, 9, 1))
    assert [s.person for s in case.sign_offs.all()] == [partners["icb"]]


def test_a_review_reference_counts_within_its_type_and_year():
    first, second = review(), review()
    dhr = review(review_type=ReviewType.DHR, awareness_date=d(2026, 2, 1))
    assert (first.reference, second.reference, dhr.reference) == ("RR-2026-01", "RR-2026-02", "DHR-2026-01")
    assert datetime.date(2026, 1, 1) <= first.awareness_date


def test_a_dhr_decision_needs_its_date_and_then_starts_the_six_month_clock():
    case = review(review_type=ReviewType.DHR, awareness_date=d(2026, 1, 5))
    with pytest.raises(ValidationError, match="together"):
        services.case_review_update(review=case, values={"decision": "hold"}, user=None)
    case = services.case_review_update(
        review=case, values={"decision": "hold", "decision_date": d(2026, 2, 2)}, user=None
    )
    assert (case.step, case.next_deadline, case.next_deadline_code) == (
        Step.REVIEW,
        d(2026, 8, 3),  # 2 Aug 2026 is a Sunday
        ClockCode.DHR_COMPLETION,
    )
    case = services.case_review_update(review=case, values={"completed_on": d(2026, 7, 20)}, user=None)
    assert case.step == Step.HOME_OFFICE_QA and case.next_deadline is None
