"""Meetings in calendars: the .ics of a meeting, secret revocable feeds, and the subscriptions page."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
import time_machine
from django.urls import reverse

from governance.calendars import meetings_calendar
from governance.models import CalendarFeedToken, MeetingStatus
from governance.models.calendars import hash_feed_token
from governance.services.calendars import calendar_feed_create, calendar_feed_revoke
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = datetime.datetime(2029, 12, 1, 9, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def events(content: bytes) -> list:
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


def feed_url(feed) -> str:
    return reverse("governance:calendar_feed", args=[feed.token])


def address_token(page: str) -> str:
    """The token of the one feed address a page shows."""
    (token,) = re.findall(r"/calendars/feed/([^/\"]+)\.ics", page)
    return token


@pytest.fixture
def meeting(group):
    return MeetingFactory(
        group=group,
        starts_at=datetime.datetime(2030, 3, 4, 10, 0, tzinfo=LONDON),
        ends_at=datetime.datetime(2030, 3, 4, 12, 30, tzinfo=LONDON),
        location="Mordiford Room, Plough Lane",
        agenda_published_at=NOW,
    )


# The calendar itself ---------------------------------------------------------------------


def test_a_meeting_is_an_event_with_its_time_place_and_stable_uid(meeting):
    (event,) = events(meetings_calendar([meeting], name="Test"))
    assert event["UID"] == f"meeting-{meeting.pk}@meetings.hscp-governance"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert str(event["SUMMARY"]) == "Education Group meeting"
    assert str(event["LOCATION"]) == "Mordiford Room, Plough Lane"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_a_meeting_in_summer_time_keeps_its_local_start(group):
    summer = MeetingFactory(group=group, starts_at=datetime.datetime(2030, 7, 1, 14, 0, tzinfo=LONDON))
    (event,) = events(meetings_calendar([summer], name="Test"))
    assert event.decoded("DTSTART").astimezone(LONDON).hour == 14
    assert event["DTSTART"].to_ical() == b"20300701T130000Z"


def test_a_cancelled_meeting_is_marked_cancelled(group):
    cancelled = MeetingFactory(group=group, status=MeetingStatus.CANCELLED, cancellation_reason="Snow")
    (event,) = events(meetings_calendar([cancelled], name="Test"))
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Cancelled: Snow" in str(event["DESCRIPTION"])


def test_a_published_agenda_is_listed_without_its_confidential_items(meeting):
    AgendaItemFactory(meeting=meeting, position=1, title="Neglect strategy")
    secret = AgendaItemFactory(meeting=meeting, position=2, title="Case of child J", confidential=True)
    AgendaItemFactory(meeting=meeting, parent=secret, position=1, title="Chronology of events")
    (event,) = events(meetings_calendar([meeting], name="Test"))
    description = str(event["DESCRIPTION"])
    assert "1. Neglect strategy" in description
    assert "child J" not in description
    assert "Chronology" not in description


def test_an_unpublished_agenda_is_not_listed(group):
    draft = MeetingFactory(group=group, agenda_published_at=None)
    AgendaItemFactory(meeting=draft, title="Draft budget")
    (event,) = events(meetings_calendar([draft], name="Test"))
    assert "Draft budget" not in str(event["DESCRIPTION"])


# Feeds -----------------------------------------------------------------------------------


def test_a_personal_feed_carries_the_meetings_of_the_persons_groups_without_a_login(client, member, meeting):
    other_group_meeting = MeetingFactory(group=GroupFactory())
    feed = calendar_feed_create(person=member.person)
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    uids = [str(event["UID"]) for event in events(response.content)]
    assert uids == [f"meeting-{meeting.pk}@meetings.hscp-governance"]
    assert str(other_group_meeting.pk) not in "".join(uids)


def test_a_group_feed_carries_the_groups_meetings_cancelled_ones_included(client, group, meeting):
    cancelled = MeetingFactory(group=group, status=MeetingStatus.CANCELLED)
    MeetingFactory(group=GroupFactory())
    feed = calendar_feed_create(group=group)
    statuses = {
        str(event["UID"]): str(event["STATUS"]) for event in events(client.get(feed_url(feed)).content)
    }
    assert statuses == {
        f"meeting-{meeting.pk}@meetings.hscp-governance": "CONFIRMED",
        f"meeting-{cancelled.pk}@meetings.hscp-governance": "CANCELLED",
    }


def test_a_feed_never_carries_confidential_item_titles(client, group, meeting):
    AgendaItemFactory(meeting=meeting, position=1, title="Case of child J", confidential=True)
    feed = calendar_feed_create(group=group)
    assert b"child J" not in client.get(feed_url(feed)).content


def test_meetings_more_than_a_year_old_drop_out_of_a_feed(client, group, meeting):
    old = MeetingFactory(group=group, starts_at=NOW - datetime.timedelta(days=400))
    feed = calendar_feed_create(group=group)
    uids = {str(event["UID"]) for event in events(client.get(feed_url(feed)).content)}
    assert f"meeting-{old.pk}@meetings.hscp-governance" not in uids
    assert f"meeting-{meeting.pk}@meetings.hscp-governance" in uids


def test_a_revoked_feed_is_not_found(client, group):
    feed = calendar_feed_create(group=group)
    calendar_feed_revoke(feed=feed)
    assert client.get(feed_url(feed)).status_code == 404


def test_an_unknown_token_is_not_found(client):
    assert client.get(reverse("governance:calendar_feed", args=["not-a-real-token"])).status_code == 404


def test_the_feed_of_a_person_who_left_is_not_found(client, member):
    feed = calendar_feed_create(person=member.person)
    person = member.person
    person.active = False
    person.save()
    assert client.get(feed_url(feed)).status_code == 404


def test_a_new_address_replaces_the_old_one(member):
    first = calendar_feed_create(person=member.person)
    second = calendar_feed_create(person=member.person)
    first.refresh_from_db()
    assert first.revoked_at is not None and second.revoked_at is None
    assert first.token != second.token and len(second.token) >= 43


def test_a_feed_runs_a_fixed_number_of_queries(client, group, django_assert_max_num_queries):
    person = PersonFactory()
    other = GroupFactory()
    MembershipFactory(person=person, group=group)
    MembershipFactory(person=person, group=other)
    feed = calendar_feed_create(person=person)
    for size in (1, 8):
        for _ in range(size):
            for each in (group, other):
                AgendaItemFactory(meeting=MeetingFactory(group=each, agenda_published_at=NOW))
        # The feed, its meetings, their agenda items.
        with django_assert_max_num_queries(3):
            response = client.get(feed_url(feed))
        assert response.status_code == 200


# The .ics download ----------------------------------------------------------------------


def test_a_meeting_downloads_as_an_ics_for_those_who_see_it(client, request, meeting):
    url = reverse("governance:meeting_ics", args=[meeting.pk])
    for name, status in [("member", 200), ("partner", 200), ("secretariat", 200), ("outsider", 403)]:
        client.force_login(request.getfixturevalue(name))
        assert client.get(url).status_code == status, name
    client.force_login(request.getfixturevalue("member"))
    response = client.get(url)
    assert response["Content-Disposition"] == 'attachment; filename="edu-2030-03-04.ics"'
    (event,) = events(response.content)
    assert str(event["URL"]) == f"http://testserver{meeting.get_absolute_url()}"


# The subscriptions page ------------------------------------------------------------------


def test_a_member_creates_and_revokes_their_own_address(client, member):
    client.force_login(member)
    assert client.post(reverse("governance:calendar_feed_create")).status_code == 302
    feed = CalendarFeedToken.objects.get(person=member.person)
    page = client.get(reverse("governance:calendar_subscriptions")).content.decode()
    token = address_token(page)
    assert hash_feed_token(token) == feed.token_hash
    assert "Group calendars" not in page
    client.post(reverse("governance:calendar_feed_revoke", args=[feed.pk]))
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    assert token not in client.get(reverse("governance:calendar_subscriptions")).content.decode()


def test_nobody_revokes_another_persons_address(client, member, chair):
    feed = calendar_feed_create(person=chair.person)
    client.force_login(member)
    assert client.post(reverse("governance:calendar_feed_revoke", args=[feed.pk])).status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None


def test_the_secretariat_creates_and_revokes_a_groups_address(client, secretariat, group):
    client.force_login(secretariat)
    response = client.post(reverse("governance:calendar_group_feed_create"), {"group": group.pk})
    assert response.status_code == 302
    feed = CalendarFeedToken.objects.get(group=group)
    page = client.get(reverse("governance:calendar_subscriptions")).content.decode()
    assert hash_feed_token(address_token(page)) == feed.token_hash
    client.post(reverse("governance:calendar_feed_revoke", args=[feed.pk]))
    feed.refresh_from_db()
    assert feed.revoked_at is not None


@pytest.mark.parametrize("name", ["member", "chair", "partner", "outsider"])
def test_only_the_secretariat_makes_group_addresses(client, request, name, group):
    client.force_login(request.getfixturevalue(name))
    response = client.post(reverse("governance:calendar_group_feed_create"), {"group": group.pk})
    assert response.status_code == 403
    assert not CalendarFeedToken.objects.exists()


def test_someone_without_a_person_record_has_no_personal_address(client, partner):
    client.force_login(partner)
    assert (
        "not linked to a person" in client.get(reverse("governance:calendar_subscriptions")).content.decode()
    )
    assert client.post(reverse("governance:calendar_feed_create")).status_code == 403


def test_the_subscriptions_page_needs_a_login(client):
    response = client.get(reverse("governance:calendar_subscriptions"))
    assert response.status_code == 302


def test_revoking_needs_a_post(client, member):
    feed = calendar_feed_create(person=member.person)
    client.force_login(member)
    assert client.get(reverse("governance:calendar_feed_revoke", args=[feed.pk])).status_code == 405


# Tokens stored hashed (issue 11) -----------------------------------------------------------


def test_a_feed_token_is_stored_only_as_its_hash(client, group):
    feed = calendar_feed_create(group=group)
    stored = CalendarFeedToken.objects.values().get(pk=feed.pk)
    assert feed.token not in str(stored)
    assert stored["token_hash"] == hash_feed_token(feed.token)
    assert client.get(feed_url(feed)).status_code == 200


def test_a_feed_cannot_be_opened_with_its_stored_hash(client, group):
    feed = calendar_feed_create(group=group)
    assert client.get(reverse("governance:calendar_feed", args=[feed.token_hash])).status_code == 404


def test_a_new_address_is_shown_once_and_then_never_again(client, member):
    client.force_login(member)
    client.post(reverse("governance:calendar_feed_create"))
    first = client.get(reverse("governance:calendar_subscriptions")).content.decode()
    token = address_token(first)
    again = client.get(reverse("governance:calendar_subscriptions")).content.decode()
    assert token not in again
    assert "/calendars/feed/" not in again
    assert "keeps no readable copy" in again
