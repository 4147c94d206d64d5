"""Password change and reset, session limits, the sessions page, and sessions ended from elsewhere."""

import datetime
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.choices import AuthEventKind
from accounts.models import AuthEvent, UserSession
from accounts.tests.conftest import PASSWORD
from governance.models import Membership
from governance.services.structure import membership_end

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
NEW_PASSWORD = "river-lantern-orchard-42"


def logged_in(user, agent=FIREFOX):
    client = Client(HTTP_USER_AGENT=agent)
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return client


def test_every_user_changes_their_password_and_their_other_sessions_end(chair, with_password):
    with_password(chair)
    here, elsewhere = logged_in(chair), logged_in(chair, IPHONE)
    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your password has been changed. 1 other session ended." in response.content.decode()
    assert here.get(reverse("governance:structure")).status_code == 200
    assert elsewhere.get(reverse("governance:structure")).status_code == 302
    assert UserSession.objects.filter(user=chair).count() == 1
    assert AuthEvent.objects.filter(user=chair, kind=AuthEventKind.PASSWORD_CHANGED).exists()


def test_a_password_change_refuses_a_short_or_common_password_and_keeps_the_old_one(chair, with_password):
    with_password(chair)
    client = logged_in(chair)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"},
    )
    content = response.content.decode()
    assert "This password is too short. It must contain at least 12 characters." in content
    assert "This password is too common." in content
    chair.refresh_from_db()
    assert chair.check_password(PASSWORD)


def test_a_password_reset_by_e_mail_sets_a_new_password_and_ends_every_session(chair, with_password):
    with_password(chair)
    chair.email = "chris.chair@example.org"
    chair.save()
    old_session = logged_in(chair)
    anonymous = Client()
    response = anonymous.post(reverse("password_reset"), {"email": "chris.chair@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your HSCP Governance password"
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = anonymous.get(link)["Location"]
    done = anonymous.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == reverse("password_reset_complete")
    chair.refresh_from_db()
    assert chair.check_password(NEW_PASSWORD)
    assert old_session.get(reverse("governance:structure")).status_code == 302
    assert AuthEvent.objects.filter(user=chair, kind=AuthEventKind.PASSWORD_RESET).exists()


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
    assert (
        "If the address belongs to an account" in client.get(reverse("password_reset_done")).content.decode()
    )


def test_the_login_page_offers_the_password_reset(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_a_session_idle_for_thirty_minutes_ends_and_says_why(member, with_password):
    with_password(member)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in(member)
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert client.get(reverse("governance:structure")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=58), tick=False):
        assert client.get(reverse("governance:structure")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=89), tick=False):
        response = client.get(reverse("governance:structure"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        page = client.get(response["Location"]).content.decode()
    assert "You were logged out after 30 minutes without activity." in page
    assert AuthEvent.objects.filter(user=member, kind=AuthEventKind.SESSION_EXPIRED, detail="idle").exists()


def test_a_session_ends_eight_hours_after_login_however_active(member, with_password):
    with_password(member)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in(member)
    for minutes in range(20, 8 * 60, 20):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            assert client.get(reverse("governance:structure")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=8), tick=False):
        assert client.get(reverse("governance:structure")).status_code == 302


def test_the_idle_timeout_is_configurable(member, with_password, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 5
    with_password(member)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in(member)
    with time_machine.travel(start + datetime.timedelta(minutes=6), tick=False):
        assert client.get(reverse("governance:structure")).status_code == 302


def test_a_session_from_before_the_limits_existed_must_log_in_again(member):
    client = Client()
    client.force_login(member)
    session = client.session
    del session["accounts_started_at"]
    session.save()
    assert client.get(reverse("governance:structure")).status_code == 302


def test_the_sessions_page_shows_each_device_and_ends_one_or_all_the_others(chair, with_password):
    with_password(chair)
    here, phone, laptop = logged_in(chair), logged_in(chair, IPHONE), logged_in(chair, "")
    page = here.get(reverse("accounts:sessions")).content.decode()
    assert "Firefox on Linux" in page and "Mobile Safari on iOS" in page and "Unknown device" in page
    assert page.count("This session") == 1
    phone_row = UserSession.objects.get(user=chair, user_agent=IPHONE)
    here.post(reverse("accounts:session_end"), {"session": phone_row.pk})
    assert phone.get(reverse("governance:structure")).status_code == 302
    assert laptop.get(reverse("governance:structure")).status_code == 200
    response = here.post(reverse("accounts:sessions_end_others"), follow=True)
    assert "1 other session ended." in response.content.decode()
    assert laptop.get(reverse("governance:structure")).status_code == 302
    assert here.get(reverse("accounts:sessions")).status_code == 200
    assert "You are logged in nowhere else." in here.get(reverse("accounts:sessions")).content.decode()


def test_nobody_ends_another_users_session(chair, member, with_password):
    with_password(chair)
    with_password(member)
    logged_in(chair)
    theirs = UserSession.objects.get(user=chair)
    assert logged_in(member).post(reverse("accounts:session_end"), {"session": theirs.pk}).status_code == 404
    assert Session.objects.filter(session_key=theirs.session_key).exists()


def test_ending_a_membership_ends_that_persons_sessions(
    member, with_password, django_capture_on_commit_callbacks
):
    with_password(member)
    client = logged_in(member)
    membership = Membership.objects.get(person__user=member)
    with django_capture_on_commit_callbacks(execute=True):
        membership_end(membership=membership)
    assert client.get(reverse("home")).status_code == 302
    assert AuthEvent.objects.filter(user=member, kind=AuthEventKind.SESSIONS_ENDED).exists()


def test_a_membership_ending_in_the_future_leaves_the_sessions(
    member, with_password, django_capture_on_commit_callbacks
):
    with_password(member)
    client = logged_in(member)
    membership = Membership.objects.get(person__user=member)
    with django_capture_on_commit_callbacks(execute=True):
        membership_end(membership=membership, end_date=timezone.localdate() + datetime.timedelta(days=30))
    assert client.get(reverse("governance:structure")).status_code == 200


def test_deactivating_an_account_ends_its_sessions(member, with_password):
    with_password(member)
    client = logged_in(member)
    member.is_active = False
    member.save()
    assert client.get(reverse("home")).status_code == 302
    assert not UserSession.objects.filter(user=member).exists()


def test_logins_and_logouts_are_recorded_with_the_address_and_browser(member, with_password):
    with_password(member)
    client = logged_in(member)
    client.post(reverse("logout"))
    login, logout = AuthEvent.objects.filter(user=member).order_by("at", "pk")
    assert (login.kind, logout.kind) == (AuthEventKind.LOGIN, AuthEventKind.LOGOUT)
    assert login.ip_address == "127.0.0.1" and login.user_agent == FIREFOX
    assert not UserSession.objects.filter(user=member).exists()


def test_your_account_page_says_what_is_required_and_links_password_and_sessions(client, secretariat, member):
    client.force_login(secretariat)
    page = client.get(reverse("accounts:security")).content.decode()
    assert "Your role requires it" in page
    assert reverse("accounts:password_change") in page and reverse("accounts:sessions") in page
    client.force_login(member)
    assert "It is optional for your account" in client.get(reverse("accounts:security")).content.decode()
