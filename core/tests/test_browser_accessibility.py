"""axe-core runs in every browser journey on every page it visits (core/tests/browser.py), failing on
any WCAG 2.2 AA violation: these tests show that the check runs, and that it would catch one."""

import pytest
from selenium.webdriver.common.by import By

from core.tests.browser import AXE_SOURCE, AXE_TAGS, browser, check_accessibility  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INACCESSIBLE = "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">');"


def test_axe_is_vendored_and_checks_the_wcag_2_2_aa_tags():
    assert AXE_SOURCE.read_text().startswith("/*! axe v4.")
    assert AXE_TAGS == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_every_page_a_journey_shows_is_checked_before_it_moves_on(browser, live_server):  # noqa: F811
    browser.get(f"{live_server.url}/accounts/login/")
    # Typing into the page is an action on it: the page is checked first.
    browser.find_element(By.NAME, "username").send_keys("someone")
    assert browser.execute_script("return window.axeChecked === true;")


def test_a_journey_fails_on_a_page_with_a_wcag_violation(browser, live_server):  # noqa: F811
    browser.get(f"{live_server.url}/accounts/login/")
    # An image without a text alternative, added behind the checker's back (the inner driver).
    browser.wrapped_driver.execute_script(INACCESSIBLE)
    with pytest.raises(AssertionError, match=r"WCAG 2.2 AA violations on .*\n.*image-alt"):
        check_accessibility(browser.wrapped_driver)
    # The same page left unchecked: the journey's next step fails on it.
    browser.wrapped_driver.execute_script("window.axeChecked = false;")
    with pytest.raises(AssertionError, match="image-alt"):
        browser.get(f"{live_server.url}/accounts/login/")
    browser.wrapped_driver.execute_script("document.querySelector('main img').alt = 'A test image';")
