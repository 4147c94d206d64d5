import datetime

import pytest

from governance.models import Sector
from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory
from training import selectors, services
from training.choices import Attendance, BookingStatus, SessionStatus
from training.models import AgencyWorkforce, TrainingNeed
from training.tests.factories import BookingFactory, SessionFactory, TrainerFactory

pytestmark = pytest.mark.django_db

YEAR_START, YEAR_END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def world(size: int):
    """`size` agencies, each with a booked, an attended, a no-show, a late and an on-time
    cancellation on delivered sessions in Q1 and Q3; a waiting place that never counts."""
    agencies = [AgencyFactory(name=f"Agency {n:02}", sector=Sector.HEALTH) for n in range(size)]
    for quarter_day in (datetime.date(2026, 2, 3), datetime.date(2026, 8, 4)):
        session = SessionFactory(date=quarter_day, capacity=50, status=SessionStatus.DELIVERED)
        session.trainers.add(TrainerFactory(courses=[session.course]))
        for agency in agencies:
            BookingFactory(session=session, agency=agency, attendance=Attendance.PRESENT)
            BookingFactory(session=session, agency=agency, attendance=Attendance.NO_SHOW)
            BookingFactory(
                session=session, agency=agency, status=BookingStatus.CANCELLED, late_cancellation=True
            )
            BookingFactory(session=session, agency=agency, status=BookingStatus.CANCELLED)
            BookingFactory(session=session, agency=agency, status=BookingStatus.WAITING)
    AgencyWorkforce.objects.create(agency=agencies[0], workforce=200)
    return agencies


def test_take_up_by_agency_counts_places_attendance_no_shows_and_cancellations_with_the_workforce():
    world(2)
    rows = selectors.take_up_by_agency(start=YEAR_START, end=YEAR_END)
    assert [row["agency"] for row in rows] == ["Agency 00", "Agency 01"]
    first = rows[0]
    assert (
        first["booked"],
        first["attended"],
        first["no_shows"],
        first["cancellations"],
        first["late_cancellations"],
    ) == (8, 2, 2, 4, 2)
    assert first["sector"] == "Health"
    assert first["workforce"] == 200 and first["attended_per_hundred"] == 1.0
    assert rows[1]["workforce"] is None


def test_take_up_counts_only_sessions_in_the_period():
    world(1)
    rows = selectors.take_up_by_agency(start=datetime.date(2026, 7, 1), end=datetime.date(2026, 9, 30))
    assert rows[0]["attended"] == 1


def test_take_up_by_quarter_puts_each_session_in_its_calendar_quarter():
    world(1)
    quarters = selectors.take_up_by_quarter(year=2026)
    assert [len(quarters[n]) for n in (1, 2, 3, 4)] == [1, 0, 1, 0]


@pytest.mark.parametrize("size", [1, 6])
def test_take_up_reads_in_one_query_whatever_the_number_of_agencies(size, django_assert_max_num_queries):
    world(size)
    with django_assert_max_num_queries(1):
        assert len(selectors.take_up_by_agency(start=YEAR_START, end=YEAR_END)) == size
    with django_assert_max_num_queries(1):
        selectors.take_up_by_quarter(year=2026)


@pytest.mark.parametrize("size", [1, 6])
def test_the_period_summary_reads_in_a_fixed_number_of_queries(size, django_assert_max_num_queries):
    world(size)
    with django_assert_max_num_queries(6):
        summary = selectors.period_summary(start=YEAR_START, end=YEAR_END)
    assert summary["sessions_delivered"] == 2
    assert summary["attended"] == 2 * size
    assert summary["in_kind"][0]["hours"] == 3.0


def test_the_period_summary_gives_evaluation_averages_and_in_kind_hours_by_agency():
    session = SessionFactory(date=datetime.date(2026, 3, 3), capacity=5)
    police = AgencyFactory(name="West Mercia Police")
    session.trainers.add(TrainerFactory(person=PersonFactory(agency=police), courses=[session.course]))
    booking = BookingFactory(session=session)
    now = datetime.datetime(2026, 3, 3, 15, tzinfo=datetime.UTC)
    services.attendance_record(session=session, marks={booking.pk: Attendance.PRESENT}, now=now)
    services.evaluation_submit(booking=booking, rating=4, comments="", confidence=[(2, 4), (2, 5)], now=now)
    summary = selectors.period_summary(start=YEAR_START, end=YEAR_END)
    assert summary["average_rating"] == 4.0
    assert (summary["confidence_before"], summary["confidence_after"]) == (2.0, 4.5)
    assert summary["in_kind"] == [{"agency": "West Mercia Police", "sessions": 1, "hours": 3.0}]
    assert summary["attendance_rate"] == 100


def test_the_group_summary_adds_the_needs_identified_in_the_period():
    TrainingNeed.objects.create(
        title="Professional curiosity", source="case_review", identified_on=datetime.date(2026, 2, 1)
    )
    TrainingNeed.objects.create(title="Old need", source="audit", identified_on=datetime.date(2025, 2, 1))
    summary = selectors.group_period_summary(group=GroupFactory(), start=YEAR_START, end=YEAR_END)
    assert [need.title for need in summary["needs_identified"]] == ["Professional curiosity"]
    assert summary["needs_open"] == 2
