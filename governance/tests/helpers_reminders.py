"""Builders for the reminder tests: London moments, actions, a quorate-able group."""

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from governance.models import Action, Group, GroupKind, Person
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, council, icb, police
from notifications.models import Notification

LONDON = zoneinfo.ZoneInfo("Europe/London")
_numbers = itertools.count(1)


def london(year, month, day, hour=9, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=LONDON)


def make_action(group: Group, *, owners: list[Person], due: datetime.date | None, status="open", **extra):
    action = Action.objects.create(
        group=group,
        number=next(_numbers),
        description=extra.pop("description", "Draft the neglect strategy and circulate it"),
        due_date=due,
        status=status,
        completed_on=due if status == "completed" else None,
        **extra,
    )
    action.owners.set(owners)
    return action


def sent_to(kind: str) -> list[str]:
    """Names of the people a kind of notification was recorded for, sorted."""
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__name", flat=True))


@dataclass
class Partnership:
    group: Group
    chair: Person
    council_member: Person
    icb_member: Person
    police_member: Person
    police_board_member: Person
    council_board_member: Person


def partnership() -> Partnership:
    """A subgroup with a chair and one member from each statutory partner, and a board on which
    the police and the council have a seat."""
    group = GroupFactory(name="Quality and Effectiveness Group", short_name="Q&E")
    chair = PersonFactory(name="Carol Chair", agency=council())
    MembershipFactory(person=chair, group=group, role="chair")
    members = {}
    for name, agency in (("Colin Council", council()), ("Ivy ICB", icb()), ("Percy Police", police())):
        members[name] = PersonFactory(name=name, agency=agency)
        MembershipFactory(person=members[name], group=group, role="member")
    board = GroupFactory(name="Safeguarding Partners Board", kind=GroupKind.BOARD)
    police_board = PersonFactory(name="Bea Board-Police", agency=police())
    council_board = PersonFactory(name="Ben Board-Council", agency=council())
    MembershipFactory(person=police_board, group=board, role="member")
    MembershipFactory(person=council_board, group=board, role="member")
    return Partnership(
        group=group,
        chair=chair,
        council_member=members["Colin Council"],
        icb_member=members["Ivy ICB"],
        police_member=members["Percy Police"],
        police_board_member=police_board,
        council_board_member=council_board,
    )
