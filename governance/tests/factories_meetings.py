"""Factories for meetings, agenda items and attendance."""

import datetime
import zoneinfo

import factory

from governance.models import AgendaItem, Attendance, Meeting
from governance.tests.factories import GroupFactory, PersonFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    starts_at = factory.Sequence(
        lambda n: datetime.datetime(2030, 1, 7, 10, 0, tzinfo=LONDON) + datetime.timedelta(weeks=n)
    )
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + datetime.timedelta(hours=2))
    paper_deadline = factory.LazyAttribute(lambda m: m.starts_at - datetime.timedelta(days=7))
    location = "Plough Lane, Hereford"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """A top-level item; pass `parent` (and a position) for a sub-item."""

    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    parent = None
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(
        lambda i: f"{i.parent.number}.{i.position}" if i.parent else str(i.position)
    )
    sort_key = factory.LazyAttribute(
        lambda i: f"{i.parent.sort_key}.{i.position:04d}" if i.parent else f"{i.position:04d}"
    )
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    agency = factory.LazyAttribute(lambda a: a.person.agency)
    status = "present"
