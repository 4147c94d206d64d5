import pytest
from selenium.webdriver.common.by import By

from core.tests.browser import LOGIN_PATH, browser, log_in  # noqa: F401  (fixture)
from governance.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_log_in_returns_once_the_next_page_is_there_for_the_logged_in_user(browser, live_server):  # noqa: F811
    UserFactory(username="waits", password="a-long-test-password")
    log_in(browser, live_server, "waits", "a-long-test-password")
    # No wait here: log_in has waited for the page after the login.
    assert LOGIN_PATH not in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "form[action$='/logout/']")


def test_log_in_says_when_the_login_is_refused(browser, live_server):  # noqa: F811
    UserFactory(username="waits", password="a-long-test-password")
    with pytest.raises(AssertionError, match="'waits' was refused"):
        log_in(browser, live_server, "waits", "a-wrong-password")
