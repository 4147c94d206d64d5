"""Factories for the minutes tests: meetings, agenda items and attendance, kept minimal.

The meetings part has its own factories; these build only what decisions and
minutes need, so these tests do not depend on another part's work in progress.
"""

import datetime

import factory
from django.utils import timezone

from governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
    Minutes,
    StandingItem,
)
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, council, icb, police


def at(year, month, day, hour=13, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.LazyFunction(lambda: at(2019, 12, 18))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=1, minutes=30))
    paper_deadline = factory.LazyAttribute(lambda m: m.starts_at - datetime.timedelta(days=7))
    location = "Mordiford Room, Plough Lane, Hereford"
    status = MeetingStatus.HELD


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda item: str(item.position))
    sort_key = factory.LazyAttribute(lambda item: f"{item.position:04d}")
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    agency = factory.LazyAttribute(lambda a: a.person.agency)
    status = "present"


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    agenda_item = factory.SubFactory(AgendaItemFactory)
    text = "The partners agreed the budget."
    taken_quorate = True


def agenda(meeting, *titles, standing=None):
    """Top-level items numbered 1, 2, 3… in the order given; `standing` maps title -> standing item."""
    standing = standing or {}
    return [
        AgendaItemFactory(
            meeting=meeting,
            position=position,
            number=str(position),
            sort_key=f"{position:04d}",
            title=title,
            standing_item=standing.get(title, ""),
        )
        for position, title in enumerate(titles, start=1)
    ]


def partners_present(meeting, *, police_left_before=None):
    """The three statutory partners' members present; the police may leave before an item."""
    people = {
        "council": PersonFactory(name="Chris Baird", job_title="Director for Children", agency=council()),
        "icb": PersonFactory(name="Ellen Footman", job_title="Designated Nurse", agency=icb()),
        "police": PersonFactory(name="Sue Thomas", job_title="Superintendent", agency=police()),
    }
    for person in people.values():
        MembershipFactory(person=person, group=meeting.group)
    for key, person in people.items():
        AttendanceFactory(
            meeting=meeting,
            person=person,
            left_before_item=police_left_before if key == "police" else None,
        )
    return people


def board_meeting(group, starts_at, *, titles=("Welcome", "Budget", "Any other business"), held=True):
    meeting = MeetingFactory(
        group=group,
        starts_at=starts_at,
        status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
    )
    items = agenda(
        meeting,
        "Minutes of the previous meeting and action log",
        *titles,
        standing={"Minutes of the previous meeting and action log": StandingItem.PREVIOUS_MINUTES},
    )
    return meeting, items
