"""Case reviews: the clock rules, the reviews with their children, agencies, requests, the
partners' decision, sign-off and corrections, recommendations and learning; who may see them
(case review officers, grants) and the log of every view of restricted details."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import Action, Agency, Meeting, Paper, Person, StatutoryRole
from reviews.choices import (
    AdultDecision,
    ClockCode,
    ClockEvent,
    ClockSource,
    ClockUnit,
    Harm,
    MilestoneKind,
    Recommendation,
    RequestStatus,
    ReviewType,
    Step,
)

TEXT_MAX = 10_000


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _history_user: Any
    _change_reason: str

    class Meta:
        abstract = True


def decision_label(value: str) -> str:
    labels = {**dict(Recommendation.choices), **dict(AdultDecision.choices)}
    return str(labels.get(value, value))


class ClockRule(TimeStamped):
    """One statutory or local clock, as data: admins change it; open reviews follow from then on."""

    code = models.CharField(max_length=40, choices=ClockCode.choices, unique=True)
    name = models.CharField(max_length=200)
    length = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(366)])
    unit = models.CharField(max_length=20, choices=ClockUnit.choices)
    counted_from = models.CharField(max_length=30, choices=ClockEvent.choices)
    before = models.BooleanField(
        default=False, help_text="Counted back from the event (sent to the Panel before publication)."
    )
    source = models.CharField(max_length=30, choices=ClockSource.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    name = models.CharField(max_length=100, unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CaseReview(TimeStamped):
    """A serious incident notification and the review that follows it (rapid review → LCSPR),
    a DHR/DARDR or a SAR. It names no one: children are pseudonymised (CaseChild)."""

    reference = models.CharField(max_length=30, unique=True)
    review_type = models.CharField(max_length=10, choices=ReviewType.choices)
    # Child: the day the local authority became aware; DHR: the police notification; SAR: the referral.
    awareness_date = models.DateField()
    abuse_or_neglect = models.BooleanField("abuse or neglect known or suspected", default=False)
    harm = models.CharField(max_length=20, choices=Harm.choices, blank=True)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="+")
    themes = models.ManyToManyField(Theme, blank=True, related_name="reviews")
    panel_notified_on = models.DateField("national Panel notified on", null=True, blank=True)
    # Rapid review.
    rapid_review_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recommendation = models.CharField(max_length=20, blank=True)
    recommendation_reasons = models.TextField(blank=True)
    reg11_improvements = models.BooleanField("highlights improvements needed", default=False)
    reg11_recurrent_themes = models.BooleanField("highlights recurrent themes", default=False)
    reg11_multi_agency = models.BooleanField("concerns two or more agencies working together", default=False)
    reg11_panel_suggested = models.BooleanField("the Panel has said it suits a local review", default=False)
    rapid_review_submitted_on = models.DateField("rapid review sent to the Panel on", null=True, blank=True)
    panel_response_on = models.DateField("Panel responded on", null=True, blank=True)
    panel_response = models.TextField(blank=True)
    scrutineer_name = models.CharField("independent scrutineer", max_length=200, blank=True)
    scrutineer_comments = models.TextField("independent scrutineer's comments", blank=True)
    scrutineer_commented_on = models.DateField(null=True, blank=True)
    # The decision: for a child, set when the third partner decides (PartnerDecision).
    decision = models.CharField(max_length=20, blank=True)
    decision_date = models.DateField(null=True, blank=True)
    # The review itself.
    terms_of_reference = models.TextField(blank=True)
    lead_reviewer_name = models.CharField(max_length=200, blank=True)
    lead_reviewer_organisation = models.CharField(max_length=200, blank=True)
    contract_start = models.DateField(null=True, blank=True)
    contract_end = models.DateField(null=True, blank=True)
    completed_on = models.DateField("final report completed on", null=True, blank=True)
    home_office_approved_on = models.DateField("Home Office panel approved on", null=True, blank=True)
    planned_publication_on = models.DateField("planned publication date", null=True, blank=True)
    sent_to_panel_on = models.DateField("sent to the Panel and Secretary of State on", null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_summary = models.TextField("anonymised published summary", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Stored by the services from reviews/clocks.py, so the board and the reminder scan read an index.
    step = models.CharField(max_length=30, choices=Step.choices, default=Step.PANEL_NOTIFICATION)
    next_deadline = models.DateField(null=True, blank=True, db_index=True)
    next_deadline_code = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["next_deadline", "next_deadline_code", "updated_at"])

    class Meta:
        ordering = ["-awareness_date", "-pk"]
        indexes = [models.Index(fields=["step", "next_deadline"])]

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("reviews:review_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.step not in (Step.PUBLISHED, Step.CLOSED)

    @property
    def recommendation_label(self) -> str:
        return decision_label(self.recommendation)

    @property
    def decision_label(self) -> str:
        return decision_label(self.decision)


class CaseChild(TimeStamped):
    """A child (or adult) the review is about: a pseudonym everyone with access sees, and
    identifying details shown only on request, each view logged."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="children")
    pseudonym = models.CharField(max_length=40, help_text="As the review names them: “Child A”.")
    full_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.CharField(max_length=300, blank=True)
    identifiers = models.CharField(
        "case or NHS numbers", max_length=200, blank=True, help_text="The agencies' own record numbers."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pseudonym"]
        constraints = [
            models.UniqueConstraint(fields=["review", "pseudonym"], name="reviews_one_pseudonym_per_review")
        ]

    def __str__(self):
        return self.pseudonym


class InformationRequest(TimeStamped):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="information_requests")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED)
    chased_on = models.DateField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "agency"], name="reviews_one_request_per_agency")
        ]

    def __str__(self):
        return f"{self.agency.label}: {self.get_status_display()}"


class PartnerDecision(TimeStamped):
    """One statutory partner's decision on the rapid review (its representative, the date)."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="partner_decisions")
    statutory_role = models.CharField(max_length=20, choices=StatutoryRole.choices)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    representative = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20)
    decided_on = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["statutory_role"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "statutory_role"], name="reviews_one_decision_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.get_statutory_role_display()}: {self.representative}"

    @property
    def decision_label(self) -> str:
        return decision_label(self.decision)


class Milestone(TimeStamped):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=30, choices=MilestoneKind.choices)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.get_kind_display()


class SignOff(TimeStamped):
    """A delegated safeguarding partner signing off the final report (seed 001 s.15.9)."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="sign_offs")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    capacity = models.CharField(max_length=200)
    signed_on = models.DateField()

    class Meta:
        ordering = ["signed_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "person"], name="reviews_one_sign_off_each")]

    def __str__(self):
        return f"{self.person} ({self.capacity})"


class Correction(models.Model):
    """A change to a published review: who, when, why, and what it said before."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=60)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)
    reason = models.TextField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()

    class Meta:
        ordering = ["-made_at"]

    def __str__(self):
        return f"{self.review.reference}: {self.field} corrected"


class ReviewRecommendation(TimeStamped):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    action = models.OneToOneField(Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="reviews_recommendation_number")
        ]

    def __str__(self):
        return f"{self.review.reference}, recommendation {self.number}"

    def get_absolute_url(self):
        return self.review.get_absolute_url()


class LearningBriefing(TimeStamped):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="briefings")
    title = models.CharField(max_length=200)
    date = models.DateField()
    audience = models.CharField(max_length=200)
    file = models.FileField(upload_to="reviews/briefings/%Y/", blank=True)

    class Meta:
        ordering = ["-date", "pk"]

    def __str__(self):
        return self.title


class CaseReviewOfficer(models.Model):
    """A member of the secretariat named to work on case reviews (admins name them)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    named_at = models.DateTimeField()

    history = HistoricalRecords()
    _history_user: Any

    def __str__(self):
        return str(self.user)


class AccessGrant(models.Model):
    """Access to one review for someone outside the JCR group (a lead reviewer, an agency's
    author), given and withdrawn by an admin or the JCR chair."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    _history_user: Any

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "user"],
                condition=Q(withdrawn_at__isnull=True),
                name="reviews_one_live_grant",
            )
        ]

    def __str__(self):
        return f"{self.user} on {self.review.reference}"


class AccessLogEntry(models.Model):
    """Someone looked at a review's restricted details: who, when, what."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    review = models.ForeignKey(CaseReview, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(max_length=200)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "access log entries"

    def __str__(self):
        return f"{self.user} viewed {self.what} of {self.review.reference}"


class QuarterlyReport(TimeStamped):
    """The JCR chair's quarterly report to the board (seed 001 s.14.3): a draft generated from
    the records (counts only), edited by the chair, then attached as a paper to a board meeting,
    after which it is locked."""

    period_start = models.DateField()
    period_end = models.DateField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    paper = models.ForeignKey(Paper, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    attached_at = models.DateTimeField(null=True, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-pk"]

    def __str__(self):
        return self.title


class CdopReport(TimeStamped):
    """The Child Death Overview Panel's annual report, received by the partners through the JCR
    (seed 001 s.16.3; seed 003 item 2b): its themes and its recommendations, each routed into the
    JCR action log."""

    year_label = models.CharField("reporting year", max_length=20, help_text="“2025-26”.")
    received_on = models.DateField()
    summary = models.TextField(blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="cdop_reports")
    file = models.FileField(upload_to="reviews/cdop/%Y/", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"CDOP annual report {self.year_label}"

    def get_absolute_url(self):
        return reverse("reviews:cdop_detail", args=[self.pk])


class CdopRecommendation(TimeStamped):
    report = models.ForeignKey(CdopReport, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    action = models.OneToOneField(Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reviews_cdop_recommendation_number")
        ]

    def __str__(self):
        return f"{self.report}, recommendation {self.number}"
