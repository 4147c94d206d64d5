"""Headers on every response: no-store for what a logged-in user sees, Permissions-Policy for all."""

import pytest
from django.urls import reverse

from governance.services.calendars import calendar_feed_create

pytestmark = pytest.mark.django_db


def test_a_logged_in_page_is_never_stored_by_a_browser_or_proxy(client, member):
    client.force_login(member)
    response = client.get(reverse("governance:structure"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_download_for_a_logged_in_user_is_never_stored(client, member, group):
    from governance.tests.factories_meetings import MeetingFactory

    meeting = MeetingFactory(group=group)
    client.force_login(member)
    response = client.get(reverse("governance:meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_calendar_feed_opened_by_its_token_is_never_stored(client, group):
    feed = calendar_feed_create(group=group)
    response = client.get(reverse("governance:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_page_for_an_anonymous_visitor_has_a_permissions_policy(client):
    response = client.get(reverse("login"))
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_every_response_to_a_logged_in_user_has_a_permissions_policy(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert "microphone=()" in response["Permissions-Policy"]
    assert "no-store" in response["Cache-Control"]
