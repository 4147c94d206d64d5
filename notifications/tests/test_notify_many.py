"""notify_many (issue 16): a scan's batch recorded at once, with notify()'s result."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.tests.factories import PersonFactory
from notifications.models import Delivery, Notification, NotificationPreference
from notifications.registry import Message
from notifications.services import notify, notify_many

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("testapp")]


def message(people, ref="meeting:1", occasion=""):
    return Message(
        recipients=people,
        kind="note",
        subject_ref=ref,
        context={"subject": "Agenda published", "body": "The agenda is ready."},
        url="/meetings/1/",
        occasion=occasion,
    )


def test_a_batch_records_what_notify_would_once_each_and_skips_what_was_recorded_before(
    django_capture_on_commit_callbacks,
):
    emma, karen = PersonFactory(email="emma@example.org"), PersonFactory(email="karen@example.org")
    gone, no_email = PersonFactory(active=False), PersonFactory(email="")
    NotificationPreference.objects.create(person=karen, kind="note", delivery=Delivery.IN_APP)
    notify(message([emma], ref="meeting:0"))

    with django_capture_on_commit_callbacks(execute=True):
        created = notify_many(
            [
                message([emma], ref="meeting:0"),  # recorded before
                message([emma, karen, gone, no_email, emma]),
                message([karen]),  # the same key again in this batch
                message([emma], occasion="again"),
            ]
        )

    assert sorted(
        (n.recipient.name, n.subject_ref if hasattr(n, "subject_ref") else "", n.delivery) for n in created
    )
    assert len(created) == 4
    assert Notification.objects.count() == 5
    by_person = {(n.recipient_id, n.delivery) for n in Notification.objects.all()}
    assert (karen.pk, Delivery.IN_APP) in by_person
    assert (no_email.pk, Delivery.IN_APP) in by_person
    assert not Notification.objects.filter(recipient=gone).exists()
    # E-mails once the batch commits: emma's two (two occasions); karen chose the centre only.
    assert sorted(m.to[0] for m in mail.outbox) == ["emma@example.org"] * 2


def test_a_batch_costs_the_same_queries_for_three_messages_as_for_thirty():
    def queries(count):
        people = [PersonFactory() for _ in range(count)]
        batch = [message([person], ref=f"meeting:{count}:{n}") for n, person in enumerate(people)]
        with CaptureQueriesContext(connection) as captured:
            assert len(notify_many(batch)) == count
        return len(captured.captured_queries)

    assert queries(3) == queries(30)
