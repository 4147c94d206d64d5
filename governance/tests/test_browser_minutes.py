"""The minutes in a real browser: approving with an amendment starts from the circulated wording."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import browser, log_in, screenshot  # noqa: F401  (fixture)
from governance.models import MinutesAmendment, MinutesStatus
from governance.services import minutes as services
from governance.tests.factories import UserFactory
from governance.tests.factories_minutes import at, board_meeting, partners_present

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click(driver, element):
    # Bootstrap scrolls smoothly; jump instead, so the element is in view before the click.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def test_an_amendment_starts_from_the_circulated_wording_and_is_recorded(browser, live_server, group):  # noqa: F811
    from django.contrib.auth.models import Group as AuthGroup

    user = UserFactory(username="minute-taker", password="a-long-test-password")
    user.groups.add(AuthGroup.objects.get_or_create(name="Secretariat")[0])
    december, items = board_meeting(group, at(2019, 12, 18))
    people = partners_present(december)
    services.minutes_update_item(item=items[1], discussion="The partners advised on governance.")
    minutes = services.minutes_circulate(minutes=services.minutes_start(meeting=december))
    january, january_items = board_meeting(group, at(2020, 1, 31))
    partners_present(january)

    log_in(browser, live_server, "minute-taker", "a-long-test-password")
    browser.get(f"{live_server.url}/agenda-items/{january_items[0].pk}/approve-minutes/")
    Select(browser.find_element(By.NAME, "amendment-0-agenda_item")).select_by_value(str(items[1].pk))
    box = browser.find_element(By.NAME, "amendment-0-new_text")
    assert box.get_attribute("value") == "The partners advised on governance."
    box.send_keys(" The early help group is an operational group.")
    Select(browser.find_element(By.NAME, "amendment-0-requested_by")).select_by_visible_text(
        f"{people['council'].name} ({people['council'].agency.label})"
    )
    click(browser, browser.find_element(By.NAME, "confirm"))
    click(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Approve the minutes']"))

    screenshot(browser, "minutes-approved")
    assert "approved with 1 amendment" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED
    amendment = MinutesAmendment.objects.get()
    assert (
        amendment.new_text
        == "The partners advised on governance. The early help group is an operational group."
    )
    assert amendment.requested_by == people["council"]
