"""Action reminders from the scan: a week before, on the day, weekly overdue lists for owners and chairs."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.helpers_reminders import london, make_action, sent_to
from notifications import registry
from notifications.models import Notification, NotificationState, ScanRun

pytestmark = pytest.mark.django_db

THURSDAY = london(2026, 3, 12, 9)
D = datetime.date


def test_owner_is_told_by_email_and_in_app_a_week_before_an_action_is_due(scan_at):
    owner = PersonFactory(name="Emma Field", email="emma.field@council.example.org")
    action = make_action(GroupFactory(short_name="EDU"), owners=[owner], due=D(2026, 3, 19))
    scan_at(THURSDAY)
    notification = Notification.objects.get()
    assert notification.kind == "action_due_soon"
    assert notification.recipient == owner
    assert notification.state == NotificationState.SENT
    assert notification.url == action.get_absolute_url()
    assert [message.to for message in mail.outbox] == [["emma.field@council.example.org"]]
    assert mail.outbox[0].subject == f"Action {action.number} (EDU) is due on Thu 19 Mar 2026"
    assert "in 7 days" in mail.outbox[0].body


def test_reminder_is_sent_once_when_scan_runs_twice(scan_at):
    owner = PersonFactory()
    make_action(GroupFactory(), owners=[owner], due=D(2026, 3, 19))
    scan_at(THURSDAY)
    scan_at(THURSDAY + datetime.timedelta(minutes=5))
    scan_at(london(2026, 3, 18, 9))  # the day before: the week-ahead reminder already went
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_owners_are_told_again_on_the_day_the_action_is_due(scan_at):
    owners = [PersonFactory(name="Ann Owner"), PersonFactory(name="Bob Owner")]
    make_action(GroupFactory(), owners=owners, due=D(2026, 3, 19))
    scan_at(THURSDAY)
    scan_at(london(2026, 3, 19, 7))
    scan_at(london(2026, 3, 19, 16))
    assert sent_to("action_due_soon") == ["Ann Owner", "Bob Owner"]
    assert sent_to("action_due_today") == ["Ann Owner", "Bob Owner"]
    assert len(mail.outbox) == 4


def test_a_week_ahead_reminder_is_caught_up_when_the_action_is_recorded_within_the_week(scan_at):
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 14))
    scan_at(THURSDAY)
    assert "in 2 days" in Notification.objects.get(kind="action_due_soon").body


def test_a_revised_due_date_brings_a_new_reminder(scan_at):
    action = make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 19))
    scan_at(THURSDAY)
    action.due_date = D(2026, 3, 20)
    action.save()
    scan_at(london(2026, 3, 13, 9))
    assert Notification.objects.filter(kind="action_due_soon").count() == 2


def test_no_reminder_for_an_action_due_eight_days_ahead(scan_at):
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 20))
    scan_at(THURSDAY)
    assert not Notification.objects.exists()


def test_no_reminders_for_finished_actions_inactive_owners_or_inactive_groups(scan_at):
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 19), status="completed")
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 19), status="closed")
    make_action(GroupFactory(), owners=[PersonFactory(active=False)], due=D(2026, 3, 19))
    make_action(GroupFactory(active=False), owners=[PersonFactory()], due=D(2026, 3, 19))
    scan_at(THURSDAY)
    assert not Notification.objects.exists()
    assert not mail.outbox


def test_a_completed_scan_is_recorded_for_the_health_check(scan_at):
    counts = scan_at(THURSDAY)
    run = ScanRun.objects.get(name="reminders")
    assert run.last_finished_at == THURSDAY
    assert run.last_counts == counts
    assert set(counts) >= {"action_reminders", "quoracy_forecasts", "non_attendance", "emails_requeued"}


def test_a_rescan_runs_a_fixed_number_of_queries_whatever_the_number_of_due_actions(scan_at, monkeypatch):
    # Governance's own scans: each other app's scans are counted in that app's tests.
    governance_scans = {
        name: scan
        for name, scan in registry._scans.items()
        if scan.function.__module__.startswith("governance.")
    }
    monkeypatch.setattr(registry, "_scans", governance_scans)

    def rescan_queries(count):
        group = GroupFactory()
        for _ in range(count):
            make_action(group, owners=[PersonFactory(), PersonFactory()], due=D(2026, 3, 19))
        scan_at(THURSDAY)
        with CaptureQueriesContext(connection) as queries:
            scan_at(THURSDAY + datetime.timedelta(minutes=5))
        return len(queries)

    small = rescan_queries(3)
    assert rescan_queries(30) == small
    assert small <= 40


# Weekly overdue lists -------------------------------------------------------------

MONDAY = london(2026, 3, 16, 8, 5)


def test_each_owner_gets_one_weekly_list_of_their_overdue_actions(scan_at):
    owner = PersonFactory(name="Olive Owner")
    group = GroupFactory(short_name="Q&E")
    first = make_action(group, owners=[owner], due=D(2026, 3, 1), reference="23.10.19 ref 4.1")
    second = make_action(group, owners=[owner], due=D(2026, 3, 9), status="in_progress")
    make_action(group, owners=[owner], due=D(2026, 3, 16))  # due today: not overdue
    make_action(group, owners=[owner], due=D(2026, 3, 2), status="completed")
    scan_at(MONDAY)
    notification = Notification.objects.get(kind="actions_overdue_weekly")
    assert notification.recipient == owner
    assert notification.subject == "You have 2 overdue actions"
    assert f"Action {first.number} (23.10.19 ref 4.1), due Sun 1 Mar 2026" in notification.body
    assert f"Action {second.number}, due Mon 9 Mar 2026" in notification.body
    assert notification.body.index(f"Action {first.number} ") < notification.body.index(
        f"Action {second.number},"
    )


def test_the_weekly_list_goes_once_a_week_on_monday_morning(scan_at):
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 1))
    scan_at(london(2026, 3, 16, 7, 55))  # before eight
    assert not Notification.objects.filter(kind="actions_overdue_weekly").exists()
    scan_at(MONDAY)
    scan_at(london(2026, 3, 16, 15))
    scan_at(london(2026, 3, 17, 9))
    assert Notification.objects.filter(kind="actions_overdue_weekly").count() == 1
    scan_at(london(2026, 3, 23, 9))
    assert Notification.objects.filter(kind="actions_overdue_weekly").count() == 2


def test_after_easter_monday_the_weekly_list_goes_on_tuesday(scan_at):
    make_action(GroupFactory(), owners=[PersonFactory()], due=D(2026, 3, 1))
    scan_at(london(2026, 4, 6, 9))
    assert not Notification.objects.exists()
    scan_at(london(2026, 4, 7, 9))
    assert Notification.objects.filter(kind="actions_overdue_weekly").count() == 1


def test_each_chair_gets_a_weekly_summary_of_their_groups_overdue_actions(scan_at):
    group = GroupFactory(name="Education Group", short_name="EDU")
    chair = PersonFactory(name="Chris Chair")
    MembershipFactory(person=chair, group=group, role="chair")
    MembershipFactory(person=PersonFactory(name="Vic Vice"), group=group, role="vice_chair")
    MembershipFactory(
        person=PersonFactory(name="Former Chair"), group=group, role="chair", end_date=D(2026, 1, 1)
    )
    MembershipFactory(person=PersonFactory(name="Morgan Member"), group=group, role="member")
    owner = PersonFactory(name="Emma Field")
    make_action(group, owners=[owner], due=D(2026, 3, 1))
    make_action(group, owners=[owner], due=D(2026, 3, 2))
    other_group = GroupFactory()
    make_action(other_group, owners=[owner], due=D(2026, 3, 1))  # no chair: nobody to tell
    scan_at(MONDAY)
    assert sent_to("group_actions_overdue_weekly") == ["Chris Chair", "Vic Vice"]
    summary = Notification.objects.filter(kind="group_actions_overdue_weekly").first()
    assert summary.subject == "EDU: 2 overdue actions"
    assert "— EF:" in summary.body


def test_no_chair_summary_when_nothing_is_overdue(scan_at):
    group = GroupFactory()
    MembershipFactory(person=PersonFactory(), group=group, role="chair")
    make_action(group, owners=[PersonFactory()], due=D(2026, 3, 30))
    scan_at(MONDAY)
    assert not Notification.objects.filter(kind__endswith="overdue_weekly").exists()
