import datetime
from zoneinfo import ZoneInfo

import pytest

from audits import services
from audits.choices import AuditStatus
from audits.tests.factories import ProgrammeFactory, ReturnFactory, default_standards
from governance.tests.factories import AgencyFactory, PersonFactory
from notifications.models import Notification

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def _at(year, month, day):
    return datetime.datetime(year, month, day, 8, 0, tzinfo=LONDON)


def test_a_returns_contact_is_reminded_before_it_is_due_then_weekly_once_late_and_never_twice_a_week(scan_at):
    contact = PersonFactory(email="lead@police.example.org")
    agency_return = ReturnFactory(contact=contact, agency=contact.agency, due_on=datetime.date(2025, 5, 20))
    agency_return.audit.status = AuditStatus.IN_PROGRESS
    agency_return.audit.save()
    scan_at(_at(2025, 5, 14))
    assert not Notification.objects.exists()
    scan_at(_at(2025, 5, 15))
    scan_at(_at(2025, 5, 16))
    assert list(Notification.objects.values_list("kind", flat=True)) == ["audit_return_due"]
    scan_at(_at(2025, 5, 21))
    scan_at(_at(2025, 5, 22))
    scan_at(_at(2025, 5, 28))
    assert Notification.objects.filter(kind="audit_return_overdue").count() == 2


def test_a_received_return_is_not_reminded(scan_at):
    contact = PersonFactory()
    agency_return = ReturnFactory(contact=contact, agency=contact.agency, due_on=datetime.date(2025, 5, 20))
    services.agency_return_record(
        agency_return=agency_return,
        received_on=datetime.date(2025, 5, 20),
        findings="",
        today=datetime.date(2025, 5, 20),
    )
    scan_at(_at(2025, 5, 28))
    assert not Notification.objects.exists()


def test_an_overdue_self_assessments_lead_is_reminded_weekly_until_it_is_submitted(scan_at):
    default_standards(count=1)
    agency = AgencyFactory()
    lead = PersonFactory(agency=agency)
    cycle = services.cycle_open(
        kind="section_11",
        name="S11 2025",
        frequency="annual",
        rating_scale="rag",
        group=ProgrammeFactory().group,
        opens_on=datetime.date(2025, 4, 1),
        due_on=datetime.date(2025, 6, 30),
        agencies=[agency],
    )
    assessment = cycle.assessments.get()
    services.assessment_lead_set(assessment=assessment, lead=lead)
    scan_at(_at(2025, 6, 30))
    assert not Notification.objects.exists()
    scan_at(_at(2025, 7, 1))
    scan_at(_at(2025, 7, 2))
    assert Notification.objects.filter(kind="self_assessment_overdue", recipient=lead).count() == 1
