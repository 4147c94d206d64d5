"""Services that read the clock take the moment as `now=` or `today=` (issue 8): the demo replays a
year through them without moving the clock, and what they write is dated at that moment."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import ActionStatus, ActionUpdate, GroupKind, Minutes, MinutesStatus
from governance.services import actions as action_services
from governance.services import minutes as minutes_services
from governance.services import structure as structure_services
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_actions import london, record
from governance.tests.factories_minutes import at, board_meeting, partners_present

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="Board", kind=GroupKind.BOARD)


def test_an_action_recorded_updated_and_handed_over_at_a_given_moment_is_dated_then(board, secretariat):
    recorded = london(2019, 10, 23, 15)
    action = record(board, recorded_by=secretariat, due_date=datetime.date(2019, 12, 1), now=recorded)
    assert action.created_at == recorded

    handed = london(2019, 11, 4, 9)
    handover = action_services.action_hand_over(
        action=action, to_group=GroupFactory(), handed_by=secretariat, note="CA to pass on", now=handed
    )
    assert handover.created_at == handed

    completed = london(2019, 12, 18, 14, 30)
    update = action_services.action_update(
        action=action,
        author=secretariat,
        text="Letter sent.",
        new_status=ActionStatus.COMPLETED,
        now=completed,
    )
    assert update.created_at == completed
    assert action.completed_on == datetime.date(2019, 12, 18)  # `today` defaults to the day of `now`
    trail = list(ActionUpdate.objects.filter(action=action).order_by("created_at"))
    assert [row.created_at for row in trail] == [handed, completed]
    action.refresh_from_db()
    assert action.created_at == recorded


def test_without_now_the_services_date_things_by_the_clock(board, secretariat):
    action = record(board, recorded_by=secretariat, due_date=datetime.date(2019, 12, 1))
    update = action_services.action_update(action=action, author=secretariat, text="Under way.")
    assert update.created_at.date() >= datetime.date(2025, 1, 1)
    assert action.created_at <= update.created_at


def test_minutes_circulated_approved_with_an_amendment_and_published_at_given_moments(board, secretariat):
    december, december_items = board_meeting(board, at(2019, 12, 18))
    january, january_items = board_meeting(board, at(2020, 1, 31))
    partners_present(december)
    partners_present(january)
    minutes_services.minutes_update_item(item=december_items[1], discussion="Welcome.")
    minutes = Minutes.objects.get(meeting=december)

    with pytest.raises(ValidationError, match="after the meeting has taken place"):
        minutes_services.minutes_circulate(minutes=minutes, now=at(2019, 12, 17))
    circulated = minutes_services.minutes_circulate(minutes=minutes, now=at(2019, 12, 27))
    assert circulated.status == MinutesStatus.CIRCULATED and circulated.circulated_at == at(2019, 12, 27)

    approved = minutes_services.minutes_approve(
        minutes=minutes,
        at_item=january_items[0],
        amendments=[
            {"agenda_item": december_items[1], "new_text": "Welcome, all.", "requested_by": PersonFactory()}
        ],
        approved_by=secretariat,
        now=at(2020, 1, 31, 14),
    )
    assert [amendment.created_at for amendment in approved.amendments.all()] == [at(2020, 1, 31, 14)]

    published = minutes_services.minutes_publish(
        minutes=approved, published_by=secretariat, now=at(2020, 2, 5)
    )
    assert published.published_at == at(2020, 2, 5)


def test_a_membership_ends_on_the_given_day_and_counts_as_ended_from_then():
    membership = MembershipFactory(start_date=datetime.date(2019, 1, 7))
    structure_services.membership_end(membership=membership, today=datetime.date(2019, 6, 30))
    assert membership.end_date == datetime.date(2019, 6, 30)
    with pytest.raises(ValidationError, match="already ended"):
        structure_services.membership_end(membership=membership, today=datetime.date(2019, 7, 1))
