"""Multi-agency training: courses, the training pool, sessions, bookings, evaluations, impact,
training needs, and the few settings the partnership changes itself."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Agency, Person
from training.choices import (
    Attendance,
    BookingStatus,
    EmailKind,
    ImpactChange,
    NeedSource,
    NeedStatus,
    Priority,
    SessionStatus,
)

RATING = [MinValueValidator(1), MaxValueValidator(5)]


class TrainingSettings(models.Model):
    """One row: the waiting list's offer deadline, the cancellation notice period, when the
    impact questionnaire goes, how long e-mailed links work. Ours, not core's
    PartnershipSettings, so training needs no core migration."""

    offer_hours = models.PositiveSmallIntegerField(
        "hours to accept an offered place",
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 14)],
        help_text="A place freed from a full session is offered to the next person waiting for this long.",
    )
    notice_days = models.PositiveSmallIntegerField(
        "cancellation notice (days)",
        default=5,
        validators=[MaxValueValidator(60)],
        help_text="A cancellation later than this many days before the session starts is late, "
        "counted against the agency.",
    )
    impact_after_days = models.PositiveSmallIntegerField(
        "impact questionnaire after (days)",
        default=90,
        validators=[MinValueValidator(14), MaxValueValidator(365)],
    )
    link_days = models.PositiveSmallIntegerField(
        "e-mailed links work for (days)",
        default=120,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "training settings"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="training_settings_single_row")]

    def __str__(self):
        return "Training settings"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)


class CourseLevel(models.Model):
    """The levels a partnership uses (foundation, advanced, specialist…): configurable data."""

    name = models.CharField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class AgencyWorkforce(models.Model):
    """An agency's children's workforce size, where known: take-up is read against it."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="training_workforce")
    workforce = models.PositiveIntegerField("workforce size")
    as_of = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.agency}: {self.workforce}"


class Course(models.Model):
    title = models.CharField(max_length=200, unique=True)
    level = models.ForeignKey(CourseLevel, on_delete=models.PROTECT, related_name="courses")
    audience = models.CharField(max_length=300)
    learning_outcomes = models.TextField(help_text="One learning outcome a line.")
    duration_hours = models.DecimalField(
        "duration (hours)", max_digits=4, decimal_places=1, validators=[MinValueValidator(0.5)]
    )
    priority = models.CharField("partnership priority", max_length=30, choices=Priority.choices)
    multi_agency = models.BooleanField(default=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course_detail", args=[self.pk])

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]


class Trainer(models.Model):
    """A member of the training pool: a person lent by a partner agency, with the courses they
    may deliver; their hours are the agency's contribution in kind (arrangements s.17.4)."""

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="trainer")
    courses = models.ManyToManyField(Course, blank=True, related_name="trainers")
    active = models.BooleanField(default=True)
    notes = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords(m2m_fields=[courses])

    class Meta:
        ordering = ["person__name"]

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("training:pool")


class Session(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(blank=True)
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(500)])
    trainers = models.ManyToManyField(Trainer, blank=True, related_name="sessions")
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    cancelled_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[trainers])

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="training_session_ends_after_it_starts",
                violation_error_message="The session must end after it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(venue="", online_link=""),
                name="training_session_has_a_place",
                violation_error_message="Give a venue or an online link.",
            ),
        ]

    def __str__(self):
        return f"{self.course} — {self.date:%-d %b %Y}"

    def get_absolute_url(self):
        return reverse("training:session_detail", args=[self.pk])

    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def hours(self) -> float:
        start = datetime.datetime.combine(self.date, self.start_time)
        end = datetime.datetime.combine(self.date, self.end_time)
        return round((end - start).total_seconds() / 3600, 2)


class Booking(models.Model):
    """A place (or a place on the waiting list) for a practitioner, who may have no account:
    name, e-mail and agency are on the booking itself."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="training_bookings"
    )
    name = models.CharField(max_length=200)
    email = models.EmailField()
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="training_bookings")
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    waiting_since = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    late_cancellation = models.BooleanField(default=False)
    attendance = models.CharField(max_length=20, choices=Attendance.choices, blank=True)
    evaluation_sent_at = models.DateTimeField(null=True, blank=True)
    impact_due_at = models.DateTimeField(null=True, blank=True)
    impact_sent_at = models.DateTimeField(null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["status", "offer_expires_at"]),
            models.Index(
                fields=["impact_due_at"], condition=Q(impact_sent_at__isnull=True), name="training_impact_due"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                "session",
                Lower("email"),
                condition=Q(status__in=["booked", "offered", "waiting"]),
                name="training_one_active_booking_per_email",
                violation_error_message="This practitioner already has a place or a waiting place on this "
                "session.",
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.session}"

    def get_absolute_url(self):
        return reverse("training:session_detail", args=[self.session_id])


class Evaluation(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    rating = models.PositiveSmallIntegerField("overall rating", validators=RATING)
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField()

    def __str__(self):
        return f"Evaluation: {self.booking}"


class OutcomeConfidence(models.Model):
    """Confidence before and after on one learning outcome (1 = not confident, 5 = very)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="outcomes")
    number = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=500)
    before = models.PositiveSmallIntegerField(validators=RATING)
    after = models.PositiveSmallIntegerField(validators=RATING)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "number"], name="training_one_confidence_per_outcome"
            )
        ]

    def __str__(self):
        return f"{self.outcome}: {self.before} to {self.after}"


class ImpactResponse(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="impact")
    change = models.CharField(
        "how much has your practice changed", max_length=20, choices=ImpactChange.choices
    )
    what_changed = models.TextField()
    submitted_at = models.DateTimeField()

    def __str__(self):
        return f"Impact: {self.booking}"


class TrainingNeed(models.Model):
    """A need the Development & Practice group identified (from a case review, an audit, a
    partner…), linked to the courses that meet it (arrangements s.17.3)."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=20, choices=NeedSource.choices)
    source_detail = models.CharField("source (which review, audit or partner)", max_length=200, blank=True)
    identified_on = models.DateField()
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="training_needs"
    )
    courses = models.ManyToManyField(Course, blank=True, related_name="needs")
    status = models.CharField(max_length=20, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[courses])

    class Meta:
        ordering = ["-identified_on", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:need_list")


class TrainingEmail(models.Model):
    """An e-mail to a practitioner about their booking, recorded before it is sent (once per
    booking, kind and occasion), then sent by a task with Django's send_mail: the practitioner
    may have no Person, and the notification system's recipients are Persons."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=30, choices=EmailKind.choices)
    occasion = models.CharField(max_length=60, blank=True)
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "kind", "occasion"], name="training_one_email_per_occasion"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.to}"
