import pytest
from django.urls import reverse

from notifications.models import Delivery, Notification, NotificationPreference
from notifications.registry import kinds

pytestmark = pytest.mark.django_db

URL = reverse("notification_preferences")


def _all(delivery=Delivery.IMMEDIATE, **overrides):
    return {kind.code: overrides.get(kind.code, delivery) for kind in kinds()}


def test_the_notification_centre_links_to_the_preferences(client, member):
    client.force_login(member)
    assert URL in client.get(reverse("notification_list")).content.decode()


def test_the_page_offers_each_kind_with_its_current_choice(client, member):
    NotificationPreference.objects.create(
        person=member.person, kind="quoracy_forecast", delivery=Delivery.DIGEST
    )
    client.force_login(member)
    response = client.get(URL)
    form = response.context["form"]
    assert set(form.fields) == {kind.code for kind in kinds()}
    assert form["quoracy_forecast"].value() == Delivery.DIGEST
    assert form["action_due_soon"].value() == Delivery.IMMEDIATE
    page = response.content.decode()
    assert "Your action is due within a week" in page
    assert "One e-mail a day (daily digest)" in page


def test_saving_preferences_stores_only_the_choices_that_differ_from_the_default(client, member):
    client.force_login(member)
    response = client.post(
        URL, _all(action_due_soon=Delivery.DIGEST, minutes_circulated=Delivery.IN_APP), follow=True
    )
    assert "Your notification preferences are saved." in response.content.decode()
    assert dict(NotificationPreference.objects.values_list("kind", "delivery")) == {
        "action_due_soon": Delivery.DIGEST,
        "minutes_circulated": Delivery.IN_APP,
    }
    client.post(URL, _all())
    assert not NotificationPreference.objects.exists()


def test_an_unknown_choice_is_refused_and_what_was_chosen_is_kept(client, member):
    client.force_login(member)
    response = client.post(URL, _all(action_due_soon=Delivery.DIGEST, quoracy_forecast="pigeon"))
    assert response.status_code == 200
    assert response.context["form"].errors["quoracy_forecast"]
    assert response.context["form"]["action_due_soon"].value() == Delivery.DIGEST
    assert not NotificationPreference.objects.exists()


def test_someone_not_in_the_directory_is_told_so(client, outsider):
    client.force_login(outsider)
    response = client.get(URL)
    assert "not linked to a person in the directory" in response.content.decode()
    assert client.post(URL, _all(Delivery.DIGEST)).status_code == 200
    assert not NotificationPreference.objects.exists()


def test_preferences_need_a_login(client):
    assert client.get(URL).status_code == 302


def test_daily_digest_emails_are_not_listed_twice_in_the_centre(client, member):
    Notification.objects.create(
        recipient=member.person, kind="action_due_soon", key="a", subject="Due soon", body="."
    )
    Notification.objects.create(
        recipient=member.person, kind="digest", key="d", subject="Your daily digest", body="."
    )
    client.force_login(member)
    listed = client.get(reverse("notification_list")).context["notifications"]
    assert [notification.subject for notification in listed] == ["Due soon"]


def test_the_preferences_page_runs_a_fixed_number_of_queries(client, member, django_assert_max_num_queries):
    client.force_login(member)
    with django_assert_max_num_queries(8):
        client.get(URL)
    for kind in kinds():
        NotificationPreference.objects.create(person=member.person, kind=kind.code, delivery=Delivery.IN_APP)
    with django_assert_max_num_queries(8):
        client.get(URL)
