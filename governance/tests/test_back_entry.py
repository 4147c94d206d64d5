"""Issue 10 point 11: back-entering a past meeting. The chair and minute-taker are those in post
on the meeting's date, not today's; a paper can be given the day it actually arrived, which
decides whether it was late."""

import datetime

import pytest
from django.urls import reverse

from governance.models import Meeting, MeetingStatus, Paper
from governance.tests.factories import MembershipFactory, PersonFactory
from governance.tests.factories_meetings import LONDON, AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import pdf_bytes, upload
from notifications.models import Notification

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


# A paper's real date of arrival ---------------------------------------------------------------


@pytest.fixture
def past_item(group, settings, tmp_path):
    """Seed 003's board meeting of 18 Dec 2019: papers due seven days before, 11 Dec, 13:00."""
    settings.MEDIA_ROOT = tmp_path
    meeting = MeetingFactory(
        group=group,
        starts_at=datetime.datetime(2019, 12, 18, 13, tzinfo=LONDON),
        ends_at=datetime.datetime(2019, 12, 18, 14, 30, tzinfo=LONDON),
        paper_deadline=datetime.datetime(2019, 12, 11, 13, tzinfo=LONDON),
        status=MeetingStatus.HELD,
    )
    return AgendaItemFactory(meeting=meeting, position=2, title="Report on CDOP process")


def _upload(client, item, **extra):
    author = PersonFactory()
    return client.post(
        reverse("governance:paper_upload", args=[item.meeting_id, item.pk]),
        {"title": "CDOP report", "author": author.pk, "file": upload("cdop.pdf", pdf_bytes()), **extra},
    )


@pytest.mark.parametrize(("received", "late"), [("2019-12-11", False), ("2019-12-12", True)])
def test_the_date_a_paper_was_received_decides_whether_it_was_late(
    client, secretariat, past_item, received, late
):
    client.force_login(secretariat)
    assert _upload(client, past_item, received_on=received).status_code == 302
    paper = Paper.objects.get()
    assert paper.received_on == datetime.date.fromisoformat(received)
    assert paper.is_late is late
    assert not Notification.objects.filter(kind__contains="late").exists()  # long past: nobody chased


def test_a_paper_received_after_today_is_refused(client, secretariat, past_item):
    client.force_login(secretariat)
    response = _upload(client, past_item, received_on="2099-01-01")
    assert "A paper cannot have been received after today." in response.content.decode()
    assert not Paper.objects.exists()


def test_only_the_secretariat_says_when_a_paper_was_received(client, chair, group, past_item):
    client.force_login(chair)
    url = reverse("governance:paper_upload", args=[past_item.meeting_id, past_item.pk])
    assert "received_on" not in client.get(url).context["form"].fields
    MembershipFactory(person=PersonFactory(agency=chair.person.agency), group=group)
    client.post(
        url,
        {
            "title": "CDOP report",
            "author": chair.person.pk,
            "file": upload("cdop.pdf", pdf_bytes()),
            "received_on": "2019-12-01",
        },
    )
    paper = Paper.objects.get()
    assert paper.received_on is None and paper.is_late  # uploaded now, years after the deadline
