"""The registry: an app adds its reminders by writing files inside itself only."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from governance.tests.factories import PersonFactory, UserFactory
from notifications import registry
from notifications.models import Notification, ScanRun
from notifications.registry import Kind, Message, UnregisteredKind
from notifications.rules import legacy_notification_key, notification_key
from notifications.services import notify
from notifications.tasks import scan_reminders

pytestmark = pytest.mark.django_db


def test_a_new_apps_reminder_is_delivered_by_the_one_beat_task(testapp, django_capture_on_commit_callbacks):
    person = PersonFactory(email="pat@example.org")
    testapp.PARCELS.append((person, "blue box", datetime.date(2020, 1, 2)))
    with django_capture_on_commit_callbacks(execute=True):
        counts = scan_reminders.apply().get()
        assert scan_reminders.apply().get()["parcels_due"] == 0  # once only
    assert counts["parcels_due"] == 1
    assert {"action_reminders", "non_attendance", "emails_requeued"} <= set(counts)
    notification = Notification.objects.get(kind="parcel_due")
    assert notification.recipient == person
    assert notification.subject == "Parcel “blue box” is due"
    # Plain text: no HTML escaping of what the template or its context say.
    assert notification.body == "Parcel “blue box” was due on 2 January 2020. Collect it & sign for it."
    assert notification.url == "/parcels/blue box/"
    [email] = mail.outbox
    assert email.to == ["pat@example.org"]
    assert email.subject == "Parcel “blue box” is due"
    assert "Collect it & sign for it." in email.body
    assert ScanRun.objects.get(name="reminders").last_counts["parcels_due"] == 0


def test_the_new_apps_kinds_are_offered_on_the_preferences_page_only_while_it_is_installed(testapp):
    assert {"note", "parcel_due"} <= {kind.code for kind in registry.kinds()}


def test_without_the_app_its_kinds_and_scan_are_not_registered():
    assert "parcel_due" not in {kind.code for kind in registry.kinds()}
    assert "parcels_due" not in {scan.name for scan in registry.scans()}
    assert "action_due_soon" in {kind.code for kind in registry.kinds()}


def test_notify_refuses_a_kind_no_app_registered():
    with pytest.raises(UnregisteredKind):
        notify(Message(kind="made_up", recipients=[PersonFactory()], subject_ref="x:1"))
    assert not Notification.objects.exists()


def test_registering_another_kind_under_a_taken_code_is_refused(testapp):
    with pytest.raises(ValueError, match="already registered"):
        registry.register_kind(Kind(code="note", topic="Other", label="Other", app_label="elsewhere"))
    registry.register_kind(testapp.KINDS[0])  # the same again is harmless


def test_a_recipient_whose_login_lacks_the_kinds_permission_is_dropped(testapp):
    allowed_user = UserFactory()
    allowed_user.user_permissions.add(Permission.objects.get(codename="view_notification"))
    allowed = PersonFactory(user=allowed_user)
    without_permission = PersonFactory(user=UserFactory())
    without_login = PersonFactory()
    created = notify(
        Message(
            kind="secret_note",
            recipients=[allowed, without_permission, without_login],
            subject_ref="secret:1",
            context={"subject": "Secret", "body": "Only for some."},
        )
    )
    assert [notification.recipient for notification in created] == [allowed]


def test_a_kind_without_a_permission_reaches_people_without_a_login(testapp):
    [created] = notify(
        Message(
            kind="note",
            recipients=[PersonFactory()],
            subject_ref="n:1",
            context={"subject": "S", "body": "B"},
        )
    )
    assert created.subject == "S"


def test_the_key_is_hashed_stable_and_never_longer_than_255():
    key = notification_key(kind="note", subject_ref="meeting:12", recipient_id=7, occasion="2026-03-12")
    assert key == notification_key(
        kind="note", subject_ref="meeting:12", recipient_id=7, occasion="2026-03-12"
    )
    assert key.startswith("note:meeting:12:") and len(key) == len("note:meeting:12:") + 64
    assert key != notification_key(
        kind="note", subject_ref="meeting:12", recipient_id=7, occasion="2026-03-13"
    )
    long_ref = "x" * 400
    first = notification_key(kind="note", subject_ref=long_ref + "a", recipient_id=1)
    second = notification_key(kind="note", subject_ref=long_ref + "b", recipient_id=1)
    assert len(first) <= 255 and len(second) <= 255
    assert first != second  # the old keys were cut at 255, so these two collided


def test_a_row_recorded_under_the_old_key_is_not_sent_again(testapp):
    person = PersonFactory()
    Notification.objects.create(
        recipient=person,
        kind="note",
        key=legacy_notification_key(kind="note", subject_ref="n:1", recipient_id=person.pk, occasion="d"),
        subject="S",
        body="B",
    )
    message = Message(
        kind="note",
        recipients=[person],
        subject_ref="n:1",
        occasion="d",
        context={"subject": "S", "body": "B"},
    )
    assert notify(message) == []
    assert Notification.objects.count() == 1
