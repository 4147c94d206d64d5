"""The action log's search is one query answered from trigram indexes on PostgreSQL (issue 9
point 7). The suite runs without migrations, so the test builds the indexes with the
migration's own function before asking the planner."""

import importlib

import pytest
from django.db import connection

from conftest import skip_or_fail
from governance.filters.actions import ActionLogFilter
from governance.models import Action
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import bulk_actions

pytestmark = pytest.mark.django_db

trigram_migration = importlib.import_module("governance.migrations.0011_search_trigram_indexes")


def _search(group, words: str):
    return ActionLogFilter({"q": words}, queryset=Action.objects.filter(group=group), group=group).qs


def test_the_search_finds_words_in_any_order_across_text_and_owners_names():
    group = GroupFactory()
    owner = PersonFactory(name="Bea Budgetholder")
    bulk_actions(group, 20, owners=[PersonFactory(), PersonFactory()], updates_per_action=0)
    Action.objects.filter(group=group, number=7).update(description="Write the funding letter")
    Action.objects.get(group=group, number=9).owners.add(owner)

    assert [action.number for action in _search(group, "letter FUNDING")] == [7]
    assert [action.number for action in _search(group, "budgetholder")] == [9]
    assert list(_search(group, "letter budgetholder")) == []


def test_on_postgresql_the_search_is_answered_from_the_trigram_indexes():
    if connection.vendor != "postgresql":
        skip_or_fail("the trigram indexes are PostgreSQL's (DATABASE_URL is not PostgreSQL)")
    with connection.schema_editor() as schema_editor:
        trigram_migration.create_trigram_indexes(None, schema_editor)
    group = GroupFactory()
    bulk_actions(group, 50, owners=[PersonFactory(), PersonFactory()], updates_per_action=0)

    with connection.cursor() as cursor:
        # A small table is cheaper to read whole; forbid that to see which indexes serve it.
        cursor.execute("ANALYZE governance_action")
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = _search(group, "threshold letter").explain()

    # The log's own text (the table that grows to tens of thousands of rows) comes from its
    # indexes; the people's names are the planner's choice at the directory's size.
    for index, table, _column in trigram_migration.TRIGRAM_INDEXES:
        if table == "governance_action":
            assert index in plan, f"{index} not used:\n{plan}"
