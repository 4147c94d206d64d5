"""Two-factor authentication: required for admins, the secretariat and the JCR group; optional for others."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.choices import AuthEventKind
from accounts.models import AuthEvent
from accounts.permissions import must_use_two_factor
from accounts.tests.conftest import PASSWORD
from accounts.tests.factories import KEY, code_for, enrol, next_code_for

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def log_in(client, user, next_url=""):
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def test_admins_the_secretariat_and_jcr_members_must_use_two_factor_and_others_need_not(
    admin_user, secretariat, jcr_member, chair, member, partner, outsider
):
    assert [must_use_two_factor(user) for user in (admin_user, secretariat, jcr_member)] == [True, True, True]
    assert [must_use_two_factor(user) for user in (chair, member, partner, outsider)] == [False] * 4


def test_secretariat_logging_in_with_a_password_is_made_to_set_up_an_app_and_reaches_nothing_else(
    client, secretariat, with_password
):
    with_password(secretariat)
    response = log_in(client, secretariat)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    blocked = client.get(reverse("governance:meeting_list"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("accounts:two_factor_setup"))
    page = client.get(reverse("accounts:two_factor_setup"))
    assert b"data:image/svg+xml" in page.content
    assert b"Set up two-factor authentication" in page.content


def test_setting_up_with_the_right_code_enrols_the_app_shows_recovery_codes_once_and_opens_the_site(
    client, secretariat, with_password
):
    with_password(secretariat)
    log_in(client, secretariat, next_url="/meetings/")
    page = client.get(reverse("accounts:two_factor_setup"))
    secret = re.search(rb'data-secret="([A-Z2-7]+)"', page.content).group(1).decode()
    key_hex = client.session["accounts_new_totp_key"]
    assert base64.b32encode(bytes.fromhex(key_hex)).decode() == secret
    response = client.post(
        reverse("accounts:two_factor_setup"), {"code": code_for(key_hex), "next": "/meetings/"}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(rb'<li class="col">([a-z0-9]+)</li>', codes_page.content)
    assert len(codes) == 10
    assert b'href="/meetings/"' in codes_page.content
    assert client.get(reverse("accounts:recovery_codes")).status_code == 302  # shown once
    assert client.get(reverse("governance:meeting_list")).status_code == 200
    assert TOTPDevice.objects.get(user=secretariat).key == key_hex
    assert AuthEvent.objects.filter(user=secretariat, kind=AuthEventKind.TWO_FACTOR_SET_UP).exists()


def test_setting_up_with_a_wrong_code_keeps_the_same_key_and_says_why(client, secretariat, with_password):
    with_password(secretariat)
    log_in(client, secretariat)
    client.get(reverse("accounts:two_factor_setup"))
    key_hex = client.session["accounts_new_totp_key"]
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "12345"})
    assert response.status_code == 200
    assert b"Type the six digits your app shows" in response.content
    assert b'value="12345"' in response.content
    assert client.session["accounts_new_totp_key"] == key_hex
    assert not TOTPDevice.objects.filter(user=secretariat).exists()


def test_a_user_with_an_app_types_a_code_after_the_password(client, chair, with_password):
    with_password(chair)
    device, _ = enrol(chair)
    response = log_in(client, chair)
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert client.get(reverse("governance:structure")).status_code == 302
    response = client.post(reverse("accounts:two_factor_verify"), {"code": next_code_for(device)})
    assert response.status_code == 302
    assert client.get(reverse("governance:structure")).status_code == 200
    assert AuthEvent.objects.filter(user=chair, kind=AuthEventKind.SECOND_FACTOR_PASSED).exists()


def test_a_wrong_code_is_refused_recorded_and_the_site_stays_closed(client, chair, with_password):
    with_password(chair)
    enrol(chair)
    log_in(client, chair)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    assert response.status_code == 200
    assert b"That code was not accepted" in response.content
    assert client.get(reverse("governance:structure")).status_code == 302
    assert AuthEvent.objects.filter(user=chair, kind=AuthEventKind.SECOND_FACTOR_FAILED).count() == 1


def test_a_recovery_code_logs_in_once_only(client, chair, with_password):
    with_password(chair)
    _, codes = enrol(chair)
    log_in(client, chair)
    assert client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]}).status_code == 302
    assert AuthEvent.objects.filter(user=chair, kind=AuthEventKind.RECOVERY_CODE_USED).count() == 1
    client.logout()
    log_in(client, chair)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert response.status_code == 200


def test_a_member_without_an_app_logs_in_with_the_password_alone(client, member, with_password):
    with_password(member)
    response = log_in(client, member)
    assert response["Location"] == reverse("home")
    assert client.get(reverse("governance:structure")).status_code == 200


def test_the_django_admin_login_goes_through_the_same_two_steps(client, admin_user, with_password):
    with_password(admin_user)
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    response = log_in(client, admin_user, next_url="/admin/")
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert client.get("/admin/").status_code == 302


def test_a_member_may_turn_two_factor_on_and_off_but_the_secretariat_may_not_turn_it_off(
    client, member, secretariat
):
    enrol(member)
    client.force_login(member)
    client.post(reverse("accounts:two_factor_turn_off"))
    assert not TOTPDevice.objects.filter(user=member).exists()
    enrol(secretariat)
    client.force_login(secretariat)
    response = client.post(reverse("accounts:two_factor_turn_off"), follow=True)
    assert b"requires two-factor authentication" in response.content
    assert TOTPDevice.objects.filter(user=secretariat).exists()


def test_renewing_recovery_codes_replaces_the_old_ones(client, member):
    _, old = enrol(member)
    client.force_login(member)
    response = client.post(reverse("accounts:recovery_codes_renew"), follow=True)
    new = re.findall(rb'<li class="col">([a-z0-9]+)</li>', response.content)
    assert len(new) == 10
    assert not set(code.decode() for code in new) & set(old)


def test_an_admin_resets_someones_two_factor_which_ends_their_sessions(client, admin_user, secretariat):
    enrol(secretariat)
    other = client.__class__()
    other.force_login(secretariat)
    client.force_login(admin_user)
    response = client.post(reverse("accounts:two_factor_reset"), {"username": secretariat.username})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=secretariat).exists()
    assert other.get(reverse("governance:structure")).status_code == 302
    event = AuthEvent.objects.get(kind=AuthEventKind.TWO_FACTOR_RESET)
    assert (event.user, event.by) == (secretariat, admin_user)


def test_resetting_two_factor_for_an_unknown_username_says_so_and_keeps_it(client, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("accounts:two_factor_reset"), {"username": "nobody-here"})
    assert response.status_code == 400
    assert b"There is no account with that username." in response.content
    assert b'value="nobody-here"' in response.content


def test_setup_page_key_is_the_same_as_the_qr_code_a_demo_secret_would_compute(client):
    # KEY is RFC 6238's secret: its code at t=59 is 287082 (RFC 6238 appendix B, 6 digits).
    assert code_for(KEY, at=59) == "287082"
