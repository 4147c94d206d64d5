"""Issue 10 point 15 in the browser: an admin changes a reminder cadence and adds a closure day; a
secretary scheduling a meeting on that day is warned and confirms (point 8)."""

import datetime

import pytest
from selenium.webdriver.common.by import By

from core.models import ClosureDay
from core.partnership import partnership_settings
from core.tests.browser import (  # noqa: F401  (fixture)
    browser,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
)
from governance.models import Meeting
from governance.tests.factories import GroupFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_sets_a_reminder_cadence_and_a_closure_day_and_a_meeting_on_it_needs_confirming(
    browser,  # noqa: F811
    live_server,
):
    UserFactory(username="admin", password="a-long-test-password", is_superuser=True, is_staff=True)
    group = GroupFactory(name="Education Group", short_name="EDU")
    closure = datetime.date.today() + datetime.timedelta(days=40)
    while closure.weekday() >= 5:
        closure += datetime.timedelta(days=1)

    log_in(browser, live_server, "admin", "a-long-test-password")
    browser.get(f"{live_server.url}/settings/")
    field = browser.find_element(By.NAME, "minutes_reminder_working_days")
    field.clear()
    field.send_keys("5")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]"))
    assert "Settings saved" in browser.page_source
    assert "minutes chasing (working days after the meeting): 5" in browser.page_source
    screenshot(browser, "partnership-settings")
    assert partnership_settings().minutes_reminder_working_days == 5

    browser.find_element(By.LINK_TEXT, "Closure days").click()
    set_date(browser, "date", closure)
    browser.find_element(By.NAME, "reason").send_keys("Office move")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]"))
    assert ClosureDay.objects.get(date=closure).reason == "Office move"
    screenshot(browser, "closure-days")

    browser.get(f"{live_server.url}/groups/{group.pk}/meetings/new/")
    set_date(browser, "date", closure)
    browser.find_element(By.NAME, "location").send_keys("Plough Lane")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]"))
    assert "is a closure day (Office move)" in browser.page_source
    screenshot(browser, "meeting-on-a-closure-day")
    browser.find_element(By.NAME, "confirm_non_working_day").click()
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]"))
    assert Meeting.objects.get(group=group).local_date == closure
