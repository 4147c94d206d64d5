"""Case review reminders: 5 working days before, on the day and overdue, to the JCR chair and
the case review officers only, once each, naming no one."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from notifications.models import Notification
from reviews import reminders, services
from reviews.tests.factories import d, jcr_user, review

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 8, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (d(2026, 4, 1), None),  # 6 working days before Mon 13 Apr (Good Friday, Easter Monday skipped)
        (d(2026, 4, 2), reminders.DUE_SOON),  # 5 working days before
        (d(2026, 4, 3), None),  # Good Friday: nothing is sent on a bank holiday
        (d(2026, 4, 13), reminders.DUE_TODAY),
        (d(2026, 4, 14), reminders.OVERDUE),
    ],
)
def test_the_reminder_stage_at_its_edges(today, stage):
    assert reminders.reminder_stage(d(2026, 4, 13), today) == stage


def test_the_jcr_chair_and_the_officers_are_reminded_once_and_no_one_else(
    scan_at, jcr, jcr_chair, jcr_member, officer, secretariat
):
    case = review(awareness_date=d(2026, 4, 2))  # Panel notification due Mon 13 Apr 2026
    scan_at(at(d(2026, 4, 7)))
    scan_at(at(d(2026, 4, 8)))  # the same reminder: not sent again
    sent = Notification.objects.filter(kind="case_review_deadline")
    assert sorted(sent.values_list("recipient__user__username", flat=True)) == ["jcr-chair", "officer-user"]
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {f"Due soon: {case.reference}, Notify the national Panel"}
    body = mail.outbox[0].body
    assert "Child A" not in body and "Real name" not in body
    assert "5 working days from becoming aware of the incident — Working Together 2023" in body


def test_the_day_and_the_overdue_reminders_are_each_sent_once(scan_at, jcr, jcr_chair):
    review(awareness_date=d(2026, 4, 2))
    scan_at(at(d(2026, 4, 13)))
    scan_at(at(d(2026, 4, 14)))
    scan_at(at(d(2026, 4, 15)))
    subjects = sorted(
        Notification.objects.filter(kind="case_review_deadline").values_list("subject", flat=True)
    )
    assert [s.split(":")[0] for s in subjects] == ["Due today", "Overdue"]


def test_an_ended_chair_is_not_reminded(scan_at, jcr):
    jcr_user(jcr, username="old-chair", role="chair", end_date="2025-01-01")
    review(awareness_date=d(2026, 4, 2))
    scan_at(at(d(2026, 4, 13)))
    assert not Notification.objects.filter(kind="case_review_deadline").exists()


def test_a_met_deadline_is_not_reminded(scan_at, jcr, jcr_chair):
    case = review(awareness_date=d(2026, 4, 2))
    services.case_review_update(review=case, values={"panel_notified_on": d(2026, 4, 8)}, user=None)
    scan_at(at(d(2026, 4, 13)))
    assert not Notification.objects.filter(kind="case_review_deadline").exists()
