"""Issue 11's accounts journey in a real browser.

The secretariat logs in, is made to set up two-factor authentication, logs out and logs back in
with a code; five wrong passwords lock the partner out and an admin unlocks them; the chair, also
logged in elsewhere, ends that other session and changes their password.
"""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.models import Group as AuthGroup
from selenium.webdriver.common.by import By

from accounts.tests.factories import KEY, enrol
from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    button,
    device_code,
    follow,
    log_in,
    screenshot,
    submit_and_wait,
    totp_code,
)
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "river-lantern-orchard-42"


def _user(username, name, *, groups=(), superuser=False):
    user = UserFactory(username=username, password=PASSWORD, is_superuser=superuser, is_staff=superuser)
    for group in groups:
        user.groups.add(AuthGroup.objects.get_or_create(name=group)[0])
    PersonFactory(user=user, name=name)
    return user


def _type_password(driver, live_server, username, password):
    driver.get(f"{live_server.url}/accounts/login/")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def _log_out(driver):
    submit_and_wait(driver, button(driver, "Log out"))


class _OtherBrowser:
    """The chair's second session (a laptop at home): a plain HTTP client with its own cookies."""

    def __init__(self, live_server):
        self.base = live_server.url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(f"{self.base}{path}", timeout=30) as response:
            return response.geturl(), response.read().decode()

    def log_in(self, username, password):
        _, page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        ).encode()
        request = urllib.request.Request(
            f"{self.base}/accounts/login/", data=data, headers={"Referer": f"{self.base}/accounts/login/"}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.geturl()


def test_accounts_journey(browser, live_server):  # noqa: F811
    _user("secretariat", "Joanna Kowalski", groups=[SECRETARIAT_GROUP])
    _user("partner", "Imran Chaudhry", groups=[PARTNER_READER_GROUP])
    admin = _user("admin", "Daniel Osei", superuser=True)
    enrol(admin, KEY)
    chair = _user("chair", "Priya Raman")
    MembershipFactory(person=chair.person, group=GroupFactory(name="Education Group"), role="chair")

    # The secretariat logs in and is made to set up two-factor authentication.
    _type_password(browser, live_server, "secretariat", PASSWORD)
    assert "/accounts/two-factor/set-up/" in browser.current_url
    assert "needs a second step at every login" in browser.page_source
    browser.get(f"{live_server.url}/meetings/")
    assert "/accounts/two-factor/set-up/" in browser.current_url  # nothing else until it is done
    screenshot(browser, "accounts-01-secretariat-must-set-up-two-factor")
    secret = browser.find_element(By.ID, "totp-secret").get_attribute("data-secret")
    browser.find_element(By.NAME, "code").send_keys(totp_code(secret))
    submit_and_wait(browser, button(browser, "Turn on two-factor authentication"))
    codes = browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")
    assert len(codes) == 10
    screenshot(browser, "accounts-02-recovery-codes")
    follow(browser, "I have saved them: continue")
    assert "/meetings/" in browser.current_url

    # Logs out, and back in with a code from the app.
    _log_out(browser)
    _type_password(browser, live_server, "secretariat", PASSWORD)
    assert browser.current_url.endswith("/accounts/two-factor/?next=%2F")
    screenshot(browser, "accounts-03-code-after-password")
    browser.find_element(By.NAME, "code").send_keys(device_code("secretariat"))
    submit_and_wait(browser, button(browser, "Verify"))
    assert browser.find_elements(By.CSS_SELECTOR, "form[action$='/logout/']")
    assert "/accounts/" not in browser.current_url
    _log_out(browser)

    # Five wrong passwords lock the partner out; the right one then fails too.
    for _ in range(5):
        _type_password(browser, live_server, "partner", "not-the-password")
    assert "Too many failed logins" in browser.page_source
    screenshot(browser, "accounts-04-partner-locked-out")
    _type_password(browser, live_server, "partner", PASSWORD)
    assert "Too many failed logins" in browser.page_source

    # An admin (with an app) unlocks them from the Security page.
    log_in(browser, live_server, "admin", PASSWORD)
    follow(browser, "Daniel Osei")
    follow(browser, "Security")
    assert "Account partner · 6 failed logins" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "accounts-05-admin-security-page")
    submit_and_wait(browser, button(browser, "Unlock partner"))
    assert "partner is unlocked." in browser.page_source
    assert "No account or address is locked out." in browser.page_source
    _log_out(browser)
    log_in(browser, live_server, "partner", PASSWORD)
    _log_out(browser)

    # The chair is also logged in on another computer; ends that session, then changes their password.
    laptop = _OtherBrowser(live_server)
    assert not laptop.log_in("chair", PASSWORD).endswith("/accounts/login/")
    log_in(browser, live_server, "chair", PASSWORD)
    browser.get(f"{live_server.url}/accounts/")
    follow(browser, "Your sessions")
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 2
    assert "This session" in browser.page_source and "Python-urllib" in browser.page_source
    screenshot(browser, "accounts-06-chair-sessions")
    submit_and_wait(browser, button(browser, "End all other sessions"))
    assert "1 other session ended." in browser.page_source
    assert "You are logged in nowhere else." in browser.page_source
    url, _ = laptop.get("/structure/")
    assert "/accounts/login/" in url

    follow(browser, "Back to your account")
    follow(browser, "Change your password")
    browser.find_element(By.NAME, "old_password").send_keys(PASSWORD)
    browser.find_element(By.NAME, "new_password1").send_keys("password")
    browser.find_element(By.NAME, "new_password2").send_keys("password")
    submit_and_wait(browser, button(browser, "Change password"))
    assert "This password is too common." in browser.page_source
    screenshot(browser, "accounts-07-password-refused")
    browser.find_element(By.NAME, "old_password").send_keys(PASSWORD)
    for name in ("new_password1", "new_password2"):
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(NEW_PASSWORD)
    submit_and_wait(browser, button(browser, "Change password"))
    assert "Your password has been changed." in browser.page_source
    screenshot(browser, "accounts-08-password-changed")
    _log_out(browser)
    log_in(browser, live_server, "chair", NEW_PASSWORD)
