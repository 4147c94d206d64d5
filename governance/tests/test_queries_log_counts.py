"""A page of a group's log counts its two parts, outstanding and the rest, in one reading of the
actions (issue 16: each count read the log's rows, the sources' rules being no part of the
index, so counting them apart read the 50,000-action board log twice)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.selectors.actions import ActionLog, group_action_log
from governance.services.actions import action_hand_over
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import bulk_actions, record

pytestmark = pytest.mark.django_db


def test_the_log_counts_outstanding_and_finished_actions_in_one_query(secretariat):
    group = GroupFactory()
    people = [PersonFactory() for _ in range(3)]
    bulk_actions(group, 40, owners=people, updates_per_action=0)
    handed = record(group, owners=people[:1], description="Handed on")  # outstanding, yet not here
    action_hand_over(action=handed, to_group=GroupFactory(), handed_by=secretariat)
    log = group_action_log(group=group)
    read_once = ActionLog(log, group=group, count_in_one_pass=True)  # every row read and sorted

    counted = ActionLog(log, group=group)
    with CaptureQueriesContext(connection) as queries:
        total, outstanding = counted.count(), counted.outstanding_count()

    assert len(queries) == 1
    assert total == read_once.count() == 41
    assert outstanding == read_once.outstanding_count()
    assert 0 < outstanding < 40
