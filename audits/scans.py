"""The audits app's reminder scans (functions of `now` returning batches of messages), registered
in AuditsConfig.ready(). Each selects what is outstanding with an indexed query on its stored due
date and applies the pure rule of audits/rules.py; the occasion makes each reminder unique (the
due date; the ISO week while late), so a scan run twice sends nothing new."""

import datetime
from collections.abc import Iterator

from django.utils import timezone

from audits import rules
from audits.choices import OPEN_AUDIT_STATUSES, AssessmentStatus
from audits.models import AgencyReturn, SelfAssessment
from notifications.registry import Message, register_scan


def audit_returns_due(now: datetime.datetime) -> Iterator[list[Message]]:
    """Each outstanding return's contact: once when it falls due within the notice days, then
    weekly while it is late."""
    today = timezone.localdate(now)
    outstanding = AgencyReturn.objects.filter(
        received_on__isnull=True,
        contact__isnull=False,
        due_on__lte=today + datetime.timedelta(days=rules.RETURN_NOTICE_DAYS),
        audit__status__in=OPEN_AUDIT_STATUSES,
    ).select_related("audit", "agency", "contact")
    messages = []
    for agency_return in outstanding:
        due = rules.return_reminder(due_on=agency_return.due_on, received_on=None, today=today)
        if due is None:
            continue
        kind, occasion = due
        messages.append(
            Message(
                kind=kind,
                recipients=[agency_return.contact],
                subject_ref=f"audit_return:{agency_return.pk}",
                occasion=occasion,
                url=agency_return.audit.get_absolute_url(),
                about=agency_return.audit,
                context={"agency_return": agency_return, "audit": agency_return.audit, "today": today},
            )
        )
    yield messages


def self_assessments_overdue(now: datetime.datetime) -> Iterator[list[Message]]:
    """Each overdue self-assessment's lead, weekly until it is submitted."""
    today = timezone.localdate(now)
    year, week, _ = today.isocalendar()
    overdue = SelfAssessment.objects.filter(
        status=AssessmentStatus.DRAFT, cycle__due_on__lt=today, lead__isnull=False
    ).select_related("cycle", "agency", "lead")
    yield [
        Message(
            kind="self_assessment_overdue",
            recipients=[assessment.lead],
            subject_ref=f"self_assessment:{assessment.pk}",
            occasion=f"week:{year}-{week:02d}",
            url=assessment.get_absolute_url(),
            about=assessment,
            context={"assessment": assessment, "cycle": assessment.cycle, "today": today},
        )
        for assessment in overdue
        if rules.assessment_overdue(status=assessment.status, due_on=assessment.cycle.due_on, today=today)
    ]


def register_scans() -> None:
    register_scan("audit_returns_due", audit_returns_due)
    register_scan("self_assessments_overdue", self_assessments_overdue)
