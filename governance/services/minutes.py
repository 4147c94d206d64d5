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
from governance.choices import AmendmentKind
from governance.models import (
    AgendaItem,
    Attendance,
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
from governance.quoracy import Quoracy
from governance.selectors.meetings import item_quoracy
from governance.services.attendance import attendance_record, attendance_remove
from governance.services.decisions import decision_judge, ratification_item_ensure
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

    Key decisions need all three statutory partners (arrangements s.8): a key
    decision taken inquorate needs ratification at a later quorate meeting; any
    other decision taken inquorate is recorded as such but needs none
    (governance.decision_rules). The quoracy is judged again whenever the
    meeting's attendance changes, until its minutes are approved.
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
    return _decision_save(
        agenda_item=agenda_item,
        text=text,
        key_decision=key_decision,
        quoracy=item_quoracy(meeting=meeting, item=agenda_item),
        recorded_by=recorded_by,
    )


def _decision_save(
    *, agenda_item: AgendaItem, text: str, key_decision: bool, quoracy: Quoracy, recorded_by
) -> Decision:
    decision = Decision(
        agenda_item=agenda_item, text=text, key_decision=key_decision, recorded_by=recorded_by
    )
    decision_judge(decision, quoracy)
    decision.full_clean()
    decision.save()
    if decision.needs_ratification:
        # It goes on the agenda of the group's next meeting, under "decisions for ratification".
        ratification_item_ensure(meeting=agenda_item.meeting)
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
    reason: str = "",
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
    amendment = _amendment_save(
        MinutesAmendment(
            minutes=minutes,
            kind=AmendmentKind.ITEM,
            agenda_item=item,
            original_text=item.discussion,
            new_text=new_text,
            reason=reason,
            requested_by=change.requested_by,
            recorded_by=recorded_by,
            made_at_item=at_item,
        ),
        now=now,
    )
    item.discussion = new_text
    item.save(update_fields=["discussion", "updated_at"])
    change.agenda_item.discussion = new_text
    return amendment


def _amendment_save(amendment: MinutesAmendment, *, now: datetime.datetime | None) -> MinutesAmendment:
    amendment.full_clean()
    amendment.save()
    if now is not None:  # the date the minutes show against the amendment; it fills itself from the clock
        MinutesAmendment.objects.filter(pk=amendment.pk).update(created_at=now, updated_at=now)
        amendment.created_at = amendment.updated_at = now
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

    The approval is recorded as a key decision at `at_item`, judged quorate or not
    from the approving meeting's attendance at that item: approved inquorate, it
    needs ratification at a later quorate meeting like any other key decision
    (arrangements s.8), and the minutes say so.
    """
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if minutes.is_locked:
        raise ValidationError(f"These minutes were already approved on {minutes.approved_on:%-d %b %Y}.")
    if minutes.status != MinutesStatus.CIRCULATED:
        raise ValidationError("Circulate the draft minutes to members before they are approved.")
    _check_approving_item(minutes=minutes, at_item=at_item)
    made = 0
    for change in amendments:
        if isinstance(change, Mapping):
            change = AmendmentRequest(**change)
        _amend(minutes=minutes, change=change, at_item=at_item, recorded_by=approved_by, now=now)
        made += 1
    how = f"with {made} amendment{'s' if made != 1 else ''}" if made else "as an accurate record"
    approval = _decision_save(
        agenda_item=at_item,
        text=f"The minutes of the meeting of {minutes.meeting.local_date:%-d %B %Y} were approved {how}.",
        key_decision=True,
        quoracy=item_quoracy(meeting=at_item.meeting, item=at_item),
        recorded_by=approved_by,
    )
    if now is not None:  # dated with the approval, as the amendments are
        Decision.objects.filter(pk=approval.pk).update(created_at=now, updated_at=now)
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_at_item = at_item
    minutes.approved_on = at_item.meeting.local_date
    minutes.approval_decision = approval
    minutes._history_user = approved_by
    minutes.full_clean()
    minutes.save()
    return minutes


def approval_quoracy(*, at_item: AgendaItem) -> Quoracy:
    """Whether approving minutes at this item would be taken quorate (for the approval form's warning)."""
    return item_quoracy(meeting=at_item.meeting, item=at_item)


@transaction.atomic
def minutes_amend(
    *,
    minutes: Minutes,
    agenda_item: AgendaItem,
    new_text: str,
    requested_by: Person,
    recorded_by,
    reason: str,
    at_item: AgendaItem | None = None,
    now: datetime.datetime | None = None,
) -> MinutesAmendment:
    """A further change to approved minutes: recorded with who asked, who recorded it, when and
    why, never a silent edit.

    `at_item` is where it was agreed, if at a meeting: a later meeting of the same group.
    It is dated `now` (default the clock).
    """
    minutes = _approved_minutes_for_amendment(minutes=minutes, at_item=at_item, reason=reason)
    change = AmendmentRequest(agenda_item=agenda_item, new_text=new_text, requested_by=requested_by)
    return _amend(
        minutes=minutes,
        change=change,
        at_item=at_item,
        recorded_by=recorded_by,
        reason=reason.strip(),
        now=now,
    )


def _approved_minutes_for_amendment(*, minutes: Minutes, at_item: AgendaItem | None, reason: str) -> Minutes:
    """The approved minutes, locked; the checks every later amendment shares."""
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
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the approved minutes are being corrected."})
    return minutes


def _describe_attendance(row: Attendance | None) -> str:
    """One attendance line in words, as the amendment keeps it ("Apologies (annual leave; valid)")."""
    if row is None:
        return "Not on the attendance list"
    words = row.get_status_display()
    if row.deputy_for_id:
        words += f" for {row.deputy_for}"
    if row.status == "apologies":
        details = [row.apology_reason] if row.apology_reason else []
        if row.apology_valid is not None:
            details.append("valid reason" if row.apology_valid else "not a valid reason")
        if details:
            words += f" ({'; '.join(details)})"
    return words


@transaction.atomic
def minutes_amend_attendance(
    *,
    minutes: Minutes,
    person: Person,
    status: str,
    requested_by: Person,
    recorded_by,
    reason: str,
    deputy_for: Person | None = None,
    apology_reason: str = "",
    apology_valid: bool | None = None,
    at_item: AgendaItem | None = None,
    now: datetime.datetime | None = None,
) -> MinutesAmendment:
    """Correct one person's attendance in approved minutes, as a recorded amendment.

    An empty `status` takes them off the list (recorded in error). Arrival and
    departure items are kept while they still attended. The decisions keep the
    quoracy judged when the minutes were approved: the amendment records what
    changed, and the minutes show it.
    """
    minutes = _approved_minutes_for_amendment(minutes=minutes, at_item=at_item, reason=reason)
    if requested_by is None:
        raise ValidationError({"requested_by": "Say who asked for the correction."})
    meeting = minutes.meeting
    before_row = (
        Attendance.objects.filter(meeting=meeting, person=person).select_related("deputy_for").first()
    )
    before = _describe_attendance(before_row)
    if status:
        row = attendance_record(
            meeting=meeting,
            person=person,
            status=status,
            deputy_for=deputy_for,
            apology_reason=apology_reason,
            apology_valid=apology_valid,
            # Kept while they still attended: quoracy item by item depends on them.
            arrived_for_item=before_row.arrived_for_item if before_row else None,
            arrived_at=before_row.arrived_at if before_row else None,
            left_before_item=before_row.left_before_item if before_row else None,
            left_at=before_row.left_at if before_row else None,
            amending_approved_minutes=True,
        )
        after = _describe_attendance(Attendance.objects.select_related("deputy_for").get(pk=row.pk))
    else:
        if before_row is None:
            raise ValidationError({"status": f"{person} is not on the attendance list of {meeting}."})
        attendance_remove(meeting=meeting, person=person, amending_approved_minutes=True)
        after = _describe_attendance(None)
    if after == before:
        raise ValidationError({"status": f"The minutes already record {person} as: {before}."})
    return _amendment_save(
        MinutesAmendment(
            minutes=minutes,
            kind=AmendmentKind.ATTENDANCE,
            person=person,
            original_text=before,
            new_text=after,
            reason=reason.strip(),
            requested_by=requested_by,
            recorded_by=recorded_by,
            made_at_item=at_item,
        ),
        now=now,
    )


@transaction.atomic
def minutes_amend_decision(
    *,
    minutes: Minutes,
    decision: Decision,
    new_text: str,
    requested_by: Person,
    recorded_by,
    reason: str,
    at_item: AgendaItem | None = None,
    now: datetime.datetime | None = None,
) -> MinutesAmendment:
    """Correct the wording of a decision in approved minutes, as a recorded amendment."""
    minutes = _approved_minutes_for_amendment(minutes=minutes, at_item=at_item, reason=reason)
    decision = (
        Decision.objects.select_for_update(of=("self",)).select_related("agenda_item").get(pk=decision.pk)
    )
    if decision.agenda_item.meeting_id != minutes.meeting_id:
        raise ValidationError("That decision is not part of these minutes.")
    if requested_by is None:
        raise ValidationError({"requested_by": "Say who asked for the correction."})
    new_text = (new_text or "").strip()
    if not new_text:
        raise ValidationError({"new_text": "Give the decision's new wording."})
    if new_text == decision.text:
        raise ValidationError({"new_text": "That is what the minutes already record."})
    amendment = _amendment_save(
        MinutesAmendment(
            minutes=minutes,
            kind=AmendmentKind.DECISION,
            decision=decision,
            agenda_item=decision.agenda_item,
            original_text=decision.text,
            new_text=new_text,
            reason=reason.strip(),
            requested_by=requested_by,
            recorded_by=recorded_by,
            made_at_item=at_item,
        ),
        now=now,
    )
    decision.text = new_text
    decision._history_user = recorded_by
    decision.full_clean()
    decision.save(update_fields=["text", "updated_at"])
    return amendment


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
