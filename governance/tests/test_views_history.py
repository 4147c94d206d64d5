"""The History tab: who changed what and when, field by field, for those who may see the record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.tests.factories import GroupFactory
from governance.tests.factories_actions import record
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _history(client, name, pk, **params):
    return client.get(reverse(f"governance:{name}_history", args=[pk]), params)


def test_an_admin_reads_an_actions_history_field_by_field(client, admin_user, group):
    action = record(group, description="Draft a letter to partners", recorded_by=admin_user)
    action.description = "Send the letter to partners"
    action._history_user = admin_user
    action.save()
    client.force_login(admin_user)
    page = _history(client, "action", action.pk).content.decode()
    assert "Changed" in page and "Created" in page
    assert "Draft a letter to partners" in page and "Send the letter to partners" in page
    assert "admin-user" in page


def test_the_history_names_the_person_who_made_the_change(client, secretariat, group):
    meeting = MeetingFactory(group=group, location="Old room")
    meeting.location = "New room"
    meeting._history_user = secretariat
    meeting.save()
    client.force_login(secretariat)
    page = _history(client, "meeting", meeting.pk).content.decode()
    assert "by Sam Secretariat" in page
    assert "Old room" in page and "New room" in page


def test_a_member_reads_the_history_of_their_groups_meeting_but_not_of_another_groups(client, member, group):
    own = MeetingFactory(group=group)
    other = MeetingFactory(group=GroupFactory(name="MASH Group"))
    client.force_login(member)
    assert _history(client, "meeting", own.pk).status_code == 200
    assert _history(client, "meeting", other.pk).status_code == 403


def test_a_confidential_items_history_is_not_found_for_a_partner_reader(client, partner, group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group), title="Case of child J", confidential=True)
    client.force_login(partner)
    assert _history(client, "agenda_item", item.pk).status_code == 404


def test_someone_with_no_role_sees_no_groups_history(client, outsider, group):
    client.force_login(outsider)
    assert _history(client, "group", group.pk).status_code == 403


def test_a_long_history_is_paginated(client, admin_user, group):
    meeting = MeetingFactory(group=group)
    for number in range(30):
        meeting.location = f"Room {number}"
        meeting.save()
    client.force_login(admin_user)
    first = _history(client, "meeting", meeting.pk).content.decode()
    assert "Room 29" in first and "Page 1 of 2" in first
    second = _history(client, "meeting", meeting.pk, page=2).content.decode()
    assert "Created" in second and "Room 29" not in second


def test_the_history_page_runs_the_same_number_of_queries_for_a_short_and_a_long_history(
    client, admin_user, group
):
    action = record(group)
    client.force_login(admin_user)
    counts = []
    for size in (2, 20):
        for number in range(size):
            action.description = f"Description {size}-{number}"
            action.save()
        with CaptureQueriesContext(connection) as queries:
            assert _history(client, "action", action.pk).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 14


@pytest.mark.parametrize("name", ["action", "meeting", "group"])
def test_a_records_page_links_to_its_history(client, admin_user, group, name):
    objects = {"group": group, "meeting": MeetingFactory(group=group), "action": record(group)}
    client.force_login(admin_user)
    page = client.get(objects[name].get_absolute_url()).content.decode()
    assert reverse(f"governance:{name}_history", args=[objects[name].pk]) in page
