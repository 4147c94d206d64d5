"""Reports assembled from the records: a subgroup's quarterly highlight report and the
partnership's yearly report (seed 001 s.19).

Each holds `figures`, the sections drafted from the records when it was generated (a list of
`reporting.sections.Section` as plain data), so the document says what the records said then;
the narrative people write sits beside them and is tracked with django-simple-history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.choices import StatutoryRole
from governance.models import Group, Meeting, Paper, Person
from reporting.choices import HighlightStatus, YearlyStatus
from reporting.periods import PUBLICATION_MONTHS, Quarter


class Figures(models.Model):
    """The sections drafted from the records at one moment (kept apart from the reports so their
    history lists who read the figures again, not the figures' every number)."""

    sections = models.JSONField(default=list, blank=True)
    generated_at = models.DateTimeField()

    def __str__(self):
        return f"Figures read on {self.generated_at:%d %b %Y %H:%M}"


class HighlightReport(models.Model):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="highlight_reports")
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=20, choices=HighlightStatus.choices, default=HighlightStatus.DRAFT)
    figures = models.OneToOneField(Figures, on_delete=models.PROTECT, related_name="+")
    include_training = models.BooleanField(
        "include the partnership's training",
        default=False,
        help_text="For the group that oversees multi-agency training (arrangements s.7.12).",
    )
    achievements = models.TextField("highlights and achievements", blank=True)
    concerns = models.TextField("concerns, risks and challenges", blank=True)
    asks_of_board = models.TextField("what the group asks of the board", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    board_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="highlight_reports"
    )
    paper = models.ForeignKey(Paper, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "group__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "period_start"],
                name="one_highlight_report_per_group_and_quarter",
                violation_error_message="This group already has a highlight report for that quarter.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="highlight_report_period_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["status", "period_start"])]

    def __str__(self):
        return f"{self.group.name} highlight report, {self.quarter.label}"

    def get_absolute_url(self):
        return reverse("reporting:highlight_detail", args=[self.pk])

    @property
    def quarter(self) -> Quarter:
        return Quarter(start=self.period_start, end=self.period_end)

    @property
    def generated_at(self):
        return self.figures.generated_at

    @property
    def is_draft(self) -> bool:
        return self.status == HighlightStatus.DRAFT


class YearlyReport(models.Model):
    period_start = models.DateField(unique=True)
    period_end = models.DateField()
    status = models.CharField(max_length=20, choices=YearlyStatus.choices, default=YearlyStatus.DRAFT)
    figures = models.OneToOneField(Figures, on_delete=models.PROTECT, related_name="+")
    publication_months = models.PositiveSmallIntegerField(default=PUBLICATION_MONTHS)
    publication_deadline = models.DateField(db_index=True)
    published_on = models.DateField(null=True, blank=True)
    # One narrative per section of seed 001 s.19.1, written by the partnership team (s.20.7).
    introduction = models.TextField(blank=True)
    impact = models.TextField("impact on outcomes for children and families (s.19.1a)", blank=True)
    little_progress = models.TextField("areas of little or no progress (s.19.1b)", blank=True)
    reviews = models.TextField("reviews: decisions and actions taken (s.19.1c)", blank=True)
    feedback = models.TextField("feedback from children and families (s.19.1d)", blank=True)
    restraint = models.TextField("use of restraint (s.19.1e)", blank=True)
    budget = models.TextField("budget and contributions (s.20.2)", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="yearly_report_period_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"Yearly report {self.period_start:%b %Y} to {self.period_end:%b %Y}"

    def get_absolute_url(self):
        return reverse("reporting:yearly_detail", args=[self.pk])

    @property
    def generated_at(self):
        return self.figures.generated_at


class YearlyReportApproval(models.Model):
    """One statutory partner's approval of the yearly report (s.19.2: final approval is the
    lead safeguarding partners'), given by their lead or delegated safeguarding partner."""

    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="approvals")
    statutory_role = models.CharField(max_length=20, choices=StatutoryRole.choices)
    approved_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    approved_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "statutory_role"],
                name="one_approval_per_statutory_partner",
                violation_error_message="This partner has already approved the report.",
            )
        ]

    def __str__(self):
        return f"{self.get_statutory_role_display()} approval of {self.report}"
