import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from governance.tests.factories import AgencyFactory
from training import services
from training.choices import Attendance, BookingStatus, EmailKind, SessionStatus
from training.models import Booking, TrainingEmail
from training.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(
    2026, 6, 10, 8, 30, tzinfo=datetime.UTC
)  # the factory session: 9.30 in London (BST)
NOW = datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def session():
    return SessionFactory(capacity=3)


def book(session, name, now=NOW, agency=None):
    return services.booking_create(
        session=session,
        name=name,
        email=f"{name.lower()}@example.org",
        agency=agency or AgencyFactory(),
        now=now,
    )


def fill(session, names=("Asha", "Ben", "Cara")):
    return [book(session, name) for name in names]


def test_a_full_session_puts_the_next_person_on_the_waiting_list_and_says_it_is_full(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fill(session)
        dev = book(session, "Dev")
    session.refresh_from_db()
    assert dev.status == BookingStatus.WAITING
    assert session.status == SessionStatus.FULL
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Your place"] * 3 + ["Waiting list"]
    assert mail.outbox[-1].to == ["dev@example.org"]


def test_the_same_practitioner_cannot_book_the_same_session_twice(session):
    book(session, "Asha")
    with pytest.raises(ValidationError):
        services.booking_create(
            session=session, name="Asha", email="ASHA@example.org", agency=AgencyFactory(), now=NOW
        )


def test_a_cancelled_place_is_offered_to_the_first_person_waiting_with_a_48_hour_deadline(
    session, django_capture_on_commit_callbacks
):
    asha, *_ = fill(session)
    dev, eve = book(session, "Dev"), book(session, "Eve", now=NOW + datetime.timedelta(minutes=1))
    later = NOW + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=asha, now=later)
    dev.refresh_from_db()
    eve.refresh_from_db()
    assert dev.status == BookingStatus.OFFERED
    assert dev.offer_expires_at == later + datetime.timedelta(hours=48)
    assert eve.status == BookingStatus.WAITING
    offer = TrainingEmail.objects.get(booking=dev, kind=EmailKind.OFFER)
    assert "/training/link/" in offer.body and "/accept/" in offer.body
    assert any(
        m.to == ["dev@example.org"] and m.subject.startswith("A place is offered") for m in mail.outbox
    )


def test_accepting_an_offer_books_the_place(session):
    asha, *_ = fill(session)
    dev = book(session, "Dev")
    services.booking_cancel(booking=asha, now=NOW)
    accepted = services.offer_accept(booking=dev, now=NOW + datetime.timedelta(hours=47))
    assert accepted.status == BookingStatus.BOOKED
    session.refresh_from_db()
    assert session.status == SessionStatus.FULL


def test_an_offer_accepted_exactly_at_its_deadline_is_refused(session):
    asha, *_ = fill(session)
    dev = book(session, "Dev")
    services.booking_cancel(booking=asha, now=NOW)
    with pytest.raises(ValidationError, match="lapsed"):
        services.offer_accept(booking=dev, now=NOW + datetime.timedelta(hours=48))


def test_an_expired_offer_passes_to_the_next_person_waiting_once(session):
    asha, *_ = fill(session)
    dev, eve = book(session, "Dev"), book(session, "Eve", now=NOW + datetime.timedelta(minutes=1))
    services.booking_cancel(booking=asha, now=NOW)
    after = NOW + datetime.timedelta(hours=48)
    assert services.offers_expire(now=after) == 1
    assert services.offers_expire(now=after) == 0
    dev.refresh_from_db()
    eve.refresh_from_db()
    assert dev.status == BookingStatus.LAPSED
    assert eve.status == BookingStatus.OFFERED
    assert eve.offer_expires_at == after + datetime.timedelta(hours=48)


def test_the_offer_deadline_follows_the_training_settings(session):
    services.training_settings_update(values={"offer_hours": 24})
    asha, *_ = fill(session)
    dev = book(session, "Dev")
    services.booking_cancel(booking=asha, now=NOW)
    dev.refresh_from_db()
    assert dev.offer_expires_at == NOW + datetime.timedelta(hours=24)


def test_a_cancellation_exactly_at_the_notice_boundary_is_not_late_and_a_second_later_is(session):
    asha, ben, _ = fill(session)
    boundary = START - datetime.timedelta(days=5)
    assert not services.booking_cancel(booking=asha, now=boundary).late_cancellation
    assert services.booking_cancel(
        booking=ben, now=boundary + datetime.timedelta(seconds=1)
    ).late_cancellation


def test_leaving_the_waiting_list_is_never_a_late_cancellation(session):
    fill(session)
    dev = book(session, "Dev")
    assert not services.booking_cancel(booking=dev, now=START - datetime.timedelta(hours=1)).late_cancellation


def test_a_cancelled_session_releases_every_booking_with_a_notice(
    session, django_capture_on_commit_callbacks
):
    fill(session)
    book(session, "Dev")
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, reason="Trainer unwell", now=NOW)
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.RELEASED}
    notices = [m for m in mail.outbox if m.subject.startswith("Session cancelled")]
    assert sorted(m.to[0] for m in notices) == [
        "asha@example.org",
        "ben@example.org",
        "cara@example.org",
        "dev@example.org",
    ]
    assert "Trainer unwell" in notices[0].body


def test_a_session_cannot_be_cancelled_without_a_reason(session):
    with pytest.raises(ValidationError):
        services.session_cancel(session=session, reason="  ", now=NOW)


def test_the_secretariat_can_promote_someone_out_of_order_into_a_free_place(session):
    fill(session)
    book(session, "Dev")
    eve = book(session, "Eve", now=NOW + datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="No place is free"):
        services.booking_promote(booking=eve, now=NOW)
    session.capacity = 4
    services.session_save(session=session, trainers=[])
    assert services.booking_promote(booking=eve, now=NOW).status == BookingStatus.BOOKED


def test_capacity_cannot_drop_below_the_places_held(session):
    fill(session)
    session.capacity = 2
    with pytest.raises(ValidationError) as error:
        services.session_save(session=session, trainers=[])
    assert "capacity" in error.value.message_dict


def test_the_register_marks_the_session_delivered_and_sends_attendees_the_evaluation(session):
    asha, ben, cara = fill(session)
    on_the_day = START + datetime.timedelta(hours=4)
    services.attendance_record(
        session=session,
        marks={asha.pk: Attendance.PRESENT, ben.pk: Attendance.LATE, cara.pk: Attendance.NO_SHOW},
        now=on_the_day,
    )
    session.refresh_from_db()
    assert session.status == SessionStatus.DELIVERED
    sent = set(TrainingEmail.objects.filter(kind=EmailKind.EVALUATION).values_list("to", flat=True))
    assert sent == {"asha@example.org", "ben@example.org"}


def test_the_register_is_not_taken_before_the_day(session):
    asha, *_ = fill(session, ("Asha",))
    with pytest.raises(ValidationError):
        services.attendance_record(session=session, marks={asha.pk: Attendance.PRESENT}, now=NOW)


def test_the_impact_questionnaire_is_sent_once_per_attendee_about_three_months_on(session):
    asha, ben, cara = fill(session)
    services.attendance_record(
        session=session,
        marks={asha.pk: Attendance.PRESENT, ben.pk: Attendance.LEFT_EARLY, cara.pk: Attendance.NO_SHOW},
        now=START + datetime.timedelta(hours=4),
    )
    before = datetime.datetime(2026, 9, 8, 7, 0, tzinfo=datetime.UTC)  # 90 days on is 8 September
    assert services.impact_questionnaires_send(now=before) == 0
    due = datetime.datetime(2026, 9, 8, 9, 0, tzinfo=datetime.UTC)
    assert services.impact_questionnaires_send(now=due) == 2
    assert services.impact_questionnaires_send(now=due + datetime.timedelta(days=1)) == 0
    assert TrainingEmail.objects.filter(kind=EmailKind.IMPACT).count() == 2


def test_an_evaluation_records_confidence_before_and_after_on_each_outcome_once(session):
    asha, *_ = fill(session, ("Asha",))
    services.attendance_record(
        session=session, marks={asha.pk: Attendance.PRESENT}, now=START + datetime.timedelta(hours=4)
    )
    evaluation = services.evaluation_submit(
        booking=asha, rating=5, comments="Useful", confidence=[(2, 4), (1, 4)], now=START
    )
    assert [(o.before, o.after) for o in evaluation.outcomes.all()] == [(2, 4), (1, 4)]
    with pytest.raises(ValidationError):
        services.evaluation_submit(
            booking=asha, rating=4, comments="", confidence=[(2, 4), (1, 4)], now=START
        )


def test_a_no_show_cannot_evaluate(session):
    asha, *_ = fill(session, ("Asha",))
    services.attendance_record(
        session=session, marks={asha.pk: Attendance.NO_SHOW}, now=START + datetime.timedelta(hours=4)
    )
    with pytest.raises(ValidationError):
        services.evaluation_submit(
            booking=asha, rating=4, comments="", confidence=[(1, 2), (1, 2)], now=START
        )
