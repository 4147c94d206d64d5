"""Issue 9, points 7 and 8: a search is bounded; tampered forms give a 400 or a form error; free
text has a maximum length; single lines refuse control characters."""

import pytest
from django.urls import reverse

from core.forms import FREE_TEXT_MAX_LENGTH
from governance.models import Action, Group
from governance.tests.factories import PersonFactory
from governance.tests.factories_actions import record
from governance.tests.factories_minutes import AgendaItemFactory, MeetingFactory

# Point 7: search --------------------------------------------------------------------------------


def _search(client, group, words):
    return client.get(reverse("governance:action_log", args=[group.pk]), {"q": words})


def test_a_search_of_more_than_ten_words_is_refused_with_a_clear_message(
    client, secretariat, group, django_assert_max_num_queries
):
    record(group, description="Draft the neglect strategy")
    client.force_login(secretariat)
    with django_assert_max_num_queries(20):
        response = _search(client, group, " ".join(f"word{n}" for n in range(1900)))
    assert response.status_code == 200
    assert "Search for at most 10 words" in response.content.decode() or "at most 200 characters" in (
        response.content.decode()
    )


def test_a_search_of_eleven_short_words_is_refused(client, secretariat, group):
    client.force_login(secretariat)
    response = _search(client, group, "a b c d e f g h i j k")
    assert "Search for at most 10 words" in response.content.decode()


def test_a_search_longer_than_two_hundred_characters_is_refused(client, secretariat, group):
    client.force_login(secretariat)
    response = _search(client, group, "x" * 201)
    assert "at most 200 characters" in response.content.decode()


def test_a_search_of_ten_words_still_finds_the_action(client, secretariat, group):
    record(group, description="Draft the neglect strategy with partners this spring for the board")
    client.force_login(secretariat)
    words = "draft the neglect strategy with partners this spring for board"
    assert "neglect strategy" in _search(client, group, words).content.decode()


# Point 8: tampered forms, long text, control characters ------------------------------------------


def test_ratifying_a_non_numeric_decision_is_a_bad_request(client, chair, group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group))
    client.force_login(chair)
    response = client.post(reverse("governance:decision_ratify", args=[item.pk]), {"decision": "1 OR 1=1"})
    assert response.status_code == 400


def test_an_attendance_post_with_an_unlisted_person_or_a_huge_total_saves_nothing(client, chair, group):
    meeting = MeetingFactory(group=group)
    client.force_login(chair)
    url = reverse("governance:attendance_edit", args=[meeting.pk])
    stranger = PersonFactory()
    for total in ("1", "100000000"):
        response = client.post(
            url,
            {
                "line-TOTAL_FORMS": total,
                "line-INITIAL_FORMS": "0",
                "line-0-person": stranger.pk,
                "line-0-status": "present",
            },
        )
        assert response.status_code in (200, 400)
    assert not meeting.attendance.filter(person=stranger).exists()


def test_an_action_description_longer_than_ten_thousand_characters_is_refused(client, chair, group):
    client.force_login(chair)
    response = client.post(
        reverse("governance:action_create", args=[group.pk]),
        {"description": "x" * (FREE_TEXT_MAX_LENGTH + 1), "owners": [chair.person.pk]},
    )
    assert response.status_code == 200
    assert "at most 10000 characters" in response.content.decode()
    assert not Action.objects.exists()


@pytest.mark.parametrize("short_name", ["EDU\r\nBcc: everyone@example.org", "EDU\tgroup", "EDU\x00"])
def test_a_groups_short_name_refuses_control_characters(client, secretariat, group, short_name):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:group_edit", args=[group.pk]),
        {
            "name": group.name,
            "short_name": short_name,
            "kind": group.kind,
            "meeting_frequency": group.meeting_frequency,
            "paper_deadline_days": 7,
            "quorum_rule": group.quorum_rule,
            "log_readers": group.log_readers,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "must be one line of text" in response.content.decode()
    assert Group.objects.get(pk=group.pk).short_name == "EDU"
