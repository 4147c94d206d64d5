"""The choices of the planning models (TextChoices)."""

from django.db import models


class ProgressRag(models.TextChoices):
    """A business plan cell's progress RAG: a dated judgement of delivery by its owner (seed 004),
    not the action log's due status, which is a date (statutory-timescales.md, two meanings of RAG)."""

    RED = "red", "Red: not on track"
    AMBER = "amber", "Amber: some progress, at risk"
    GREEN = "green", "Green: on track or delivered"


class EscalationStatus(models.TextChoices):
    OPEN = "open", "Open"
    RESPONDED = "responded", "Responded to"
    CLOSED = "closed", "Closed"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ContributionKind(models.TextChoices):
    CASH = "cash", "Cash contribution"
    IN_KIND = "in_kind", "In-kind contribution"
