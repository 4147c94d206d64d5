"""Read queries the structure pages share, each a fixed number of SQL queries."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from governance.models import (
    CHAIRING_ROLES,
    ROLE_ORDER,
    Agency,
    Group,
    GroupKind,
    Membership,
    Person,
)


@dataclass
class StructureNode:
    group: Group
    chairs: list[Membership]
    children: list["StructureNode"] = field(default_factory=list)


def _current_chairs_by_group(today) -> dict[int, list[Membership]]:
    chairs = (
        Membership.objects.current(today)
        .filter(role__in=CHAIRING_ROLES)
        .select_related("person", "agency")
        .order_by("group_id", "role", "person__name")
    )
    by_group: dict[int, list[Membership]] = {}
    for membership in chairs:
        by_group.setdefault(membership.group_id, []).append(membership)
    return by_group


KIND_ORDER = {kind: position for position, kind in enumerate(GroupKind.values)}


def partnership_structure(*, today=None) -> list[StructureNode]:
    """The active groups as a forest: each root is a body that reports to no one.

    A group with several parents (the Joint Case Review group) appears under
    each of them. Three queries whatever the size.
    """
    today = today or timezone.localdate()
    groups = list(
        Group.objects.active()
        .prefetch_related(Prefetch("reports_to", queryset=Group.objects.active()))
        .annotate(current_members=Count("memberships", filter=_current_filter(today)))
    )
    chairs = _current_chairs_by_group(today)
    children_of: dict[int, list[Group]] = {}
    roots = []
    for group in groups:
        parents = list(group.reports_to.all())
        if not parents:
            roots.append(group)
        for parent in parents:
            children_of.setdefault(parent.pk, []).append(group)

    def sort_key(group):
        return (KIND_ORDER[group.kind], group.name)

    def build(group, seen):
        node = StructureNode(group=group, chairs=chairs.get(group.pk, []))
        for child in sorted(children_of.get(group.pk, []), key=sort_key):
            if child.pk not in seen:  # a cycle in the data must not hang the page
                node.children.append(build(child, seen | {child.pk}))
        return node

    return [build(root, {root.pk}) for root in sorted(roots, key=sort_key)]


def _current_filter(today, prefix="memberships__"):
    return Q(**{f"{prefix}start_date__lte": today}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gt": today})
    )


@dataclass
class AgencyMembers:
    agency: Agency
    memberships: list[Membership]


def group_members_by_agency(*, group: Group, today=None) -> list[AgencyMembers]:
    """Current members of a group, grouped by the agency they represent.

    Statutory partners first, then other agencies by name; within an agency,
    chairs first. One query.
    """
    today = today or timezone.localdate()
    memberships = sorted(
        Membership.objects.current(today)
        .filter(group=group)
        .select_related("person", "agency", "deputy_for"),
        key=lambda m: (
            m.agency.statutory_role is None,
            m.agency.name,
            ROLE_ORDER[m.role],
            m.person.name,
        ),
    )
    return [
        AgencyMembers(agency=agency, memberships=list(items))
        for agency, items in groupby(memberships, key=lambda m: m.agency)
    ]


def chairs_among(members_by_agency: list[AgencyMembers]) -> list[Membership]:
    """The chair, vice-chair and co-chairs from a group's current members, chair first."""
    chairs = [m for block in members_by_agency for m in block.memberships if m.is_chairing]
    return sorted(chairs, key=lambda m: (ROLE_ORDER[m.role], m.person.name))


def group_membership_history(*, group: Group, today=None):
    today = today or timezone.localdate()
    return (
        Membership.objects.past(today)
        .filter(group=group)
        .select_related("person", "agency")
        .order_by("-end_date", "person__name")
    )


def group_for_detail(pk: int) -> Group:
    return Group.objects.prefetch_related("reports_to", "reporting_groups").get(pk=pk)


def agencies_for_list(*, today=None):
    today = today or timezone.localdate()
    return Agency.objects.annotate(
        people_count=Count("people", filter=Q(people__active=True), distinct=True),
        groups_count=Count("memberships__group", filter=_current_filter(today), distinct=True),
    ).order_by("statutory_role", "name")


def agency_groups(*, agency: Agency, today=None):
    """Current memberships held on the agency's behalf, for the agency page."""
    today = today or timezone.localdate()
    return (
        Membership.objects.current(today)
        .filter(agency=agency)
        .select_related("person", "group")
        .order_by("group__name", "person__name")
    )


LOOKUP_LIMIT = 20
LOOKUP_QUERY_MAX_LENGTH = 100  # what a type-ahead box sends is cut to this


def people_lookup(query: str, *, limit: int = LOOKUP_LIMIT) -> list[dict[str, object]]:
    """People whose name holds every word of `query`, as type-ahead options ({value, text}):
    one query of at most `limit` rows, whatever the directory's size (issue 16)."""
    people = Person.objects.all()
    for word in query.split()[:5]:
        people = people.filter(name__icontains=word)
    rows = people.order_by("name", "pk").values_list("pk", "name", "agency__short_name", "agency__name")[
        :limit
    ]
    return [
        {"value": pk, "text": f"{name} ({short_name or agency_name})"}
        for pk, name, short_name, agency_name in rows
    ]


def people_directory():
    """Every person with what the directory shows: agency and current groups."""
    today = timezone.localdate()
    return (
        Person.objects.select_related("agency")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.current(today).select_related("group"),
                to_attr="current_memberships",
            )
        )
        .order_by("name")
    )


def person_memberships(*, person: Person):
    return person.memberships.select_related("group", "agency", "deputy_for").order_by("-start_date")


def user_current_memberships(user):
    """The groups the logged-in user sits on now, for their home page."""
    return (
        Membership.objects.current(timezone.localdate())
        .filter(person__user=user)
        .select_related("group")
        .order_by("group__name")
    )
