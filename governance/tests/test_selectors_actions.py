import datetime

import pytest

from governance.models import ActionStatus
from governance.selectors.actions import ActionLog, group_action_log
from governance.services.actions import action_update
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_group():
    group = GroupFactory()
    owner = PersonFactory()
    due = [datetime.date(2024, 7, d) for d in (20, 5, 12)]
    outstanding = [record(group, owners=[owner], due_date=d, description=f"due {d}") for d in due]
    no_date = record(group, owners=[owner], description="no date")
    finished = []
    for day in (3, 9):
        action = record(group, owners=[owner], description=f"finished {day}")
        action_update(
            action=action,
            author=None,
            new_status=ActionStatus.COMPLETED,
            text="Done",
            today=datetime.date(2024, 6, day),
        )
        finished.append(action)
    return group, outstanding, no_date, finished


def descriptions(actions):
    return [action.description for action in actions]


@pytest.mark.parametrize("one_pass", [False, True])
def test_the_log_reads_outstanding_by_due_date_then_latest_finished(log_group, one_pass):
    group, *_ = log_group
    log = ActionLog(group_action_log(group=group), count_in_one_pass=one_pass)
    assert log.count() == 6
    assert log.outstanding_count() == 4
    expected = [
        "due 2024-07-05",
        "due 2024-07-12",
        "due 2024-07-20",
        "no date",
        "finished 9",
        "finished 3",
    ]
    assert descriptions(log[0:6]) == expected
    assert descriptions(log[3:5]) == expected[3:5]  # a page across both parts
    assert descriptions(log[5:25]) == expected[5:]
    assert descriptions(log) == expected  # iterating, as the exports do
    assert log[1].description == expected[1]


def test_a_slice_past_the_end_is_empty(log_group):
    group, *_ = log_group
    assert ActionLog(group_action_log(group=group))[10:20] == []
