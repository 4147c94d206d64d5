"""`manage.py bench_data`'s later parts (issue 16): case reviews, audits, training sessions and
bookings over ten years, each sized by its own option, shaped as the apps' services shape them.
The suite runs on SQLite locally and on PostgreSQL in CI; both were run for these tests."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from audits.models import AgencyReturn, CaseAudit
from audits.models import Recommendation as AuditRecommendation
from core.workdays import closure_days
from reviews import clocks, services
from reviews.choices import ReviewType
from reviews.models import CaseReview, PartnerDecision
from reviews.permissions import is_case_review_officer, may_open_reviews
from training.choices import ATTENDED, BookingStatus, SessionStatus
from training.models import Booking, Evaluation, OutcomeConfidence, Session

pytestmark = pytest.mark.django_db

GOVERNANCE = [
    "--no-demo-year",
    "--groups=15",
    "--people=150",
    "--meetings=30",
    "--items=2",
    "--attendance=2",
    "--actions=20",
    "--other-actions=10",
    "--verbosity=0",
]
SIZES = ["--reviews=40", "--audits=30", "--sessions=60", "--bookings=1200"]


@pytest.fixture(autouse=True)
def development(settings):
    settings.DEBUG = True


def test_bench_data_adds_each_later_part_to_its_size_and_a_second_run_adds_nothing():
    call_command("bench_data", *GOVERNANCE, *SIZES)

    sizes = (
        CaseReview.objects.count(),
        CaseAudit.objects.count(),
        Session.objects.count(),
        Booking.objects.count(),
    )
    assert sizes == (40, 30, 60, 1200)

    call_command("bench_data", *GOVERNANCE, *SIZES)

    assert (
        CaseReview.objects.count(),
        CaseAudit.objects.count(),
        Session.objects.count(),
        Booking.objects.count(),
    ) == sizes


def test_a_part_sized_zero_is_left_out():
    call_command("bench_data", *GOVERNANCE, "--reviews=0", "--audits=0", "--sessions=0", "--bookings=0")

    assert not CaseReview.objects.exists()
    assert not CaseAudit.objects.exists()
    assert not Session.objects.exists()
    assert not Booking.objects.exists()


def test_the_reviews_span_ten_years_with_their_step_and_deadline_as_the_clocks_derive_them():
    call_command("bench_data", *GOVERNANCE, *SIZES)
    today = timezone.localdate()
    reviews = list(CaseReview.objects.all())
    rules = services.clock_rules()

    assert min(r.awareness_date for r in reviews) < today - datetime.timedelta(days=9 * 365)
    assert max(r.awareness_date for r in reviews) > today - datetime.timedelta(days=100)
    assert {r.review_type for r in reviews} == set(ReviewType.values)
    assert len({r.reference for r in reviews}) == len(reviews)
    for review in reviews:
        facts = services.review_facts(review)
        upcoming = clocks.next_deadline(clocks.deadlines(facts, rules, closure_days()), review.step)
        assert review.step == clocks.current_step(facts), review.reference
        assert review.next_deadline == (upcoming.due if upcoming else None), review.reference
    assert len({r.step for r in reviews}) >= 4  # open ones at several steps beside the finished ones
    # A child review's decision is the three partners' one, all agreeing.
    decided = CaseReview.objects.filter(review_type=ReviewType.CHILD, decision_date__isnull=False)
    assert decided.exists()
    for review in decided.annotate(partners=Count("partner_decisions")):
        assert review.partners == 3
        assert set(PartnerDecision.objects.filter(review=review).values_list("decision", flat=True)) == {
            review.decision
        }


def test_the_user_the_benchmark_reads_case_reviews_as_is_a_case_review_officer():
    call_command("bench_data", *GOVERNANCE, *SIZES)
    officer = get_user_model().objects.get(username="secretariat")

    assert is_case_review_officer(officer)
    assert may_open_reviews(officer)


def test_the_audits_run_over_yearly_programmes_with_returns_findings_and_reaudits():
    call_command("bench_data", *GOVERNANCE, *SIZES)
    audits = CaseAudit.objects.select_related("programme", "original")

    assert audits.values("programme").distinct().count() >= 9
    completed = audits.filter(status="completed")
    assert completed.exists()
    assert not completed.filter(Q(grade__isnull=True) | Q(completed_on__isnull=True)).exists()
    assert AuditRecommendation.objects.filter(audit__status="completed").count() == 2 * completed.count()
    assert not AgencyReturn.objects.filter(audit__status="planned").exists()
    reaudits = [audit for audit in audits if audit.original_id]
    assert reaudits
    for audit in reaudits:
        assert audit.original.theme == audit.theme
        assert audit.original.target_month < audit.target_month


def test_bookings_fill_sessions_to_capacity_then_their_waiting_lists_with_registers_on_delivered_ones():
    call_command("bench_data", *GOVERNANCE, *SIZES)
    today = timezone.localdate()
    sessions = Session.objects.annotate(
        booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
        marked=Count("bookings", filter=~Q(bookings__attendance="")),
    )

    assert sessions.filter(date__lt=today).exists() and sessions.filter(date__gt=today).exists()
    for session in sessions:
        assert session.booked <= session.capacity
        if session.waiting:
            assert session.date >= today and session.status == SessionStatus.FULL
        if session.marked:
            assert session.status == SessionStatus.DELIVERED
    assert (
        not Booking.objects.filter(session__status=SessionStatus.CANCELLED)
        .exclude(status=BookingStatus.RELEASED)
        .exists()
    )
    evaluated = Booking.objects.filter(evaluation__isnull=False)
    assert evaluated.exists()
    assert not evaluated.exclude(attendance__in=ATTENDED).exists()
    assert OutcomeConfidence.objects.count() >= 2 * Evaluation.objects.count()
