"""The reporting app's reminder scans, registered in ReportingConfig.ready(): unpublished yearly
reports near or past their publication deadline (an indexed query on the stored deadline, the
pure rule of reporting/periods.py), and subgroups' highlight reports for the quarter just ended.
The occasion makes each reminder unique, so a scan run twice sends nothing new."""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from governance.choices import CHAIRING_ROLES, GroupKind
from governance.models import Membership, Person
from governance.permissions import SECRETARIAT_GROUP
from notifications.registry import Message, register_scan
from reporting.choices import HighlightStatus
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import REMINDER_DAYS_BEFORE, last_finished_quarter, publication_reminder
from reporting.services.highlights import HIGHLIGHT_KINDS


def yearly_reports_due(now: datetime.datetime) -> Iterator[list[Message]]:
    today = timezone.localdate(now)
    reports = list(
        YearlyReport.objects.filter(
            published_on__isnull=True,
            publication_deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
        )
    )
    if not reports:
        return
    secretariat = list(
        Person.objects.filter(
            active=True, user__is_active=True, user__groups__name=SECRETARIAT_GROUP
        ).distinct()
    )
    messages = []
    for report in reports:
        due = publication_reminder(deadline=report.publication_deadline, published_on=None, today=today)
        if due is None:
            continue
        kind, occasion = due
        messages.append(
            Message(
                kind=kind,
                recipients=secretariat,
                subject_ref=f"yearly_report:{report.pk}",
                occasion=occasion,
                url=report.get_absolute_url(),
                context={"report": report, "days_left": (report.publication_deadline - today).days},
            )
        )
    yield messages


def highlight_reports_due(now: datetime.datetime) -> Iterator[list[Message]]:
    """Each chair of an active subgroup reporting to a board, once per quarter, while the group has
    not submitted its highlight report for the quarter just ended (the occasion is the quarter)."""
    today = timezone.localdate(now)
    quarter = last_finished_quarter(today)
    submitted = HighlightReport.objects.filter(period_start=quarter.start, status=HighlightStatus.SUBMITTED)
    chairs = (
        Membership.objects.current(today)
        .filter(
            role__in=CHAIRING_ROLES,
            person__active=True,
            group__active=True,
            group__kind__in=HIGHLIGHT_KINDS,
            group__reports_to__kind=GroupKind.BOARD,
        )
        .exclude(group__in=submitted.values("group"))
        .select_related("person", "group")
        .distinct()
        .order_by("group__name")
    )
    by_group: dict[int, tuple] = {}
    for membership in chairs:
        _, people = by_group.setdefault(membership.group_id, (membership.group, []))
        if membership.person not in people:
            people.append(membership.person)
    yield [
        Message(
            kind="highlight_report_due",
            recipients=people,
            subject_ref=f"highlight_report:{group.pk}",
            occasion=quarter.start.isoformat(),
            url=reverse("reporting:highlight_list"),
            context={"group": group, "quarter": quarter},
        )
        for group, people in by_group.values()
    ]


def register_scans() -> None:
    register_scan("yearly_reports_due", yearly_reports_due)
    register_scan("highlight_reports_due", highlight_reports_due)
