"""The reporting app's reminder scan, registered in ReportingConfig.ready(): unpublished yearly
reports near or past their publication deadline (an indexed query on the stored deadline, the
pure rule of reporting/periods.py; the occasion makes each reminder unique, so a scan run twice
sends nothing new)."""

import datetime
from collections.abc import Iterator

from django.utils import timezone

from governance.models import Person
from governance.permissions import SECRETARIAT_GROUP
from notifications.registry import Message, register_scan
from reporting.models import YearlyReport
from reporting.periods import REMINDER_DAYS_BEFORE, publication_reminder


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


def register_scans() -> None:
    register_scan("yearly_reports_due", yearly_reports_due)
