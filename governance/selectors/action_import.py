"""What an action-log import matches against: the group's members, the groups and agencies,
and the numbers its log already uses. Four queries whatever the file's size."""

import datetime

from governance.action_import import Directory, Entry
from governance.models import Action, Agency, Group, Membership


def import_directory(*, group: Group, today: datetime.date) -> Directory:
    """Owners are matched among the group's current members (by initials or full name) and the
    active groups (by name or short name); lead agencies among the agencies."""
    members = (
        Membership.objects.current(today)
        .filter(group=group, person__active=True)
        .select_related("person")
        .order_by("person__name")
    )
    people = {}
    for membership in members:
        person = membership.person
        people[person.pk] = Entry(
            pk=person.pk, name=person.name, names=(person.name.lower(), person.initials.lower())
        )
    groups = [
        Entry(pk=pk, name=name, names=tuple(n.lower() for n in (name, short) if n))
        for pk, name, short in Group.objects.filter(active=True).values_list("pk", "name", "short_name")
    ]
    agencies = [
        Entry(pk=pk, name=name, names=tuple(n.lower() for n in (name, short) if n))
        for pk, name, short in Agency.objects.values_list("pk", "name", "short_name")
    ]
    return Directory(people=list(people.values()), groups=groups, agencies=agencies)


def numbers_used(group: Group) -> set[int]:
    return set(Action.objects.filter(group=group).values_list("number", flat=True))
