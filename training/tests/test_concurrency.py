"""Real concurrent bookings on PostgreSQL: the last places are never oversold.

SQLite serialises writers, so this only means something on PostgreSQL (CI runs it there;
locally it skips without DATABASE_URL on PostgreSQL).
"""

import datetime
import threading

import pytest
from django.db import connection

from conftest import skip_or_fail
from governance.tests.factories import AgencyFactory
from training import services
from training.choices import BookingStatus, SessionStatus
from training.models import Booking, Session
from training.tests.factories import SessionFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

NOW = datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        skip_or_fail("concurrent bookings need PostgreSQL's row locks (DATABASE_URL is not PostgreSQL)")


def _at_once(count: int, target) -> list[BaseException]:
    """Run `target(index)` in `count` threads released together; the errors they raised."""
    barrier = threading.Barrier(count, timeout=30)
    errors: list[BaseException] = []

    def run(index):
        try:
            barrier.wait()
            target(index)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a booking hung"
    return errors


def test_eight_people_booking_three_places_at_once_get_three_places_and_five_waiting_places():
    session = SessionFactory(capacity=3)
    agency = AgencyFactory()

    def book(index):
        services.booking_create(
            session=session,
            name=f"Practitioner {index}",
            email=f"p{index}@example.org",
            agency=agency,
            now=NOW,
        )

    assert _at_once(8, book) == []
    statuses = list(Booking.objects.filter(session=session).values_list("status", flat=True))
    assert statuses.count(BookingStatus.BOOKED) == 3
    assert statuses.count(BookingStatus.WAITING) == 5
    assert Session.objects.get(pk=session.pk).status == SessionStatus.FULL


def test_two_cancellations_at_once_offer_two_different_people_one_place_each():
    session = SessionFactory(capacity=2)
    agency = AgencyFactory()
    booked = [
        services.booking_create(
            session=session, name=f"B{n}", email=f"b{n}@example.org", agency=agency, now=NOW
        )
        for n in range(2)
    ]
    for n in range(3):
        services.booking_create(
            session=session,
            name=f"W{n}",
            email=f"w{n}@example.org",
            agency=agency,
            now=NOW + datetime.timedelta(minutes=n),
        )

    assert _at_once(2, lambda index: services.booking_cancel(booking=booked[index], now=NOW)) == []
    offered = Booking.objects.filter(session=session, status=BookingStatus.OFFERED).order_by("name")
    assert [booking.name for booking in offered] == ["W0", "W1"]
