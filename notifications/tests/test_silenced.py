import pytest
from django.core import mail

from governance.tests.factories import PersonFactory
from notifications.models import Notification
from notifications.registry import Message
from notifications.services import is_silenced, notify, silenced

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("testapp")
def test_notify_inside_silenced_records_nothing_and_sends_nothing(django_capture_on_commit_callbacks):
    person = PersonFactory(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True), silenced():
        created = notify(
            Message(
                recipients=[person], kind="note", subject_ref="x:1", context={"subject": "S", "body": "B"}
            )
        )
    assert created == []
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_silenced_nests_and_restores_on_the_way_out():
    assert not is_silenced()
    with silenced():
        with silenced():
            assert is_silenced()
        assert is_silenced()
    assert not is_silenced()
