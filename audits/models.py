"""The audits app's records: the yearly programme of multi-agency case audits, their returns,
findings and recommendations; section 11 / section 175 self-assessments; single-agency audit
summaries; the performance scorecard."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from audits.choices import (
    SCALE_RATINGS,
    AssessmentKind,
    AssessmentStatus,
    AuditReason,
    AuditStatus,
    CycleFrequency,
    Polarity,
    RatingScale,
    SingleAuditStatus,
)
from audits.rules import financial_year_label, quarter_label
from governance.models import Action, Agency, Group, Meeting, Paper, Person, TimeStampedModel


class AuditGrade(models.Model):
    """A point of the grading scale audits use (configurable in the admin; the defaults are
    Ofsted's four words). `rank` 1 is the best."""

    name = models.CharField(max_length=60, unique=True)
    rank = models.PositiveSmallIntegerField(unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["rank"]

    def __str__(self):
        return self.name


class AuditProgramme(TimeStampedModel):
    """A year's programme of multi-agency case audits, owned by a group (the Quality &
    Effectiveness group, seed 000). `year` is the first calendar year of the financial year."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="audit_programmes")
    year = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "group__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "year"], name="one_audit_programme_per_group_year")
        ]

    def __str__(self):
        return f"{self.group.label} audit programme {self.year_label}"

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)

    def get_absolute_url(self):
        return reverse("audits:programme_detail", args=[self.pk])


class CaseAudit(TimeStampedModel):
    """A multi-agency case audit in a programme; a re-audit points at exactly one original."""

    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT, related_name="audits")
    theme = models.CharField(max_length=200)
    reason = models.CharField(max_length=30, choices=AuditReason.choices)
    reason_detail = models.TextField("why it was chosen", blank=True)
    target_month = models.DateField(help_text="The first day of the month the audit is due to report.")
    lead = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="audits_led"
    )
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.PLANNED)
    lines_of_enquiry = models.TextField(blank=True)
    sample_references = models.TextField(
        "sample of cases",
        blank=True,
        help_text="Pseudonymised case references only, one a line (such as HSCP-A-0142): no names.",
    )
    moderation_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderated_audits"
    )
    strengths = models.TextField(blank=True)
    areas_for_improvement = models.TextField(blank=True)
    voice_of_child = models.CharField(
        "voice of the child captured",
        max_length=10,
        blank=True,
        choices=[("yes", "Yes"), ("partly", "Partly"), ("no", "No")],
    )
    voice_of_child_how = models.TextField("how the voice of the child was captured", blank=True)
    grade = models.ForeignKey(AuditGrade, on_delete=models.PROTECT, null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    original = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reaudits"
    )
    report_paper = models.ForeignKey(
        Paper, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["target_month", "theme"]
        indexes = [models.Index(fields=["status", "target_month"])]
        constraints = [
            models.CheckConstraint(condition=~Q(original=F("pk")), name="a_reaudit_is_not_its_own_original"),
        ]

    def __str__(self):
        prefix = "Re-audit: " if self.original_id else ""
        return f"{prefix}{self.theme} ({self.target_month:%b %Y})"

    def get_absolute_url(self):
        return reverse("audits:audit_detail", args=[self.pk])

    @property
    def sample(self) -> list[str]:
        return [line.strip() for line in self.sample_references.splitlines() if line.strip()]


class AgencyReturn(TimeStampedModel):
    """One participating agency's return to a case audit: requested, due, received, chased."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="audit_returns")
    contact = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_returns"
    )
    requested_on = models.DateField()
    due_on = models.DateField(db_index=True)
    received_on = models.DateField(null=True, blank=True)
    chased_on = models.DateField(null=True, blank=True)
    chase_count = models.PositiveSmallIntegerField(default=0)
    findings = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "agency"], name="one_return_per_agency_per_audit"),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("requested_on")), name="a_return_is_due_after_it_is_requested"
            ),
        ]

    def __str__(self):
        return f"{self.agency.label}'s return to {self.audit.theme}"

    def get_absolute_url(self):
        return reverse("audits:audit_detail", args=[self.audit_id]) + f"#return-{self.pk}"


class Recommendation(TimeStampedModel):
    """A numbered recommendation of an audit; its action is an ordinary action in the owning
    group's log (origin: the audit)."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    action = models.OneToOneField(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_recommendation"
    )

    class Meta:
        ordering = ["audit", "number"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "number"], name="recommendation_numbers_unique")
        ]

    def __str__(self):
        return f"{self.audit.theme}, recommendation {self.number}"


# Section 11 / section 175 -------------------------------------------------------------


class Standard(models.Model):
    """A standard agencies rate themselves against (configurable; the defaults come from the
    issue, in migration 0002)."""

    kind = models.CharField(max_length=20, choices=AssessmentKind.choices)
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="standard_numbers_unique_per_kind")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class AssessmentCycle(TimeStampedModel):
    """A round of self-assessments for one kind of agency (section 11, or section 175 for
    schools), moderated by a group (the Quality & Effectiveness group)."""

    kind = models.CharField(max_length=20, choices=AssessmentKind.choices, default=AssessmentKind.SECTION_11)
    name = models.CharField(max_length=200)
    frequency = models.CharField(max_length=20, choices=CycleFrequency.choices, default=CycleFrequency.ANNUAL)
    rating_scale = models.CharField(max_length=20, choices=RatingScale.choices, default=RatingScale.RAG)
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="assessment_cycles")
    opens_on = models.DateField()
    due_on = models.DateField(db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gt=F("opens_on")), name="a_cycle_is_due_after_it_opens"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("audits:cycle_detail", args=[self.pk])

    @property
    def ratings(self) -> list[tuple[str, str, str, int]]:
        return SCALE_RATINGS[RatingScale(self.rating_scale)]


class SelfAssessment(TimeStampedModel):
    """One agency's self-assessment in a cycle."""

    cycle = models.ForeignKey(AssessmentCycle, on_delete=models.PROTECT, related_name="assessments")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="self_assessments")
    lead = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_assessments_led",
        help_text="Who the reminders go to.",
    )
    status = models.CharField(max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_into"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "agency"], name="one_self_assessment_per_agency_per_cycle"
            )
        ]

    def __str__(self):
        return f"{self.agency.label}: {self.cycle.name}"

    def get_absolute_url(self):
        return reverse("audits:assessment_detail", args=[self.pk])


class StandardAnswer(TimeStampedModel):
    """An agency's answer to one standard; the moderated rating is the partnership's."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="answers")
    rating = models.CharField("self-rating", max_length=10, blank=True)
    evidence = models.TextField(blank=True)
    action_plan = models.TextField(blank=True)
    # Copied from the previous cycle and not yet confirmed or changed by the agency.
    carried_forward = models.BooleanField(default=False)
    moderated_rating = models.CharField(max_length=10, blank=True)
    moderation_comments = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "standard"], name="one_answer_per_standard")
        ]

    def __str__(self):
        return f"{self.assessment.agency.label}, standard {self.standard.number}"

    def get_absolute_url(self):
        return (
            reverse("audits:assessment_detail", args=[self.assessment_id]) + f"#standard-{self.standard_id}"
        )


class EvidenceFile(models.Model):
    answer = models.ForeignKey(StandardAnswer, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="audits/evidence/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name


class ChallengeSession(TimeStampedModel):
    """An assurance and challenge session (arrangements s.7.2): senior officers of an agency give
    evidence; the challenge put and the agency's response."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="challenges")
    held_on = models.DateField()
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    challenge = models.TextField("challenge put")
    response = models.TextField("agency's response", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on"]

    def __str__(self):
        return f"Challenge session with {self.assessment.agency.label}, {self.held_on:%-d %b %Y}"

    def get_absolute_url(self):
        return reverse("audits:assessment_detail", args=[self.assessment_id]) + "#challenge"


# Single-agency audits -----------------------------------------------------------------


class SingleAgencyAudit(TimeStampedModel):
    """A summary of an agency's own audit, reviewed and challenged by a group (seed 000)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="single_agency_audits")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="single_agency_audits")
    topic = models.CharField(max_length=200)
    audit_date = models.DateField()
    findings = models.TextField()
    issues_to_escalate = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=SingleAuditStatus.choices, default=SingleAuditStatus.SUBMITTED
    )
    review_comments = models.TextField(blank=True)
    challenge = models.TextField("challenge to the agency", blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    escalation_action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-audit_date", "topic"]

    def __str__(self):
        return f"{self.agency.label}: {self.topic}"

    def get_absolute_url(self):
        return reverse("audits:single_detail", args=[self.pk])


# The performance scorecard ------------------------------------------------------------


class Indicator(TimeStampedModel):
    """A scorecard indicator (arrangements s.18.1). RAG: with higher is better, green at or above
    the green threshold and red below the red one; with lower is better, green at or below the
    green threshold and red above the red one."""

    code = models.SlugField(max_length=40, unique=True, help_text="Used in the import file.")
    name = models.CharField(max_length=200, unique=True)
    definition = models.TextField(blank=True)
    unit = models.CharField(max_length=20, default="%")
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    green_threshold = models.DecimalField(max_digits=12, decimal_places=2)
    red_threshold = models.DecimalField(max_digits=12, decimal_places=2)
    active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("audits:indicator_detail", args=[self.pk])


class IndicatorValue(TimeStampedModel):
    """An indicator's value for a quarter (`quarter_start`: the quarter's first day)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    quarter_start = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    commentary = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "quarter_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "quarter_start"], name="one_value_per_indicator_quarter"
            )
        ]

    def __str__(self):
        return f"{self.indicator.name}, {self.quarter}"

    @property
    def quarter(self) -> str:
        return quarter_label(self.quarter_start)

    def get_absolute_url(self):
        return reverse("audits:indicator_detail", args=[self.indicator_id])


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)
