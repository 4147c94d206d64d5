import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from governance.tests.factories import AgencyFactory
from training import services
from training.choices import Attendance, BookingStatus, SessionStatus
from training.links import booking_token
from training.models import Booking, Course, Session
from training.tests.factories import (
    BookingFactory,
    CourseFactory,
    CourseLevelFactory,
    SessionFactory,
    TrainerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def future_session():
    return SessionFactory(date=timezone.localdate() + datetime.timedelta(days=20), capacity=1)


def test_the_secretariat_creates_a_course_with_a_level_from_the_list(client, secretariat):
    level = CourseLevelFactory(name="Advanced", order=2)
    client.force_login(secretariat)
    response = client.post(
        reverse("training:course_create"),
        {
            "title": "Child sexual exploitation: the toolkit",
            "level": level.pk,
            "audience": "Practitioners in every agency",
            "learning_outcomes": "Use the CSE toolkit",
            "duration_hours": "3",
            "priority": "cse",
            "multi_agency": "on",
            "active": "on",
        },
    )
    course = Course.objects.get()
    assert response.status_code == 302 and response["Location"] == course.get_absolute_url()
    assert course.level == level and course.multi_agency


def test_a_session_refuses_a_trainer_not_in_the_pool_for_its_course_and_keeps_what_was_typed(
    client, secretariat
):
    course = CourseFactory()
    stranger = TrainerFactory(courses=[CourseFactory()])
    client.force_login(secretariat)
    response = client.post(
        reverse("training:session_create"),
        {
            "course": course.pk,
            "date": "2030-03-04",
            "start_time": "09:30",
            "end_time": "12:30",
            "venue": "Shirehall, Hereford",
            "capacity": "12",
            "trainers": [stranger.pk],
        },
    )
    assert response.status_code == 200
    assert "is not in the pool for this course" in response.content.decode()
    assert "Shirehall, Hereford" in response.content.decode()
    assert not Session.objects.exists()


def test_the_secretariat_books_a_practitioner_without_an_account_then_waitlists_the_next(
    client, secretariat, future_session
):
    client.force_login(secretariat)
    url = reverse("training:booking_create", args=[future_session.pk])
    agency = AgencyFactory()
    client.post(url, {"book-name": "Asha Patel", "book-email": "asha@example.org", "book-agency": agency.pk})
    client.post(url, {"book-name": "Ben Ode", "book-email": "ben@example.org", "book-agency": agency.pk})
    assert dict(Booking.objects.values_list("name", "status")) == {
        "Asha Patel": BookingStatus.BOOKED,
        "Ben Ode": BookingStatus.WAITING,
    }


def test_a_booking_with_a_bad_email_is_shown_again_with_the_error_and_nothing_saved(
    client, secretariat, future_session
):
    client.force_login(secretariat)
    response = client.post(
        reverse("training:booking_create", args=[future_session.pk]),
        {"book-name": "Asha Patel", "book-email": "not-an-address", "book-agency": AgencyFactory().pk},
    )
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_member_books_themselves_with_their_directory_entry(client, member, future_session):
    client.force_login(member)
    person = member.person
    client.post(reverse("training:booking_self", args=[future_session.pk]), {"me-agency": person.agency_id})
    booking = Booking.objects.get()
    assert booking.person == person and booking.email == person.email


def test_a_waitlisted_practitioner_accepts_the_offered_place_through_the_emailed_link(
    client, future_session, django_capture_on_commit_callbacks
):
    agency = AgencyFactory()
    now = timezone.now()
    first = services.booking_create(
        session=future_session, name="A", email="a@example.org", agency=agency, now=now
    )
    waiting = services.booking_create(
        session=future_session, name="B", email="b@example.org", agency=agency, now=now
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=first, now=now)
    offer = next(m for m in mail.outbox if m.to == ["b@example.org"] and "offered" in m.subject)
    accept_url = next(line for line in offer.body.splitlines() if "/accept/" in line)
    path = accept_url.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.status_code == 200 and "Accept the place" in response.content.decode()
    client.post("/" + path, {"accept": "1"})
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.BOOKED


def test_a_tampered_link_is_refused_with_a_clear_page(client):
    booking = BookingFactory()
    token = booking_token(booking.pk)
    # Another booking's number with this booking's signature.
    tampered = f"{booking.pk + 1}:" + token.split(":", 1)[1]
    response = client.get(reverse("training:link_accept", kwargs={"signed": tampered}))
    assert response.status_code == 403
    assert "This link is not valid" in response.content.decode()


def test_a_link_older_than_its_lifetime_has_expired(client):
    booking = BookingFactory()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=121)):
        token = booking_token(booking.pk)
    response = client.get(reverse("training:link_cancel", kwargs={"signed": token}))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_link_names_one_booking_only(client):
    mine = BookingFactory(name="Mine Person")
    BookingFactory(name="Theirs Person")
    response = client.get(reverse("training:link_cancel", kwargs={"signed": booking_token(mine.pk)}))
    assert "Mine Person" in response.content.decode() and "Theirs Person" not in response.content.decode()


def test_an_attendee_evaluates_and_downloads_a_certificate_through_the_link(client):
    session = SessionFactory(
        date=timezone.localdate() - datetime.timedelta(days=1), status=SessionStatus.DELIVERED
    )
    booking = BookingFactory(session=session, attendance=Attendance.PRESENT)
    url = reverse("training:link_evaluate", kwargs={"signed": booking_token(booking.pk)})
    response = client.post(
        url,
        {
            "rating": "4",
            "o1_before": "2",
            "o1_after": "4",
            "o2_before": "1",
            "o2_after": "3",
            "comments": "Clear",
        },
    )
    assert "your evaluation is recorded" in response.content.decode()
    assert booking.evaluation.rating == 4
    pdf = client.get(reverse("training:link_certificate", kwargs={"signed": booking_token(booking.pk)}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_no_certificate_for_a_no_show(client):
    booking = BookingFactory(attendance=Attendance.NO_SHOW)
    response = client.get(reverse("training:link_certificate", kwargs={"signed": booking_token(booking.pk)}))
    assert response.status_code == 404


def test_the_register_marks_each_person_booked(client, secretariat):
    session = SessionFactory(date=timezone.localdate())
    present, absent = BookingFactory(session=session), BookingFactory(session=session)
    client.force_login(secretariat)
    response = client.post(
        reverse("training:register", args=[session.pk]),
        {f"b{present.pk}": Attendance.PRESENT, f"b{absent.pk}": Attendance.NO_SHOW},
    )
    assert response.status_code == 302
    assert dict(Booking.objects.values_list("pk", "attendance")) == {
        present.pk: "present",
        absent.pk: "no_show",
    }


def test_the_take_up_page_shows_the_table_and_exports_to_excel(client, partner):
    session = SessionFactory(date=datetime.date(2026, 2, 2), status=SessionStatus.DELIVERED)
    BookingFactory(
        session=session, agency=AgencyFactory(name="Wye Valley NHS Trust"), attendance=Attendance.PRESENT
    )
    client.force_login(partner)
    page = client.get(reverse("training:take_up") + "?year=2026")
    assert "Wye Valley NHS Trust" in page.content.decode()
    export = client.get(reverse("training:take_up_export") + "?year=2026")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("size", [2, 12])
def test_the_session_list_reads_in_a_fixed_number_of_queries(
    client, secretariat, size, django_assert_max_num_queries
):
    course = CourseFactory()
    for n in range(size):
        session = SessionFactory(course=course, date=timezone.localdate() + datetime.timedelta(days=n + 1))
        session.trainers.add(TrainerFactory(courses=[course]))
        BookingFactory(session=session)
    client.force_login(secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:session_list"))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_the_session_page_reads_in_a_fixed_number_of_queries(
    client, secretariat, size, django_assert_max_num_queries
):
    session = SessionFactory(date=timezone.localdate() + datetime.timedelta(days=5), capacity=size)
    for _ in range(size + 3):
        BookingFactory(session=session, status=BookingStatus.BOOKED if _ < size else BookingStatus.WAITING)
    client.force_login(secretariat)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("training:session_detail", args=[session.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 12])
def test_the_take_up_page_reads_in_a_fixed_number_of_queries(
    client, partner, size, django_assert_max_num_queries
):
    session = SessionFactory(date=datetime.date(2026, 2, 2), capacity=50)
    for _ in range(size):
        BookingFactory(session=session)
    client.force_login(partner)
    with django_assert_max_num_queries(12):
        client.get(reverse("training:take_up") + "?year=2026")


@pytest.mark.parametrize("size", [2, 12])
def test_the_pool_and_course_pages_read_in_a_fixed_number_of_queries(
    client, partner, size, django_assert_max_num_queries
):
    course = CourseFactory()
    for _ in range(size):
        TrainerFactory(courses=[course, CourseFactory()])
    client.force_login(partner)
    with django_assert_max_num_queries(12):
        client.get(reverse("training:pool"))
    with django_assert_max_num_queries(12):
        client.get(reverse("training:course_list"))


def test_a_practitioner_cancels_through_their_link_and_a_late_cancellation_is_recorded(client):
    session = SessionFactory(date=timezone.localdate() + datetime.timedelta(days=1), capacity=2)
    booking = BookingFactory(session=session)
    url = reverse("training:link_cancel", kwargs={"signed": booking_token(booking.pk)})
    response = client.post(url, {"cancel": "1"})
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.late_cancellation


def test_the_secretariat_changes_the_offer_deadline_and_records_an_agencys_workforce(client, secretariat):
    agency = AgencyFactory()
    client.force_login(secretariat)
    url = reverse("training:settings")
    client.post(
        url, {"s-offer_hours": "24", "s-notice_days": "3", "s-impact_after_days": "90", "s-link_days": "60"}
    )
    client.post(url, {"w-agency": agency.pk, "w-workforce": "450", "w-as_of": "2026-04-01"})
    assert services.training_settings().offer_hours == 24
    assert agency.training_workforce.workforce == 450


def test_an_offer_deadline_of_zero_hours_is_refused_on_the_settings_page(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("training:settings"),
        {"s-offer_hours": "0", "s-notice_days": "3", "s-impact_after_days": "90", "s-link_days": "60"},
    )
    assert response.status_code == 200
    assert services.training_settings().offer_hours == 48


def test_a_training_need_from_a_case_review_is_linked_to_a_course(client, secretariat):
    course = CourseFactory()
    client.force_login(secretariat)
    client.post(
        reverse("training:need_create"),
        {
            "title": "Professional curiosity",
            "source": "case_review",
            "source_detail": "LCSPR learning brief",
            "identified_on": "2026-03-01",
            "courses": [course.pk],
            "status": "addressed",
        },
    )
    assert list(course.needs.values_list("title", flat=True)) == ["Professional curiosity"]


def test_a_partner_reader_sees_sessions_but_not_who_booked(client, partner, future_session):
    BookingFactory(session=future_session, name="Private Practitioner")
    client.force_login(partner)
    response = client.get(reverse("training:session_detail", args=[future_session.pk]))
    assert response.status_code == 200
    assert "Private Practitioner" not in response.content.decode()
