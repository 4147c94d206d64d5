import pytest
from django.core import mail

from governance.tests.factories import PersonFactory
from notifications.models import Notification, NotificationState
from notifications.registry import Message
from notifications.services import notification_claim, notify

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("testapp")]


def _notify(people, occasion=""):
    return notify(
        Message(
            recipients=people,
            kind="note",
            subject_ref="meeting:1",
            context={"subject": "Agenda published: Board 18 Dec 2019", "body": "The agenda is ready."},
            url="/meetings/1/",
            occasion=occasion,
        )
    )


def test_a_notification_is_recorded_and_emailed_after_the_commit(django_capture_on_commit_callbacks):
    person = PersonFactory(email="emma.field@council.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person])
    notification = Notification.objects.get()
    assert notification.state == NotificationState.SENT
    assert [message.to for message in mail.outbox] == [["emma.field@council.example.org"]]
    assert "/meetings/1/" in mail.outbox[0].body


def test_notifying_twice_records_and_sends_once(django_capture_on_commit_callbacks):
    person = PersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert len(_notify([person])) == 1
        assert _notify([person]) == []
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_new_occasion_is_a_new_notification(django_capture_on_commit_callbacks):
    person = PersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify([person], occasion="2026-11-20")
        _notify([person], occasion="2026-11-21")
    assert len(mail.outbox) == 2


def test_inactive_people_are_not_notified(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([PersonFactory(active=False)]) == []
    assert not mail.outbox


def test_person_without_an_email_gets_an_in_app_notification_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([PersonFactory(email="")])
    assert Notification.objects.get().send_email is False
    assert not mail.outbox


def test_a_sent_notification_cannot_be_claimed_again(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([PersonFactory()])
    assert notification_claim(notification_id=Notification.objects.get().pk) is None


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify([PersonFactory()])
    assert len(callbacks) == 1  # queued for after the commit, not sent inside it
    assert not mail.outbox
