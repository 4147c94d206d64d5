"""Delivery: preferences per kind, the daily digest, retries, lost claims and resending."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from governance.tests.factories import PersonFactory
from governance.tests.helpers_reminders import london
from notifications import services as notifications
from notifications.models import Delivery, Notification, NotificationState
from notifications.registry import Message
from notifications.services import (
    digests_send,
    notification_claim,
    notification_preferences_set,
    notification_resend,
    notification_send_email,
    notifications_requeue_stuck,
    notify,
)
from notifications.tasks import send_notification_email

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("testapp")]

MORNING = london(2026, 3, 12, 6, 0)


def _notify(person, kind="note", ref="action:1", occasion=""):
    return notify(
        Message(
            recipients=[person],
            kind=kind,
            subject_ref=ref,
            context={"subject": f"About {ref}", "body": f"Something about {ref}."},
            url="/actions/1/",
            occasion=occasion,
        )
    )


# Preferences -----------------------------------------------------------------------


def test_with_no_preference_a_notification_is_emailed_straight_away(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(PersonFactory())
    assert Notification.objects.get().delivery == Delivery.IMMEDIATE
    assert len(mail.outbox) == 1


def test_in_app_only_sends_no_email_but_keeps_the_notification(django_capture_on_commit_callbacks):
    person = PersonFactory()
    notification_preferences_set(person=person, deliveries={"note": Delivery.IN_APP})
    with django_capture_on_commit_callbacks(execute=True):
        _notify(person)
        _notify(person, kind="other_note", ref="meeting:1")  # another kind: still e-mailed
    assert Notification.objects.get(kind="note").state == NotificationState.IN_APP
    assert [message.subject for message in mail.outbox] == ["About meeting:1"]


def test_a_digest_preference_holds_the_email_for_the_daily_digest(django_capture_on_commit_callbacks):
    person = PersonFactory(email="olive.owner@school.example.org")
    notification_preferences_set(
        person=person, deliveries={"note": Delivery.DIGEST, "other_note": Delivery.DIGEST}
    )
    with (
        time_machine.travel(london(2026, 3, 11, 15), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _notify(person, ref="action:1")
        _notify(person, kind="other_note", ref="agenda_item:4")
    assert not mail.outbox
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.DIGEST}

    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(now=london(2026, 3, 12, 6, 59)) == 0  # before the digest hour
        assert digests_send(now=london(2026, 3, 12, 7, 0)) == 1
        assert digests_send(now=london(2026, 3, 12, 7, 15)) == 0  # once a day
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["olive.owner@school.example.org"]
    assert email.subject == "Your daily digest: 2 notifications, 12 Mar 2026"
    assert "1. About action:1" in email.body and "2. About agenda_item:4" in email.body
    digest = Notification.objects.get(kind="digest")
    assert digest.state == NotificationState.SENT
    assert digest.read_at is not None  # never counted as unread in the bell
    assert set(digest.digested.values_list("state", flat=True)) == {NotificationState.DIGESTED}


def test_what_arrives_after_todays_digest_waits_for_tomorrows(django_capture_on_commit_callbacks):
    person = PersonFactory()
    notification_preferences_set(person=person, deliveries={"note": Delivery.DIGEST})
    with time_machine.travel(london(2026, 3, 11, 15), tick=False):
        _notify(person, ref="action:1")
    with django_capture_on_commit_callbacks(execute=True):
        digests_send(now=london(2026, 3, 12, 7))
    with time_machine.travel(london(2026, 3, 12, 9), tick=False):
        _notify(person, ref="action:2")
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(now=london(2026, 3, 12, 18)) == 0
        assert digests_send(now=london(2026, 3, 13, 7)) == 1
    assert len(mail.outbox) == 2
    assert "action:2" in mail.outbox[1].body and "action:1" not in mail.outbox[1].body


def test_preferences_reject_unknown_kinds_and_deliveries():
    person = PersonFactory()
    with pytest.raises(ValidationError):
        notification_preferences_set(person=person, deliveries={"made_up": Delivery.DIGEST})
    with pytest.raises(ValidationError):
        notification_preferences_set(person=person, deliveries={"note": "carrier pigeon"})


# Retries ----------------------------------------------------------------------------


class FlakySMTP:
    """Stands in for send_mail: fails the first `failures` calls, then delivers."""

    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def __call__(self, **kwargs):
        self.calls += 1
        if self.calls <= self.failures:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.append(
            mail.EmailMessage(kwargs["subject"], kwargs["message"], to=kwargs["recipient_list"])
        )
        return 1


def _recorded(person=None):
    with time_machine.travel(MORNING, tick=False):
        return _notify(person or PersonFactory())[0]


def test_a_failed_attempt_goes_back_to_pending_with_a_backoff(monkeypatch, settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 30
    monkeypatch.setattr(notifications, "send_mail", FlakySMTP(failures=5))
    notification = _recorded()
    delays = []
    for attempt in range(1, 4):
        now = MORNING + datetime.timedelta(minutes=attempt)
        outcome = notification_send_email(
            notification=notification_claim(notification_id=notification.pk, now=now), now=now
        )
        delays.append(outcome.retry_in)
        notification.refresh_from_db()
        assert notification.state == NotificationState.PENDING
        assert notification.next_attempt_at == now + datetime.timedelta(seconds=outcome.retry_in)
    assert delays == [30, 60, 120]
    assert notification.attempts == 3
    assert notification.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"


def test_after_the_last_attempt_the_notification_is_marked_failed(monkeypatch, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    smtp = FlakySMTP(failures=99)
    monkeypatch.setattr(notifications, "send_mail", smtp)
    notification = _recorded()
    outcomes = [send_notification_email.apply(args=[notification.pk]).get() for _ in range(4)]
    assert outcomes == ["pending", "pending", "failed", "skipped"]
    notification.refresh_from_db()
    assert notification.state == NotificationState.FAILED
    assert notification.attempts == 3
    assert smtp.calls == 3
    assert notification.next_attempt_at is None


def test_on_a_worker_a_failure_is_retried_by_celery_after_the_backoff(monkeypatch):
    """Outside eager mode the task asks Celery for a retry with the backoff as its countdown."""
    monkeypatch.setattr(notifications, "send_mail", FlakySMTP(failures=1))
    retries = []

    class Retried(Exception):
        pass

    def retry(countdown):
        retries.append(countdown)
        return Retried()

    monkeypatch.setattr(send_notification_email, "retry", retry)
    notification = _recorded()
    with pytest.raises(Retried):
        send_notification_email(notification.pk)  # called directly: a worker's (non-eager) request
    assert retries == [30]


def test_a_passing_smtp_failure_is_retried_and_sent_once(monkeypatch):
    smtp = FlakySMTP(failures=2)
    monkeypatch.setattr(notifications, "send_mail", smtp)
    notification = _recorded()
    outcomes = [send_notification_email.apply(args=[notification.pk]).get() for _ in range(4)]
    assert outcomes == ["pending", "pending", "sent", "skipped"]
    notification.refresh_from_db()
    assert (notification.state, notification.attempts, notification.last_error) == ("sent", 3, "")
    assert len(mail.outbox) == 1


# Lost tasks and dead workers --------------------------------------------------------


def test_a_worker_that_died_after_claiming_does_not_lose_the_email(
    django_capture_on_commit_callbacks, settings
):
    settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS = 600
    notification = _recorded()
    # A worker claims it, then dies before sending: the row stays "sending".
    assert notification_claim(notification_id=notification.pk, now=MORNING) is not None
    # The broker redelivers the task at once (reject_on_worker_lost): the fresh claim keeps it
    # from being sent twice should the first worker only be slow.
    with time_machine.travel(MORNING + datetime.timedelta(minutes=1), tick=False):
        assert send_notification_email.apply(args=[notification.pk]).get() == "skipped"
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_requeue_stuck(now=MORNING + datetime.timedelta(minutes=9)) == 0
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_requeue_stuck(now=MORNING + datetime.timedelta(minutes=11)) == 1
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert notification.attempts == 2
    assert len(mail.outbox) == 1


def test_the_scan_reclaims_a_dead_workers_email(scan_at):
    notification = _recorded()
    notification_claim(notification_id=notification.pk, now=MORNING)
    counts = scan_at(MORNING + datetime.timedelta(minutes=15))
    assert counts["emails_requeued"] == 1
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert len(mail.outbox) == 1


def test_an_email_whose_task_never_reached_the_broker_is_sent_by_a_later_scan(
    monkeypatch, django_capture_on_commit_callbacks, scan_at
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_notification_email, "delay", broker_down)
    with time_machine.travel(MORNING, tick=False), django_capture_on_commit_callbacks(execute=True):
        [notification] = _notify(PersonFactory())  # the request still succeeds
    assert Notification.objects.get().state == NotificationState.PENDING
    monkeypatch.undo()
    scan_at(MORNING + datetime.timedelta(minutes=1))  # too soon: its task may still be on its way
    assert not mail.outbox
    scan_at(MORNING + datetime.timedelta(minutes=5))
    scan_at(MORNING + datetime.timedelta(minutes=10))
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert len(mail.outbox) == 1


def test_a_lost_retry_is_queued_again_but_not_before_it_is_due(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(notifications, "send_mail", FlakySMTP(failures=1))
    notification = _recorded()
    notification_send_email(
        notification=notification_claim(notification_id=notification.pk, now=MORNING), now=MORNING
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_requeue_stuck(now=MORNING + datetime.timedelta(seconds=60)) == 0
        assert notifications_requeue_stuck(now=MORNING + datetime.timedelta(minutes=5)) == 1
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT


def test_sent_failed_and_in_app_notifications_are_never_queued_again(django_capture_on_commit_callbacks):
    for state in (NotificationState.SENT, NotificationState.FAILED, NotificationState.IN_APP):
        Notification.objects.create(
            recipient=PersonFactory(), kind="x", key=f"x:{state}", subject="s", body="b", state=state
        )
    Notification.objects.update(created_at=MORNING - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_requeue_stuck(now=MORNING) == 0


# Resending a failed notification ------------------------------------------------------


def test_resending_a_failed_notification_sends_it(django_capture_on_commit_callbacks):
    notification = _recorded()
    Notification.objects.filter(pk=notification.pk).update(state=NotificationState.FAILED, attempts=6)
    with django_capture_on_commit_callbacks(execute=True):
        notification_resend(notification=notification)
    notification.refresh_from_db()
    assert (notification.state, notification.attempts) == (NotificationState.SENT, 1)
    assert len(mail.outbox) == 1


def test_only_a_failed_notification_can_be_resent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(PersonFactory())[0]
    with pytest.raises(ValidationError, match="Only a failed notification"):
        notification_resend(notification=notification)
    assert len(mail.outbox) == 1
