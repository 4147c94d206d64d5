"""Escalations and challenge: a subgroup escalates an issue to the board; the board responds and
records the outcome (seed 000 MASH remit "escalate risk and issues"; arrangements s.7.2, s.24;
seed 002: escalate only issues of significant risk, keep a register and follow up).

An open escalation goes on the board's next agenda as a sub-item of "Messages to and from
partnership groups" (seed 003 item 5), through governance's agenda service, so governance knows
nothing of planning. The product's choice: the next meeting whose agenda is still a draft (an
agenda already published has gone out with its papers); one still open after that meeting is held
goes on the next one again.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from governance.models import (
    AgendaPurpose,
    Group,
    GroupKind,
    LogReaders,
    Meeting,
    MeetingStatus,
    StandingItem,
)
from governance.services.actions import group_chairs
from governance.services.agenda import agenda_item_add
from governance.services.common import save_validated
from notifications.services import notify
from planning import notifications as messages
from planning.choices import EscalationStatus
from planning.models import Escalation


def _check_board(to_group: Group) -> None:
    if to_group.kind != GroupKind.BOARD:
        raise ValidationError({"to_group": "Escalations go to the board."})


@transaction.atomic
def escalation_raise(
    *,
    from_group: Group,
    to_group: Group,
    title: str,
    why: str,
    risk: str,
    tried: str,
    raised_by,
    now: datetime.datetime | None = None,
) -> Escalation:
    """Record the escalation and put it on the board's next draft agenda (when there is one)."""
    now = now or timezone.now()
    _check_board(to_group)
    if from_group.pk == to_group.pk:
        raise ValidationError({"from_group": "The board does not escalate to itself."})
    escalation = Escalation(
        from_group=from_group,
        to_group=to_group,
        title=title.strip(),
        why=why.strip(),
        risk=risk.strip(),
        tried=tried.strip(),
        raised_by=raised_by,
        raised_on=timezone.localdate(now),
    )
    escalation._history_user = raised_by
    save_validated(escalation)
    escalation_place_on_agenda(escalation=escalation, now=now)
    notify(
        messages.escalation_raised(
            escalation, recipients=group_chairs(group=to_group, today=escalation.raised_on)
        )
    )
    return escalation


def board_next_draft_meeting(*, board: Group, now: datetime.datetime) -> Meeting | None:
    """The board's next scheduled meeting whose agenda is not yet published."""
    return (
        Meeting.objects.filter(
            group=board, status=MeetingStatus.SCHEDULED, starts_at__gt=now, agenda_published_at__isnull=True
        )
        .order_by("starts_at")
        .first()
    )


def agenda_title(escalation: Escalation) -> str:
    return f"Escalation from {escalation.from_group.label}: {escalation.title}"[:300]


@transaction.atomic
def escalation_place_on_agenda(*, escalation: Escalation, now: datetime.datetime | None = None):
    """Add the escalation to the board's next draft agenda; the agenda item, or None when the board
    has no such meeting yet (it is placed when one is scheduled: `escalations_place_open`)."""
    now = now or timezone.now()
    meeting = board_next_draft_meeting(board=escalation.to_group, now=now)
    if meeting is None:
        return None
    messages = meeting.agenda_items.filter(standing_item=StandingItem.MESSAGES, parent__isnull=True).first()
    item = agenda_item_add(
        meeting=meeting,
        title=agenda_title(escalation),
        parent=messages,
        purpose=AgendaPurpose.DECISION,
        # From a need-to-know group the item is confidential: partner readers do not see it.
        confidential=escalation.from_group.log_readers == LogReaders.MEMBERS_ONLY,
    )
    escalation.agenda_item = item
    escalation.save(update_fields=["agenda_item", "updated_at"])
    return item


def awaiting_agenda(*, to_group: Group):
    """Open escalations to the board not on a coming agenda: never placed, or placed at a meeting
    since held or cancelled while still open."""
    return Escalation.objects.filter(to_group=to_group, status=EscalationStatus.OPEN).filter(
        Q(agenda_item__isnull=True) | ~Q(agenda_item__meeting__status=MeetingStatus.SCHEDULED)
    )


@transaction.atomic
def escalations_place_open(*, to_group: Group, now: datetime.datetime | None = None) -> int:
    """Put every open escalation awaiting an agenda on the board's next draft agenda; how many."""
    now = now or timezone.now()
    if board_next_draft_meeting(board=to_group, now=now) is None:
        raise ValidationError(
            f"{to_group.name} has no coming meeting with a draft agenda: schedule one first."
        )
    placed = 0
    for escalation in (
        awaiting_agenda(to_group=to_group).select_related("from_group").order_by("raised_on", "pk")
    ):
        if escalation_place_on_agenda(escalation=escalation, now=now) is not None:
            placed += 1
    return placed


@transaction.atomic
def escalation_respond(
    *, escalation: Escalation, response: str, responded_on: datetime.date, responded_by
) -> Escalation:
    """Record the board's response; the escalation is then 'responded to' until its outcome is closed."""
    if escalation.status == EscalationStatus.CLOSED:
        raise ValidationError("This escalation is closed.")
    escalation.response = (response or "").strip()
    if not escalation.response:
        raise ValidationError({"response": "Record what the board said or decided."})
    if responded_on < escalation.raised_on:
        raise ValidationError({"responded_on": "The response cannot be dated before the escalation."})
    escalation.responded_on = responded_on
    escalation.status = EscalationStatus.RESPONDED
    escalation._history_user = responded_by
    save_validated(escalation)
    chairs = group_chairs(group=escalation.from_group, today=responded_on)
    notify(messages.escalation_responded(escalation, recipients=chairs))
    return escalation


@transaction.atomic
def escalation_close(
    *, escalation: Escalation, outcome: str, closed_on: datetime.date, closed_by
) -> Escalation:
    """Close with its outcome (what changed, or why nothing needs to)."""
    if escalation.status == EscalationStatus.CLOSED:
        raise ValidationError("This escalation is already closed.")
    escalation.outcome = (outcome or "").strip()
    if not escalation.outcome:
        raise ValidationError({"outcome": "Record the outcome before closing."})
    if closed_on < escalation.raised_on:
        raise ValidationError({"closed_on": "It cannot close before it was raised."})
    escalation.closed_on = closed_on
    escalation.status = EscalationStatus.CLOSED
    escalation._history_user = closed_by
    return save_validated(escalation)
