"""The secretariat's meeting journey in a real browser, as the meetings issue's "Done means" says.

Schedule a board meeting, build its agenda, upload a paper two days late and see it held back,
record attendance without the police and see the meeting is not quorate, record a decision that
needs ratification, write and circulate the minutes, approve them with an amendment at the next
meeting, and download the agenda pack and the minutes as PDFs. Only the structure (agencies,
people, the board and its members) is set up directly; everything else goes through the pages.

The journey spans three weeks, and the rules are about time: a paper is late only once the
deadline (seven days before the meeting) has passed, while minutes are circulated only after the
meeting, and approved only at a later meeting that has been held. So the clock moves as it would
for the secretariat: time_machine travels the whole process (the live server's thread included)
from the day of the upload to the afternoon of each meeting, and time keeps ticking. Each move is
a new working day, so the secretariat logs in again (sessions last eight hours).
"""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    log_in,
    screenshot,
)
from core.tests.browser import (
    button as _button,
)
from core.tests.browser import (
    click as _click,
)
from core.tests.browser import (
    crispy_submit as _crispy_submit,
)
from core.tests.browser import (
    fetch as _fetch_pdf,
)
from core.tests.browser import (
    follow as _follow,
)
from core.tests.browser import (
    set_date as _set_date,
)
from core.tests.browser import (
    submit_and_wait as _submit_and_wait,
)
from core.tests.browser import (
    wait as _wait,
)
from core.tests.typeahead import choose
from governance.models import GroupKind, QuorumRule
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

LONDON = zoneinfo.ZoneInfo("Europe/London")
PASSWORD = "a-long-test-password"
ORIGINAL = "The partnership received the Section 11 audit findings and agreed the improvement plan."
AMENDED = (
    "The partnership received the Section 11 audit findings and agreed the improvement plan, "
    "subject to the police response due next month."
)


def _log_in_again(driver, live_server):
    driver.delete_all_cookies()
    log_in(driver, live_server, "secretariat", PASSWORD)
    _wait(driver, lambda d: "/accounts/login/" not in d.current_url)


def _schedule_board_meeting(driver, live_server, board, day: datetime.date) -> str:
    """Through the board's page: "Schedule a meeting". Returns the new meeting page's URL."""
    driver.get(f"{live_server.url}{board.get_absolute_url()}")
    _follow(driver, "Schedule a meeting")
    _set_date(driver, "date", day)
    driver.find_element(By.NAME, "location").send_keys("Mordiford Room, Plough Lane, Hereford")
    _submit_and_wait(driver, _crispy_submit(driver), until_url_contains="/meetings/")
    assert "Scheduled:" in driver.find_element(By.CSS_SELECTOR, "[role=status], .alert").text
    return driver.current_url


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return " ".join(text.split())


def _pdf_file(path):
    """A small real PDF, written by the same engine the product uses."""
    from weasyprint import HTML

    path.write_bytes(
        HTML(string="<h1>Section 11 audit findings</h1><p>Summary for the board.</p>").write_pdf()
    )
    return path


def test_secretariat_runs_a_board_meeting_from_scheduling_to_approved_minutes(
    browser,  # noqa: F811  (the fixture)
    live_server,
    settings,
    tmp_path,
):
    from django.contrib.auth.models import Group as AuthGroup

    from governance.permissions import SECRETARIAT_GROUP

    settings.MEDIA_ROOT = str(tmp_path / "media")
    board = GroupFactory(
        name="Safeguarding Partners Board",
        short_name="Board",
        kind=GroupKind.BOARD,
        quorum_rule=QuorumRule.ALL_STATUTORY_PARTNERS,
        paper_deadline_days=7,
    )
    director = PersonFactory(name="Chris Baird", job_title="Director for Children", agency=council())
    nurse = PersonFactory(name="Ellen Footman", job_title="Designated Nurse", agency=icb())
    superintendent = PersonFactory(name="Sue Thomas", job_title="Superintendent", agency=police())
    MembershipFactory(person=director, group=board, role="chair")
    MembershipFactory(person=nurse, group=board)
    MembershipFactory(person=superintendent, group=board)
    officer = PersonFactory(name="Priya Shah", job_title="Quality Assurance Manager", agency=director.agency)
    user = UserFactory(username="secretariat", password=PASSWORD)
    user.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(user=user, name="Joanna Team", job_title="Partnership Business Manager")
    paper = _pdf_file(tmp_path / "section-11-findings.pdf")

    # Day 0 is a Wednesday at 10:00; the first meeting is the Monday after, at 10:00, so its
    # papers were due at 10:00 on the Monday before: two days ago.
    today = datetime.date.today()
    wednesday = today + datetime.timedelta(days=(2 - today.weekday()) % 7 or 7)
    first_day = wednesday + datetime.timedelta(days=5)
    second_day = first_day + datetime.timedelta(days=14)

    def at(day, hour, minute=0):
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)

    with time_machine.travel(at(wednesday, 10), tick=True) as clock:
        _log_in_again(browser, live_server)

        # Schedule the board meeting from the board's page.
        first_url = _schedule_board_meeting(browser, live_server, board, first_day)
        assert "Deadline passed" in browser.page_source

        # Build the agenda: the standing items are there; add the audit item for a decision, publish.
        _follow(browser, "Edit the agenda")
        assert "Minutes of the previous meeting and action log" in browser.page_source
        _follow(browser, "Add an item")
        browser.find_element(By.NAME, "title").send_keys("Section 11 audit findings")
        Select(browser.find_element(By.NAME, "purpose")).select_by_visible_text("Decision")
        choose(browser, "presenter", officer.name, f"{officer.name} ({officer.agency.label})")
        _submit_and_wait(browser, _crispy_submit(browser), until_url_contains="/agenda/")
        audit_row = browser.find_element(By.XPATH, "//tr[td[contains(., 'Section 11 audit findings')]]")
        assert "Decision" in audit_row.text
        screenshot(browser, "journey-a-agenda")
        _submit_and_wait(browser, _button(browser, "Publish the agenda"), until_url_contains=first_url)
        assert "Agenda published" in browser.page_source

        # Upload the paper, two days after the deadline: late, and held back from the pack.
        _follow(browser, "Papers for this meeting")
        row = browser.find_element(By.XPATH, "//tr[th[contains(., 'Section 11 audit findings')]]")
        _submit_and_wait(browser, row.find_element(By.PARTIAL_LINK_TEXT, "Upload a paper"))
        browser.find_element(By.NAME, "title").send_keys("Section 11 audit: findings and improvement plan")
        choose(browser, "author", officer.name, f"{officer.name} ({officer.agency.label})")
        screenshot(browser, "journey-a2-paper-author-typed")
        browser.find_element(By.NAME, "file").send_keys(str(paper))
        _submit_and_wait(browser, _crispy_submit(browser), until_url_contains="/papers/")
        assert "it is a late paper" in browser.find_element(By.CSS_SELECTOR, ".alert-warning").text
        row = browser.find_element(By.XPATH, "//tr[td[contains(., 'findings and improvement plan')]]")
        assert "LATE — held back" in row.text
        assert "Not in the agenda pack." in row.text
        assert "1 late and held back" in browser.page_source
        screenshot(browser, "journey-1-papers-late-held-back")
        pack_url = browser.find_element(By.LINK_TEXT, "Download the agenda pack (PDF)").get_attribute("href")

        # The meeting day, after the meeting: the police sent apologies and no deputy.
        clock.move_to(at(first_day, 12, 30))
        _log_in_again(browser, live_server)
        browser.get(first_url)
        _follow(browser, "Record attendance")
        for name, status in (
            ("Chris Baird", "Present"),
            ("Ellen Footman", "Present"),
            ("Sue Thomas", "Apologies"),
        ):
            line = browser.find_element(By.XPATH, f"//tbody/tr[th[contains(., '{name}')]]")
            Select(line.find_element(By.CSS_SELECTOR, "select[name$='-status']")).select_by_visible_text(
                status
            )
            if status == "Apologies":
                line.find_element(By.CSS_SELECTOR, "input[name$='-apology_reason']").send_keys(
                    "Court hearing"
                )
                Select(
                    line.find_element(By.CSS_SELECTOR, "select[name$='-apology_valid']")
                ).select_by_visible_text("Valid reason")
        screenshot(browser, "journey-b-attendance-form")
        _submit_and_wait(browser, _button(browser, "Save attendance"), until_url_contains=first_url)
        badge = browser.find_element(By.CSS_SELECTOR, ".quoracy-badge")
        assert badge.text == "Not quorate — police not represented"
        screenshot(browser, "journey-2-meeting-not-quorate")

        _submit_and_wait(browser, _button(browser, "Mark as held"))
        assert "Marked as held." in browser.page_source

        # The decision at the audit item is taken inquorate, so it is marked for ratification.
        _follow(browser, "Write the minutes")
        section = browser.find_element(By.XPATH, "//section[.//h3[contains(., 'Section 11 audit findings')]]")
        _click(browser, section.find_element(By.TAG_NAME, "summary"))
        section.find_element(By.CSS_SELECTOR, "textarea[name$='-text']").send_keys(
            "The board agreed the Section 11 improvement plan."
        )
        _submit_and_wait(browser, section.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]"))
        assert "needs ratification" in browser.find_element(By.CSS_SELECTOR, ".alert-warning").text
        section = browser.find_element(By.XPATH, "//section[.//h3[contains(., 'Section 11 audit findings')]]")
        assert "Taken inquorate — needs ratification" in section.text

        # Write the minutes of the item, save them, and circulate them to the members.
        section.find_element(By.CSS_SELECTOR, "textarea[name^='item_']").send_keys(ORIGINAL)
        _submit_and_wait(
            browser, _button(browser, "Save the minutes", within=browser.find_element(By.ID, "minutes-form"))
        )
        assert "Saved the minutes." in browser.page_source
        _submit_and_wait(browser, _button(browser, "Circulate to members"))
        assert "were circulated" in browser.page_source
        screenshot(browser, "journey-c-minutes-circulated")

        # The next meeting, scheduled a fortnight later: it will ratify the decision and approve the minutes.
        second_url = _schedule_board_meeting(browser, live_server, board, second_day)
        agenda = browser.find_element(By.CSS_SELECTOR, "ol.agenda").text
        assert "Decisions for ratification" in agenda
        assert "The board agreed the Section 11 improvement plan." in agenda
        screenshot(browser, "journey-e-next-meeting")

        # Its afternoon: mark it held, and approve the minutes of the first with an amendment.
        clock.move_to(at(second_day, 12, 30))
        _log_in_again(browser, live_server)
        browser.get(second_url)
        _submit_and_wait(browser, _button(browser, "Mark as held"))
        _follow(browser, "Approve the minutes of the previous meeting")
        item = Select(browser.find_element(By.NAME, "amendment-0-agenda_item"))
        item.select_by_visible_text(
            next(o.text for o in item.options if "Section 11 audit findings" in o.text)
        )
        box = browser.find_element(By.NAME, "amendment-0-new_text")
        _wait(browser, lambda d: box.get_attribute("value") == ORIGINAL)
        box.clear()
        box.send_keys(AMENDED)
        Select(browser.find_element(By.NAME, "amendment-0-requested_by")).select_by_visible_text(
            "Sue Thomas (Shire Police)"
        )
        _click(browser, browser.find_element(By.NAME, "confirm"))
        screenshot(browser, "journey-d-approval-form")
        _submit_and_wait(browser, _button(browser, "Approve the minutes"), until_url_contains="/minutes/")

        assert "approved with 1 amendment" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
        items = browser.find_element(By.CSS_SELECTOR, "table.minutes-table").text
        assert AMENDED in items and ORIGINAL not in items
        history = browser.find_element(By.XPATH, "//section[h2[normalize-space()='History of amendments']]")
        assert ORIGINAL in history.text and AMENDED in history.text and "Sue Thomas" in history.text
        screenshot(browser, "journey-3-minutes-approved")
        minutes_pdf_url = browser.find_element(By.LINK_TEXT, "Download PDF").get_attribute("href")

        # Both PDFs, with the browser's session: the pack without the held-back paper, the amended minutes.
        texts = {}
        for name, url in (("pack", pack_url), ("minutes", minutes_pdf_url)):
            content_type, body = _fetch_pdf(browser, url)
            assert content_type == "application/pdf"
            assert body.startswith(b"%PDF")
            texts[name] = _pdf_text(body)
        assert "Section 11 audit findings" in texts["pack"]
        assert "Summary for the board." not in texts["pack"]
        assert AMENDED in texts["minutes"]
