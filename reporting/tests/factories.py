"""Factories and builders for the reporting tests."""

import datetime

import factory
from django.utils import timezone

from governance.choices import GroupKind, MeetingStatus, SafeguardingPartnerRole
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory, council, icb, police
from governance.tests.factories_meetings import MeetingFactory
from reporting.models import Figures, HighlightReport, YearlyReport
from reporting.periods import Quarter, publication_deadline, quarter_containing, twelve_months_from


def board_and_subgroup():
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    subgroup = GroupFactory(name="Education Group", short_name="EDU", kind=GroupKind.SUBGROUP)
    subgroup.reports_to.set([board])
    return board, subgroup


def scheduled_meeting(group, *, days_from_now: int, published: bool = False, now=None):
    now = now or timezone.now()
    starts = now.replace(hour=10, minute=0, second=0, microsecond=0) + datetime.timedelta(days=days_from_now)
    return MeetingFactory(
        group=group,
        starts_at=starts,
        status=MeetingStatus.SCHEDULED,
        agenda_published_at=now if published else None,
    )


def partner_users():
    """One user per statutory partner, each its delegated safeguarding partner."""
    users = {}
    for make in (council, icb, police):
        agency = make()
        user = UserFactory(username=f"dsp-{agency.statutory_role}")
        PersonFactory(
            user=user,
            agency=agency,
            name=f"{agency.name} Partner",
            safeguarding_partner_role=SafeguardingPartnerRole.DELEGATED,
        )
        users[agency.statutory_role] = user
    return users


class FiguresFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figures

    generated_at = factory.LazyFunction(timezone.now)
    sections = factory.LazyFunction(
        lambda: [
            {
                "key": "actions",
                "title": "Action log",
                "summary": ["3 actions agreed."],
                "tables": [],
                "part": "",
            }
        ]
    )


class HighlightReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HighlightReport

    group = factory.SubFactory(GroupFactory)
    period_start = factory.LazyFunction(lambda: quarter_containing(datetime.date(2026, 4, 1)).start)
    period_end = factory.LazyAttribute(lambda report: quarter_containing(report.period_start).end)
    figures = factory.SubFactory(FiguresFactory)


class YearlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearlyReport

    period_start = datetime.date(2025, 4, 1)
    period_end = factory.LazyAttribute(lambda report: twelve_months_from(report.period_start))
    publication_deadline = factory.LazyAttribute(lambda report: publication_deadline(report.period_end))
    figures = factory.SubFactory(FiguresFactory)


def quarter_of(day: datetime.date) -> Quarter:
    return quarter_containing(day)
