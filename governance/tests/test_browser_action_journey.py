"""The action log's journey in a real browser, as the action log issue's "Done means" says.

The secretariat records an action at a meeting item with two owners and sees their initials and
the "dd.mm.yy ref N" reference; an owner (a chair) posts an update revising the due date; the
secretariat hands the action to a subgroup; at the subgroup's next meeting the outstanding actions
are reviewed inline (htmx, no page load); the log is exported to Excel and the file opens.
Only the structure and the two meetings are set up directly; the rest goes through the pages.
"""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    click,
    crispy_submit,
    fetch,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
    wait,
)
from core.tests.typeahead import choose, chosen
from governance.models import Action, GroupKind
from governance.permissions import SECRETARIAT_GROUP
from governance.services.agenda import agenda_item_add
from governance.services.meetings import meeting_schedule
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory, council

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def _meeting(group, days_from_now: int):
    starts = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    starts += datetime.timedelta(days=days_from_now)
    return meeting_schedule(
        group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )


def _log_in_as(driver, live_server, username):
    driver.delete_all_cookies()
    log_in(driver, live_server, username, PASSWORD)
    wait(driver, lambda d: "/accounts/login/" not in d.current_url)


def test_an_action_is_recorded_updated_handed_over_reviewed_inline_and_exported(browser, live_server):  # noqa: F811
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    quality = GroupFactory(name="Quality & Effectiveness Group", short_name="Q&E")
    quality.reports_to.set([board])
    chair_user = UserFactory(username="chair", password=PASSWORD)
    emma = PersonFactory(name="Emma Field", agency=council(), user=chair_user)
    MembershipFactory(person=emma, group=quality, role="chair")
    PersonFactory(name="Kate Walsh", agency=council())
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Joanna Team", user=team)
    board_meeting = _meeting(board, -14)
    item = agenda_item_add(meeting=board_meeting, title="Finance / Funding", purpose="decision")
    sub_item = agenda_item_add(meeting=board_meeting, parent=item, title="Contributions", purpose="decision")
    next_quality_meeting = _meeting(quality, 10)
    reference = f"{timezone.localtime(board_meeting.starts_at):%d.%m.%y} ref {sub_item.number}"

    # The secretariat records the action at item 4.1-style sub-item, with two owners.
    _log_in_as(browser, live_server, "secretariat")
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/new/?item={sub_item.pk}")
    browser.find_element(By.NAME, "title").send_keys("Finance / Funding")
    browser.find_element(By.NAME, "description").send_keys("EF to draft a letter to the three partners.")
    # Two owners picked by typing part of their names (issue 16): the page lists no one.
    assert "Kate Walsh" not in browser.page_source
    choose(browser, "owners", "emma", "Emma Field (")
    choose(browser, "owners", "wals", "Kate Walsh (")
    assert [text.split(" (")[0] for text in chosen(browser, "owners")] == ["Emma Field", "Kate Walsh"]
    screenshot(browser, "action-0-owners-typed")
    original_due = timezone.localdate() + datetime.timedelta(days=20)
    set_date(browser, "due_date", original_due)
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/actions/")
    action = Action.objects.get()
    assert action.number == 1
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "EF/KW" in page
    assert reference in page
    screenshot(browser, "action-1-recorded")

    # An owner, who chairs the Q&E group, posts an update and revises the due date.
    _log_in_as(browser, live_server, "chair")
    browser.get(f"{live_server.url}{action.get_absolute_url()}")
    browser.find_element(By.NAME, "text").send_keys("Draft letter with the finance leads.")
    revised = original_due + datetime.timedelta(days=30)
    set_date(browser, "revised_due_date", revised)
    browser.find_element(By.NAME, "revision_reason").send_keys("Waiting for the budget figures.")
    submit_and_wait(browser, crispy_submit(browser))
    action.refresh_from_db()
    assert action.due_date == revised
    assert action.original_due_date == original_due
    assert "Draft letter with the finance leads." in browser.find_element(By.TAG_NAME, "main").text

    # The secretariat hands it to the Q&E group: it keeps its reference and gains a number there.
    _log_in_as(browser, live_server, "secretariat")
    browser.get(f"{live_server.url}{action.get_absolute_url()}")
    Select(browser.find_element(By.NAME, "to_group")).select_by_visible_text("Quality & Effectiveness Group")
    browser.find_element(By.NAME, "note").send_keys("JT to pass to the Chair of the Q&E Group.")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][value='Hand over']"))
    action.refresh_from_db()
    assert action.group == quality
    assert action.reference == reference
    screenshot(browser, "action-2-handed-over")

    # At the Q&E group's next meeting, the outstanding actions are reviewed without leaving the page.
    meeting_url = f"{live_server.url}{next_quality_meeting.get_absolute_url()}"
    browser.get(meeting_url)
    row = wait(browser, lambda d: d.find_element(By.ID, f"action-{action.pk}"))
    click(browser, row.find_element(By.TAG_NAME, "summary"))  # "Post an update to action 1"
    row.find_element(By.CSS_SELECTOR, "textarea[name$='-text']").send_keys(
        "Letter sent to the finance leads."
    )
    browser.execute_script("window.reviewPageMark = true;")
    click(browser, row.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    wait(
        browser,
        lambda d: "Letter sent to the finance leads." in d.find_element(By.ID, f"action-{action.pk}").text,
    )
    assert browser.execute_script("return window.reviewPageMark === true;"), "the page reloaded"
    assert action.updates.filter(reviewed_at_meeting=next_quality_meeting).count() == 1
    screenshot(browser, "action-3-reviewed-inline")

    # The log exports to Excel, and the file opens.
    content_type, body = fetch(browser, f"{live_server.url}/groups/{quality.pk}/actions/export.xlsx")
    assert "spreadsheetml" in content_type
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert any("EF to draft a letter" in cell for cell in cells)
    assert any(reference in cell for cell in cells)
