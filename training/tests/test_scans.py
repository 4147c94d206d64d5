"""Training's periodic work runs in the one reminder beat (notifications.scanning.scans_run)."""

import datetime

import pytest
from django.core import mail

from governance.tests.factories import AgencyFactory
from training import services
from training.choices import Attendance, BookingStatus
from training.models import Booking
from training.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)


def test_the_reminder_beat_passes_a_lapsed_offer_to_the_next_person_and_emails_them(scan_at):
    session = SessionFactory(capacity=1)
    agency = AgencyFactory()
    first = services.booking_create(session=session, name="A", email="a@example.org", agency=agency, now=NOW)
    services.booking_create(session=session, name="B", email="b@example.org", agency=agency, now=NOW)
    services.booking_create(
        session=session,
        name="C",
        email="c@example.org",
        agency=agency,
        now=NOW + datetime.timedelta(minutes=1),
    )
    services.booking_cancel(booking=first, now=NOW)
    mail.outbox.clear()
    scan_at(NOW + datetime.timedelta(hours=47))
    assert Booking.objects.get(name="B").status == BookingStatus.OFFERED
    scan_at(NOW + datetime.timedelta(hours=48, minutes=5))
    assert Booking.objects.get(name="B").status == BookingStatus.LAPSED
    assert Booking.objects.get(name="C").status == BookingStatus.OFFERED
    assert [m.to for m in mail.outbox] == [["c@example.org"]]


def test_the_reminder_beat_sends_each_attendee_one_impact_questionnaire(scan_at):
    session = SessionFactory(capacity=2)
    agency = AgencyFactory()
    booking = services.booking_create(
        session=session, name="A", email="a@example.org", agency=agency, now=NOW
    )
    services.attendance_record(
        session=session,
        marks={booking.pk: Attendance.PRESENT},
        now=datetime.datetime(2026, 6, 10, 16, tzinfo=datetime.UTC),
    )
    mail.outbox.clear()
    three_months_on = datetime.datetime(2026, 9, 8, 10, tzinfo=datetime.UTC)
    scan_at(three_months_on)
    scan_at(three_months_on + datetime.timedelta(days=1))
    assert [m.subject for m in mail.outbox] == ["Three months on: " + session.course.title]
    assert "/impact/" in mail.outbox[0].body


def test_booked_practitioners_are_reminded_once_two_days_before_and_those_waiting_are_not(scan_at):
    session = SessionFactory(capacity=1)  # 10 June 2026, 9.30 in London
    agency = AgencyFactory()
    services.booking_create(session=session, name="A", email="a@example.org", agency=agency, now=NOW)
    services.booking_create(session=session, name="B", email="b@example.org", agency=agency, now=NOW)
    mail.outbox.clear()
    scan_at(datetime.datetime(2026, 6, 8, 8, 0, tzinfo=datetime.UTC))  # 48.5 hours before: not yet
    assert mail.outbox == []
    scan_at(datetime.datetime(2026, 6, 8, 9, 0, tzinfo=datetime.UTC))
    scan_at(datetime.datetime(2026, 6, 9, 9, 0, tzinfo=datetime.UTC))
    assert [(m.to, m.subject.split(":")[0]) for m in mail.outbox] == [(["a@example.org"], "Reminder")]
