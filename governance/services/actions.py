"""Every change to the action log goes through these functions.

Numbers are taken from the group's `ActionNumberSequence` row, locked for the
rest of the transaction, so two people saving at once get different numbers and
a number is never reused (actions are never deleted; the sequence only grows).

Other apps (audits, case reviews, the business plan) attach their actions with
`action_record_for_source`: the link is a generic relation plus a label, so
governance never imports them.
"""

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from governance import action_rules
from governance import notifications as messages
from governance.models import (
    CHAIRING_ROLES,
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    Action,
    ActionHandover,
    ActionNumberSequence,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    Agency,
    AgendaItem,
    Group,
    Meeting,
    Membership,
    Person,
)
from governance.services.common import check_record_open
from notifications.services import notify

NUMBER_ATTEMPTS = 5


def action_number_take(*, group: Group) -> int:
    """The group's next action number, with its sequence row locked until the transaction ends.

    The first action of a group creates the row; when two transactions race to
    create it, the loser's insert fails on the primary key and it retries, then
    waits on the winner's lock like everyone else.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("action_number_take must run inside a transaction.")
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            with transaction.atomic():  # a savepoint: a failed insert leaves the outer transaction usable
                sequence, _ = ActionNumberSequence.objects.select_for_update().get_or_create(
                    group=group, defaults={"last_number": _highest_number_used(group)}
                )
            break
        except IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def _highest_number_used(group: Group) -> int:
    # Actions loaded without the sequence (imports, fixtures) must not have their numbers reused.
    return Action.objects.filter(group=group).aggregate(highest=Max("number"))["highest"] or 0


def _next_meeting_date(*, group: Group, after: datetime.date) -> datetime.date | None:
    starts = (
        Meeting.objects.not_cancelled()
        .filter(group=group, starts_at__date__gt=after)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)[:1]
    )
    return action_rules.next_meeting_date((timezone.localdate(s) for s in starts), after=after)


def _resolve_due_date(
    *,
    group: Group,
    due_date: datetime.date | None,
    due_by_next_meeting: bool,
    after: datetime.date,
) -> datetime.date | None:
    if not due_by_next_meeting:
        return due_date
    if due_date is not None:
        raise ValidationError({"due_date": "Give either a due date or 'by the next meeting', not both."})
    resolved = _next_meeting_date(group=group, after=after)
    if resolved is None:
        raise ValidationError(
            {
                "due_by_next_meeting": (
                    f"No meeting of {group.label} is scheduled after {after:%-d %b %Y}, so "
                    "'by the next meeting' has no date. Schedule the next meeting or give a due date."
                )
            }
        )
    return resolved


def _dated(row: Action | ActionUpdate | ActionHandover, now: datetime.datetime | None) -> None:
    """Date a row just written at `now` when the caller gives it (an import, the demo's year):
    `created_at`, the date the log and the trail show, fills itself from the clock on save."""
    if now is not None:
        type(row)._base_manager.filter(pk=row.pk).update(created_at=now, updated_at=now)
        row.created_at = row.updated_at = now


def _person_of(user) -> Person | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except Person.DoesNotExist:
        return None


def group_chairs(*, group: Group, today: datetime.date) -> list[Person]:
    """Who chairs the group on `today`: told of a hand-over to it, and of the actions it owns."""
    return list(
        Person.objects.filter(
            pk__in=Membership.objects.current(today)
            .filter(group=group, role__in=CHAIRING_ROLES)
            .values("person_id")
        ).order_by("name")
    )


def _notify_owners(*, action: Action, owners: Iterable[Person], by_user, occasion: str) -> None:
    author = _person_of(by_user)
    unique = {person.pk: person for person in owners}.values()
    recipients = [person for person in unique if author is None or person.pk != author.pk]
    notify(messages.action_assigned(action=action, recipients=recipients, occasion=occasion))


@transaction.atomic
def action_record(
    *,
    group: Group,
    description: str,
    owners: Iterable[Person],
    recorded_by,
    owner_group: Group | None = None,
    title: str = "",
    lead_agency: Agency | None = None,
    due_date: datetime.date | None = None,
    due_by_next_meeting: bool = False,
    origin_item: AgendaItem | None = None,
    origin_meeting: Meeting | None = None,
    source: str | None = None,
    source_object=None,
    source_label: str = "",
    reference: str = "",
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Action:
    """Record an action in a group's log with the group's next number.

    From a meeting, the reference is built from the meeting date and the item
    number ('23.10.19 ref 4.1'), and the meeting is the action's source.
    `now` (default the clock) is when it was recorded; `today` defaults to its date.
    """
    today = today or timezone.localdate(now)
    owners = list(owners)
    if origin_item is not None:
        origin_meeting = origin_item.meeting
    if origin_meeting is not None:
        if origin_meeting.group_id != group.pk:
            raise ValidationError(
                "An action agreed at a meeting goes in that meeting's group's log; "
                "hand it over to another group once recorded."
            )
        check_record_open(origin_meeting, "recording an action agreed at it")
        meeting_date = origin_meeting.local_date
        reference = reference or action_rules.format_reference(
            meeting_date, origin_item.number if origin_item else None
        )
        if source_object is None:
            source_object = origin_meeting
            source_label = source_label or (
                f"{origin_meeting}, item {origin_item.number}" if origin_item else str(origin_meeting)
            )
        source = source or ActionSource.MEETING
        after = meeting_date
    else:
        after = today
    if not owners and owner_group is None:
        raise ValidationError({"owners": "Name at least one owner: a person or a group."})
    if owner_group is not None and not owner_group.active:
        raise ValidationError(
            {"owner_group": f"{owner_group.name} is no longer active: it cannot own actions."}
        )

    action = Action(
        group=group,
        reference=reference,
        origin_meeting=origin_meeting,
        origin_item=origin_item,
        source=source or ActionSource.GROUP,
        source_label=source_label,
        title=title.strip(),
        description=description.strip(),
        lead_agency=lead_agency,
        owner_group=owner_group,
        due_date=_resolve_due_date(
            group=group, due_date=due_date, due_by_next_meeting=due_by_next_meeting, after=after
        ),
        due_by_next_meeting=due_by_next_meeting,
        status=ActionStatus.OPEN,
        created_by=recorded_by if getattr(recorded_by, "pk", None) else None,
    )
    if source_object is not None:
        if source_object.pk is None:
            raise ValidationError("The source of an action must be saved before actions are linked to it.")
        action.source_content_type = ContentType.objects.get_for_model(source_object)
        action.source_object_id = source_object.pk
    action.original_due_date = action.due_date
    action.number = 0  # placeholder so validation runs before a number is taken
    # created_by may be empty: other apps' tasks record actions without a user.
    action.full_clean(exclude=["number", "created_by"], validate_unique=False)
    action.number = action_number_take(group=group)
    action.save()
    _dated(action, now)
    action.owners.set(owners)
    told = [*owners, *(group_chairs(group=owner_group, today=today) if owner_group else [])]
    _notify_owners(action=action, owners=told, by_user=recorded_by, occasion="recorded")
    return action


def action_record_for_source(
    *,
    source_object,
    source_kind: str,
    label: str,
    group: Group,
    description: str,
    owners: Iterable[Person],
    recorded_by,
    **details,
) -> Action:
    """Record an action that came out of something outside the meeting cycle.

    `source_object` is any saved model instance (an audit, a case review, a
    business plan line); `source_kind` is an `ActionSource` value; `label` is
    what the log shows ('Neglect audit 2024, recommendation 3'). The link back
    uses `source_object.get_absolute_url()` when it has one.
    """
    if source_kind not in ActionSource.values:
        raise ValidationError(f"Unknown action source '{source_kind}'.")
    if not label.strip():
        raise ValidationError("Give the source a label, as the action log will show it.")
    return action_record(
        group=group,
        description=description,
        owners=owners,
        recorded_by=recorded_by,
        source=source_kind,
        source_object=source_object,
        source_label=label.strip(),
        **details,
    )


def _locked(action: Action) -> Action:
    """The action re-read with its row locked, so two updates cannot both complete it."""
    locked = Action.objects.select_for_update().select_related("group").get(pk=action.pk)
    return locked


@transaction.atomic
def action_update(
    *,
    action: Action,
    author,
    text: str = "",
    new_status: str = "",
    revised_due_date: datetime.date | None = None,
    revision_reason: str = "",
    reviewed_at_meeting: Meeting | None = None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> ActionUpdate:
    """Post a dated update; optionally change the status or revise the due date.

    Completing needs a completion note (the update's text). A revised due date
    needs a reason and keeps the original due date visible. The update is dated
    `now` (default the clock); `today`, the day it is completed on, defaults to its date.
    """
    today = today or timezone.localdate(now)
    text = text.strip()
    revision_reason = revision_reason.strip()
    current = _locked(action)
    errors: dict[str, str] = {}

    if new_status and new_status not in ActionStatus.values:
        errors["new_status"] = "Choose a status from the list."
    if new_status == current.status and new_status != ActionStatus.COMPLETED:
        new_status = ""  # choosing the status it already has is not a change
    if new_status == ActionStatus.COMPLETED:
        if current.status in FINISHED_STATUSES:
            finished = f" on {current.completed_on:%-d %b %Y}" if current.completed_on else ""
            errors["new_status"] = (
                f"This action was already {current.get_status_display().lower()}{finished}; "
                "it cannot be completed again."
            )
        elif not text:
            errors["text"] = "Completing an action needs a completion note: say what was done."
    if revised_due_date is not None:
        if not revision_reason:
            errors["revision_reason"] = "Give a reason for revising the due date."
        elif revised_due_date == current.due_date:
            errors["revised_due_date"] = "That is already the due date."
        elif current.status in FINISHED_STATUSES and new_status not in OUTSTANDING_STATUSES:
            errors["revised_due_date"] = "A finished action has no due date to revise; reopen it first."
    elif revision_reason:
        errors["revised_due_date"] = "Give the revised due date, or leave the reason blank."
    if not (text or new_status or revised_due_date):
        errors["text"] = "Write an update, or change the status or the due date."
    if reviewed_at_meeting is not None:
        if reviewed_at_meeting.group_id != current.group_id:
            errors["reviewed_at_meeting"] = (
                "Actions are reviewed at a meeting of the group whose log holds them."
            )
        elif reviewed_at_meeting.is_cancelled:
            errors["reviewed_at_meeting"] = "This meeting was cancelled: no actions were reviewed at it."
        elif (recorded_on := timezone.localdate(current.created_at)) > reviewed_at_meeting.local_date:
            errors["reviewed_at_meeting"] = (
                f"Action {current.number} was recorded on {recorded_on:%-d %b %Y}, "
                f"after {reviewed_at_meeting}: it was not reviewed at that meeting."
            )
        else:
            check_record_open(reviewed_at_meeting, "posting updates through its action log review")
    if errors:
        raise ValidationError(errors)

    update = ActionUpdate(
        action=current,
        author=author if getattr(author, "pk", None) else None,
        author_person=_person_of(author),
        text=text or _describe_change(new_status, revised_due_date, revision_reason),
        new_status=new_status,
        reviewed_at_meeting=reviewed_at_meeting,
    )
    changed = []
    if revised_due_date is not None:
        update.previous_due_date = current.due_date
        update.revised_due_date = revised_due_date
        update.revision_reason = revision_reason
        if current.original_due_date is None:
            current.original_due_date = current.due_date
        current.due_date = revised_due_date
        current.due_by_next_meeting = False
        changed += ["original_due_date", "due_date", "due_by_next_meeting"]
    if new_status:
        if new_status in FINISHED_STATUSES:
            current.completed_on = today
        else:
            current.completed_on = None
        if new_status == ActionStatus.COMPLETED:
            current.completion_note = text
        current.status = new_status
        changed += ["status", "completed_on", "completion_note"]
    update.full_clean(exclude=["author"])
    update.save()
    _dated(update, now)
    if changed:
        current.full_clean(exclude=["created_by"])
        current.save(update_fields=[*changed, "updated_at"])
    else:
        current.save(update_fields=["updated_at"])
    # Keep the caller's instance in step with what was written.
    for field in ("status", "due_date", "original_due_date", "completed_on", "completion_note"):
        setattr(action, field, getattr(current, field))
    return update


def _describe_change(new_status: str, revised_due_date: datetime.date | None, reason: str) -> str:
    parts = []
    if new_status:
        parts.append(f"Status changed to {ActionStatus(new_status).label.lower()}.")
    if revised_due_date is not None:
        parts.append(f"Deadline revised to {revised_due_date:%-d %b %Y}: {reason}")
    return " ".join(parts)


@transaction.atomic
def action_hand_over(
    *, action: Action, to_group: Group, handed_by, note: str = "", now: datetime.datetime | None = None
) -> ActionHandover:
    """Pass an action to another group's log ('CB to pass to Chair of Strategic Group').

    It takes the receiving group's next number and keeps its reference, its
    owners and its whole trail of updates. It is dated `now` (default the clock).
    """
    current = _locked(action)
    if to_group.pk == current.group_id:
        raise ValidationError({"to_group": "The action is already in this group's log."})
    if not to_group.active:
        raise ValidationError({"to_group": "Actions can only be handed to an active group."})
    if current.status in FINISHED_STATUSES:
        raise ValidationError(f"A {current.get_status_display().lower()} action cannot be handed over.")
    from_group = current.group
    from_number = current.number
    to_number = action_number_take(group=to_group)
    handover = ActionHandover(
        action=current,
        from_group=from_group,
        from_number=from_number,
        to_group=to_group,
        to_number=to_number,
        note=note.strip(),
        handed_by=handed_by if getattr(handed_by, "pk", None) else None,
    )
    handover.full_clean(exclude=["handed_by"])
    handover.save()
    _dated(handover, now)
    current.group = to_group
    current.number = to_number
    current.save(update_fields=["group", "number", "updated_at"])
    trail = ActionUpdate.objects.create(
        action=current,
        author=handover.handed_by,
        author_person=_person_of(handed_by),
        text=(
            f"Handed from {from_group.label} (action {from_number}) to {to_group.label} "
            f"as action {to_number}." + (f" {handover.note}" if handover.note else "")
        ),
    )
    _dated(trail, now)
    action.group, action.number = to_group, to_number
    chairs = group_chairs(group=to_group, today=timezone.localdate(now))
    notify(
        messages.action_handed_over(
            action=current,
            from_group=from_group,
            to_group=to_group,
            to_number=to_number,
            note=handover.note,
            handover_pk=handover.pk,
            recipients=chairs,
        )
    )
    return handover
