"""load_demo and two-factor authentication: demo apps with DEMO_TOTP_SECRET, and no demo in production."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import base32_to_hex
from accounts.tests.factories import code_for

pytestmark = pytest.mark.django_db

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def run(*args, debug=True, **settings_overrides) -> str:
    out = io.StringIO()
    with override_settings(DEBUG=debug, **settings_overrides):
        call_command("load_demo", "--structure-only", *args, stdout=out)
    return out.getvalue()


def test_load_demo_gives_the_accounts_that_must_use_two_factor_an_app_with_the_demo_secret(client, settings):
    output = run()
    key = base32_to_hex(settings.DEMO_TOTP_SECRET)
    owners = set(TOTPDevice.objects.filter(key=key, confirmed=True).values_list("user__username", flat=True))
    assert owners == {"admin", "secretariat", "jcr"}
    assert "2FA apps" in output
    # A second run changes nothing.
    run()
    assert TOTPDevice.objects.count() == 3
    # A newcomer logs in as the secretariat with the demo password and a standard TOTP code.
    response = client.post(reverse("login"), {"username": "secretariat", "password": settings.DEMO_PASSWORD})
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))
    client.post(reverse("accounts:two_factor_verify"), {"code": code_for(key)})
    assert client.get(reverse("governance:structure")).status_code == 200


def test_load_demo_refuses_to_run_with_debug_off_without_the_flag():
    with pytest.raises(CommandError, match="--i-know-this-is-not-production"):
        run(debug=False)
    assert not get_user_model().objects.exists()


def test_load_demo_refuses_the_documented_default_password_with_debug_off_even_with_the_flag(settings):
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        run("--i-know-this-is-not-production", debug=False, DEMO_PASSWORD=settings.DEMO_PASSWORD_DEFAULT)
    with pytest.raises(CommandError, match="DEMO_TOTP_SECRET"):
        run("--i-know-this-is-not-production", debug=False, DEMO_PASSWORD="a-site-of-our-own-2026")
    assert not get_user_model().objects.exists()


def test_load_demo_runs_with_debug_off_given_the_flag_and_secrets_of_its_own():
    run(
        "--i-know-this-is-not-production",
        debug=False,
        DEMO_PASSWORD="a-site-of-our-own-2026",
        DEMO_TOTP_SECRET="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        PASSWORD_HASHERS=FAST_HASHERS,
    )
    assert get_user_model().objects.get(username="admin").check_password("a-site-of-our-own-2026")
    assert TOTPDevice.objects.filter(key=base32_to_hex("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).count() == 3
