"""The yearly report's publication reminders to the secretariat; highlight reports due to chairs."""

import datetime

import pytest
from django.core import mail

from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_actions import london
from notifications.models import Notification
from notifications.scanning import scans_run
from reporting.choices import HighlightStatus
from reporting.periods import publication_reminder
from reporting.tests.factories import HighlightReportFactory, YearlyReportFactory, board_and_subgroup

pytestmark = pytest.mark.django_db
D = datetime.date
DEADLINE = D(2026, 6, 30)


@pytest.mark.parametrize(
    ("today", "published_on", "expected"),
    [
        (D(2026, 5, 30), None, None),  # 31 days before
        (D(2026, 5, 31), None, ("yearly_report_due", "due:2026-06-30")),  # 30 days before
        (D(2026, 6, 30), None, ("yearly_report_due", "due:2026-06-30")),  # the deadline day
        (D(2026, 7, 1), None, ("yearly_report_overdue", "overdue:2026-W27")),
        (D(2026, 7, 5), None, ("yearly_report_overdue", "overdue:2026-W27")),  # the same week
        (D(2026, 7, 6), None, ("yearly_report_overdue", "overdue:2026-W28")),
        (D(2026, 7, 6), D(2026, 7, 2), None),  # published
    ],
)
def test_the_reminder_starts_thirty_days_before_the_deadline_and_turns_weekly_after_it(
    today, published_on, expected
):
    assert publication_reminder(deadline=DEADLINE, published_on=published_on, today=today) == expected


def test_the_secretariat_is_reminded_once_as_the_deadline_nears_and_weekly_once_it_has_passed(
    secretariat, django_capture_on_commit_callbacks
):
    secretariat.email = "team@example.org"
    secretariat.save()
    secretariat.person.email = "team@example.org"
    secretariat.person.save()
    YearlyReportFactory()  # April 2025 to March 2026: publish by 30 June 2026
    YearlyReportFactory(period_start=D(2024, 4, 1), published_on=D(2025, 6, 1))  # published: never
    with django_capture_on_commit_callbacks(execute=True):
        scans_run(now=london(2026, 6, 1, 9))
    scans_run(now=london(2026, 6, 2, 9))
    scans_run(now=london(2026, 7, 1, 9))
    scans_run(now=london(2026, 7, 2, 9))
    sent = Notification.objects.filter(recipient=secretariat.person).order_by("pk")
    assert [n.kind for n in sent] == ["yearly_report_due", "yearly_report_overdue"]
    assert "due for publication by 30 June 2026" in sent[0].subject
    assert any("team@example.org" in message.to for message in mail.outbox)


def test_a_subgroups_chairs_are_reminded_once_a_quarter_until_its_highlight_report_is_submitted():
    board, education = board_and_subgroup()
    chair = PersonFactory(name="Grace Whitfield", email="grace@example.org")
    MembershipFactory(person=chair, group=education, role="chair")
    MembershipFactory(person=PersonFactory(), group=education, role="member")
    mash = GroupFactory(name="MASH Group")
    mash.reports_to.set([board])
    MembershipFactory(person=PersonFactory(name="Mo Chair"), group=mash, role="chair")
    HighlightReportFactory(
        group=mash, period_start=D(2026, 7, 1), period_end=D(2026, 9, 30), status=HighlightStatus.SUBMITTED
    )

    scans_run(now=london(2026, 10, 1, 9))
    scans_run(now=london(2026, 10, 8, 9))  # the same quarter: nothing new

    sent = Notification.objects.filter(kind="highlight_report_due")
    assert [(n.recipient, n.subject) for n in sent] == [
        (chair, "Education Group's highlight report for Q2 2026/27 (Jul to Sep 2026) is due")
    ]
    scans_run(now=london(2027, 1, 4, 9))
    assert Notification.objects.filter(kind="highlight_report_due").count() == 3  # both groups, next quarter
