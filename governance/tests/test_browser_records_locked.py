"""Approved records in a real browser (issue 10): an approval taken inquorate is warned about and
recorded, and a correction to the approved attendance is an amendment with who, when and why."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (fixture)
    browser,
    button,
    click,
    crispy_submit,
    log_in,
    screenshot,
    submit_and_wait,
)
from governance.models import Attendance, AttendanceStatus, Minutes, MinutesAmendment
from governance.services import minutes as services
from governance.tests.factories import UserFactory
from governance.tests.factories_minutes import at, board_meeting, partners_present

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_inquorate_approval_is_warned_and_the_approved_attendance_is_corrected_by_amendment(
    browser,  # noqa: F811
    live_server,
    group,
):
    from django.contrib.auth.models import Group as AuthGroup

    user = UserFactory(username="minute-taker", password="a-long-test-password")
    user.groups.add(AuthGroup.objects.get_or_create(name="Secretariat")[0])
    december, items = board_meeting(group, at(2019, 12, 18))
    people = partners_present(december)
    services.minutes_update_item(item=items[1], discussion="The Chair welcomed all.")
    services.minutes_circulate(minutes=services.minutes_start(meeting=december))
    january, january_items = board_meeting(group, at(2020, 1, 31))
    january_people = partners_present(january)
    Attendance.objects.filter(meeting=january, person=january_people["police"]).update(
        status=AttendanceStatus.APOLOGIES
    )

    log_in(browser, live_server, "minute-taker", "a-long-test-password")
    browser.get(f"{live_server.url}/agenda-items/{january_items[0].pk}/approve-minutes/")
    warning = browser.find_element(By.ID, "approval-inquorate")
    assert "police not represented" in warning.text
    screenshot(browser, "records-approval-inquorate-warning")
    click(browser, browser.find_element(By.NAME, "confirm"))
    submit_and_wait(browser, button(browser, "Approve the minutes"))
    assert "the approval was taken inquorate" in browser.find_element(By.TAG_NAME, "body").text
    assert "Approval taken inquorate: needs ratification" in browser.page_source
    assert Minutes.objects.get(meeting=december).approval_decision.needs_ratification

    # The attendance of the approved meeting: no form, the correction instead.
    browser.get(f"{live_server.url}/meetings/{december.pk}/attendance/")
    assert "/minutes/amend/attendance/" in browser.current_url
    Select(browser.find_element(By.NAME, "person")).select_by_visible_text(
        f"{people['police'].name} ({people['police'].agency.label})"
    )
    Select(browser.find_element(By.NAME, "status")).select_by_value("apologies")
    browser.find_element(By.NAME, "apology_reason").send_keys("Called to an incident")
    Select(browser.find_element(By.NAME, "requested_by")).select_by_visible_text(
        f"{people['council'].name} ({people['council'].agency.label})"
    )
    browser.find_element(By.NAME, "reason").send_keys(
        "Sue Thomas sent apologies; minuted as present in error."
    )
    screenshot(browser, "records-attendance-correction")
    submit_and_wait(browser, crispy_submit(browser))
    screenshot(browser, "records-minutes-with-amendment")
    assert "Attendance: Sue Thomas" in browser.page_source
    assert "minuted as present in error" in browser.page_source
    amendment = MinutesAmendment.objects.get(kind="attendance")
    assert (amendment.original_text, amendment.recorded_by) == ("Present", user)
