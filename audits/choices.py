"""The audits app's choices, imported by its models and its pure rules."""

from django.db import models


class AuditReason(models.TextChoices):
    """Why an audit is in the programme (arrangements s.18.1: performance data, case reviews,
    the partnership's priorities)."""

    PERFORMANCE_DATA = "performance_data", "Performance data"
    CASE_REVIEW = "case_review", "Case review finding"
    PRIORITY = "priority", "Partnership priority"
    OTHER = "other", "Other (issue raised by the board or a subgroup)"


class AuditStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


OPEN_AUDIT_STATUSES = frozenset({AuditStatus.PLANNED, AuditStatus.IN_PROGRESS})


class ReturnStatus(models.TextChoices):
    """A return's state as people read it; computed by audits.rules.return_status."""

    REQUESTED = "requested", "Requested"
    RECEIVED = "received", "Received"
    RECEIVED_LATE = "received_late", "Received late"
    OVERDUE = "overdue", "Late (not received)"


class AssessmentKind(models.TextChoices):
    SECTION_11 = "section_11", "Section 11 (Children Act 2004)"
    SECTION_175 = "section_175", "Section 175 (Education Act 2002, schools)"


class CycleFrequency(models.TextChoices):
    ANNUAL = "annual", "Annual"
    TWO_YEARLY = "two_yearly", "Every two years"


class RatingScale(models.TextChoices):
    RAG = "rag", "Red / amber / green"
    ZERO_TO_THREE = "zero_to_three", "0 to 3"


# Each scale's ratings: (value, label, colour class for the heat map, rank 0 = worst).
SCALE_RATINGS = {
    RatingScale.RAG: [
        ("red", "Red: not met", "danger", 0),
        ("amber", "Amber: partly met", "warning", 1),
        ("green", "Green: met", "success", 2),
    ],
    RatingScale.ZERO_TO_THREE: [
        ("0", "0: not in place", "danger", 0),
        ("1", "1: partly in place", "warning", 1),
        ("2", "2: in place", "info", 2),
        ("3", "3: embedded and effective", "success", 3),
    ],
}


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Not yet submitted"
    SUBMITTED = "submitted", "Submitted"
    MODERATED = "moderated", "Moderated"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class SingleAuditStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted, awaiting review"
    REVIEWED = "reviewed", "Reviewed by the group"
