"""Issue 9's "Done means" in a real browser: a partner reader opens the board's action log, open to
partners, and sees an action agreed at a confidential agenda item as "a confidential action" (its
number, owners' initials, due date and status only), and is refused the Joint Case Review group's
log, which is need-to-know."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from selenium.webdriver.common.by import By

from core.tests.browser import browser, log_in, screenshot, wait  # noqa: F401  (browser is a fixture)
from governance.models import GroupKind, LogReaders
from governance.permissions import PARTNER_READER_GROUP
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, london, record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_a_partner_reader_sees_a_confidential_action_as_confidential_and_is_refused_the_jcr_log(
    browser,  # noqa: F811
    live_server,
):
    board = GroupFactory(
        name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD, log_open_to_partners=True
    )
    jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers=LogReaders.MEMBERS_ONLY)
    jcr.reports_to.set([board])
    meeting = MeetingFactory(group=board, starts_at=london(2026, 10, 21))
    secret = AgendaItemFactory(meeting=meeting, title="Rapid review: Child Q", confidential=True)
    budget = AgendaItemFactory(meeting=meeting, title="Budget")
    owners = [PersonFactory(name="Olive Owner"), PersonFactory(name="Rhys Price")]
    confidential = record(
        board,
        owners=owners,
        title="Child Q placement",
        description="Contact the foster carers of Child Q about the move",
        origin_meeting=meeting,
        origin_item=secret,
        due_date=datetime.date(2026, 12, 18),
    )
    record(
        board,
        owners=owners[:1],
        description="Publish the annual report on the website",
        origin_meeting=meeting,
        origin_item=budget,
        due_date=datetime.date(2027, 1, 15),
    )
    record(jcr, owners=owners[:1], description="Chronology for the case of Child R")
    partner = UserFactory(username="partner", password=PASSWORD)
    partner.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])

    log_in(browser, live_server, "partner", PASSWORD)
    browser.get(f"{live_server.url}/groups/{board.pk}/actions/")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "table"))
    page = browser.find_element(By.TAG_NAME, "table").text  # the owner filter lists the directory
    row = next(
        tr.text
        for tr in browser.find_elements(By.CSS_SELECTOR, "tbody tr")
        if "A confidential action" in tr.text
    )
    assert str(confidential.number) in row and "OO/RP" in row and "18 Dec 2026" in row and "Open" in row
    assert "Child Q" not in page and "foster carers" not in page and "Olive Owner" not in page
    assert "Publish the annual report" in page
    screenshot(browser, "need-to-know-board-log-as-partner")

    browser.get(f"{live_server.url}/groups/{jcr.pk}/actions/")
    wait(browser, lambda d: d.find_elements(By.TAG_NAME, "h1"))
    refused = browser.find_element(By.TAG_NAME, "body").text
    assert "Child R" not in refused
    assert "You do not have access to this page" in refused
    screenshot(browser, "need-to-know-jcr-log-refused")
