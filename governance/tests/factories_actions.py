"""Factories for the action log, and bulk helpers that build big logs quickly."""

import datetime
import itertools
import zoneinfo

import factory

from governance.models import (
    Action,
    ActionNumberSequence,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    AgendaItem,
    Group,
    Meeting,
    Person,
)
from governance.tests.factories import GroupFactory, PersonFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")


def london(year, month, day, hour=13, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.Sequence(lambda n: london(2019, 10, 23) + datetime.timedelta(days=42 * n))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(minutes=90))
    paper_deadline = factory.LazyAttribute(lambda m: m.starts_at - datetime.timedelta(days=7))
    location = "Mordiford Room, Plough Lane, Hereford"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda item: str(item.position))
    sort_key = factory.LazyAttribute(
        lambda item: ".".join(f"{int(part):04d}" for part in item.number.split(".") if part.isdigit())
    )
    title = factory.Sequence(lambda n: f"Agenda item {n}")


def record(
    group: Group, *, owners=None, recorded_by=None, description="Draft a letter to partners", **details
):
    """Record an action through the service, with one new owner unless owners are given."""
    from governance.services.actions import action_record

    return action_record(
        group=group,
        description=description,
        owners=owners if owners is not None else [PersonFactory()],
        recorded_by=recorded_by,
        **details,
    )


STATUS_MIX = [
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.OPEN,
    ActionStatus.COMPLETED,
    ActionStatus.DEFERRED,
    ActionStatus.OPEN,
    ActionStatus.CLOSED,
]


def bulk_actions(
    group: Group,
    count: int,
    *,
    owners: list[Person],
    owners_per_action: int = 2,
    updates_per_action: int = 2,
    today: datetime.date = datetime.date(2024, 6, 1),
    author_person: Person | None = None,
    batch_size: int = 2000,
) -> None:
    """Insert `count` actions in a group's log with owners and updates, bypassing the services
    (no history, no notifications) and keeping the number sequence in step."""
    sequence, _ = ActionNumberSequence.objects.get_or_create(group=group)
    first = sequence.last_number + 1
    owner_cycle = itertools.cycle(owners)
    for start in range(0, count, batch_size):
        numbers = range(first + start, first + min(start + batch_size, count))
        actions = []
        for number in numbers:
            status = STATUS_MIX[number % len(STATUS_MIX)]
            due = today + datetime.timedelta(days=(number % 90) - 45)
            actions.append(
                Action(
                    group=group,
                    number=number,
                    reference=f"{today - datetime.timedelta(days=number % 365):%d.%m.%y} ref {number % 9}",
                    source=ActionSource.MEETING if number % 3 else ActionSource.GROUP,
                    source_label="Board meeting" if number % 3 else "",
                    title=f"Workstream {number % 12}",
                    description=f"Action {number}: review the threshold document with partners",
                    due_date=due,
                    original_due_date=due,
                    status=status,
                    completed_on=today - datetime.timedelta(days=number % 200)
                    if status in (ActionStatus.COMPLETED, ActionStatus.CLOSED)
                    else None,
                )
            )
        Action.objects.bulk_create(actions, batch_size=batch_size)
        saved = dict(Action.objects.filter(group=group, number__in=list(numbers)).values_list("number", "pk"))
        links = []
        updates = []
        for number in numbers:
            action_id = saved[number]
            chosen = {next(owner_cycle).pk for _ in range(owners_per_action)}
            links += [Action.owners.through(action_id=action_id, person_id=pk) for pk in chosen]
            updates += [
                ActionUpdate(
                    action_id=action_id,
                    author_person=author_person,
                    text=f"Update {n + 1}: discussed at the meeting, work continues.",
                )
                for n in range(updates_per_action)
            ]
        Action.owners.through.objects.bulk_create(links, batch_size=batch_size)
        ActionUpdate.objects.bulk_create(updates, batch_size=batch_size)
    sequence.last_number = first + count - 1
    sequence.save(update_fields=["last_number"])
