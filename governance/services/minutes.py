"""Decisions, their ratification, and minutes from draft to approved and published.

Minutes go draft → circulated to members → approved at a later meeting of the
group under its "minutes of the previous meeting" item, as an accurate record
or with amendments (seed 003, item 1) → published. Approved minutes are never
edited silently: every later change is a new, attributed amendment.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from governance import notifications as messages
from governance.models import (
    AgendaItem,
    Decision,
    Meeting,
    MeetingStatus,
    Membership,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    Person,
    StandingItem,
)
from governance.selectors.meetings import item_quoracy
from governance.services.agenda import agenda_ratification_item_ensure, group_next_meeting
from notifications.services import notify

LOCKED_MESSAGE = "Approved minutes cannot be edited; record an amendment."


@dataclass(frozen=True)
class AmendmentRequest:
    """One change asked for when the minutes are approved: the item, its new wording, who asked."""

    agenda_item: AgendaItem
    new_text: str
    requested_by: Person


def _minutes_url(meeting: Meeting) -> str:
    return reverse("governance:minutes_detail", args=[meeting.pk])


def _locked_minutes(meeting: Meeting) -> Minutes | None:
    """The meeting's minutes, locked for the rest of the transaction (None if not started)."""
    return Minutes.objects.select_for_update().filter(meeting=meeting).first()


def _locked_started_minutes(meeting: Meeting) -> Minutes:
    """The minutes that minutes_start() has just made sure of, locked likewise."""
    return Minutes.objects.select_for_update().get(meeting=meeting)


# Decisions ------------------------------------------------------------------


@transaction.atomic
def decision_record(
    *, agenda_item: AgendaItem, text: str, key_decision: bool = True, recorded_by
) -> Decision:
    """Record a decision at an item, judging quoracy at that item from the attendance.

    Key decisions need all three statutory partners (arrangements s.8). Any decision
    taken while inquorate is recorded as such and needs ratification at a later
    quorate meeting; `key_decision` is kept for the record.
    """
    meeting = agenda_item.meeting
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write down the decision."})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("Decisions cannot be recorded at a cancelled meeting.")
    minutes = _locked_minutes(meeting)
    if minutes is not None and minutes.is_locked:
        raise ValidationError(
            "The minutes of this meeting are approved, so no decision can be added to them now."
        )
    quoracy = item_quoracy(meeting=meeting, item=agenda_item)
    decision = Decision(
        agenda_item=agenda_item,
        text=text,
        key_decision=key_decision,
        taken_quorate=quoracy.quorate,
        missing_partners=", ".join(quoracy.missing_names),
        needs_ratification=not quoracy.quorate,
        recorded_by=recorded_by,
    )
    decision.full_clean()
    decision.save()
    if decision.needs_ratification:
        # It goes on the agenda of the group's next meeting, under "decisions for ratification".
        next_meeting = group_next_meeting(group=meeting.group, after=meeting.starts_at)
        if next_meeting is not None:
            agenda_ratification_item_ensure(meeting=next_meeting)
    return decision


@transaction.atomic
def decision_ratify(*, decision: Decision, at_item: AgendaItem, ratified_by) -> Decision:
    """Ratify an inquorate decision at a later, quorate meeting of the same group."""
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("agenda_item__meeting")
        .get(pk=decision.pk)
    )
    taken_at = decision.agenda_item.meeting
    meeting = at_item.meeting
    if not decision.needs_ratification:
        raise ValidationError("This decision was taken quorate; it does not need ratification.")
    if decision.ratified_on is not None:
        raise ValidationError(f"This decision was already ratified on {decision.ratified_on:%-d %b %Y}.")
    if meeting.group_id != taken_at.group_id:
        raise ValidationError("A decision is ratified only by the group that took it.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("A decision cannot be ratified at a cancelled meeting.")
    if meeting.starts_at <= taken_at.starts_at:
        raise ValidationError(
            f"A decision is ratified at a later meeting than the one that took it ({taken_at})."
        )
    quoracy = item_quoracy(meeting=meeting, item=at_item)
    if not quoracy.quorate:
        raise ValidationError(f"This item was not quorate, so it cannot ratify a decision: {quoracy}.")
    decision.ratified_at_item = at_item
    decision.ratified_on = meeting.local_date
    decision._history_user = ratified_by  # who ratified it, kept in the decision's history
    decision.full_clean()
    decision.save()
    return decision


# Minutes --------------------------------------------------------------------


@transaction.atomic
def minutes_start(*, meeting: Meeting) -> Minutes:
    """The meeting's minutes, started as a draft if there were none yet."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("A cancelled meeting has no minutes.")
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def _check_editable(minutes: Minutes) -> None:
    if minutes.is_locked:
        raise ValidationError(LOCKED_MESSAGE)


def _write_discussion(item: AgendaItem, discussion: str) -> AgendaItem:
    discussion = (discussion or "").strip()
    if item.discussion != discussion:
        item.discussion = discussion
        item.save(update_fields=["discussion", "updated_at"])
    return item


@transaction.atomic
def minutes_update_item(*, item: AgendaItem, discussion: str) -> AgendaItem:
    """Write the minutes of one agenda item (its discussion) while the minutes are a draft or circulated."""
    minutes_start(meeting=item.meeting)
    _check_editable(_locked_started_minutes(item.meeting))
    return _write_discussion(item, discussion)


@transaction.atomic
def minutes_update_items(*, meeting: Meeting, discussions: Mapping[AgendaItem, str]) -> Minutes:
    """Write the discussion of several items of one meeting at once (the minutes editor)."""
    minutes_start(meeting=meeting)
    minutes = _locked_started_minutes(meeting)
    _check_editable(minutes)
    for item, discussion in discussions.items():
        if item.meeting_id != meeting.pk:
            raise ValidationError(f"Item {item.number} is not on the agenda of {meeting}.")
        _write_discussion(item, discussion)
    return minutes


@transaction.atomic
def minutes_circulate(
    *, minutes: Minutes, circulated_by=None, now: datetime.datetime | None = None
) -> Minutes:
    """Send the draft minutes to the group's current members; circulating again after changes is allowed.

    They are circulated `now` (default the clock), which must be after the meeting began."""
    minutes = (
        Minutes.objects.select_for_update(of=("self",)).select_related("meeting__group").get(pk=minutes.pk)
    )
    meeting = minutes.meeting
    if minutes.is_locked:
        raise ValidationError("These minutes are approved; they are not circulated again.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("A cancelled meeting has no minutes to circulate.")
    now = now or timezone.now()
    if meeting.starts_at > now:
        raise ValidationError("Minutes are circulated after the meeting has taken place.")
    minutes.status = MinutesStatus.CIRCULATED
    minutes.circulated_at = now
    minutes._history_user = circulated_by
    minutes.save()
    members = [
        membership.person
        for membership in Membership.objects.current(timezone.localdate(now))
        .filter(group=meeting.group)
        .select_related("person")
    ]
    notify(
        messages.minutes_circulated(
            minutes=minutes,
            meeting=meeting,
            recipients=members,
            url=_minutes_url(meeting),
            occasion=now.isoformat(),
        )
    )
    return minutes


def _check_approving_item(*, minutes: Minutes, at_item: AgendaItem) -> None:
    recorded = minutes.meeting
    meeting = at_item.meeting
    if meeting.pk == recorded.pk:
        raise ValidationError("Minutes cannot be approved at the meeting they record.")
    if meeting.group_id != recorded.group_id:
        raise ValidationError("Minutes are approved at a meeting of the same group.")
    if meeting.starts_at <= recorded.starts_at:
        raise ValidationError("Minutes are approved at a later meeting than the one they record.")
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            f"Minutes are approved at a meeting that has been held; {meeting} is "
            f"{meeting.get_status_display().lower()}."
        )
    if at_item.standing_item != StandingItem.PREVIOUS_MINUTES:
        raise ValidationError(
            f"Minutes are approved under the item '{StandingItem.PREVIOUS_MINUTES.label}', "
            f"not under item {at_item.number}."
        )


def _amend(
    *,
    minutes: Minutes,
    change: AmendmentRequest,
    at_item: AgendaItem | None,
    recorded_by,
    now: datetime.datetime | None = None,
):
    item = AgendaItem.objects.select_for_update().get(pk=change.agenda_item.pk)
    if item.meeting_id != minutes.meeting_id:
        raise ValidationError(f"Item {item.number} is not part of {minutes}.")
    new_text = (change.new_text or "").strip()
    if not new_text:
        raise ValidationError(f"Give the new wording for item {item.number}.")
    if new_text == item.discussion:
        raise ValidationError(f"The new wording for item {item.number} is what the minutes already say.")
    if change.requested_by is None:
        raise ValidationError(f"Say who asked for the amendment to item {item.number}.")
    amendment = MinutesAmendment(
        minutes=minutes,
        agenda_item=item,
        original_text=item.discussion,
        new_text=new_text,
        requested_by=change.requested_by,
        recorded_by=recorded_by,
        made_at_item=at_item,
    )
    amendment.full_clean()
    amendment.save()
    if now is not None:  # the date the minutes show against the amendment; it fills itself from the clock
        MinutesAmendment.objects.filter(pk=amendment.pk).update(created_at=now, updated_at=now)
        amendment.created_at = amendment.updated_at = now
    item.discussion = new_text
    item.save(update_fields=["discussion", "updated_at"])
    change.agenda_item.discussion = new_text
    return amendment


@transaction.atomic
def minutes_approve(
    *,
    minutes: Minutes,
    at_item: AgendaItem,
    amendments: Iterable[AmendmentRequest | Mapping] = (),
    approved_by,
    now: datetime.datetime | None = None,
) -> Minutes:
    """Approve the minutes at a later, held meeting under its "minutes of the previous meeting" item.

    With no amendments they are approved as an accurate record; each amendment
    (an AmendmentRequest, or a dict with agenda_item, new_text and requested_by)
    keeps the original and the new wording and who asked for it, dated `now`
    (default the clock).
    """
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if minutes.is_locked:
        raise ValidationError(f"These minutes were already approved on {minutes.approved_on:%-d %b %Y}.")
    if minutes.status != MinutesStatus.CIRCULATED:
        raise ValidationError("Circulate the draft minutes to members before they are approved.")
    _check_approving_item(minutes=minutes, at_item=at_item)
    for change in amendments:
        if isinstance(change, Mapping):
            change = AmendmentRequest(**change)
        _amend(minutes=minutes, change=change, at_item=at_item, recorded_by=approved_by, now=now)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at_item = at_item
    minutes.approved_on = at_item.meeting.local_date
    minutes._history_user = approved_by
    minutes.full_clean()
    minutes.save()
    return minutes


@transaction.atomic
def minutes_amend(
    *,
    minutes: Minutes,
    agenda_item: AgendaItem,
    new_text: str,
    requested_by: Person,
    recorded_by,
    at_item: AgendaItem | None = None,
    now: datetime.datetime | None = None,
) -> MinutesAmendment:
    """A further change to approved minutes: recorded with its author, never a silent edit.

    `at_item` is where it was agreed, if at a meeting: a later meeting of the same group.
    It is dated `now` (default the clock).
    """
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if not minutes.is_locked:
        raise ValidationError("These minutes are not approved yet; change the draft instead.")
    if at_item is not None:
        if at_item.meeting.group_id != minutes.meeting.group_id:
            raise ValidationError("An amendment is agreed at a meeting of the same group.")
        if at_item.meeting.starts_at <= minutes.meeting.starts_at:
            raise ValidationError(
                "An amendment is agreed at a later meeting than the one the minutes record."
            )
    change = AmendmentRequest(agenda_item=agenda_item, new_text=new_text, requested_by=requested_by)
    return _amend(minutes=minutes, change=change, at_item=at_item, recorded_by=recorded_by, now=now)


@transaction.atomic
def minutes_publish(*, minutes: Minutes, published_by=None, now: datetime.datetime | None = None) -> Minutes:
    """Publish approved minutes `now` (default the clock); the published version leaves out
    confidential items."""
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if not minutes.is_locked:
        raise ValidationError("Only approved minutes are published.")
    if minutes.published_at is not None:
        raise ValidationError(
            f"These minutes were already published on {timezone.localtime(minutes.published_at):%-d %b %Y}."
        )
    minutes.published_at = now or timezone.now()
    minutes._history_user = published_by
    minutes.save()
    return minutes
