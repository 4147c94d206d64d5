"""Issue 10 point 9: an action handed to another group stays in the giving group's log and
minutes under the number it had there, saying where it went; the receiving log says where it
came from."""

import datetime

import pytest
from django.urls import reverse

from governance.action_rules import log_place
from governance.selectors.actions import actions_reviewed_at
from governance.selectors.minutes import minutes_document
from governance.services.actions import action_hand_over, action_update
from governance.services.minutes import minutes_start
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, london, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return GroupFactory(name="Safeguarding Partners Board", short_name="Board")


@pytest.fixture
def mash():
    return GroupFactory(name="MASH Governance Group", short_name="MASH")


@pytest.fixture
def handed(board, mash):
    """Board meeting of 18 Dec 2019: action 1 stays, action 2 (item 2.3) goes to MASH as its action 1."""
    meeting = MeetingFactory(group=board, starts_at=london(2019, 12, 18))
    item = AgendaItemFactory(meeting=meeting, number="2.3", title="MASH governance")
    kept = record(board, origin_item=item, description="Update the Q&E terms of reference")
    moved = record(board, origin_item=item, description="MASH to report to the Q&E Group")
    action_hand_over(action=moved, to_group=mash, handed_by=None)
    return meeting, kept, moved


def test_a_handed_over_action_is_placed_under_its_old_number_saying_where_it_went():
    place = log_place(
        number=1, in_this_group=False, given_number=2, handed_to_label="MASH", handed_to_number=1
    )
    assert (place.number, place.handed_to) == (2, "handed to MASH (MASH action 1)")
    assert log_place(number=1, in_this_group=True, came_from_label="Board", came_from_number=2).came_from == (
        "from Board (Board action 2)"
    )


def test_a_handed_over_action_stays_in_the_giving_log_under_its_old_number(
    client, secretariat, board, handed
):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log", args=[board.pk]))
    page = response.content.decode()
    numbers = [action.place.number for action in response.context["actions"]]
    assert sorted(numbers) == [1, 2]
    assert "MASH to report to the Q&amp;E Group" in page
    assert "Handed to MASH (MASH action 1)" in page


def test_the_receiving_log_shows_where_a_handed_over_action_came_from(client, secretariat, mash, handed):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log", args=[mash.pk]))
    [row] = response.context["actions"]
    assert row.place.number == 1
    assert "Handed from Board (Board action 2)" in response.content.decode()


def test_a_handed_over_action_is_not_outstanding_in_the_giving_log(client, secretariat, board, handed):
    client.force_login(secretariat)
    url = reverse("governance:action_log", args=[board.pk])
    outstanding = client.get(url, {"status": "outstanding"}).context["actions"]
    finished = client.get(url, {"status": "finished"}).context["actions"]
    assert [a.place.number for a in outstanding] == [1]
    assert [(a.place.number, a.rag.label) for a in finished] == [(2, "Handed over")]


def test_the_giving_meetings_minutes_show_a_handed_over_action_under_its_old_number(handed):
    meeting, _kept, _moved = handed
    document = minutes_document(meeting=meeting, include_confidential=True)
    [actions] = [entry.actions for entry in document.items if entry.actions]
    assert [(a.place.number, a.place.handed_to) for a in actions] == [
        (1, ""),
        (2, "handed to MASH (MASH action 1)"),
    ]


def test_the_giving_minutes_page_never_shows_two_action_ones(client, secretariat, handed):
    meeting, _kept, _moved = handed
    minutes_start(meeting=meeting)
    client.force_login(secretariat)
    page = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert page.count("<strong>Action 1</strong>") == 1
    assert "<strong>Action 2</strong> (18.12.19 ref 2.3), handed to MASH (MASH action 1)" in page


def test_actions_reviewed_before_a_hand_over_keep_their_number_in_the_minutes(board, mash):
    meeting = MeetingFactory(group=board, starts_at=london(2020, 1, 31))
    record(board, now=london(2019, 12, 18))
    action = record(board, due_date=datetime.date(2020, 3, 31), now=london(2019, 12, 18))
    action_update(action=action, author=None, text="Lead identified.", reviewed_at_meeting=meeting)
    action_hand_over(action=action, to_group=mash, handed_by=None)
    [reviewed] = actions_reviewed_at(meeting)
    assert (reviewed.place.number, reviewed.place.handed_to) == (2, "handed to MASH (MASH action 1)")


def test_a_giving_log_reader_sees_the_hand_over_but_not_the_receiving_groups_updates(client, board, mash):
    mash.log_readers = "members_only"
    mash.save()
    reader = UserFactory(username="board-member")
    MembershipFactory(person=PersonFactory(user=reader), group=board)
    action = record(board, description="MASH to report to the Q&E Group")
    action_hand_over(action=action, to_group=mash, handed_by=None)
    action_update(action=action, author=None, text="Staffing gaps discussed at the MASH.")
    client.force_login(reader)
    page = client.get(reverse("governance:action_log", args=[board.pk])).content.decode()
    assert "MASH to report to the Q&amp;E Group" in page
    assert "Handed to MASH (MASH action 1)" in page
    assert "Staffing gaps" not in page
