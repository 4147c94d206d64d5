"""Issue 15's "Done means" for the dashboards, in a real browser: as `partner`, the partner
dashboard shows attendance by agency, the quoracy record and actions by agency, each chart drawn
beside its table and each figure linking to its records; as `secretariat`, the home page shows the
team's work list. axe-core checks every page (core.tests.browser)."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By

from core.tests.browser import browser, click, log_in, screenshot, wait  # noqa: F401  (browser is a fixture)
from dashboards.tests.helpers import Partnership, other_apps_records
from governance.models import ActionStatus, Minutes
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.tests.factories import PersonFactory, UserFactory
from governance.tests.factories_meetings import AgendaItemFactory
from notifications.models import Notification, NotificationState

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def _year_of_business(world: Partnership) -> dict:
    today = timezone.localdate()
    world.board.quorum_rule = "all_statutory_partners"
    world.board.save()
    for months_ago, police in (
        (10, "present"),
        (8, "deputy"),
        (6, "apologies"),
        (4, "present"),
        (2, "absent"),
    ):
        world.meeting(world.board, today - datetime.timedelta(days=30 * months_ago), police=police)
        world.meeting(world.subgroup, today - datetime.timedelta(days=30 * months_ago + 7))
    overdue = world.action(
        world.board,
        agency=world.police,
        due=today - datetime.timedelta(days=20),
        created=today - datetime.timedelta(days=90),
    )
    world.action(world.board, agency=world.police, due=today + datetime.timedelta(days=30))
    world.action(
        world.subgroup,
        agency=world.icb,
        status=ActionStatus.IN_PROGRESS,
        due=today + datetime.timedelta(days=9),
    )
    world.action(
        world.board,
        agency=world.council,
        status=ActionStatus.COMPLETED,
        completed_on=today - datetime.timedelta(days=40),
    )
    # The secretariat's work: a meeting without an agenda and a paper missing, minutes not out.
    soon = world.meeting(world.board, today + datetime.timedelta(days=10), status="scheduled")
    AgendaItemFactory(meeting=soon, title="Neglect strategy: Graded Care Profile 2 roll-out")
    held = world.meeting(world.subgroup, today - datetime.timedelta(days=12))
    Minutes.objects.create(meeting=held)
    return {"overdue": overdue}


def test_a_partner_reads_the_dashboard_and_the_secretariat_its_work_list(browser, live_server):  # noqa: F811
    world = Partnership()
    made = _year_of_business(world)
    other_apps_records(world)
    partner = UserFactory(username="partner", password=PASSWORD)
    partner.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])
    secretariat = UserFactory(username="secretariat", password=PASSWORD)
    secretariat.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    sam = PersonFactory(user=secretariat, name="Sam Hughes", agency=world.council)
    Notification.objects.create(
        recipient=sam,
        kind="paper_reminder",
        key="journey-failed",
        subject="A paper is due for the Safeguarding Partners Board",
        body="b",
        state=NotificationState.FAILED,
        last_error="SMTP 550: mailbox unavailable",
    )

    log_in(browser, live_server, "partner", PASSWORD)
    # The top bar folds its menu below 1400 px: open it, as a person would, to find Dashboard.
    toggler = browser.find_element(By.CSS_SELECTOR, ".navbar-toggler")
    if toggler.is_displayed():
        click(browser, toggler)
    link = wait(
        browser,
        lambda d: next((a for a in d.find_elements(By.LINK_TEXT, "Dashboard") if a.is_displayed()), None),
    )
    click(browser, link)
    wait(browser, lambda d: d.find_elements(By.ID, "attendance-table"))
    # Each chart drawn (Chart.js sizes its canvas) beside its table.
    for chart, table in (
        ("attendance-chart", "attendance-table"),
        ("quoracy-chart", "quoracy-table"),
        ("actions-chart", "actions-table"),
        ("trend-chart", "trend-table"),
    ):
        canvas = browser.find_element(By.CSS_SELECTOR, f'canvas[data-chart="{chart}"]')
        wait(browser, lambda d, canvas=canvas: d.execute_script("return arguments[0].width", canvas) > 0)
        assert browser.find_element(By.ID, table).is_displayed()
    attendance = browser.find_element(By.ID, "attendance-table").text
    assert "Shire Police" in attendance
    quoracy = browser.find_element(By.ID, "quoracy-table").text
    assert "SPB 5 3 2 0 0 60%" in quoracy  # police absent twice (apologies, absent); the deputy counts
    # The business plan's progress RAG grid (seed 004's layout) and the risk heat map.
    grid = browser.find_element(By.ID, "plan-grid").text
    assert "Policy and procedures" in grid
    assert "Red" in grid and "Amber" in grid and "Not yet judged" in grid
    assert "Likelihood" in browser.find_element(By.CSS_SELECTOR, "table.heatmap").text
    screenshot(browser, "dashboards-partner")

    # The police's attendance figure leads to its lines, each linking to its meeting.
    click(browser, browser.find_element(By.ID, "attendance-table").find_element(By.LINK_TEXT, "Shire Police"))
    wait(browser, lambda d: "Attendance: Shire Police" in d.find_element(By.TAG_NAME, "h1").text)
    lines = browser.find_element(By.TAG_NAME, "table").text
    assert "Deputy Inspector" in lines and "Apologies" in lines
    screenshot(browser, "dashboards-partner-attendance")
    click(browser, browser.find_element(By.LINK_TEXT, "Back to the dashboard"))

    # The police's overdue figure leads to the overdue action, which opens.
    wait(browser, lambda d: d.find_elements(By.ID, "actions-table"))
    click(
        browser,
        browser.find_element(By.CSS_SELECTOR, 'a[aria-label="1 overdue actions led by Shire Police"]'),
    )
    wait(browser, lambda d: "Actions behind the figure" in d.find_element(By.TAG_NAME, "h1").text)
    assert "Actions overdue now" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "dashboards-partner-actions")
    click(browser, browser.find_element(By.LINK_TEXT, f"SPB {made['overdue'].number}"))
    wait(browser, lambda d: made["overdue"].get_absolute_url() in d.current_url)

    # The quoracy figure leads to the board's past meetings; a plan cell to its page.
    browser.get(f"{live_server.url}/dashboards/partners/")
    click(browser, browser.find_element(By.ID, "quoracy-table").find_element(By.LINK_TEXT, "SPB"))
    wait(browser, lambda d: "when=past" in d.current_url)
    browser.get(f"{live_server.url}/dashboards/partners/")
    click(browser, browser.find_element(By.ID, "plan-grid").find_element(By.CSS_SELECTOR, "td a"))
    wait(browser, lambda d: "/plan-cells/" in d.current_url)

    browser.delete_all_cookies()
    log_in(browser, live_server, "secretariat", PASSWORD)
    browser.get(f"{live_server.url}/")
    wait(browser, lambda d: d.find_elements(By.ID, "secretariat-heading"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Meetings needing an agenda" in main
    assert "1 paper missing" in main
    assert "SMTP 550: mailbox unavailable" in main
    assert "Safeguarding Partners Board" in main  # overdue by group
    screenshot(browser, "dashboards-secretariat-home")
