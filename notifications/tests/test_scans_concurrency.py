"""Two workers at once, on PostgreSQL: each reminder is recorded and sent once.

SQLite serialises writers, so these only mean something on PostgreSQL (CI runs
them there; locally they skip without DATABASE_URL on PostgreSQL).
"""

import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connection, transaction

from conftest import skip_or_fail
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.helpers_reminders import london, make_action
from notifications import scanning
from notifications import services as notifications
from notifications.models import Notification, NotificationState
from notifications.registry import Message
from notifications.services import notification_claim, notify
from notifications.tasks import send_notification_email

pytestmark = [pytest.mark.django_db(transaction=True)]

THURSDAY = london(2026, 3, 12, 9)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        skip_or_fail("concurrent scans need PostgreSQL's row locks (DATABASE_URL is not PostgreSQL)")


def _in_threads(*targets):
    """Run each target in its own thread (its own database connection); re-raise any error."""
    results, errors = [None] * len(targets), []

    def run(index, target):
        try:
            results[index] = target()
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, target)) for index, target in enumerate(targets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    if errors:
        raise errors[0]
    return results


def test_two_scans_at_once_send_each_reminder_once(monkeypatch):
    group = GroupFactory()
    owners = [PersonFactory() for _ in range(4)]
    for index in range(5):
        make_action(group, owners=owners[index % 2 : index % 2 + 2], due=datetime.date(2026, 3, 19))
    expected = 10  # five actions, two owners each

    # Both scans look for what is already recorded before either records anything (their
    # batch's first look, in notify_many), and every later look is blinded (notify()'s, when a
    # batch falls back to one message at a time), so both really do try to insert the same keys.
    barrier = threading.Barrier(2, timeout=30)
    real_existing_keys = notifications.existing_keys
    looked = threading.local()

    def look_together(keys):
        if getattr(looked, "once", False):
            return set()
        looked.once = True
        found = real_existing_keys(keys)
        barrier.wait()
        return found

    monkeypatch.setattr(notifications, "existing_keys", look_together)

    with time_machine.travel(THURSDAY, tick=False):
        counts = _in_threads(scanning.scans_run, scanning.scans_run)

    assert sorted(count["action_reminders"] for count in counts) == [0, expected]
    assert Notification.objects.count() == expected
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.SENT}
    assert len(mail.outbox) == expected
    assert len({(message.to[0], message.subject) for message in mail.outbox}) == expected


@pytest.mark.usefixtures("testapp")
def test_two_workers_given_the_same_email_send_it_once():
    with transaction.atomic():
        [notification] = notify(
            Message(
                recipients=[PersonFactory()],
                kind="note",
                subject_ref="action:1",
                context={"subject": "Due", "body": "."},
            )
        )
    mail.outbox.clear()
    Notification.objects.filter(pk=notification.pk).update(state=NotificationState.PENDING, sent_at=None)
    outcomes = _in_threads(
        lambda: send_notification_email.apply(args=[notification.pk]).get(),
        lambda: send_notification_email.apply(args=[notification.pk]).get(),
    )
    assert sorted(outcomes) == ["sent", "skipped"]
    assert len(mail.outbox) == 1


def test_a_claim_skips_a_row_another_worker_has_locked():
    notification = Notification.objects.create(
        recipient=PersonFactory(), kind="x", key="x", subject="s", body="b", state=NotificationState.PENDING
    )
    locked, release = threading.Event(), threading.Event()

    def hold_the_row():
        with transaction.atomic():
            Notification.objects.select_for_update().get(pk=notification.pk)
            locked.set()
            release.wait(timeout=30)

    def claim_while_locked():
        locked.wait(timeout=30)
        try:
            return notification_claim(notification_id=notification.pk)
        finally:
            release.set()

    _, claimed = _in_threads(hold_the_row, claim_while_locked)
    assert claimed is None  # skipped at once rather than waiting for the lock
    notification.refresh_from_db()
    assert notification.state == NotificationState.PENDING


@pytest.mark.usefixtures("testapp")
def test_two_digest_runs_at_once_send_one_digest():
    from notifications.models import Delivery
    from notifications.services import digests_send, notification_preferences_set

    person = PersonFactory()
    notification_preferences_set(person=person, deliveries={"note": Delivery.DIGEST})
    with time_machine.travel(london(2026, 3, 11, 15), tick=False):
        for number in range(3):
            notify(
                Message(
                    recipients=[person],
                    kind="note",
                    subject_ref=f"action:{number}",
                    context={"subject": f"Action {number} is due soon", "body": "."},
                )
            )
    with time_machine.travel(london(2026, 3, 12, 7, 5), tick=False):
        built = _in_threads(digests_send, digests_send)
    assert sorted(built) == [0, 1]
    assert Notification.objects.filter(kind="digest").count() == 1
    assert len(mail.outbox) == 1
    assert set(Notification.objects.exclude(kind="digest").values_list("state", flat=True)) == {"digested"}
