"""A person's own actions are found from their owner links, not by reading the whole log: on
PostgreSQL the links are read first and the actions fetched by primary key (issue 16: the home
page and My actions read 70,000 actions to find a dozen)."""

import datetime

import pytest
from django.db import connection

from conftest import skip_or_fail
from governance.models import Action
from governance.selectors.actions import my_actions
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import bulk_actions

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 6, 1)


@pytest.fixture
def busy_log():
    """A log of 6,000 actions shared among 300 owners (more than the planner keeps statistics of
    one by one, so it expects each to own the average sixty), and someone who owns three."""
    group = GroupFactory()
    owners = [PersonFactory() for _ in range(300)]
    bulk_actions(group, 6000, owners=owners, owners_per_action=3, updates_per_action=0)
    person = PersonFactory()
    mine = list(Action.objects.filter(group=group, number__in=[5, 50, 500]))
    for action in mine:
        action.owners.add(person)
    return person, mine


def test_my_actions_are_exactly_the_actions_the_person_owns(busy_log):
    person, mine = busy_log
    assert {action.pk for action in my_actions(person=person, today=TODAY)} == {a.pk for a in mine}


def test_on_postgresql_my_actions_are_fetched_by_primary_key_without_reading_the_log(busy_log, secretariat):
    if connection.vendor != "postgresql":
        skip_or_fail("the plan asked about is PostgreSQL's (DATABASE_URL is not PostgreSQL)")
    person, _mine = busy_log
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE governance_action")
        cursor.execute("ANALYZE governance_action_owners")
    # As the home page asks: with the case reviews' rule for the user in every row's filter.
    plan = my_actions(person=person, today=TODAY, user=secretariat).explain()
    assert "Seq Scan on governance_action " not in plan, plan
    assert "governance_action_pkey" in plan, plan
