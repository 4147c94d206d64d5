"""The take-up page at scale (issue 16): the year's rows are added up from its quarters', so the
bookings are read once per page, in one grouped query, whatever their number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Sector
from governance.tests.factories import AgencyFactory
from training import selectors
from training.choices import Attendance, BookingStatus, SessionStatus
from training.models import AgencyWorkforce
from training.tests.factories import BookingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def bookings_in_each_quarter(agencies: int, per_session: int) -> None:
    made = [AgencyFactory(name=f"Agency {n:02}", sector=Sector.EDUCATION) for n in range(agencies)]
    AgencyWorkforce.objects.create(agency=made[0], workforce=300)
    for day in (datetime.date(2026, 1, 20), datetime.date(2026, 5, 5), datetime.date(2026, 11, 2)):
        session = SessionFactory(date=day, capacity=500, status=SessionStatus.DELIVERED)
        for n in range(per_session):
            agency = made[n % agencies]
            if n % 4 == 3:
                BookingFactory(
                    session=session,
                    agency=agency,
                    status=BookingStatus.CANCELLED,
                    late_cancellation=n % 8 == 3,
                )
            else:
                BookingFactory(
                    session=session,
                    agency=agency,
                    attendance=Attendance.NO_SHOW if n % 5 == 0 else Attendance.PRESENT,
                )
        BookingFactory(session=session, agency=made[0], status=BookingStatus.WAITING)
    SessionFactory(date=datetime.date(2025, 12, 1), capacity=5)  # another year's, never counted


def test_the_year_added_up_from_its_quarters_is_what_take_up_by_agency_counts():
    bookings_in_each_quarter(agencies=3, per_session=17)

    quarters = selectors.take_up_by_quarter(year=2026)

    assert selectors.take_up_of_year(quarters) == selectors.take_up_by_agency(
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    assert [len(quarters[n]) for n in (1, 2, 3, 4)] == [3, 3, 0, 3]
    assert [row["agency"] for row in quarters[1]] == ["Agency 00", "Agency 01", "Agency 02"]


@pytest.mark.parametrize("size", [2, 14])
def test_the_take_up_page_reads_the_bookings_once_whatever_their_number(
    client, partner, size, django_assert_max_num_queries
):
    bookings_in_each_quarter(agencies=size, per_session=3 * size)
    client.force_login(partner)
    client.get(reverse("training:take_up") + "?year=2026")

    with CaptureQueriesContext(connection) as captured, django_assert_max_num_queries(12):
        response = client.get(reverse("training:take_up") + "?year=2026")

    assert response.status_code == 200
    assert sum('"training_booking"' in q["sql"] for q in captured.captured_queries) == 1
    assert response.context["rows"] == selectors.take_up_by_agency(
        start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
