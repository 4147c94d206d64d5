"""Action reminders: owners a week before and on the day; weekly overdue lists."""

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterator

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from core.partnership import partnership_settings
from governance import notifications, reminders
from governance.action_sources import ruled_content_type_ids
from governance.models import CHAIRING_ROLES, Action, Membership, Person
from governance.scans.context import BATCH_SIZE, Scan, batches, visible_action_ids
from notifications.registry import Message

OUTSTANDING = tuple(reminders.OUTSTANDING_ACTION_STATUSES)


def action_due_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    """Owners, a week before an action is due and on the day; for an action a group owns, that
    group's chair (issue 10 point 12)."""
    scan = Scan.at(now)
    candidates = (
        Action.objects.filter(
            status__in=OUTSTANDING,
            due_date__gte=scan.today,
            due_date__lte=scan.today + datetime.timedelta(days=reminders.ACTION_WEEK_AHEAD_DAYS),
            group__active=True,
        )
        .select_related("group", "origin_item__parent__parent")
        .prefetch_related("owners")
    )
    for batch in batches(candidates):
        messages = []
        hidden = _hidden_from_owners(batch)
        owner_groups = {a.owner_group_id for a in batch if a.owner_group_id is not None}
        chairs = scan.chairs_by_group(owner_groups) if owner_groups else {}
        for action in batch:
            which = reminders.action_reminder(
                status=action.status, due_date=action.due_date, today=scan.today
            )
            if which is None:
                continue
            owners = [person for person in action.owners.all() if (person.pk, action.pk) not in hidden]
            owners += [
                chair
                for chair in chairs.get(action.owner_group_id or 0, [])
                if chair not in owners and _may_be_told(chair, action)
            ]
            messages.append(
                notifications.action_due(action=action, which=which, today=scan.today, recipients=owners)
            )
        yield messages


def _visible_of(person, actions: list[Action]) -> set[int] | None:
    """Which of `actions` the person may be told about (None: all): a source's rule is asked
    only about the actions from a source that has one, so a list without any costs no query."""
    ruled = ruled_content_type_ids()
    asked = [action.pk for action in actions if action.source_content_type_id in ruled]
    if not asked:
        return None
    visible = visible_action_ids(person, asked)
    if visible is None:
        return None
    return visible | {action.pk for action in actions if action.source_content_type_id not in ruled}


def _may_be_told(person, action: Action) -> bool:
    if action.source_content_type_id not in ruled_content_type_ids():
        return True
    visible = visible_action_ids(person, [action.pk])
    return visible is None or action.pk in visible


def _hidden_from_owners(actions: list[Action]) -> set[tuple[int, int]]:
    """(person, action) pairs where an owner may not be told about the action by its source's
    visibility rule (governance.action_sources); one query per owner of an action from a source
    with a rule, none for the rest (issue 16: a scan over 100,000 actions)."""
    ruled = ruled_content_type_ids()
    theirs: dict[int, list[int]] = defaultdict(list)
    people = {}
    for action in actions:
        if action.source_content_type_id in ruled:
            for person in action.owners.all():
                people[person.pk] = person
                theirs[person.pk].append(action.pk)
    hidden: set[tuple[int, int]] = set()
    for pk, person in people.items():
        visible = visible_action_ids(person, theirs[pk])
        if visible is not None:
            hidden.update((pk, action_pk) for action_pk in theirs[pk] if action_pk not in visible)
    return hidden


def _overdue_actions():
    return Action.objects.filter(status__in=OUTSTANDING, group__active=True)


def weekly_overdue_owner_digests(scan: Scan, occasion: str) -> Iterator[list[Message]]:
    """Each owner's overdue actions, once a week; a current chair of a group that owns overdue
    actions has them in their list as if they owned them (issue 10 point 12)."""
    overdue = _overdue_actions().filter(due_date__lt=scan.today)
    owned = Action.owners.through.objects.filter(
        action__status__in=OUTSTANDING,
        action__due_date__lt=scan.today,
        action__group__active=True,
        person__active=True,
    )
    chairing = Membership.objects.current(scan.today).filter(
        role__in=CHAIRING_ROLES,
        person__active=True,
        group_id__in=overdue.filter(owner_group__isnull=False).values("owner_group_id"),
    )
    order = ("due_date", "group__name", "number")
    after = 0
    while True:
        with transaction.atomic():
            batch = list(
                Person.objects.filter(pk__gt=after)
                .filter(Q(pk__in=owned.values("person_id")) | Q(pk__in=chairing.values("person_id")))
                .annotate(chairs=Exists(chairing.filter(person_id=OuterRef("pk"))))
                .order_by("pk")
                .values_list("pk", "chairs")[:BATCH_SIZE]
            )
            if not batch:
                return
            person_ids = [pk for pk, _ in batch]
            rows = (
                owned.filter(person_id__in=person_ids)
                .select_related("person", "action__group", "action__origin_item__parent__parent")
                .order_by("person_id", *(f"action__{name}" for name in order))
            )
            by_person: dict[int, dict[int, Action]] = defaultdict(dict)
            people = {}
            for row in rows:
                by_person[row.person_id][row.action_id] = row.action
                people[row.person_id] = row.person
            chair_ids = [pk for pk, chairs in batch if chairs]
            if chair_ids:
                groups_chaired = defaultdict(set)
                for membership in chairing.filter(person_id__in=chair_ids).select_related("person"):
                    groups_chaired[membership.person_id].add(membership.group_id)
                    people[membership.person_id] = membership.person
                group_owned = defaultdict(list)
                for action in (
                    overdue.filter(owner_group_id__in={g for gs in groups_chaired.values() for g in gs})
                    .select_related("group", "origin_item__parent__parent")
                    .order_by(*order)
                ):
                    group_owned[action.owner_group_id].append(action)
                for person_id, group_ids in groups_chaired.items():
                    for group_id in group_ids:
                        for action in group_owned[group_id]:
                            by_person[person_id].setdefault(action.pk, action)
            messages = []
            for person_id in person_ids:
                if person_id not in people:  # neither owns nor chairs any longer
                    continue
                actions = sorted(
                    by_person[person_id].values(), key=lambda a: (a.due_date, a.group.name, a.number)
                )
                visible = _visible_of(people[person_id], actions)
                if visible is not None:
                    actions = [action for action in actions if action.pk in visible]
                if actions:
                    messages.append(
                        notifications.actions_overdue_weekly(
                            person=people[person_id],
                            actions=actions,
                            occasion=occasion,
                            url=reverse("governance:my_actions"),
                        )
                    )
            yield messages
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
                .select_related("group", "origin_item__parent__parent")
                .prefetch_related("owners")
                .order_by("group_id", "due_date", "number")
            )
            by_group = defaultdict(list)
            for action in actions:
                by_group[action.group_id].append(action)
            chairs = scan.chairs_by_group(group_ids)
            messages = []
            for group_id, group_actions in by_group.items():
                # Chairs told of the same actions share one message; a chair who may not be
                # told of some (a source's visibility rule) gets a list without them.
                lists = defaultdict(list)  # visible action ids -> chairs
                for chair in chairs.get(group_id, []):
                    visible: Collection[int] | None = _visible_of(chair, group_actions)
                    lists[None if visible is None else frozenset(visible)].append(chair)
                for visible, told in lists.items() or [(None, [])]:
                    shown = [action for action in group_actions if visible is None or action.pk in visible]
                    if shown:
                        messages.append(
                            notifications.group_actions_overdue_weekly(
                                group=group_actions[0].group,
                                actions=shown,
                                chairs=told,
                                occasion=occasion,
                                url=reverse("governance:action_log", args=[group_id]),
                            )
                        )
            yield messages
        after = group_ids[-1]


def weekly_action_reminders(now: datetime.datetime) -> Iterator[list[Message]]:
    scan = Scan.at(now)
    occasion = reminders.weekly_occasion(
        now=scan.now, hour=partnership_settings().reminder_weekly_hour, closures=scan.closures
    )
    if occasion is None:
        return
    yield from weekly_overdue_owner_digests(scan, occasion)
    yield from weekly_overdue_chair_summaries(scan, occasion)
