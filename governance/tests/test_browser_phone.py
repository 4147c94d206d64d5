"""The meeting room on a phone (issue 10 point 16): at 390 CSS pixels wide the attendance form's
selects fit, the action log and people tables become cards with full-width fields, and the log's
filters fold behind a "Filter" button saying how many are in force. axe-core checks every page
(the browser fixture), and each page is screenshotted at 390 pixels for a person to look at."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    PHONE_WIDTH,
    browser,
    log_in,
    phone,
    screenshot,
    wait,
)
from core.workdays import is_working_day
from governance.models import GroupKind
from governance.permissions import SECRETARIAT_GROUP
from governance.services.actions import action_record
from governance.services.meetings import meeting_schedule
from governance.tests.factories import (
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    icb,
    police,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"

# Everything that overflows the page sideways, and every field or select wider than the screen.
OVERFLOW = """
const width = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll("main select, main input, main textarea, main table, main .btn")]
  .filter(el => el.offsetParent !== null)
  .filter(el => { const r = el.getBoundingClientRect(); return r.left < -1 || r.right > width + 1; })
  .map(el => (el.name || el.id || el.className || el.tagName) + " " + el.getBoundingClientRect().right);
return {scroll: document.documentElement.scrollWidth, width: width, wide: wide};
"""


def _phone_fits(driver):
    fit = driver.execute_script(OVERFLOW)
    assert fit["width"] <= PHONE_WIDTH
    assert fit["scroll"] <= fit["width"], f"the page scrolls sideways: {fit}"
    assert not fit["wide"], f"cut off at {PHONE_WIDTH} px: {fit['wide']}"


def _rows_are_full_width_cards(driver, table_css):
    shapes = driver.execute_script(
        """
        const rows = [...document.querySelectorAll(arguments[0] + " tbody tr")];
        const width = document.documentElement.clientWidth;
        return rows.map(row => ({
          display: getComputedStyle(row).display,
          cells: [...row.children].map(cell => getComputedStyle(cell).display),
          wide: row.getBoundingClientRect().width > width * 0.8,
          head: getComputedStyle(row.closest("table").querySelector("thead")).position,
        }));
        """,
        table_css,
    )
    assert shapes
    for shape in shapes:
        # Each cell a line of the card; an empty one (no lead agency) is left out.
        assert shape["display"] == "block" and set(shape["cells"]) <= {"block", "none"}, shape
        assert shape["wide"], shape
        # The header row is kept for screen readers, out of sight.
        assert shape["head"] == "absolute", shape


@pytest.fixture
def partnership(db):
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    minute_taker = PersonFactory(name="Joanna Team", user=team, agency=council())
    people = [
        PersonFactory(
            name="Catherine Adebayo-Whitfield", agency=council(), job_title="Director of Children's Services"
        ),
        PersonFactory(name="Rebecca Thornton", agency=icb(), job_title="Chief Nursing Officer"),
        PersonFactory(name="Imran Chowdhury", agency=police(), job_title="Superintendent, Local Policing"),
    ]
    for person in people:
        MembershipFactory(person=person, group=board, role="member", agency=person.agency)
    MembershipFactory(person=minute_taker, group=board, role="minute_taker", agency=minute_taker.agency)
    day = timezone.localdate() - datetime.timedelta(days=1)
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    meeting = meeting_schedule(
        group=board, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )
    for number, owner in enumerate(people, start=1):
        action_record(
            group=board,
            description=f"Write to every relevant agency about the neglect strategy, part {number}, and "
            "report back to the next meeting with their replies.",
            owners=[owner],
            recorded_by=team,
            title="Neglect strategy",
            due_date=timezone.localdate() + datetime.timedelta(days=7 * number),
            reference=f"18.12.19 ref 2.{number}",
        )
    return board, meeting


def test_attendance_log_and_people_fit_a_phone_as_cards_with_the_filters_folded(
    browser,  # noqa: F811
    live_server,
    partnership,
):
    board, meeting = partnership
    log_in(browser, live_server, "secretariat", PASSWORD)
    phone(browser)

    # Attendance, taken in the meeting room: every select is whole on the screen.
    browser.get(f"{live_server.url}/meetings/{meeting.pk}/attendance/")
    _rows_are_full_width_cards(browser, ".attendance-table")
    _phone_fits(browser)
    status = browser.find_element(By.CSS_SELECTOR, "select[name$='-status']")
    assert status.size["width"] > PHONE_WIDTH * 0.7
    screenshot(browser, "phone-attendance", width=PHONE_WIDTH)

    # The action log: the filters fold behind a button that counts those in force.
    phone(browser)
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/?q=neglect&status=open")
    toggle = browser.find_element(By.CSS_SELECTOR, "[data-bs-target='#action-log-filters']")
    assert toggle.is_displayed()
    assert toggle.text.replace("\n", " ").startswith("Filter 2")
    assert toggle.get_attribute("aria-expanded") == "false"
    search = browser.find_element(By.NAME, "q")
    assert not search.is_displayed()
    _rows_are_full_width_cards(browser, "main table")
    _phone_fits(browser)
    assert "Ref" in browser.find_element(
        By.CSS_SELECTOR, "main table tbody td[data-label='Ref']"
    ).get_attribute("data-label")
    screenshot(browser, "phone-action-log", width=PHONE_WIDTH)
    phone(browser)
    toggle.click()
    wait(browser, lambda d: search.is_displayed() and toggle.get_attribute("aria-expanded") == "true")
    assert search.get_attribute("value") == "neglect"
    assert search.size["width"] > PHONE_WIDTH * 0.7
    _phone_fits(browser)
    screenshot(browser, "phone-action-log-filters-open", width=PHONE_WIDTH)

    # The people directory.
    phone(browser)
    browser.get(f"{live_server.url}/people/")
    _rows_are_full_width_cards(browser, "main table")
    _phone_fits(browser)
    screenshot(browser, "phone-people", width=PHONE_WIDTH)

    # On a wide screen the log is a table again and its filters show without a button.
    browser.set_window_size(1280, 1000)
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/?q=neglect")
    assert not browser.find_element(By.CSS_SELECTOR, "[data-bs-target='#action-log-filters']").is_displayed()
    assert browser.find_element(By.NAME, "q").is_displayed()
    assert browser.execute_script(
        "return getComputedStyle(document.querySelector('main tbody tr')).display"
    ) == ("table-row")
