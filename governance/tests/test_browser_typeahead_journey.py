"""The action log's type-ahead filters in a real browser (issue 16): the secretariat filters the
board's log by an owner found by typing part of her name, then by the meeting where actions were
agreed found by typing its month; the page never lists the directory, the chosen owner and meeting
stay named in their boxes, and every page passes axe-core."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from selenium.webdriver.common.by import By

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    log_in,
    screenshot,
    submit_and_wait,
    wait,
)
from governance.models import GroupKind
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory, council
from governance.tests.factories_actions import MeetingFactory, london, record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def choose(driver, field: str, typed: str, option: str) -> None:
    """Type into a type-ahead box and pick the option offered that starts with `option`."""
    box = driver.find_element(By.ID, f"id_{field}-ts-control")
    box.click()
    box.send_keys(typed)
    wait(
        driver,
        lambda d: any(
            o.text.startswith(option)
            for o in d.find_elements(By.CSS_SELECTOR, ".ts-dropdown .option")
            if o.is_displayed()
        ),
        timeout=30,  # the matches come from the server, on a machine that may be busy
    )
    next(
        o for o in driver.find_elements(By.CSS_SELECTOR, ".ts-dropdown .option") if o.text.startswith(option)
    ).click()


def filter_log(driver) -> None:
    # The type-ahead list closes when the box loses focus; then the Filter button is clicked.
    driver.find_element(By.CSS_SELECTOR, "form[role=search] input[name=q]").click()
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))


def listed(driver) -> list[str]:
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "td[data-label='Action']")]


def test_the_secretariat_filters_the_board_log_by_an_owner_and_a_meeting_found_by_typing(
    browser,  # noqa: F811
    live_server,
):
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Joanna Team", user=team)
    agency = council()
    lindsay = PersonFactory(name="Lindsay MacHardy", agency=agency)
    karen = PersonFactory(name="Karen Wright", agency=agency)
    for n in range(40):
        PersonFactory(name=f"Directory Person {n}", agency=agency)
    october = MeetingFactory(group=board, starts_at=london(2019, 10, 23, 10))
    december = MeetingFactory(group=board, starts_at=london(2019, 12, 18, 10))
    record(board, owners=[lindsay], description="Draft the funding letter", origin_meeting=october)
    record(board, owners=[lindsay], description="Report the budget position", origin_meeting=december)
    record(board, owners=[karen], description="Circulate the threshold document", origin_meeting=october)

    log_in(browser, live_server, "secretariat", PASSWORD)
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/")
    wait(browser, lambda d: d.find_elements(By.ID, "id_owner-ts-control"))
    assert "Directory Person" not in browser.page_source
    screenshot(browser, "typeahead-1-log")

    # An owner found by part of her name.
    choose(browser, "owner", "macha", "Lindsay MacHardy (")
    screenshot(browser, "typeahead-2-owner-offered")
    filter_log(browser)
    assert sorted(listed(browser)) == ["Draft the funding letter", "Report the budget position"]
    owner_box = browser.find_element(By.CSS_SELECTOR, "#id_owner + .ts-wrapper .item")
    assert owner_box.text.startswith("Lindsay MacHardy")

    # Then the meeting where they were agreed, found by its month.
    choose(browser, "meeting", "oct", "SPB — 23 Oct 2019")
    filter_log(browser)
    assert listed(browser) == ["Draft the funding letter"]
    meeting_box = browser.find_element(By.CSS_SELECTOR, "#id_meeting + .ts-wrapper .item")
    assert meeting_box.text.startswith("SPB — 23 Oct 2019")
    assert "Directory Person" not in browser.page_source
    screenshot(browser, "typeahead-3-filtered")
