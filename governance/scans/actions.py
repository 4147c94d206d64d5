"""Action reminders: owners a week before and on the day; weekly overdue lists."""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from governance import notifications, reminders
from governance.models import Action
from governance.scans.context import BATCH_SIZE, Scan, batches
from notifications.registry import Message

OUTSTANDING = tuple(reminders.OUTSTANDING_ACTION_STATUSES)


def action_due_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    """Owners, a week before an action is due and on the day."""
    scan = Scan.at(now)
    candidates = (
        Action.objects.filter(
            status__in=OUTSTANDING,
            due_date__gte=scan.today,
            due_date__lte=scan.today + datetime.timedelta(days=reminders.ACTION_WEEK_AHEAD_DAYS),
            group__active=True,
        )
        .select_related("group")
        .prefetch_related("owners")
    )
    for batch in batches(candidates):
        messages = []
        for action in batch:
            which = reminders.action_reminder(
                status=action.status, due_date=action.due_date, today=scan.today
            )
            if which is not None:
                messages.append(notifications.action_due(action=action, which=which, today=scan.today))
        yield messages


def _overdue_actions():
    return Action.objects.filter(status__in=OUTSTANDING, group__active=True)


def weekly_overdue_owner_digests(scan: Scan, occasion: str) -> Iterator[list[Message]]:
    """Each owner's overdue actions, once a week."""
    owned = Action.owners.through.objects.filter(
        action__status__in=OUTSTANDING,
        action__due_date__lt=scan.today,
        action__group__active=True,
        person__active=True,
    )
    after = 0
    while True:
        with transaction.atomic():
            person_ids = list(
                owned.filter(person_id__gt=after)
                .order_by("person_id")
                .values_list("person_id", flat=True)
                .distinct()[:BATCH_SIZE]
            )
            if not person_ids:
                return
            rows = (
                owned.filter(person_id__in=person_ids)
                .select_related("person", "action__group")
                .order_by("person_id", "action__due_date", "action__group__name", "action__number")
            )
            by_person = defaultdict(list)
            people = {}
            for row in rows:
                by_person[row.person_id].append(row.action)
                people[row.person_id] = row.person
            yield [
                notifications.actions_overdue_weekly(
                    person=people[person_id],
                    actions=actions,
                    occasion=occasion,
                    url=reverse("governance:my_actions"),
                )
                for person_id, actions in by_person.items()
            ]
        after = person_ids[-1]


def weekly_overdue_chair_summaries(scan: Scan, occasion: str) -> Iterator[list[Message]]:
    """Each chair, their group's overdue actions, once a week."""
    overdue = _overdue_actions().filter(due_date__lt=scan.today)
    after = 0
    while True:
        with transaction.atomic():
            group_ids = list(
                overdue.filter(group_id__gt=after)
                .order_by("group_id")
                .values_list("group_id", flat=True)
                .distinct()[:BATCH_SIZE]
            )
            if not group_ids:
                return
            actions = (
                overdue.filter(group_id__in=group_ids)
                .select_related("group")
                .prefetch_related("owners")
                .order_by("group_id", "due_date", "number")
            )
            by_group = defaultdict(list)
            for action in actions:
                by_group[action.group_id].append(action)
            chairs = scan.chairs_by_group(group_ids)
            yield [
                notifications.group_actions_overdue_weekly(
                    group=group_actions[0].group,
                    actions=group_actions,
                    chairs=chairs.get(group_id, []),
                    occasion=occasion,
                    url=reverse("governance:action_log", args=[group_id]),
                )
                for group_id, group_actions in by_group.items()
            ]
        after = group_ids[-1]


def weekly_action_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    scan = Scan.at(now)
    occasion = reminders.weekly_occasion(
        now=scan.now, hour=settings.REMINDER_WEEKLY_HOUR, closures=scan.closures
    )
    if occasion is None:
        return
    yield from weekly_overdue_owner_digests(scan, occasion)
    yield from weekly_overdue_chair_summaries(scan, occasion)
