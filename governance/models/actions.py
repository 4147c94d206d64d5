"""The action log: one log across meetings and every other source."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.choices import FINISHED_STATUSES, OUTSTANDING_STATUSES, ActionSource, ActionStatus
from governance.models.meetings import AgendaItem, Meeting
from governance.models.structure import Agency, Group, Person, TimeStampedModel

if TYPE_CHECKING:
    from governance.action_rules import LogPlace, RagMarker

__all__ = [
    "FINISHED_STATUSES",
    "OUTSTANDING_STATUSES",
    "Action",
    "ActionHandover",
    "ActionNumberSequence",
    "ActionSource",
    "ActionStatus",
    "ActionUpdate",
]


class ActionNumberSequence(models.Model):
    """The last action number used in a group's log, locked while the next is taken."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, primary_key=True, related_name="+")
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.group_id}: {self.last_number}"


class Action(TimeStampedModel):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="actions")
    number = models.PositiveIntegerField()
    # "23.10.19 ref 4.1": fixed when the action is agreed and kept through hand-overs.
    reference = models.CharField(max_length=60, blank=True)
    origin_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions_agreed"
    )
    origin_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions_agreed"
    )
    source = models.CharField(max_length=20, choices=ActionSource.choices, default=ActionSource.GROUP)
    source_content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_object = GenericForeignKey("source_content_type", "source_object_id")
    source_label = models.CharField(max_length=200, blank=True)
    title = models.CharField(
        max_length=200, blank=True, help_text="A short heading, e.g. 'Finance / Funding'."
    )
    description = models.TextField()
    owners = models.ManyToManyField(Person, related_name="actions_owned", blank=True)
    # "Key members of the D&P Group" (seed 003 action 19): a group owns the action with or
    # without named people; its reminders go to that group's chair (issue 10 point 12).
    owner_group = models.ForeignKey(
        Group, on_delete=models.PROTECT, null=True, blank=True, related_name="actions_owned_as_group"
    )
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True, db_index=True)
    original_due_date = models.DateField(null=True, blank=True)
    due_by_next_meeting = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    completion_note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords(m2m_fields=[owners])

    # Not fields: set on fetched actions by governance.selectors.actions (decorate() and the
    # prefetches) for the pages, exports and reminders.
    rag: "RagMarker"
    place: "LogPlace"
    owner_list: list[Person]
    initials: str
    owner_names: str
    trail: list["ActionUpdate"]
    reviewed_updates: list["ActionUpdate"]
    latest_update: "ActionUpdate | None"
    is_overdue: bool
    # Agreed at a confidential item the reader may not see (with_redaction, decorate).
    redacted: bool

    class Meta:
        ordering = ["group", "number"]
        indexes = [
            models.Index(fields=["group", "status", "due_date"]),
            models.Index(fields=["source_content_type", "source_object_id"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="action_number_unique_in_group"),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_on__isnull=False),
                name="completed_action_has_a_date",
            ),
        ]

    def __str__(self):
        return f"Action {self.number} ({self.group.label})"

    def get_absolute_url(self):
        return reverse("governance:action_detail", args=[self.pk])


class ActionUpdate(TimeStampedModel):
    """A dated entry in an action's trail; never edited once posted."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField()
    new_status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    previous_due_date = models.DateField(null=True, blank=True)
    revised_due_date = models.DateField(null=True, blank=True)
    revision_reason = models.TextField(blank=True)
    reviewed_at_meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_reviews"
    )

    class Meta:
        ordering = ["action", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revised_due_date__isnull=True) | ~Q(revision_reason=""),
                name="revised_due_date_has_a_reason",
                violation_error_message="A revised due date needs a reason.",
            ),
        ]

    def __str__(self):
        return f"Update to {self.action} on {self.created_at:%d/%m/%Y}"


class ActionHandover(TimeStampedModel):
    """An action passed to another group ('CB to pass to Chair of Strategic Group')."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="handovers")
    from_group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")
    from_number = models.PositiveIntegerField()
    to_group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="+")
    to_number = models.PositiveIntegerField()
    note = models.TextField(blank=True)
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["action", "created_at"]

    def __str__(self):
        return f"{self.from_group.label} {self.from_number} → {self.to_group.label} {self.to_number}"
