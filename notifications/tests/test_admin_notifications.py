"""The admin's view of notifications: recent ones with their state, and resending failed ones."""

import pytest
from django.core import mail
from django.urls import reverse

from governance.tests.factories import PersonFactory
from notifications.models import Notification, NotificationState

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:notifications_notification_changelist"


def _notification(state, subject="Action 15 is due today", **extra):
    return Notification.objects.create(
        recipient=PersonFactory(name="Emma Field"),
        kind="action_due_today",
        key=f"k:{Notification.objects.count()}",
        subject=subject,
        body="It is due today.",
        state=state,
        **extra,
    )


def test_admins_see_recent_notifications_with_their_state(client, admin_user):
    _notification(NotificationState.SENT, subject="Sent one")
    _notification(NotificationState.FAILED, subject="Failed one", last_error="SMTPServerDisconnected")
    client.force_login(admin_user)
    response = client.get(reverse(CHANGELIST))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sent one" in page and "Failed one" in page
    assert "1 notification failed to send" in page


def test_failed_notifications_can_be_filtered(client, admin_user):
    _notification(NotificationState.SENT, subject="Sent one")
    _notification(NotificationState.FAILED, subject="Failed one")
    client.force_login(admin_user)
    page = client.get(reverse(CHANGELIST), {"state__exact": "failed"}).content.decode()
    assert "Failed one" in page and "Sent one" not in page


def test_the_resend_action_sends_failed_notifications_again_and_skips_others(
    client, admin_user, django_capture_on_commit_callbacks
):
    failed = _notification(NotificationState.FAILED, attempts=6)
    sent = _notification(NotificationState.SENT)
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(CHANGELIST),
            {"action": "resend_failed", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "Queued 1 notification to send again." in page
    assert "Skipped 1 that had not failed" in page
    failed.refresh_from_db()
    assert failed.state == NotificationState.SENT
    assert len(mail.outbox) == 1


def test_the_secretariat_cannot_reach_the_notification_admin(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 302  # to the admin login: not staff


def test_notifications_are_read_only_in_the_admin(client, admin_user):
    notification = _notification(NotificationState.SENT)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:notifications_notification_change", args=[notification.pk]), {"subject": "Changed"}
    )
    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.subject == "Action 15 is due today"


def test_the_notification_list_runs_a_fixed_number_of_queries(
    client, admin_user, django_assert_max_num_queries
):
    client.force_login(admin_user)
    for size in (3, 30):
        for _ in range(size):
            _notification(NotificationState.SENT)
        with django_assert_max_num_queries(12):
            assert client.get(reverse(CHANGELIST)).status_code == 200
