"""The words of multi-agency training, as TextChoices shared by models and pure rules."""

from django.db import models


class Priority(models.TextChoices):
    """The partnership's strategic priorities a course serves (seed 004, HSCB Business Plan 2017-19)."""

    NEGLECT = "neglect", "Neglect"
    CSE = "cse", "Child sexual exploitation and missing"
    EFFECTIVE_SAFEGUARDING = "effective_safeguarding", "Effective safeguarding"
    EARLY_HELP = "early_help", "Early help"
    STRONG_LEADERSHIP = "strong_leadership", "Strong leadership, strong partnership"
    OTHER = "other", "Other"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    FULL = "full", "Full"
    CANCELLED = "cancelled", "Cancelled"
    DELIVERED = "delivered", "Delivered"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "On the waiting list"
    OFFERED = "offered", "Offered a place"
    CANCELLED = "cancelled", "Cancelled"
    # The session was cancelled: the place was released, not cancelled by the practitioner.
    RELEASED = "released", "Released (session cancelled)"
    # An offer not accepted by its deadline passed to the next person.
    LAPSED = "lapsed", "Offer lapsed"


# A booking holding a place: booked, or offered and not yet expired (the offer holds the place
# until its deadline, as pretix's waiting list vouchers do).
HOLDS_PLACE = (BookingStatus.BOOKED, BookingStatus.OFFERED)
# Still in play: counted for duplicates.
ACTIVE = (BookingStatus.BOOKED, BookingStatus.OFFERED, BookingStatus.WAITING)


class Attendance(models.TextChoices):
    PRESENT = "present", "Present"
    LATE = "late", "Arrived late"
    LEFT_EARLY = "left_early", "Left early"
    NO_SHOW = "no_show", "Did not attend"


# Who attended, for certificates, evaluations and take-up.
ATTENDED = (Attendance.PRESENT, Attendance.LATE, Attendance.LEFT_EARLY)


class NeedSource(models.TextChoices):
    CASE_REVIEW = "case_review", "Case review"
    AUDIT = "audit", "Audit"
    PARTNER = "partner", "Partner agency"
    TRAINING_NEEDS_ANALYSIS = "tna", "Training needs analysis"
    OTHER = "other", "Other"


class NeedStatus(models.TextChoices):
    OPEN = "open", "Open"
    ADDRESSED = "addressed", "Addressed by a course"
    CLOSED = "closed", "Closed"


class ImpactChange(models.TextChoices):
    A_LOT = "a_lot", "A lot"
    SOME = "some", "Some"
    LITTLE = "little", "A little"
    NONE = "none", "Not at all"


class EmailKind(models.TextChoices):
    BOOKED = "booked", "Booking confirmed"
    WAITING = "waiting", "On the waiting list"
    OFFER = "offer", "A place is offered"
    CANCELLED = "cancelled", "Booking cancelled"
    REMINDER = "reminder", "Reminder before the session"
    SESSION_CANCELLED = "session_cancelled", "Session cancelled"
    EVALUATION = "evaluation", "Evaluation and certificate"
    IMPACT = "impact", "Impact questionnaire"
