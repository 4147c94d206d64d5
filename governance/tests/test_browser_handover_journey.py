"""Issue 10's "Done means" journey in a real browser: an existing partnership's action log,
like seed 003's, is imported from Excel (one owner's initials resolved on the second step); the
next board meeting records its actions, hands one to the MASH group and has its
minutes approved at the following meeting; the MASH group reviews the action it received. Both
logs and both sets of minutes number the action as each group knows it: the board's old number
"handed to MASH (MASH action 1)", MASH's action 1 "from SPB (SPB action 26)".

The structure, the meetings and who attended are set up directly; the rest goes through the pages.
"""

import datetime

import openpyxl
import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    button,
    click,
    crispy_submit,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
    wait,
)
from core.tests.typeahead import choose
from governance.models import Action, GroupKind, MinutesStatus
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import (
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    icb,
    police,
)
from governance.tests.factories_minutes import AttendanceFactory, board_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"

# Seed 003's action log as a partnership would have kept it in Excel (invented people, seed 003's
# numbers, references and initials).
LOG_ROWS = [
    ["Action No", "Reference", "Title", "Action", "Owners", "Due date", "Status", "Latest update"],
    [
        15,
        "23.10.19 ref 4.1",
        "Finance / Funding",
        "PG to draft letter for the Chief Executive's signature.",
        "PG",
        None,
        "In progress",
        "Draft letters agreed; PG to let the business unit know once sent.",
    ],
    [
        19,
        "23.10.19 ref 7.2",
        "Development & Practice Group",
        "Update the neglect strategy virtually.",
        "LMcH/D&P",
        None,
        "Open",
        "A lead for neglect has been named.",
    ],
    [
        22,
        "18.11.19 ref 2.2",
        "Business Plan",
        "PG will lead on the production of the new plan.",
        "PG",
        datetime.date(2020, 3, 31),
        "Open",
        "Deadline revised to March 2020.",
    ],
    [
        23,
        "18.11.19 ref 2.3",
        "Neglect strategy",
        "CB to identify a lead for neglect.",
        "CB",
        None,
        "Completed",
        "Completed: a lead for neglect has been named.",
    ],
    [
        24,
        "18.11.19 ref 2.4",
        "Engagement",
        "D&P Group to create a framework on engagement of children.",
        "D&P",
        datetime.date(2020, 3, 16),
        "Open",
        "Ongoing: final version to the Q&E meeting on 16 March.",
    ],
]


def _excel(path):
    workbook = openpyxl.Workbook()
    for row in LOG_ROWS:
        workbook.active.append(row)
    workbook.save(path)
    return str(path)


def _partners(group, meetings):
    people = [
        PersonFactory(name="Carol Bright", agency=council()),
        PersonFactory(name="Eve Fenwick", agency=icb()),
        PersonFactory(name="Stella Tarrant", agency=police()),
        PersonFactory(name="Pam Goodwin", agency=council()),
    ]
    for person in people:
        MembershipFactory(person=person, group=group)
        for meeting in meetings:
            AttendanceFactory(meeting=meeting, person=person)
    return people


def _day(day: datetime.date, hour: int = 13) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _main(driver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text


def test_an_imported_log_and_a_hand_over_are_numbered_as_each_group_knows_them(
    browser,  # noqa: F811
    live_server,
    tmp_path,
):
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    mash = GroupFactory(name="MASH Governance Group", short_name="MASH")
    GroupFactory(name="Development & Practice Group", short_name="D&P")
    # The next board meeting four weeks ago, the one after it yesterday, MASH's this morning: the
    # pages date what they record today, and a meeting reviews only actions that existed by then.
    today = timezone.localdate()
    december, december_items = board_meeting(board, _day(today - datetime.timedelta(days=28)))
    january, january_items = board_meeting(board, _day(today - datetime.timedelta(days=1)))
    mash_meeting, _mash_items = board_meeting(mash, _day(today, hour=8))
    reference = f"{today - datetime.timedelta(days=28):%d.%m.%y} ref 3"
    _partners(board, [december, january])
    lindsay = PersonFactory(name="Lee McHugh", agency=council())
    MembershipFactory(person=lindsay, group=board)
    mash_chair = PersonFactory(name="Maya Ashford", agency=council())
    MembershipFactory(person=mash_chair, group=mash, role="chair")
    AttendanceFactory(meeting=mash_meeting, person=mash_chair)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Jo Team", user=team)
    log_in(browser, live_server, "secretariat", PASSWORD)

    # The board's existing log comes in from Excel; "LMcH" matches nobody and is resolved.
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Import from Excel or CSV"))
    screenshot(browser, "handover-1-import")
    browser.find_element(By.NAME, "file").send_keys(_excel(tmp_path / "board-action-log.xlsx"))
    submit_and_wait(browser, crispy_submit(browser))
    assert "Who is “LMcH”?" in _main(browser)
    assert not Action.objects.exists()
    Select(browser.find_element(By.NAME, "owner_0")).select_by_visible_text("Lee McHugh")
    screenshot(browser, "handover-2-resolve-owners")
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/actions/")
    assert "Imported 5 actions into the SPB log." in _main(browser)
    assert sorted(Action.objects.values_list("number", flat=True)) == [15, 19, 22, 23, 24]
    assert "LM/D&P" in _main(browser)

    # The next board meeting records two actions at item 3 (Budget); the sequence continues at 25.
    for description in ("Q&E terms of reference to be updated.", "MASH governance group to report to Q&E."):
        browser.get(f"{live_server.url}/groups/{board.pk}/actions/new/?item={december_items[2].pk}")
        browser.find_element(By.NAME, "description").send_keys(description)
        choose(browser, "owners", "mchugh", "Lee McHugh")
        set_date(browser, "due_date", today + datetime.timedelta(days=60))
        submit_and_wait(browser, crispy_submit(browser))
    kept, moved = Action.objects.filter(group=board, number__gt=24).order_by("number")
    assert (kept.number, moved.number) == (25, 26)

    # The second goes to the MASH group (CB to pass to the Chair of the MASH Governance Group).
    browser.get(f"{live_server.url}{moved.get_absolute_url()}")
    Select(browser.find_element(By.NAME, "to_group")).select_by_visible_text("MASH Governance Group")
    browser.find_element(By.NAME, "note").send_keys("CB to pass to the Chair of the MASH Governance Group.")
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit][value='Hand over']"))
    moved.refresh_from_db()
    assert (moved.group, moved.number) == (mash, 1)

    # Its minutes are circulated and approved at the meeting after it.
    browser.get(f"{live_server.url}/meetings/{december.pk}/minutes/edit/")
    submit_and_wait(browser, button(browser, "Circulate to members"))
    browser.get(f"{live_server.url}/agenda-items/{january_items[0].pk}/approve-minutes/")
    browser.execute_script("arguments[0].click();", browser.find_element(By.NAME, "confirm"))
    submit_and_wait(browser, button(browser, "Approve the minutes"))
    december.minutes.refresh_from_db()
    assert december.minutes.status == MinutesStatus.APPROVED

    # The board's minutes and log keep the action under 26, saying where it went.
    browser.get(f"{live_server.url}/meetings/{december.pk}/minutes/")
    minutes = _main(browser)
    assert "Action 25" in minutes
    assert f"Action 26 ({reference}), handed to MASH (MASH action 1)" in minutes
    assert "Action 1 " not in minutes
    screenshot(browser, "handover-3-board-minutes")
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/?status=finished")
    log = _main(browser)
    assert "Handed to MASH (MASH action 1)" in log
    assert "MASH governance group to report to Q&E." in log
    screenshot(browser, "handover-4-board-log")

    # The MASH group's log and minutes number it 1, from the board's 26.
    browser.get(f"{live_server.url}/groups/{mash.pk}/actions/")
    assert "Handed from SPB (SPB action 26)" in _main(browser)
    screenshot(browser, "handover-5-mash-log")
    browser.get(f"{live_server.url}/meetings/{mash_meeting.pk}/action-review/")
    row = browser.find_element(By.ID, f"action-{moved.pk}")
    browser.execute_script("arguments[0].open = true;", row.find_element(By.TAG_NAME, "details"))
    row.find_element(By.CSS_SELECTOR, "textarea[name$='-text']").send_keys("Reporting line agreed with Q&E.")
    click(browser, row.find_element(By.CSS_SELECTOR, "input[type=submit]"))  # htmx swaps the row in place
    wait(browser, lambda d: "Update posted." in d.find_element(By.ID, f"action-{moved.pk}").text)
    browser.get(f"{live_server.url}/meetings/{mash_meeting.pk}/minutes/edit/")
    submit_and_wait(browser, button(browser, "Circulate to members"))
    browser.get(f"{live_server.url}/meetings/{mash_meeting.pk}/minutes/")
    mash_minutes = _main(browser)
    assert f"Action No 1 ({reference})" in mash_minutes
    assert "Reporting line agreed with Q&E." in mash_minutes
    screenshot(browser, "handover-6-mash-minutes")
