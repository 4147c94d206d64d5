"""Meetings: agenda items, papers, attendance, decisions and minutes."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.choices import (
    REPRESENTING_STATUSES,
    AgendaPurpose,
    AmendmentKind,
    AttendanceStatus,
    MeetingStatus,
    MinutesStatus,
    StandingItem,
)
from governance.models.structure import Agency, Group, Person, TimeStampedModel

if TYPE_CHECKING:
    from governance.quoracy import Quoracy

__all__ = [
    "REPRESENTING_STATUSES",
    "AgendaItem",
    "AgendaPurpose",
    "Attendance",
    "AttendanceStatus",
    "Decision",
    "Meeting",
    "MeetingStatus",
    "Minutes",
    "MinutesAmendment",
    "MinutesStatus",
    "Paper",
    "StandingItem",
]


class MeetingQuerySet(models.QuerySet):
    def not_cancelled(self):
        return self.exclude(status=MeetingStatus.CANCELLED)

    def upcoming(self, now=None):
        return self.not_cancelled().filter(starts_at__gte=now or timezone.now())


class Meeting(TimeStampedModel):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    location = models.CharField(max_length=200, blank=True)
    online_link = models.URLField(blank=True)
    chair = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings_chaired"
    )
    minute_taker = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings_minuted"
    )
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    cancellation_reason = models.TextField(blank=True)
    # Stored so reminder scans and the papers list query an index (house style 7);
    # recomputed by the services whenever the meeting moves.
    paper_deadline = models.DateTimeField()
    agenda_published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["group", "starts_at"]), models.Index(fields=["paper_deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
                violation_error_message="A meeting must end after it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.group.label} — {timezone.localtime(self.starts_at):%-d %b %Y}"

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", args=[self.pk])

    @property
    def local_date(self):
        return timezone.localtime(self.starts_at).date()

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="sub_items"
    )
    position = models.PositiveSmallIntegerField(help_text="Order among its siblings, from 1.")
    # The printed number ("4", "4.1"): stored because action references quote it
    # ("23.10.19 ref 4.1") and must not change when the agenda is later reordered.
    number = models.CharField(max_length=12, blank=True)  # blank: an unnumbered item (Welcome)
    # "0004.0001" for 4.1: sorts the tree in one ORDER BY; kept in step with number.
    sort_key = models.CharField(max_length=40, editable=False)
    title = models.CharField(max_length=300)
    presenter = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items_presented"
    )
    purpose = models.CharField(
        max_length=20, choices=AgendaPurpose.choices, default=AgendaPurpose.INFORMATION
    )
    minutes_allowed = models.PositiveSmallIntegerField(null=True, blank=True)
    confidential = models.BooleanField(default=False)
    standing_item = models.CharField(max_length=30, choices=StandingItem.choices, blank=True)
    # An item without a number, as seed 003's Welcome: it takes no number and the next item is 1.
    numbered = models.BooleanField(default=True)
    reporting_group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a 'messages to and from partnership groups' line: the group reporting.",
    )
    discussion = models.TextField(blank=True, help_text="The minutes of this item.")

    history = HistoricalRecords()

    # Not fields: set on fetched items by governance.selectors.meetings for the pages.
    quoracy: "Quoracy"
    is_first: bool
    is_last: bool

    class Meta:
        ordering = ["meeting", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "parent", "position"], name="one_agenda_item_per_position"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class Paper(TimeStampedModel):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="papers/%Y/%m/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    author = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="papers_written"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    # The day the paper actually reached the secretariat, when it was entered later (a past
    # meeting back-entered): it, not the upload, decides lateness (issue 10 point 11).
    received_on = models.DateField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    late_accepted_at = models.DateTimeField(null=True, blank=True)
    late_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    late_accepted_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda_item", "submitted_at"]

    def __str__(self):
        return self.title

    @property
    def in_pack(self) -> bool:
        """Late papers stay off the agenda pack unless the chair accepted them (seed 003, 2a)."""
        return not self.is_late or self.late_accepted_at is not None


class Attendance(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", help_text="The agency represented."
    )
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    is_member = models.BooleanField(default=True)
    deputy_for = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="deputised_attendance"
    )
    apology_reason = models.CharField(max_length=300, blank=True)
    apology_valid = models.BooleanField(null=True, blank=True)
    arrived_at = models.TimeField(null=True, blank=True, help_text="Only when they joined late.")
    left_at = models.TimeField(null=True, blank=True, help_text="Only when they left early.")
    # Quoracy is judged per item from these: the first item they were there for,
    # and the first item they missed after leaving.
    arrived_for_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    left_before_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person"),
            models.CheckConstraint(
                condition=~Q(status="deputy") | Q(deputy_for__isnull=False),
                name="attending_deputy_names_the_member",
                violation_error_message="A deputy must name the member they attend for.",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_status_display()}"


class Decision(TimeStampedModel):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    key_decision = models.BooleanField(default=True)
    taken_quorate = models.BooleanField(help_text="Judged when recorded, from attendance at that item.")
    missing_partners = models.CharField(max_length=200, blank=True)
    needs_ratification = models.BooleanField(default=False)
    ratified_at_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="ratified_decisions"
    )
    ratified_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["agenda_item", "created_at"]
        indexes = [models.Index(fields=["needs_ratification", "ratified_on"])]

    def __str__(self):
        return self.text[:80]


class Minutes(TimeStampedModel):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    circulated_at = models.DateTimeField(null=True, blank=True)
    approved_at_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="minutes_approved"
    )
    approved_on = models.DateField(null=True, blank=True)
    # The approval is a decision of the approving meeting, judged quorate or not like any
    # other: approved inquorate, it needs ratification (issue 10, point 3).
    approval_decision = models.OneToOneField(
        "Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="approval_of"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"Minutes of {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.status == MinutesStatus.APPROVED


class MinutesAmendment(TimeStampedModel):
    """A change to approved or approving minutes: never a silent edit (seed 003, item 1).

    It changes the minutes of an item (`agenda_item`), one person's attendance
    (`person`) or a decision's wording (`decision`); the original and new wording
    say what it was and what it became, `reason` why it was changed.
    """

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="amendments")
    kind = models.CharField(max_length=20, choices=AmendmentKind.choices, default=AmendmentKind.ITEM)
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="amendments"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="For an attendance correction: whose attendance.",
    )
    decision = models.ForeignKey(
        "Decision", on_delete=models.CASCADE, null=True, blank=True, related_name="amendments"
    )
    original_text = models.TextField()
    new_text = models.TextField()
    reason = models.TextField(blank=True, help_text="Why the approved record was corrected.")
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="amendments_made",
        help_text="The 'minutes of the previous meeting' item where it was agreed.",
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="item") & Q(agenda_item__isnull=False))
                | (Q(kind="attendance") & Q(person__isnull=False))
                | (Q(kind="decision") & Q(decision__isnull=False)),
                name="amendment_names_what_it_changes",
                violation_error_message="An amendment names the item, the person or the decision it changes.",
            ),
        ]

    def __str__(self):
        if self.kind == AmendmentKind.ATTENDANCE:
            what = f"the attendance of {self.person}"
        elif self.kind == AmendmentKind.DECISION:
            what = "a decision"
        else:
            what = str(self.agenda_item)
        return f"Amendment to {what} of {self.minutes.meeting}"
