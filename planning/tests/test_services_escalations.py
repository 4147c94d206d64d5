import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import AgendaItem, MeetingStatus, StandingItem
from governance.services.agenda import agenda_standing_items_add
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_actions import london
from governance.tests.factories_meetings import MeetingFactory
from notifications.models import Notification
from planning.choices import EscalationStatus
from planning.services.escalations import (
    escalation_close,
    escalation_raise,
    escalation_respond,
    escalations_place_open,
)
from planning.tests.factories import board_factory

pytestmark = pytest.mark.django_db
NOW = london(2025, 10, 15, 10)


@pytest.fixture
def board():
    return board_factory()


@pytest.fixture
def mash():
    return GroupFactory(name="MASH Group", short_name="MASH")


def _raise(mash, board, user, now=NOW):
    return escalation_raise(
        from_group=mash,
        to_group=board,
        title="Health staffing at the MASH",
        why="Operational cover is not in place at all times.",
        risk="Referrals wait for a health check.",
        tried="Raised twice at the MASH Group and with the ICB's named lead.",
        raised_by=user,
        now=now,
    )


def test_an_escalation_from_mash_goes_on_the_boards_next_draft_agenda_under_messages(
    mash, board, secretariat
):
    later = MeetingFactory(group=board, starts_at=london(2025, 12, 10))
    next_meeting = MeetingFactory(group=board, starts_at=london(2025, 11, 5))
    agenda_standing_items_add(meeting=next_meeting)
    escalation = _raise(mash, board, secretariat)
    item = AgendaItem.objects.get(pk=escalation.agenda_item_id)
    assert item.meeting == next_meeting
    assert item.parent.standing_item == StandingItem.MESSAGES
    assert item.title == "Escalation from MASH: Health staffing at the MASH"
    assert not later.agenda_items.exists()


def test_a_published_agenda_is_passed_over_for_the_next_draft_one(mash, board, secretariat):
    published = MeetingFactory(group=board, starts_at=london(2025, 11, 5), agenda_published_at=NOW)
    draft = MeetingFactory(group=board, starts_at=london(2025, 12, 10))
    escalation = _raise(mash, board, secretariat)
    assert escalation.agenda_item.meeting == draft
    assert not published.agenda_items.exists()
    # with no messages item, it is an item of its own
    assert escalation.agenda_item.parent is None


def test_without_a_coming_board_meeting_it_waits_and_is_placed_once_one_is_scheduled(
    mash, board, secretariat
):
    escalation = _raise(mash, board, secretariat)
    assert escalation.agenda_item is None
    with pytest.raises(ValidationError):
        escalations_place_open(to_group=board, now=NOW)
    meeting = MeetingFactory(group=board, starts_at=london(2025, 11, 5))
    assert escalations_place_open(to_group=board, now=NOW) == 1
    escalation.refresh_from_db()
    assert escalation.agenda_item.meeting == meeting
    assert escalations_place_open(to_group=board, now=NOW) == 0  # not twice


def test_one_still_open_after_its_meeting_is_held_goes_on_the_next_agenda(mash, board, secretariat):
    first = MeetingFactory(group=board, starts_at=london(2025, 11, 5))
    escalation = _raise(mash, board, secretariat)
    first.status = MeetingStatus.HELD
    first.save()
    second = MeetingFactory(group=board, starts_at=london(2025, 12, 10))
    assert escalations_place_open(to_group=board, now=london(2025, 11, 6)) == 1
    escalation.refresh_from_db()
    assert escalation.agenda_item.meeting == second


def test_an_escalation_goes_only_to_a_board(mash, secretariat):
    with pytest.raises(ValidationError):
        _raise(mash, GroupFactory(), secretariat)


def test_the_boards_response_then_outcome_move_it_to_responded_then_closed(mash, board, secretariat):
    escalation = _raise(mash, board, secretariat)
    escalation_respond(
        escalation=escalation,
        response="ICB to confirm cover by 1 December.",
        responded_on=datetime.date(2025, 11, 5),
        responded_by=secretariat,
    )
    assert escalation.status == EscalationStatus.RESPONDED
    with pytest.raises(ValidationError):
        escalation_close(
            escalation=escalation, outcome="", closed_on=datetime.date(2025, 12, 1), closed_by=secretariat
        )
    escalation_close(
        escalation=escalation,
        outcome="Cover confirmed on the MASH rota.",
        closed_on=datetime.date(2025, 12, 1),
        closed_by=secretariat,
    )
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.CLOSED
    assert escalation.history.count() >= 3


def test_a_response_dated_before_the_escalation_is_refused(mash, board, secretariat):
    escalation = _raise(mash, board, secretariat)
    with pytest.raises(ValidationError):
        escalation_respond(
            escalation=escalation,
            response="Noted.",
            responded_on=datetime.date(2025, 10, 14),
            responded_by=secretariat,
        )


def test_the_boards_chair_is_told_of_an_escalation_and_the_subgroups_chair_of_the_response(
    mash, board, secretariat
):
    board_chair = PersonFactory(name="Catherine Adeyemi")
    MembershipFactory(person=board_chair, group=board, role="chair")
    mash_chair = PersonFactory(name="Bethan Morgan")
    MembershipFactory(person=mash_chair, group=mash, role="co_chair")
    MeetingFactory(group=board, starts_at=london(2025, 11, 5))
    escalation = _raise(mash, board, secretariat)
    told = Notification.objects.get(kind="escalation_raised")
    assert told.recipient == board_chair
    assert "Health staffing at the MASH" in told.subject
    assert "It is on the agenda of" in told.body
    escalation_respond(
        escalation=escalation,
        response="ICB to confirm cover by 1 December.",
        responded_on=datetime.date(2025, 11, 5),
        responded_by=secretariat,
    )
    answered = Notification.objects.get(kind="escalation_responded")
    assert answered.recipient == mash_chair
    assert "ICB to confirm cover" in answered.body
