"""What the home page shows a user, by role, in a fixed number of queries per role.

Everyone with a role: their actions (overdue first), their next meetings and the papers they
owe. The secretariat (and admins): meetings needing an agenda, papers missing, minutes not
circulated, actions overdue by group and reminders that failed. Chairs: their groups' action
plan summary.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from governance import action_rules
from governance.choices import PAPERLESS_STANDING_ITEMS
from governance.models import (
    OUTSTANDING_STATUSES,
    ActionSource,
    ActionStatus,
    AgendaItem,
    Group,
    Meeting,
    MeetingStatus,
    MinutesStatus,
    Paper,
    Person,
)
from governance.permissions import chaired_group_ids, is_staff_of_partnership
from governance.selectors import structure as governance_selectors
from governance.selectors.actions import actions_visible_to_user, decorate, my_actions
from governance.selectors.meetings import meetings_for_list, upcoming_meetings_for_person
from notifications.models import Notification, NotificationState
from planning.choices import EscalationStatus
from planning.models import Escalation
from planning.selectors import escalation_list

ACTIONS_SHOWN = 8
MEETINGS_SHOWN = 6
PAPERS_SHOWN = 8
STAFF_ROWS_SHOWN = 8
# How far ahead the secretariat is told of meetings without a published agenda or with papers
# missing, and how far back of minutes not circulated (the product's own windows).
AGENDA_HORIZON = datetime.timedelta(days=28)
MINUTES_LOOKBACK = datetime.timedelta(days=90)


def _items_without_a_paper():
    """Agenda items that should carry a paper and have none (as governance's paper reminders)."""
    return AgendaItem.objects.exclude(standing_item__in=PAPERLESS_STANDING_ITEMS).exclude(
        Exists(Paper.objects.filter(agenda_item=OuterRef("pk")))
    )


def papers_owed_by(*, person: Person, now: datetime.datetime) -> list[AgendaItem]:
    """Items the person presents at scheduled meetings still to come that have no paper yet,
    soonest paper deadline first (one query)."""
    return list(
        _items_without_a_paper()
        .filter(presenter=person, meeting__status=MeetingStatus.SCHEDULED, meeting__starts_at__gte=now)
        .select_related("meeting__group")
        .order_by("meeting__paper_deadline", "sort_key")[:PAPERS_SHOWN]
    )


@dataclass
class SecretariatPanel:
    meetings_needing_agenda: list[Meeting]
    meetings_missing_papers: list[Meeting]
    minutes_not_circulated: list[Meeting]
    overdue_by_group: list[dict]
    failed_reminders: list[Notification]
    failed_count: int


def secretariat_panel(*, now: datetime.datetime, today: datetime.date, user) -> SecretariatPanel:
    """The partnership team's work list, in six queries whatever the size."""
    soon = Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED, starts_at__gte=now, starts_at__lt=now + AGENDA_HORIZON
    ).select_related("group")
    missing = (
        _items_without_a_paper()
        .filter(meeting_id=OuterRef("pk"))
        .order_by()
        .values("meeting_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    minutes_due = (
        Meeting.objects.filter(starts_at__lt=now, starts_at__gte=now - MINUTES_LOOKBACK)
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(Q(minutes__isnull=True) | Q(minutes__status=MinutesStatus.DRAFT))
        .select_related("group")
        .order_by("starts_at")
    )
    overdue = (
        actions_visible_to_user(user)
        .filter(status__in=OUTSTANDING_STATUSES, due_date__lt=today)
        .order_by()
        .values("group_id", "group__name")
        .annotate(overdue=Count("pk"))
        .order_by("-overdue", "group__name")
    )
    failed = Notification.objects.filter(state=NotificationState.FAILED)
    return SecretariatPanel(
        meetings_needing_agenda=list(soon.filter(agenda_published_at__isnull=True).order_by("starts_at")),
        meetings_missing_papers=list(
            soon.annotate(missing_papers=Coalesce(Subquery(missing), 0))
            .filter(missing_papers__gt=0)
            .order_by("paper_deadline")[:STAFF_ROWS_SHOWN]
        ),
        minutes_not_circulated=list(minutes_due[:STAFF_ROWS_SHOWN]),
        overdue_by_group=list(overdue),
        failed_reminders=list(failed.select_related("recipient").order_by("-created_at")[:STAFF_ROWS_SHOWN]),
        failed_count=failed.count(),
    )


@dataclass
class ChairedGroup:
    group: Group
    open: int = 0
    overdue: int = 0
    completed_this_quarter: int = 0
    by_source: list[dict] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)


def chair_panel(*, user, today: datetime.date) -> list[ChairedGroup]:
    """Each group the user chairs, with its action plan summary (governance's action plan in
    counts: open, overdue, completed this quarter, by source) and the escalations it raised or
    received that are not closed (planning): three queries."""
    group_ids = chaired_group_ids(user)
    if not group_ids:
        return []
    quarter = action_rules.quarter_start(today)
    outstanding = Q(status__in=OUTSTANDING_STATUSES)
    groups = {group.pk: ChairedGroup(group=group) for group in Group.objects.filter(pk__in=group_ids)}
    rows = (
        actions_visible_to_user(user)
        .filter(group_id__in=group_ids)
        .order_by()
        .values("group_id", "source")
        .annotate(
            open=Count("pk", filter=outstanding),
            overdue=Count("pk", filter=outstanding & Q(due_date__lt=today)),
            completed_this_quarter=Count(
                "pk", filter=Q(status=ActionStatus.COMPLETED, completed_on__gte=quarter)
            ),
        )
        .order_by("group_id", "source")
    )
    for row in rows:
        chaired = groups[row["group_id"]]
        chaired.open += row["open"]
        chaired.overdue += row["overdue"]
        chaired.completed_this_quarter += row["completed_this_quarter"]
        chaired.by_source.append({**row, "label": ActionSource(row["source"]).label})
    escalations = (
        escalation_list(user=user)
        .exclude(status=EscalationStatus.CLOSED)
        .filter(Q(from_group_id__in=group_ids) | Q(to_group_id__in=group_ids))
        .order_by("raised_on", "pk")
    )
    for escalation in escalations:
        for group_id in {escalation.from_group_id, escalation.to_group_id} & group_ids:
            groups[group_id].escalations.append(escalation)
    return sorted(groups.values(), key=lambda chaired: chaired.group.name)


def home_for(user, *, now: datetime.datetime | None = None) -> dict:
    now = now or timezone.now()
    person = getattr(user, "person", None)
    today = timezone.localdate(now)
    if person is not None:
        meetings = upcoming_meetings_for_person(person=person, now=now, limit=MEETINGS_SHOWN)
    else:  # staff and partner readers without a directory entry see the partnership's next meetings
        meetings = list(meetings_for_list(user=user, now=now)[:MEETINGS_SHOWN])
    outstanding = my_actions(person=person, today=today, user=user).filter(status__in=OUTSTANDING_STATUSES)
    actions = decorate(outstanding[:ACTIONS_SHOWN], today=today)
    return {
        "upcoming_meetings": meetings,
        "my_outstanding_actions": actions,
        # Counted in the database: the list shows only the first few, the badge tells them all.
        "my_overdue_count": outstanding.filter(due_date__lt=today).count() if person else 0,
        "papers_owed": papers_owed_by(person=person, now=now) if person else [],
        "my_memberships": governance_selectors.user_current_memberships(user),
        "has_person": person is not None,
        "now": now,
        "secretariat_panel": (
            secretariat_panel(now=now, today=today, user=user) if is_staff_of_partnership(user) else None
        ),
        "chaired_groups": chair_panel(user=user, today=today),
    }
