"""Issue 10 point 11: back-entering a past meeting. The chair and minute-taker are those in post
on the meeting's date, not today's."""

import datetime

import pytest
from django.urls import reverse

from governance.models import Meeting
from governance.tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_and_present(group):
    """Liz chaired until 31 Mar 2020, Jo since; Ed took the minutes until then, Pat since."""
    liz, jo = PersonFactory(name="Liz Marsh"), PersonFactory(name="Jo Newman")
    ed, pat = PersonFactory(name="Ed Hale"), PersonFactory(name="Pat Rowe")
    ended = {"start_date": datetime.date(2018, 1, 1), "end_date": datetime.date(2020, 4, 1)}
    MembershipFactory(person=liz, group=group, role="chair", **ended)
    MembershipFactory(person=ed, group=group, role="minute_taker", **ended)
    MembershipFactory(person=jo, group=group, role="chair", start_date=datetime.date(2020, 4, 1))
    MembershipFactory(person=pat, group=group, role="minute_taker", start_date=datetime.date(2020, 4, 1))
    return liz, jo, ed, pat


def _schedule(client, group, day, **extra):
    return client.post(
        reverse("governance:meeting_schedule", args=[group.pk]),
        {"date": day, "start_time": "13:00", "end_time": "14:30", "location": "Mordiford Room", **extra},
    )


def test_a_past_meeting_entered_now_has_the_chair_and_minute_taker_in_post_on_its_date(
    client, secretariat, group, past_and_present
):
    liz, _jo, ed, _pat = past_and_present
    client.force_login(secretariat)
    assert _schedule(client, group, "2019-12-18").status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.chair, meeting.minute_taker) == (liz, ed)


def test_a_future_meeting_has_todays_chair_and_the_form_names_them(
    client, secretariat, group, past_and_present
):
    _liz, jo, _ed, pat = past_and_present
    client.force_login(secretariat)
    form = client.get(reverse("governance:meeting_schedule", args=[group.pk])).context["form"]
    assert "Chair today: Jo Newman; Minute-taker today: Pat Rowe." in form.fields["chair"].help_text
    assert form.fields["chair"].empty_label == "The group's chair on the meeting's date"
    _schedule(client, group, "2030-04-09")
    assert (Meeting.objects.get().chair, Meeting.objects.get().minute_taker) == (jo, pat)


def test_a_past_chair_can_still_be_chosen_for_a_meeting_entered_now(
    client, secretariat, group, past_and_present
):
    liz = past_and_present[0]
    client.force_login(secretariat)
    assert _schedule(client, group, "2030-04-09", chair=liz.pk).status_code == 302
    assert Meeting.objects.get().chair == liz
