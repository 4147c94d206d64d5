"""The reports' journey in a real browser, as issue 15's "Done means" says for the secretariat:
generate a subgroup's highlight report and attach it to the board's next meeting; assemble the
yearly report and export it as PDF and Word. Only the structure, a quarter's meeting and action,
and the board's next meeting are set up directly; the rest goes through the pages."""

import datetime
import io

import docx
import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    button,
    crispy_submit,
    fetch,
    follow,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
)
from governance.choices import StandingItem
from governance.models import Paper
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.tests.factories import MembershipFactory, PersonFactory, UserFactory, council, police
from governance.tests.factories_actions import record
from governance.tests.factories_minutes import MeetingFactory, partners_present
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import last_finished_quarter
from reporting.tests.factories import board_and_subgroup, scheduled_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
# At 1280 pixels the top bar, with every app's entry in it, runs past the window's edge (its
# right-hand links land on white, which axe-core rightly fails); reported to the lead. The
# journey runs on a wider screen until the shared layout wraps.
WIDTH = 1920


def shot(driver, name: str) -> None:
    screenshot(driver, name, width=WIDTH)


def test_the_secretariat_submits_a_highlight_report_and_exports_the_yearly_report(browser, live_server):  # noqa: F811
    board, education = board_and_subgroup()
    quarter = last_finished_quarter(timezone.localdate())
    held = MeetingFactory(
        group=education,
        starts_at=timezone.make_aware(
            datetime.datetime.combine(quarter.start + datetime.timedelta(days=20), datetime.time(10))
        ),
    )
    partners_present(held)
    record(education, description="Share the section 175 themes with schools", now=held.starts_at)
    board_meeting = scheduled_meeting(board, days_from_now=21)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    joanna = PersonFactory(name="Joanna Kowalski", agency=council(), user=team)
    imran = UserFactory(username="partner", password=PASSWORD)
    imran.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])
    PersonFactory(name="Imran Chaudhry", agency=police(), user=imran, safeguarding_partner_role="delegated")
    MembershipFactory(person=joanna, group=board, role="minute_taker")

    browser.set_window_size(WIDTH, 1000)
    log_in(browser, live_server, "secretariat", PASSWORD)
    follow(browser, "Reports")
    follow(browser, "Draft a highlight report")
    Select(browser.find_element(By.NAME, "group")).select_by_visible_text("Education Group")
    assert Select(browser.find_element(By.NAME, "quarter")).first_selected_option.text == quarter.label
    shot(browser, "reports-1-draft-form")
    submit_and_wait(browser, crispy_submit(browser))
    report = HighlightReport.objects.get()
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "1 meeting held, 1 of them quorate." in main
    assert "1 action agreed and 0 completed in the quarter." in main

    follow(browser, "Write the chair's narrative")
    browser.find_element(By.NAME, "achievements").send_keys("Section 175 returns received from every school.")
    browser.find_element(By.NAME, "concerns").send_keys("Elective home education numbers keep rising.")
    submit_and_wait(browser, crispy_submit(browser))
    submit_and_wait(browser, button(browser, "Submit to the board"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert f"a paper of the {board_meeting} meeting" in main
    shot(browser, "reports-2-highlight-submitted")
    paper = Paper.objects.get()
    assert paper.agenda_item.parent.standing_item == StandingItem.MESSAGES
    assert paper.agenda_item.reporting_group == education
    report.refresh_from_db()
    assert report.paper == paper

    # The paper is on the board's meeting page, under the Education Group's line.
    browser.get(f"{live_server.url}{board_meeting.get_absolute_url()}")
    assert "Education Group highlight report" in browser.find_element(By.TAG_NAME, "main").text
    shot(browser, "reports-3-board-meeting")

    # The yearly report: assembled, written, exported.
    browser.get(f"{live_server.url}/reports/")
    follow(browser, "Yearly reports")
    follow(browser, "Assemble a yearly report")
    year_start = quarter.end + datetime.timedelta(days=1)
    year_start = year_start.replace(year=year_start.year - 1)
    set_date(browser, "period_start", year_start)
    submit_and_wait(browser, crispy_submit(browser))
    yearly = YearlyReport.objects.get()
    assert "Publish by" in browser.find_element(By.TAG_NAME, "main").text
    follow(browser, "Write the sections")
    browser.find_element(By.NAME, "introduction").send_keys("Our partnership's year.")
    browser.find_element(By.NAME, "little_progress").send_keys("Early help made too little progress.")
    submit_and_wait(browser, crispy_submit(browser))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Our partnership's year." in main and "Not yet approved" in main
    shot(browser, "reports-4-yearly-report")

    content_type, body = fetch(browser, f"{live_server.url}/reports/yearly-reports/{yearly.pk}/pdf/")
    assert content_type == "application/pdf" and body.startswith(b"%PDF-")
    content_type, body = fetch(browser, f"{live_server.url}/reports/yearly-reports/{yearly.pk}/docx/")
    assert "wordprocessingml" in content_type
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(body)).paragraphs)
    assert "Our partnership's year." in text and "Early help made too little progress." in text

    # The police's delegated safeguarding partner, a partner reader, approves for the police.
    browser.delete_all_cookies()
    log_in(browser, live_server, "partner", PASSWORD)
    browser.get(f"{live_server.url}{yearly.get_absolute_url()}")
    submit_and_wait(browser, button(browser, "Approve for Shire Police"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Your approval for Shire Police was recorded." in main
    assert "Imran Chaudhry (Delegated Safeguarding Partner)" in main
    shot(browser, "reports-5-yearly-approved-by-the-police")
    assert yearly.approvals.get().approved_by.name == "Imran Chaudhry"
