import pytest

from governance.models import QuorumRule
from governance.selectors.meetings import item_quoracy, meeting_quoracy
from governance.tests.factories import PersonFactory, council, icb, police
from governance.tests.factories_meetings import AgendaItemFactory, AttendanceFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def agenda(meeting):
    first = AgendaItemFactory(meeting=meeting, position=1)
    second = AgendaItemFactory(meeting=meeting, position=2)
    sub = AgendaItemFactory(meeting=meeting, parent=second, position=1)
    third = AgendaItemFactory(meeting=meeting, position=3)
    return [first, second, sub, third]


def attend(meeting, agency, **kwargs):
    return AttendanceFactory(meeting=meeting, person=PersonFactory(agency=agency), **kwargs)


def test_meeting_with_the_three_partners_present_is_quorate(meeting):
    for agency in (council(), icb(), police()):
        attend(meeting, agency)
    assert str(meeting_quoracy(meeting=meeting)) == "Quorate"


def test_meeting_with_police_sending_apologies_is_not_quorate(meeting):
    attend(meeting, council())
    attend(meeting, icb())
    attend(meeting, police(), status="apologies")
    assert str(meeting_quoracy(meeting=meeting)) == "Not quorate — police not represented"


def test_group_with_no_quorum_rule_is_never_blocked(meeting):
    meeting.group.quorum_rule = QuorumRule.NONE
    meeting.group.save()
    assert meeting_quoracy(meeting=meeting).quorate


def test_police_who_left_before_an_item_make_that_item_and_its_sub_items_inquorate(meeting, agenda):
    first, second, sub, third = agenda
    attend(meeting, council())
    attend(meeting, icb())
    attend(meeting, police(), left_before_item=second)
    assert item_quoracy(meeting=meeting, item=first).quorate
    assert str(item_quoracy(meeting=meeting, item=sub)) == "Not quorate — police not represented"
    assert not item_quoracy(meeting=meeting, item=third).quorate
    assert meeting_quoracy(meeting=meeting).quorate


def test_council_arriving_for_the_sub_item_makes_the_earlier_items_inquorate(meeting, agenda):
    _first, second, sub, third = agenda
    attend(meeting, council(), arrived_for_item=sub)
    attend(meeting, icb())
    attend(meeting, police())
    assert not item_quoracy(meeting=meeting, item=second).quorate
    assert item_quoracy(meeting=meeting, item=sub).quorate
    assert item_quoracy(meeting=meeting, item=third).quorate


def test_item_quoracy_with_preloaded_rows_runs_no_queries(meeting, agenda, django_assert_num_queries):
    from governance.selectors.meetings import agenda_items_in_order, attendance_for_quoracy

    attend(meeting, council())
    items = agenda_items_in_order(meeting=meeting)
    attendance = attendance_for_quoracy(meeting=meeting)
    meeting.group  # noqa: B018 - load the group once
    with django_assert_num_queries(0):
        for item in items:
            item_quoracy(meeting=meeting, item=item, attendance=attendance, items=items)
