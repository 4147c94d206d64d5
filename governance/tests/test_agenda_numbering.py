"""Issue 10 point 11: agenda numbering as seed 003 writes it. A group can number sub-items with
letters (2a, 2b); an item can have no number (Welcome), the next item being 1."""

import pytest
from django.urls import reverse

from governance.agenda_rules import item_number, sub_item_letters
from governance.models import AgendaItem
from governance.services.agenda import agenda_item_add
from governance.tests.factories import GroupFactory
from governance.tests.factories_meetings import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ordinal", "parent", "letters", "expected"),
    [
        (1, None, False, "1"),
        (2, "2", False, "2.2"),
        (1, "2", True, "2a"),
        (2, "2", True, "2b"),
        (None, None, False, ""),
        (1, "", True, ""),
    ],
)
def test_an_item_is_numbered_by_its_place_among_numbered_siblings(ordinal, parent, letters, expected):
    assert item_number(ordinal=ordinal, parent_number=parent, letters=letters) == expected


def test_sub_item_letters_run_past_z():
    assert [sub_item_letters(n) for n in (1, 26, 27, 28)] == ["a", "z", "aa", "ab"]


def _numbers(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting).order_by("sort_key").values_list("number", flat=True)
    )


def test_seed_003s_agenda_welcome_unnumbered_and_sub_items_lettered():
    board = GroupFactory(name="Safeguarding Partners Board", agenda_sub_numbering="letters")
    meeting = MeetingFactory(group=board)
    agenda_item_add(meeting=meeting, title="Welcome", numbered=False)
    agenda_item_add(meeting=meeting, title="Minutes of the previous meeting, action log and matters arising")
    scrutiny = agenda_item_add(meeting=meeting, title="Performance & Scrutiny")
    agenda_item_add(meeting=meeting, parent=scrutiny, title="Feedback from Quality & Effectiveness Group")
    agenda_item_add(meeting=meeting, parent=scrutiny, title="Report on CDOP Process")
    assert _numbers(meeting) == ["", "1", "2", "2a", "2b"]
    assert str(AgendaItem.objects.get(title="Welcome")) == "Welcome"


def test_a_group_numbering_decimally_keeps_2_1():
    meeting = MeetingFactory(group=GroupFactory())
    parent = agenda_item_add(meeting=meeting, title="Performance")
    agenda_item_add(meeting=meeting, parent=parent, title="LADO")
    assert _numbers(meeting) == ["1", "1.1"]


def test_an_unnumbered_item_is_added_through_the_agenda_page(client, secretariat, group):
    meeting = MeetingFactory(group=group)
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"title": "Welcome", "purpose": "information", "unnumbered": "on"},
    )
    assert response.status_code == 302
    client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"title": "Budget", "purpose": "information"},
    )
    assert dict(AgendaItem.objects.filter(meeting=meeting).values_list("title", "number")) == {
        "Welcome": "",
        "Budget": "1",
    }


def test_the_group_page_says_how_it_numbers_sub_items_and_that_it_is_the_products_rule(client, secretariat):
    board = GroupFactory(agenda_sub_numbering="letters")
    client.force_login(secretariat)
    page = client.get(board.get_absolute_url()).content.decode()
    assert "Numbered 2a, 2b (as seed 003&#x27;s board minutes)" in page
    assert "this product's own" in page
