"""What every governance scan shares: the moment it runs at, who the secretariat and the
chairs are (read once per scan), and rows read in bounded batches."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from core.workdays import closure_days
from governance import reminders
from governance.action_sources import action_visibility_for_person
from governance.models import CHAIRING_ROLES, Action, Membership, Person
from governance.permissions import SECRETARIAT_GROUP
from governance.services.papers import board_members_for_agency

BATCH_SIZE = 200


@dataclass
class Scan:
    now: datetime.datetime
    today: datetime.date
    closures: frozenset
    _secretariat: list | None = field(default=None, repr=False)
    _board_members: dict = field(default_factory=dict, repr=False)

    @classmethod
    def at(cls, now: datetime.datetime) -> "Scan":
        return cls(now=now, today=reminders.local_date(now), closures=closure_days())

    def secretariat(self) -> list[Person]:
        """Active people whose login is in the Secretariat group."""
        if self._secretariat is None:
            self._secretariat = list(
                Person.objects.filter(
                    active=True, user__is_active=True, user__groups__name=SECRETARIAT_GROUP
                ).distinct()
            )
        return self._secretariat

    def board_members(self, agency_id: int) -> list[Person]:
        if agency_id not in self._board_members:
            self._board_members[agency_id] = board_members_for_agency(agency_id=agency_id, today=self.today)
        return self._board_members[agency_id]

    def chairs_by_group(self, group_ids: Iterable[int]) -> dict[int, list[Person]]:
        chairs = defaultdict(list)
        memberships = (
            Membership.objects.current(self.today)
            .filter(group_id__in=list(group_ids), role__in=CHAIRING_ROLES, person__active=True)
            .select_related("person")
            .order_by("group_id", "person__name")
        )
        for membership in memberships:
            chairs[membership.group_id].append(membership.person)
        return chairs


def visible_action_ids(person: Person, action_ids: Iterable[int]) -> set[int] | None:
    """Which of these actions `person` may be told about by the action sources' visibility rules
    (governance.action_sources); None when no source has a rule (all of them, and no query)."""
    visible = action_visibility_for_person(person)
    if visible is None:
        return None
    return set(Action.objects.filter(pk__in=list(action_ids)).filter(visible).values_list("pk", flat=True))


def batches(queryset, *, size: int = BATCH_SIZE) -> Iterator[list]:
    """Yield lists of rows in primary-key order, each batch inside its own transaction (the
    messages made from a batch are recorded while it is open, so its e-mails are queued
    when it commits)."""
    after = 0
    while True:
        with transaction.atomic():
            batch = list(queryset.filter(pk__gt=after).order_by("pk")[:size])
            if not batch:
                return
            yield batch
        after = batch[-1].pk
