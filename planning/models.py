"""The business plan, escalations and challenge, the risk register, independent scrutiny, and the
budget and partners' contributions (issue 15; arrangements s.3.3, s.7, s.20, s.24, s.25; seed 004)."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import Agency, AgendaItem, Group, Person, TimeStampedModel
from planning import rules
from planning.choices import ContributionKind, EscalationStatus, ProgressRag, RiskStatus

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]
MONEY: dict[str, Any] = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(0)]}


# The business plan ----------------------------------------------------------------------


class BusinessPlan(TimeStampedModel):
    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    introduction = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="plan_ends_after_it_starts",
                violation_error_message="A plan period must end after it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("planning:plan_detail", args=[self.pk])


class StrategicPriority(TimeStampedModel):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="priorities")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, help_text="As the plan heads its column: 'Neglect'.")
    aim = models.TextField(blank=True, help_text="'Identification and response to childhood neglect.'")
    key_outcomes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position"]
        verbose_name_plural = "strategic priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="one_priority_per_position"),
        ]

    def __str__(self):
        return self.title


class Workstream(TimeStampedModel):
    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="workstreams")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="one_workstream_per_position"),
        ]

    def __str__(self):
        return self.title


class PlanCell(TimeStampedModel):
    """One priority in one workstream. Its latest progress RAG is stored here (with the date and
    who judged it) so the grid reads one row per cell; every judgement is kept in ProgressUpdate."""

    plan = models.ForeignKey(BusinessPlan, on_delete=models.CASCADE, related_name="cells")
    priority = models.ForeignKey(StrategicPriority, on_delete=models.CASCADE, related_name="cells")
    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="cells")
    owning_group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_cells",
        help_text="The subgroup that leads this cell and judges its progress.",
    )
    rag = models.CharField("progress RAG", max_length=10, choices=ProgressRag.choices, blank=True)
    rag_on = models.DateField("progress RAG judged on", null=True, blank=True)
    rag_commentary = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "priority__position", "workstream__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "workstream"], name="one_cell_per_priority_workstream"
            ),
        ]
        indexes = [models.Index(fields=["owning_group", "rag_on"])]

    def __str__(self):
        return f"{self.priority} — {self.workstream}"

    def get_absolute_url(self):
        return reverse("planning:cell_detail", args=[self.pk])


class PlanObjective(TimeStampedModel):
    cell = models.ForeignKey(PlanCell, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveSmallIntegerField()
    text = models.TextField("objective")
    owning_group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="plan_objectives",
        help_text="Its actions go in this log.",
    )

    history = HistoricalRecords()

    # Not fields: set by the cell's page on the objectives it shows.
    plan_actions: list
    may_record: bool
    may_edit: bool

    class Meta:
        ordering = ["cell", "position"]
        constraints = [
            models.UniqueConstraint(fields=["cell", "position"], name="one_objective_per_position"),
        ]

    def __str__(self):
        return f"{self.cell}, objective {self.position}"

    def get_absolute_url(self):
        return reverse("planning:cell_detail", args=[self.cell_id])


class ProgressUpdate(models.Model):
    """A dated progress judgement of a cell, kept for good: who, when, RAG, commentary."""

    cell = models.ForeignKey(PlanCell, on_delete=models.CASCADE, related_name="progress_updates")
    rag = models.CharField("progress RAG", max_length=10, choices=ProgressRag.choices)
    judged_on = models.DateField()
    commentary = models.TextField()
    judged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["cell", "-judged_on", "-recorded_at"]
        indexes = [models.Index(fields=["cell", "judged_on"])]

    def __str__(self):
        return f"{self.cell}: {self.get_rag_display()} on {self.judged_on:%-d %b %Y}"


# Escalations and challenge --------------------------------------------------------------


class Escalation(TimeStampedModel):
    """An issue a subgroup escalates to the board (seed 000 MASH remit; arrangements s.7.2, s.24)."""

    from_group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="escalations_raised")
    to_group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="escalations_received")
    title = models.CharField("what is escalated", max_length=200)
    why = models.TextField("why it is escalated")
    risk = models.TextField("the risk if nothing is done")
    tried = models.TextField("what has been tried")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    raised_on = models.DateField()
    status = models.CharField(max_length=12, choices=EscalationStatus.choices, default=EscalationStatus.OPEN)
    response = models.TextField("the board's response", blank=True)
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where it is on the board's agenda.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        indexes = [
            models.Index(fields=["to_group", "status"]),
            models.Index(fields=["from_group", "raised_on"]),
        ]

    def __str__(self):
        return f"Escalation from {self.from_group.label}: {self.title}"

    def get_absolute_url(self):
        return reverse("planning:escalation_detail", args=[self.pk])


# The risk register ----------------------------------------------------------------------


class Risk(TimeStampedModel):
    title = models.CharField(max_length=200)
    description = models.TextField()
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="risks_owned")
    likelihood = models.PositiveSmallIntegerField(
        validators=ONE_TO_FIVE, help_text="1 rare to 5 almost certain."
    )
    impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE, help_text="1 minor to 5 severe.")
    controls = models.TextField(blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(
        validators=ONE_TO_FIVE, help_text="With the controls in place."
    )
    residual_impact = models.PositiveSmallIntegerField(
        validators=ONE_TO_FIVE, help_text="With the controls in place."
    )
    review_date = models.DateField()
    escalated_from = models.ForeignKey(
        Group, on_delete=models.PROTECT, null=True, blank=True, related_name="risks_escalated"
    )
    escalation = models.ForeignKey(
        Escalation, on_delete=models.SET_NULL, null=True, blank=True, related_name="risks"
    )
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "review_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5)
                & Q(residual_likelihood__gte=1, residual_likelihood__lte=5)
                & Q(residual_impact__gte=1, residual_impact__lte=5),
                name="risk_scores_one_to_five",
                violation_error_message="Likelihood and impact are each from 1 to 5.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("planning:risk_detail", args=[self.pk])

    @property
    def score(self) -> int:
        return rules.risk_score(self.likelihood, self.impact)

    @property
    def residual_score(self) -> int:
        return rules.risk_score(self.residual_likelihood, self.residual_impact)

    @property
    def residual_band(self) -> str:
        return rules.risk_band(self.residual_score)


# Independent scrutiny -------------------------------------------------------------------


class ScrutinyPlan(TimeStampedModel):
    """The independent scrutineer's plan for a year, agreed by the Lead Safeguarding Partners (s.3.3)."""

    year = models.PositiveSmallIntegerField("financial year starting", unique=True)
    scrutineer = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="scrutiny_plans")
    scope = models.TextField("what will be scrutinised, and when")
    agreed_on = models.DateField(null=True, blank=True)
    agreed_by = models.ManyToManyField(Person, blank=True, related_name="scrutiny_plans_agreed")

    history = HistoricalRecords(m2m_fields=[agreed_by])

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Independent scrutiny plan {rules.financial_year_label(self.year)}"

    def get_absolute_url(self):
        return reverse("planning:scrutiny_detail", args=[self.pk])


def scrutiny_report_path(instance, filename: str) -> str:
    return f"planning/scrutiny/{instance.plan.year}/{filename}"


class ScrutinyReport(TimeStampedModel):
    plan = models.ForeignKey(ScrutinyPlan, on_delete=models.PROTECT, related_name="reports")
    title = models.CharField(max_length=200)
    presented_on = models.DateField()
    file = models.FileField(upload_to=scrutiny_report_path, max_length=300, blank=True)
    partners_response = models.TextField("the partners' response", blank=True)
    responded_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "presented_on", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("planning:scrutiny_detail", args=[self.plan_id])


# Budget and contributions ---------------------------------------------------------------


class Contribution(TimeStampedModel):
    """A partner's contribution to a financial year's budget (s.20.1: agreed annually by the Lead
    Safeguarding Partners), in cash or in kind (seed 003 item 7; trainers' time, valued)."""

    year = models.PositiveSmallIntegerField("financial year starting")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="contributions")
    kind = models.CharField(max_length=10, choices=ContributionKind.choices, default=ContributionKind.CASH)
    amount = models.DecimalField("amount or value (£)", **MONEY)
    description = models.CharField(max_length=300, blank=True, help_text="For in-kind: what is given.")
    agreed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "agency__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "agency"],
                condition=Q(kind="cash"),
                name="one_cash_contribution_per_agency_and_year",
                violation_error_message="This agency already has a cash contribution this year: change it.",
            ),
        ]

    def __str__(self):
        return f"{self.agency.label} {rules.financial_year_label(self.year)}: £{self.amount}"


class BudgetLine(TimeStampedModel):
    year = models.PositiveSmallIntegerField("financial year starting")
    title = models.CharField(max_length=200)
    budget = models.DecimalField("budget (£)", **MONEY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "title"],
                name="one_budget_line_per_title_and_year",
                violation_error_message="This year's budget already has a line with this title.",
            ),
        ]

    def __str__(self):
        return f"{self.title} {rules.financial_year_label(self.year)}"


class Spend(TimeStampedModel):
    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="spends")
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    amount = models.DecimalField("spent (£)", **MONEY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["line", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["line", "quarter"], name="one_spend_per_line_and_quarter"),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="spend_quarter_one_to_four"
            ),
        ]

    def __str__(self):
        return f"{self.line}, Q{self.quarter}: £{self.amount}"
