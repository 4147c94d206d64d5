"""Issue 10 point 12: an action can be owned by a group ("key members of the D&P Group",
seed 003 action 19) as well as by people; its reminders go to that group's chair."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Action
from governance.selectors.actions import decorate, group_action_log
from governance.services.actions import action_record
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.helpers_reminders import london, make_action, sent_to
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def dp():
    return GroupFactory(name="Development & Practice Group", short_name="D&P Group")


def test_an_action_can_be_owned_by_a_group_without_named_people(group, dp):
    action = action_record(
        group=group,
        description="Update the neglect strategy virtually",
        owners=[],
        owner_group=dp,
        recorded_by=None,
    )
    [row] = decorate(group_action_log(group=group), today=datetime.date(2019, 12, 18))
    assert row.owner_group == dp
    assert row.initials == "D&P Group"
    assert row.owner_names == "key members of the Development & Practice Group"
    assert action.history.first().owner_group_id == dp.pk


def test_a_group_owns_an_action_alongside_named_people(group, dp):
    lead = PersonFactory(name="Lindsay MacHardy")
    action_record(
        group=group, description="Neglect strategy", owners=[lead], owner_group=dp, recorded_by=None
    )
    [row] = decorate(group_action_log(group=group), today=datetime.date(2019, 12, 18))
    assert row.initials == "LM/D&P Group"


def test_an_action_with_neither_people_nor_a_group_is_refused(group):
    with pytest.raises(ValidationError, match="a person or a group"):
        action_record(group=group, description="Nobody's job", owners=[], recorded_by=None)
    assert not Action.objects.exists()


def test_an_inactive_group_cannot_own_an_action(group):
    closed = GroupFactory(active=False)
    with pytest.raises(ValidationError, match="no longer active"):
        action_record(group=group, description="Too late", owners=[], owner_group=closed, recorded_by=None)


def test_the_secretariat_records_an_action_owned_by_a_group_through_the_form(client, secretariat, group, dp):
    client.force_login(secretariat)
    url = reverse("governance:action_create", args=[group.pk])
    refused = client.post(url, {"description": "Neglect strategy"})
    assert "Name at least one owner: a person or a group." in refused.content.decode()
    assert "Neglect strategy</textarea>" in refused.content.decode()
    response = client.post(url, {"description": "Neglect strategy", "owner_group": dp.pk})
    assert response.status_code == 302
    assert Action.objects.get().owner_group == dp


def test_the_due_reminder_of_a_group_owned_action_goes_to_that_groups_chair(scan_at, dp):
    chair = PersonFactory(name="Dana Chair")
    MembershipFactory(person=chair, group=dp, role="chair")
    MembershipFactory(person=PersonFactory(name="Mo Member"), group=dp, role="member")
    owner = PersonFactory(name="Lindsay MacHardy")
    make_action(GroupFactory(), owners=[owner], owner_group=dp, due=datetime.date(2026, 3, 19))
    make_action(GroupFactory(), owners=[], owner_group=dp, due=datetime.date(2026, 3, 19))
    scan_at(london(2026, 3, 12, 9))
    assert sent_to("action_due_soon") == ["Dana Chair", "Dana Chair", "Lindsay MacHardy"]


def test_the_weekly_overdue_list_of_a_group_owned_action_goes_to_that_groups_chair(scan_at, dp):
    chair = PersonFactory(name="Dana Chair")
    MembershipFactory(person=chair, group=dp, role="chair")
    MembershipFactory(person=PersonFactory(name="Vic Vice"), group=dp, role="vice_chair")
    MembershipFactory(
        person=PersonFactory(name="Former Chair"), group=dp, role="chair", end_date=datetime.date(2026, 1, 1)
    )
    MembershipFactory(person=PersonFactory(name="Mo Member"), group=dp, role="member")
    log = GroupFactory(name="Education Group")
    both = make_action(log, owners=[chair], owner_group=dp, due=datetime.date(2026, 3, 2))
    group_only = make_action(log, owners=[], owner_group=dp, due=datetime.date(2026, 3, 1))
    make_action(log, owners=[], owner_group=dp, due=datetime.date(2026, 3, 30))  # not overdue yet
    scan_at(london(2026, 3, 16, 8, 5))
    assert sent_to("actions_overdue_weekly") == ["Dana Chair", "Vic Vice"]
    listed = Notification.objects.get(kind="actions_overdue_weekly", recipient=chair)
    assert listed.subject == "You have 2 overdue actions"  # her own and the group's, once each
    assert listed.body.index(f"Action {group_only.number},") < listed.body.index(f"Action {both.number},")


def test_a_weekly_rescan_reads_a_fixed_number_of_queries_whatever_the_number_of_group_owned_actions(
    scan_at, dp
):
    MembershipFactory(person=PersonFactory(), group=dp, role="chair")

    def weekly_queries(count, day):
        log = GroupFactory()
        for _ in range(count):
            make_action(log, owners=[PersonFactory()], owner_group=dp, due=datetime.date(2026, 3, 1))
            make_action(log, owners=[], owner_group=dp, due=datetime.date(2026, 3, 1))
        scan_at(london(2026, 3, day, 8, 5))
        with CaptureQueriesContext(connection) as queries:
            scan_at(london(2026, 3, day, 8, 10))
        return len(queries)

    assert weekly_queries(3, 16) == weekly_queries(30, 23)
