"""Recording an action with two owners picked by typing, in a real browser (issue 16): the form
lists no one from the directory, a form sent back for a mistake keeps both owners in
their box, and the action is recorded with them."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from selenium.webdriver.common.by import By

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    crispy_submit,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
)
from core.tests.typeahead import choose, chosen
from governance.models import Action, GroupKind
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory, council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_the_secretariat_records_an_action_with_two_owners_picked_by_typing(browser, live_server):  # noqa: F811
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Joanna Team", user=team)
    agency = council()
    lindsay = PersonFactory(name="Lindsay MacHardy", agency=agency)
    karen = PersonFactory(name="Karen Wright", agency=agency)
    PersonFactory(name="Lindsay Left", agency=agency, active=False)
    for n in range(40):
        PersonFactory(name=f"Directory Person {n}", agency=agency)

    log_in(browser, live_server, "secretariat", PASSWORD)
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/new/")
    assert "Directory Person" not in browser.page_source

    choose(browser, "owners", "machardy", "Lindsay MacHardy (")
    choose(browser, "owners", "karen", "Karen Wright (")
    names = ["Lindsay MacHardy", "Karen Wright"]
    assert [text.split(" (")[0] for text in chosen(browser, "owners")] == names
    screenshot(browser, "typeahead-fields-1-two-owners")

    # Sent with both a due date and "by the next meeting": the form comes back, owners kept.
    browser.find_element(By.NAME, "description").send_keys("Write to the three partners about funding.")
    set_date(browser, "due_date", datetime.date.today() + datetime.timedelta(days=30))
    browser.find_element(By.NAME, "due_by_next_meeting").click()
    submit_and_wait(browser, crispy_submit(browser))
    assert "not both" in browser.page_source
    assert [text.split(" (")[0] for text in chosen(browser, "owners")] == names
    screenshot(browser, "typeahead-fields-2-sent-back")

    box = browser.find_element(By.NAME, "due_by_next_meeting")
    # The sent-back page is longer (the error above): bring the box from the window's edge first.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", box)
    box.click()
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/actions/")
    action = Action.objects.get()
    assert set(action.owners.all()) == {lindsay, karen}
    page = browser.find_element(By.TAG_NAME, "main").text
    assert lindsay.initials in page and karen.initials in page
    screenshot(browser, "typeahead-fields-3-recorded")
