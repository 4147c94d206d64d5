import pytest
from django.urls import reverse

from governance.tests.factories import PersonFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _notification(person, **kwargs):
    defaults = {"kind": "test", "subject": "Agenda published", "body": "Read it.", "url": "/structure/"}
    return Notification.objects.create(
        recipient=person, key=f"k{Notification.objects.count()}", **defaults | kwargs
    )


def test_notification_centre_lists_only_my_notifications(client, secretariat):
    mine = _notification(secretariat.person, subject="For me")
    _notification(PersonFactory(), subject="For someone else")
    client.force_login(secretariat)
    response = client.get(reverse("notification_list"))
    assert list(response.context["notifications"]) == [mine]


def test_unread_count_shows_in_the_navigation_bar(client, secretariat):
    _notification(secretariat.person)
    _notification(secretariat.person)
    client.force_login(secretariat)
    page = client.get(reverse("home")).content.decode()
    assert '2<span class="visually-hidden"> unread</span>' in page


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, secretariat):
    notification = _notification(secretariat.person)
    client.force_login(secretariat)
    response = client.post(reverse("notification_read", args=[notification.pk]))
    assert response["Location"] == "/structure/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_cannot_be_marked_read(client, secretariat):
    other = _notification(PersonFactory())
    client.force_login(secretariat)
    assert client.post(reverse("notification_read", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_mark_all_as_read(client, secretariat):
    _notification(secretariat.person)
    _notification(secretariat.person)
    client.force_login(secretariat)
    client.post(reverse("notification_read_all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_notification_centre_needs_a_login(client):
    response = client.get(reverse("notification_list"))
    assert response.status_code == 302


def test_an_account_without_a_person_sees_an_explanation(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("notification_list"))
    assert "not linked to a person" in response.content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_notification_centre_runs_a_fixed_number_of_queries(
    client, secretariat, django_assert_max_num_queries, count
):
    for _ in range(count):
        _notification(secretariat.person)
    client.force_login(secretariat)
    with django_assert_max_num_queries(8):
        client.get(reverse("notification_list"))
