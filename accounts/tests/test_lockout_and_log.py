"""Lockout per account and per address, the admins' unlock, and the authentication log."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.choices import AuthEventKind
from accounts.models import AuthEvent
from accounts.tests.conftest import PASSWORD
from governance.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client, username, password="wrong-password", address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_wrong_password_and_an_unknown_account_get_the_same_message(client, partner, with_password):
    with_password(partner)
    known = attempt(client, partner.username).content.decode()
    unknown = attempt(client, "no-such-person").content.decode()
    message = "That username and password do not match an account that can log in."
    assert message in known and message in unknown
    assert AuthEvent.objects.filter(kind=AuthEventKind.LOGIN_FAILED).count() == 2
    assert AuthEvent.objects.get(kind=AuthEventKind.LOGIN_FAILED, username="no-such-person").user is None


def test_five_wrong_passwords_lock_the_account_even_with_the_right_password(client, partner, with_password):
    with_password(partner)
    for _ in range(4):
        assert attempt(client, partner.username).status_code == 200
    locked = attempt(client, partner.username)
    assert locked.status_code == 429
    assert b"Too many failed logins" in locked.content
    right = attempt(client, partner.username, password=PASSWORD, address="10.0.0.2")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuthEvent.objects.filter(kind=AuthEventKind.LOCKED_OUT, user=partner).exists()


def test_an_unknown_account_locks_the_same_way_so_the_lockout_reveals_nothing(client):
    for _ in range(4):
        attempt(client, "no-such-person")
    assert attempt(client, "no-such-person").status_code == 429


def test_an_address_locks_after_twenty_failures_whatever_the_usernames(
    client, member, with_password, settings
):
    with_password(member)
    for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        attempt(client, f"guess-{number}", address="10.9.9.9")
    assert attempt(client, member.username, password=PASSWORD, address="10.9.9.9").status_code == 429
    assert attempt(client, member.username, password=PASSWORD, address="10.9.9.8").status_code == 302


def test_an_admin_sees_the_locked_account_and_unlocks_it(client, admin_user, partner, with_password):
    with_password(partner)
    for _ in range(5):
        attempt(client, partner.username)
    admin = client.__class__()
    admin.force_login(admin_user)
    page = admin.get(reverse("accounts:security_log")).content.decode()
    assert f"Unlock {partner.username}" in page
    response = admin.post(reverse("accounts:account_unlock"), {"username": partner.username})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=partner.username).exists()
    assert attempt(client, partner.username, password=PASSWORD).status_code == 302
    event = AuthEvent.objects.get(kind=AuthEventKind.UNLOCKED)
    assert (event.username, event.by) == (partner.username, admin_user)


def test_an_admin_unlocks_an_address(client, admin_user, settings):
    for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        attempt(client, f"guess-{number}", address="10.9.9.9")
    client.force_login(admin_user)
    assert "Unlock 10.9.9.9" in client.get(reverse("accounts:security_log")).content.decode()
    client.post(reverse("accounts:account_unlock"), {"ip_address": "10.9.9.9"})
    assert not AccessAttempt.objects.filter(ip_address="10.9.9.9").exists()


@pytest.mark.parametrize("who", ["secretariat", "chair", "partner", "outsider"])
def test_only_admins_may_open_the_security_page_or_unlock(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("accounts:security_log")).status_code == 403
    assert client.post(reverse("accounts:account_unlock"), {"username": "x"}).status_code == 403
    assert client.post(reverse("accounts:two_factor_reset"), {"username": "x"}).status_code == 403


def test_the_log_filters_by_username_and_event_and_says_when_nothing_matches(client, admin_user):
    attempt(client, "somebody")
    client.force_login(admin_user)
    page = client.get(reverse("accounts:security_log"), {"username": "somebody", "kind": "login_failed"})
    assert "(no such account)" in page.content.decode()
    empty = client.get(reverse("accounts:security_log"), {"username": "nobody", "kind": ""})
    assert "No authentication events match this filter." in empty.content.decode()


@pytest.mark.parametrize("count", [3, 60])
def test_the_security_page_runs_a_fixed_number_of_queries(
    client, admin_user, count, django_assert_max_num_queries
):
    for number in range(count):
        attempt(client, f"user-{number % 7}", address=f"10.1.{number // 200}.{number % 200}")
    UserFactory.create_batch(2)
    client.force_login(admin_user)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("accounts:security_log"))
    assert response.status_code == 200


def test_client_login_without_a_request_still_authenticates(client, member, with_password):
    with_password(member)
    assert client.login(username=member.username, password=PASSWORD)
