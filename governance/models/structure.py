"""The partnership's structure: agencies, people, groups and memberships."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.choices import (
    CHAIRING_ROLES,
    ROLE_ORDER,
    AgendaSubNumbering,
    GroupKind,
    LogReaders,
    MeetingFrequency,
    MembershipRole,
    QuorumCounting,
    QuorumRule,
    SafeguardingPartnerRole,
    Sector,
    StatutoryRole,
)

__all__ = [
    "CHAIRING_ROLES",
    "ROLE_ORDER",
    "Agency",
    "Group",
    "GroupKind",
    "LogReaders",
    "MeetingFrequency",
    "Membership",
    "MembershipRole",
    "Person",
    "QuorumCounting",
    "QuorumRule",
    "SafeguardingPartnerRole",
    "Sector",
    "StatutoryRole",
    "TimeStampedModel",
]


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Set on an instance before save() for django-simple-history to record: who, and why.
    _history_user: Any
    _change_reason: str

    class Meta:
        abstract = True


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def statutory_partners(self):
        return self.filter(statutory_role__isnull=False)


class Agency(TimeStampedModel):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    # NULL, not "", for "no role": the unique constraint then ignores every non-partner.
    statutory_role = models.CharField(  # noqa: DJ001
        max_length=20,
        choices=StatutoryRole.choices,
        null=True,
        blank=True,
        help_text="Only the three statutory partners have one; each role belongs to one agency.",
    )
    active = models.BooleanField(default=True)

    history = HistoricalRecords()
    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                fields=["statutory_role"],
                condition=Q(statutory_role__isnull=False),
                name="one_agency_per_statutory_role",
                violation_error_message="Another agency already holds this statutory partner role.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:agency_detail", args=[self.pk])

    @property
    def is_statutory_partner(self) -> bool:
        return bool(self.statutory_role)

    @property
    def label(self) -> str:
        return self.short_name or self.name


def derive_initials(name: str) -> str:
    """'Emma F. Kaur-Walsh' -> 'EFK': the first letter of each word of the name."""
    words = name.replace("-", " ").replace(".", " ").split()
    return "".join(word[0].upper() for word in words if word[0].isalpha())


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Person(TimeStampedModel):
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    initials_override = models.CharField(
        "initials",
        max_length=8,
        blank=True,
        help_text="Leave blank to use the initials of the name. The action log shows owners by initials.",
    )
    line_manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text="Told when this person misses a meeting without a valid reason.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    safeguarding_partner_role = models.CharField(
        max_length=20,
        choices=SafeguardingPartnerRole.choices,
        blank=True,
        help_text="Only in a statutory partner: the Lead Safeguarding Partner (chief executive or chief "
        "constable) or the Delegated Safeguarding Partner they named (arrangements s.1.3, s.3.2).",
    )
    active = models.BooleanField(default=True)

    history = HistoricalRecords()
    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "safeguarding_partner_role"],
                condition=Q(active=True) & ~Q(safeguarding_partner_role=""),
                name="one_safeguarding_partner_per_role_and_agency",
                violation_error_message="This agency already has an active person in this safeguarding "
                "partner role: clear theirs first.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:person_detail", args=[self.pk])

    @property
    def initials(self) -> str:
        return self.initials_override or derive_initials(self.name)

    def clean(self):
        super().clean()
        # Each of the three statutory partners names its own (s.3.2 "from their own organisation").
        if self.safeguarding_partner_role and self.agency_id and not self.agency.statutory_role:
            raise ValidationError(
                {
                    "safeguarding_partner_role": "Only people in one of the three statutory partners "
                    "(council, ICB, police) can be a Lead or Delegated Safeguarding Partner."
                }
            )


class GroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Group(TimeStampedModel):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=GroupKind.choices)
    reports_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="reporting_groups",
        help_text="The bodies this group reports to; the Joint Case Review group reports to three.",
    )
    remit = models.TextField("remit / terms of reference", blank=True)
    terms_of_reference_review_date = models.DateField(null=True, blank=True)
    meeting_frequency = models.CharField(
        max_length=20, choices=MeetingFrequency.choices, default=MeetingFrequency.QUARTERLY
    )
    paper_deadline_days = models.PositiveSmallIntegerField(
        default=7, help_text="Papers are due this many days before the meeting."
    )
    agenda_sub_numbering = models.CharField(
        "agenda sub-items numbered",
        max_length=10,
        choices=AgendaSubNumbering.choices,
        default=AgendaSubNumbering.DECIMAL,
        help_text="Sub-items of item 2 as 2.1, 2.2 or as 2a, 2b (this product's choice per group). "
        "Agendas already numbered keep their numbers.",
    )
    quorum_rule = models.CharField(
        max_length=30, choices=QuorumRule.choices, default=QuorumRule.ALL_STATUTORY_PARTNERS
    )
    quorum_counting = models.CharField(
        "who counts towards quoracy",
        max_length=30,
        choices=QuorumCounting.choices,
        blank=True,
        help_text="Blank: the partnership's default, set on the settings page.",
    )
    log_readers = models.CharField(
        "who may read the action log",
        max_length=20,
        choices=LogReaders.choices,
        default=LogReaders.MEMBERS_AND_BOARD,
        help_text="The secretariat reads every log. A need-to-know group's log (case names, case "
        "actions) is read only by its members.",
    )
    log_open_to_partners = models.BooleanField(
        "action log open to partner readers",
        default=False,
        help_text="Partner readers may read this group's action log. Never for a need-to-know group.",
    )
    active = models.BooleanField(default=True)

    history = HistoricalRecords(m2m_fields=[reports_to])
    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(log_readers="members_only", log_open_to_partners=True),
                name="need_to_know_log_not_open_to_partners",
                violation_error_message="A log read only by the group's members cannot be open to "
                "partner readers.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:group_detail", args=[self.pk])

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def terms_of_reference_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        review = self.terms_of_reference_review_date
        return review is not None and review < today


class MembershipQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None):
        """Memberships in force on `today`: started, and not yet ended.

        The end date is the day the membership stopped, so a membership ended
        today no longer counts.
        """
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today).filter(Q(end_date__isnull=True) | Q(end_date__gt=today))

    def past(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(end_date__lte=today)

    def chairing(self):
        return self.filter(role__in=CHAIRING_ROLES)


class Membership(TimeStampedModel):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices)
    deputy_for = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputies",
        help_text="For a deputy: the member they stand in for.",
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="The agency represented; the person's own agency unless stated.",
    )
    start_date = models.DateField()
    end_date = models.DateField(
        null=True, blank=True, help_text="The day the membership stopped; blank while current."
    )

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group", "person__name"]
        indexes = [models.Index(fields=["group", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
                violation_error_message="A membership cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(role="deputy") | Q(deputy_for__isnull=False),
                name="deputy_names_the_member",
                violation_error_message="A deputy must name the member they stand in for.",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.group}"

    def is_current(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date > today)

    @property
    def is_chairing(self) -> bool:
        return self.role in CHAIRING_ROLES
