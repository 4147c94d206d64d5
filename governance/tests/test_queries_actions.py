"""The action log's pages run a fixed number of SQL queries whatever the number of actions,
owners and updates: each page is measured at 10 and at 500 actions, and must run the same
number of queries both times, within a ceiling."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.partnership import partnership_settings, read_once
from governance.selectors.actions import action_plan, actions_for_meeting_review, actions_reviewed_at
from governance.services.actions import action_update
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import MeetingFactory, bulk_actions

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 500

# Page queries: the counts of outstanding and finished actions (one query each, or one in all
# with a search), the page's ids from one part or both, its rows, owners and updates, and the
# filter's lead agencies (owners and meetings are type-ahead fields since issue 16: the name of
# the owner chosen, when one is): 7 or 8.
# The rest is the request and the layout: session, user, the permission check's auth groups and
# memberships, the navigation's person and notification count (7 today).
LOG_QUERIES = 16
# Count, page, owners, updates, plus the request and the layout.
MY_ACTIONS_QUERIES = 12
# Counts by source, outstanding actions, their owners.
PLAN_QUERIES = 3
# Actions, owners, updates.
REVIEW_QUERIES = 3


def count_queries(fetch) -> int:
    with CaptureQueriesContext(connection) as context:
        fetch()
    return len(context.captured_queries)


@pytest.fixture
def people():
    return [PersonFactory() for _ in range(12)]


def test_group_log_runs_a_fixed_number_of_queries(
    client, secretariat, group, people, django_assert_max_num_queries
):
    client.force_login(secretariat)
    url = reverse("governance:action_log", args=[group.pk])
    filtered = {"q": "threshold", "status": "outstanding", "owner": people[0].pk, "page": 2}
    counts = []
    for size in (SMALL, LARGE - SMALL):
        bulk_actions(group, size, owners=people, owners_per_action=3, updates_per_action=3)
        with django_assert_max_num_queries(LOG_QUERIES):
            response = client.get(url)
        assert len(response.context["actions"]) == min(response.context["page_obj"].paginator.count, 25)
        counts.append(
            (count_queries(lambda: client.get(url)), count_queries(lambda: client.get(url, filtered)))
        )
    # At 10 actions the first page holds outstanding and finished ones and reads the ids of each
    # part: one query more than a page of outstanding actions alone. Never more at 500.
    assert counts[1][0] <= counts[0][0] and counts[1][1] <= counts[0][1]
    assert response.context["page_obj"].paginator.count == LARGE


def test_my_actions_runs_a_fixed_number_of_queries(client, member, people, django_assert_max_num_queries):
    me = member.person
    client.force_login(member)
    url = reverse("governance:my_actions")
    counts = []
    for size in (SMALL, LARGE - SMALL):
        bulk_actions(
            GroupFactory(), size // 2, owners=[me, *people[:2]], owners_per_action=3, updates_per_action=2
        )
        bulk_actions(GroupFactory(), size - size // 2, owners=[me, *people[2:4]], owners_per_action=3)
        with django_assert_max_num_queries(MY_ACTIONS_QUERIES):
            response = client.get(url)
        counts.append(count_queries(lambda: client.get(url, {"page": 2})))
    assert counts[0] == counts[1]
    assert response.context["page_obj"].paginator.count == LARGE


@pytest.mark.parametrize("size", [SMALL, LARGE])
def test_action_plan_and_review_run_a_fixed_number_of_queries(group, people, size, django_assert_num_queries):
    bulk_actions(group, size, owners=people, owners_per_action=2, updates_per_action=2)
    # A week after the actions were recorded: a meeting reviews only actions that existed at it.
    meeting = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=7))
    for action in group.actions.all()[:5]:
        action_update(action=action, author=None, text="Reviewed.", reviewed_at_meeting=meeting)
    with read_once():
        # A page reads the partnership's settings once per request, whatever it lists.
        partnership_settings()
        with django_assert_num_queries(PLAN_QUERIES):
            plan = action_plan(group=group)
        assert sum(line.open for line in plan) > 0
        with django_assert_num_queries(REVIEW_QUERIES):
            assert actions_for_meeting_review(meeting=meeting)
        with django_assert_num_queries(REVIEW_QUERIES):
            assert len(actions_reviewed_at(meeting)) == 5
