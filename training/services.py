"""Every change to training records: `<entity>_<verb>`, keyword-only, in transaction.atomic.

Places are never oversold: every change to who holds a place locks the session row first
(SELECT … FOR UPDATE), then counts, then writes, so two bookings for the last place are
serialised by the database. Services take `now`; none reads the clock.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence

from celery import current_app
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from governance.models import Agency, Person
from notifications.services import is_silenced
from training import rules
from training.choices import ACTIVE, ATTENDED, HOLDS_PLACE, BookingStatus, EmailKind, SessionStatus
from training.links import booking_links
from training.models import (
    AgencyWorkforce,
    Booking,
    Course,
    Evaluation,
    ImpactResponse,
    OutcomeConfidence,
    Session,
    Trainer,
    TrainingEmail,
    TrainingNeed,
    TrainingSettings,
)

# Queued by name: services never import tasks (training.apps imports them at start-up).
SEND_EMAIL_TASK = "training.tasks.send_training_email"


def training_settings() -> TrainingSettings:
    return TrainingSettings.objects.get_or_create(pk=1)[0]


@transaction.atomic
def training_settings_update(*, values: Mapping[str, int]) -> TrainingSettings:
    current = TrainingSettings.objects.select_for_update().get(pk=training_settings().pk)
    for name, value in values.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    return current


# Courses, the pool, sessions, needs ----------------------------------------------------------


@transaction.atomic
def course_save(*, course: Course) -> Course:
    course.full_clean()
    course.save()
    return course


@transaction.atomic
def trainer_save(*, trainer: Trainer, courses: Iterable[Course]) -> Trainer:
    trainer.full_clean()
    trainer.save()
    trainer.courses.set(courses)
    return trainer


@transaction.atomic
def session_save(*, session: Session, trainers: Sequence[Trainer]) -> Session:
    """Create or change a session. Each trainer must be an active member of the pool who may
    deliver the course; capacity cannot go below the places already held."""
    errors: dict[str, list[str]] = {}
    for trainer in trainers:
        if not trainer.active or not trainer.courses.filter(pk=session.course_id).exists():
            errors.setdefault("trainers", []).append(f"{trainer} is not in the pool for this course.")
    if session.pk:
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if locked.status == SessionStatus.CANCELLED:
            raise ValidationError("A cancelled session cannot be changed.")
        holding = locked.bookings.filter(status__in=HOLDS_PLACE).count()
        if session.capacity is not None and session.capacity < holding:
            errors.setdefault("capacity", []).append(
                f"{holding} places are already held: cancel bookings before lowering the capacity."
            )
        session.status = locked.status
    if errors:
        raise ValidationError(errors)
    session.full_clean()
    session.save()
    session.trainers.set(trainers)
    if session.status in (SessionStatus.SCHEDULED, SessionStatus.FULL):
        _refresh_status(session)
    return session


@transaction.atomic
def need_save(*, need: TrainingNeed, courses: Iterable[Course]) -> TrainingNeed:
    need.full_clean()
    need.save()
    need.courses.set(courses)
    return need


@transaction.atomic
def workforce_set(*, agency: Agency, workforce: int | None, as_of: datetime.date | None = None) -> None:
    """An agency's workforce size; None forgets it."""
    if workforce is None:
        AgencyWorkforce.objects.filter(agency=agency).delete()
        return
    record = AgencyWorkforce.objects.filter(agency=agency).first() or AgencyWorkforce(agency=agency)
    record.workforce, record.as_of = workforce, as_of
    record.full_clean()
    record.save()


# Places ----------------------------------------------------------------------------------------


def _lock(session_id: int) -> Session:
    # FOR UPDATE of the session row only (never an outer-joined row).
    return Session.objects.select_for_update(of=("self",)).select_related("course").get(pk=session_id)


def _holding(session: Session) -> int:
    return session.bookings.filter(status__in=HOLDS_PLACE).count()


def _refresh_status(session: Session) -> None:
    if session.status not in (SessionStatus.SCHEDULED, SessionStatus.FULL):
        return
    full = rules.places_left(capacity=session.capacity, holding=_holding(session)) == 0
    status = SessionStatus.FULL if full else SessionStatus.SCHEDULED
    if status != session.status:
        session.status = status
        session.save(update_fields=["status"])


def _open_for_booking(session: Session, now: datetime.datetime) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("This session has been cancelled.")
    if session.status == SessionStatus.DELIVERED or session.starts_at() <= now:
        raise ValidationError("This session has already started.")


@transaction.atomic
def booking_create(
    *,
    session: Session,
    name: str,
    email: str,
    agency: Agency,
    now: datetime.datetime,
    person: Person | None = None,
    booked_by=None,
) -> Booking:
    """A place if one is free, else a place on the waiting list (free to relevant agencies,
    arrangements s.17.4)."""
    session = _lock(session.pk)
    _open_for_booking(session, now)
    email = email.strip()
    if session.bookings.filter(status__in=ACTIVE, email__iexact=email).exists():
        raise ValidationError(
            {"email": "This practitioner already has a place or a waiting place on this session."}
        )
    free = rules.places_left(capacity=session.capacity, holding=_holding(session))
    booking = Booking(
        session=session,
        person=person,
        name=name.strip(),
        email=email,
        agency=agency,
        booked_by=booked_by,
        status=BookingStatus.BOOKED if free else BookingStatus.WAITING,
        waiting_since=None if free else now,
    )
    booking.full_clean()
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # the unique active e-mail, raced
        raise ValidationError({"email": "This practitioner already has a place on this session."}) from error
    _refresh_status(session)
    _email(booking, EmailKind.BOOKED if free else EmailKind.WAITING, now=now)
    return booking


def _offer_free_places(session: Session, now: datetime.datetime) -> list[Booking]:
    """Offer each free place to the next person waiting, in order, with a deadline."""
    if session.status not in (SessionStatus.SCHEDULED, SessionStatus.FULL) or session.starts_at() <= now:
        return []
    free = rules.places_left(capacity=session.capacity, holding=_holding(session))
    waiting = list(session.bookings.filter(status=BookingStatus.WAITING))
    chosen = set(
        rules.next_in_line([rules.Waiting(b.pk, b.waiting_since or b.created_at) for b in waiting], free)
    )
    settings = training_settings()
    offered = []
    for booking in waiting:
        if booking.pk not in chosen:
            continue
        booking.status = BookingStatus.OFFERED
        booking.offered_at = now
        booking.offer_expires_at = rules.offer_deadline(
            offered_at=now, offer_hours=settings.offer_hours, starts_at=session.starts_at()
        )
        booking.save()
        _email(booking, EmailKind.OFFER, now=now, occasion=now.isoformat())
        offered.append(booking)
    _refresh_status(session)
    return offered


@transaction.atomic
def booking_cancel(*, booking: Booking, now: datetime.datetime) -> Booking:
    """Cancel a place, an offer or a waiting place. A place given up inside the notice period is
    a late cancellation, counted against the agency; a freed place is offered to the waiting list."""
    session = _lock(booking.session_id)
    booking = Booking.objects.get(pk=booking.pk)
    if booking.status not in ACTIVE:
        raise ValidationError("This booking is no longer active.")
    if session.status not in (SessionStatus.SCHEDULED, SessionStatus.FULL) or session.starts_at() <= now:
        raise ValidationError("This session has already started or been closed: record a no-show instead.")
    held_place = booking.status in HOLDS_PLACE
    booking.late_cancellation = booking.status == BookingStatus.BOOKED and rules.is_late_cancellation(
        starts_at=session.starts_at(), cancelled_at=now, notice_days=training_settings().notice_days
    )
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.save()
    _email(booking, EmailKind.CANCELLED, now=now)
    if held_place:
        _offer_free_places(session, now)
    return booking


@transaction.atomic
def offer_accept(*, booking: Booking, now: datetime.datetime) -> Booking:
    _lock(booking.session_id)
    booking = Booking.objects.get(pk=booking.pk)
    if booking.status != BookingStatus.OFFERED:
        raise ValidationError("There is no place on offer to accept.")
    if rules.offer_has_lapsed(expires_at=booking.offer_expires_at, now=now):
        raise ValidationError("This offer has lapsed: the place has passed to the next person waiting.")
    booking.status = BookingStatus.BOOKED
    booking.save()
    _email(booking, EmailKind.BOOKED, now=now, occasion="accepted")
    return booking


@transaction.atomic
def offers_expire(*, now: datetime.datetime) -> int:
    """Offers past their deadline lapse, and each place passes to the next person waiting.
    Run by the reminder beat (training.scans); a second run finds nothing to do."""
    session_ids = set(
        Booking.objects.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now).values_list(
            "session_id", flat=True
        )
    )
    lapsed = 0
    for session_id in sorted(session_ids):
        session = _lock(session_id)
        for booking in session.bookings.filter(status=BookingStatus.OFFERED, offer_expires_at__lte=now):
            booking.status = BookingStatus.LAPSED
            booking.save()
            lapsed += 1
        _offer_free_places(session, now)
    return lapsed


@transaction.atomic
def offers_make(*, session: Session, now: datetime.datetime) -> list[Booking]:
    """Offer the free places (after the capacity was raised) to the waiting list, in order."""
    return _offer_free_places(_lock(session.pk), now)


@transaction.atomic
def booking_promote(*, booking: Booking, now: datetime.datetime) -> Booking:
    """The secretariat books someone from the waiting list by hand, out of order if they choose,
    into a free place (never beyond capacity)."""
    session = _lock(booking.session_id)
    booking = Booking.objects.get(pk=booking.pk)
    if booking.status not in (BookingStatus.WAITING, BookingStatus.OFFERED):
        raise ValidationError("Only someone on the waiting list can be promoted.")
    _open_for_booking(session, now)
    if booking.status == BookingStatus.WAITING and not rules.places_left(
        capacity=session.capacity, holding=_holding(session)
    ):
        raise ValidationError("No place is free: raise the capacity or cancel a booking first.")
    booking.status = BookingStatus.BOOKED
    booking.save()
    _refresh_status(session)
    _email(booking, EmailKind.BOOKED, now=now, occasion="promoted")
    return booking


@transaction.atomic
def session_cancel(*, session: Session, reason: str, now: datetime.datetime) -> Session:
    """Cancel a session: every place, offer and waiting place is released, each with a notice."""
    session = _lock(session.pk)
    if session.status in (SessionStatus.CANCELLED, SessionStatus.DELIVERED):
        raise ValidationError("This session is already cancelled or delivered.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the session is cancelled: the practitioners are told."})
    session.status = SessionStatus.CANCELLED
    session.cancelled_reason = reason.strip()
    session.save()
    for booking in session.bookings.filter(status__in=ACTIVE):
        booking.status = BookingStatus.RELEASED
        booking.cancelled_at = now
        booking.save()
        _email(booking, EmailKind.SESSION_CANCELLED, now=now)
    return session


# The day and after -----------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, session: Session, marks: Mapping[int, str], now: datetime.datetime) -> Session:
    """The register: each booked practitioner present, late, left early or a no-show. Taking it
    marks the session delivered; those who attended are sent the evaluation and their certificate."""
    session = _lock(session.pk)
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError("A cancelled session has no register.")
    if session.date > timezone.localdate(now):
        raise ValidationError("The register is taken on the day of the session, not before.")
    booked = {b.pk: b for b in session.bookings.filter(status=BookingStatus.BOOKED)}
    missing = [b.name for pk, b in booked.items() if not marks.get(pk)]
    if missing:
        raise ValidationError("Mark everyone booked: " + ", ".join(missing) + ".")
    settings = training_settings()
    due = rules.impact_due(session_date=session.date, after_days=settings.impact_after_days)
    for pk, booking in booked.items():
        booking.attendance = marks[pk]
        if booking.attendance in ATTENDED:
            booking.impact_due_at = booking.impact_due_at or timezone.make_aware(
                datetime.datetime.combine(due, datetime.time(9))
            )
            if booking.evaluation_sent_at is None:
                booking.evaluation_sent_at = now
                _email(booking, EmailKind.EVALUATION, now=now)
        booking.save()
    session.status = SessionStatus.DELIVERED
    session.save()
    return session


@transaction.atomic
def evaluation_submit(
    *,
    booking: Booking,
    rating: int,
    comments: str,
    confidence: Sequence[tuple[int, int]],
    now: datetime.datetime,
) -> Evaluation:
    """Straight after the session: a rating, confidence before and after on each learning outcome."""
    booking = (
        Booking.objects.select_for_update(of=("self",)).select_related("session__course").get(pk=booking.pk)
    )
    if booking.attendance not in ATTENDED:
        raise ValidationError("Only those who attended can evaluate the session.")
    if Evaluation.objects.filter(booking=booking).exists():
        raise ValidationError("This session has already been evaluated from this booking: thank you.")
    outcomes = booking.session.course.outcomes
    if len(confidence) != len(outcomes):
        raise ValidationError("Rate your confidence on every learning outcome.")
    evaluation = Evaluation(booking=booking, rating=rating, comments=comments, submitted_at=now)
    evaluation.full_clean()
    evaluation.save()
    for number, (outcome, (before, after)) in enumerate(zip(outcomes, confidence, strict=True), start=1):
        line = OutcomeConfidence(
            evaluation=evaluation, number=number, outcome=outcome[:500], before=before, after=after
        )
        line.full_clean(exclude=["evaluation"])
        line.save()
    return evaluation


@transaction.atomic
def impact_submit(
    *, booking: Booking, change: str, what_changed: str, now: datetime.datetime
) -> ImpactResponse:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.attendance not in ATTENDED:
        raise ValidationError("Only those who attended are asked about the impact on their practice.")
    if ImpactResponse.objects.filter(booking=booking).exists():
        raise ValidationError("You have already told us about the impact: thank you.")
    response = ImpactResponse(booking=booking, change=change, what_changed=what_changed, submitted_at=now)
    response.full_clean()
    response.save()
    return response


def impact_questionnaires_send(*, now: datetime.datetime, batch: int = 200) -> int:
    """About three months on, each attendee is sent the impact questionnaire once: the booking is
    marked sent and the e-mail recorded under a unique key in one transaction, claimed with
    SKIP LOCKED so two scans never send the same one."""
    sent = 0
    with transaction.atomic():
        due = (
            Booking.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(impact_due_at__lte=now, impact_sent_at__isnull=True, attendance__in=ATTENDED)
            .select_related("session__course")
            .order_by("impact_due_at", "id")[:batch]
        )
        for booking in due:
            booking.impact_sent_at = now
            booking.save(update_fields=["impact_sent_at"])
            _email(booking, EmailKind.IMPACT, now=now)
            sent += 1
    return sent


def session_reminders_send(*, now: datetime.datetime) -> int:
    """Each practitioner booked on a session starting within the next 48 hours is reminded once
    (the e-mail's unique key is the booking and the session's date)."""
    today = timezone.localdate(now)
    bookings = (
        Booking.objects.filter(
            status=BookingStatus.BOOKED,
            session__status__in=(SessionStatus.SCHEDULED, SessionStatus.FULL),
            session__date__gte=today,
            session__date__lte=today + datetime.timedelta(days=3),
        )
        .exclude(emails__kind=EmailKind.REMINDER)
        .select_related("session__course")
    )
    sent = 0
    with transaction.atomic():
        for booking in bookings:
            if rules.reminder_due(starts_at=booking.session.starts_at(), now=now):
                _email(booking, EmailKind.REMINDER, now=now, occasion=booking.session.date.isoformat())
                sent += 1
    return sent


# E-mail to practitioners -----------------------------------------------------------------------


def _email(
    booking: Booking, kind: str, *, now: datetime.datetime, occasion: str = ""
) -> TrainingEmail | None:
    """Record the e-mail once (booking, kind, occasion), then queue it after commit. Its words
    are in training/templates/training/emails/."""
    if is_silenced():
        return None
    session = booking.session
    context = {
        "booking": booking,
        "session": session,
        "course": session.course,
        "links": booking_links(booking.pk),
        "link_days": training_settings().link_days,
    }
    subject = " ".join(render_to_string(f"training/emails/{kind}_subject.txt", context).split())
    body = render_to_string(f"training/emails/{kind}_body.txt", context).strip() + "\n"
    email, created = TrainingEmail.objects.get_or_create(
        booking=booking,
        kind=kind,
        occasion=occasion,
        defaults={"to": booking.email, "subject": subject[:300], "body": body, "created_at": now},
    )
    if created:
        transaction.on_commit(lambda: current_app.tasks[SEND_EMAIL_TASK].delay(email.pk), robust=True)
    return email


@transaction.atomic
def training_email_send(*, email_id: int, now: datetime.datetime, send) -> bool:
    """Send one recorded e-mail once (`send(subject, body, to)`); False if already sent."""
    email = TrainingEmail.objects.select_for_update().filter(pk=email_id, sent_at__isnull=True).first()
    if email is None:
        return False
    send(email.subject, email.body, email.to)
    email.sent_at = now
    email.save(update_fields=["sent_at"])
    return True
