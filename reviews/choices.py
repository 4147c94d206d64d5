"""The case reviews' fixed lists: types, steps, clock units and sources, statuses."""

from django.db import models


class ReviewType(models.TextChoices):
    # A serious incident notification starts a rapid review; the partners' decision may make it
    # a local child safeguarding practice review (Working Together 2023 ch.5).
    CHILD = "child", "Rapid review / LCSPR"
    DHR = "dhr", "Domestic homicide review (DHR/DARDR)"
    SAR = "sar", "Safeguarding adults review (SAR)"


class Step(models.TextChoices):
    """Where a review stands, derived from what has been recorded (reviews/clocks.py)."""

    PANEL_NOTIFICATION = "panel_notification", "Panel notification"
    RAPID_REVIEW = "rapid_review", "Rapid review"
    DECISION = "decision", "Decision whether to review"
    REVIEW = "review", "Review in progress"
    HOME_OFFICE_QA = "home_office_qa", "Home Office quality assurance"
    PUBLICATION = "publication", "Awaiting publication"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


OPEN_STEPS = frozenset(
    {
        Step.PANEL_NOTIFICATION,
        Step.RAPID_REVIEW,
        Step.DECISION,
        Step.REVIEW,
        Step.HOME_OFFICE_QA,
        Step.PUBLICATION,
    }
)


class ClockUnit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "days"
    MONTHS = "months", "months"


class ClockEvent(models.TextChoices):
    """The event a clock is counted from."""

    AWARENESS = "awareness", "becoming aware of the incident"
    PANEL_NOTIFICATION = "panel_notification", "the Panel notification"
    POLICE_NOTIFICATION = "police_notification", "the police notification"
    REFERRAL = "referral", "the referral"
    DECISION = "decision", "the decision"
    PLANNED_PUBLICATION = "planned_publication", "the planned publication date"
    INFORMATION_REQUEST = "information_request", "the information request"


class ClockSource(models.TextChoices):
    STATUTE = "statute", "statute"
    WORKING_TOGETHER = "working_together", "Working Together 2023"
    PANEL = "panel", "Panel's expectation"
    STATUTORY_GUIDANCE = "statutory_guidance", "statutory guidance"
    LOCAL = "local", "local practice"


class ClockCode(models.TextChoices):
    """The clocks the product counts; their lengths and sources are data (ClockRule)."""

    PANEL_NOTIFICATION = "panel_notification", "Panel notified"
    RAPID_REVIEW = "rapid_review", "Rapid review sent to the Panel"
    AGENCY_INFORMATION = "agency_information", "Agency information returned"
    LCSPR_PUBLICATION = "lcspr_publication", "LCSPR published"
    LCSPR_SENT_TO_PANEL = "lcspr_sent_to_panel", "Report sent to the Panel and Secretary of State"
    DHR_DECISION = "dhr_decision", "DHR decision made, Home Office told"
    DHR_COMPLETION = "dhr_completion", "DHR sent to Home Office quality assurance"
    SAR_COMPLETION = "sar_completion", "SAR completed"


class DueStatus(models.TextChoices):
    """How near or past its deadline a step is (the product's thresholds: reviews/clocks.py)."""

    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due_soon", "Due within 5 working days"
    ON_TRACK = "on_track", "On track"


class Harm(models.TextChoices):
    DIED = "died", "The child has died"
    SERIOUSLY_HARMED = "seriously_harmed", "The child has been seriously harmed"


class Recommendation(models.TextChoices):
    """The rapid review's recommendation and the partners' decision (Working Together 2023)."""

    LOCAL_REVIEW = "local_review", "Local child safeguarding practice review"
    OTHER_LEARNING = "other_learning", "No local review: learning through another route"
    NATIONAL_REVIEW = "national_review", "Referred to the Panel for a national review"


class AdultDecision(models.TextChoices):
    HOLD = "hold", "Hold a review"
    NO_REVIEW = "no_review", "No review"


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    CHASED = "chased", "Chased"
    RECEIVED = "received", "Received"


class MilestoneKind(models.TextChoices):
    PRACTITIONER_EVENT = "practitioner_event", "Practitioner event"
    FAMILY_INVOLVEMENT = "family_involvement", "Family involvement"
    DRAFT_REPORT = "draft_report", "Draft report"
    QUALITY_ASSURANCE = "quality_assurance", "Quality assurance"
    OTHER = "other", "Other"


# The themes a partnership starts with (issue 12); admins add more.
DEFAULT_THEMES = (
    "Neglect",
    "Child sexual exploitation",
    "Domestic abuse",
    "Mental health",
    "Substance misuse",
    "Online harm",
)


# Auth groups the services keep in step with the officers and grants, so that the top bar on every
# page can tell who has a way in without a query of its own; the authority on every review page is
# still the officers' and grants' tables.
OFFICERS_MARKER = "Case review officers"
READERS_MARKER = "Case review readers (granted)"
