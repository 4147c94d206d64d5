"""Issue 12's "Done means" in a real browser. As `jcr` (a member of the Joint Case Review group):
record a notification on the Thursday before Easter (2 April 2026) and see the Panel deadline on
Monday 13 April (Good Friday and Easter Monday skipped), then the rapid review deadline on Tuesday
5 May (the early May bank holiday skipped); request and receive the agencies' information; record
the rapid review's recommendation and the three partners' decision; see the six-month publication
clock; add a recommendation that appears in the JCR action plan; draft the quarterly report from
the records. As `partner`: anonymised counts
only, and the review does not exist. axe-core checks every page."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    follow,
    log_in,
    screenshot,
    submit_and_wait,
)
from core.tests.typeahead import choose
from governance.models import LogReaders
from governance.permissions import PARTNER_READER_GROUP
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)
from reviews.models import CaseReview
from reviews.services import themes_ensure_defaults
from reviews.tests.factories import partners_delegates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
WIDTH = 1920


def set_value(driver, name: str, value: str) -> None:
    """A date or text field set as the browser would submit it (date pickers differ by locale)."""
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1];", field, value)


def tick(driver, label: str) -> None:
    box = driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']/preceding-sibling::input")
    driver.execute_script("arguments[0].checked = true;", box)


def submit(driver) -> None:
    submit_and_wait(
        driver,
        driver.find_element(By.CSS_SELECTOR, "main form input[type=submit], main form button[type=submit]"),
    )


def body(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def test_jcr_runs_a_rapid_review_to_an_lcspr_and_a_partner_sees_only_counts(browser, live_server):  # noqa: F811
    jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers=LogReaders.MEMBERS_ONLY)
    user = UserFactory(username="jcr", password=PASSWORD)
    # Already enrolled in two-factor authentication, as the JCR must be: the login asks for the code.
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    person = PersonFactory(user=user, name="Oluwaseun Adebayo")
    MembershipFactory(person=person, group=jcr, role="member")
    owner = PersonFactory(name="Kofi Mensah")
    MembershipFactory(person=owner, group=jcr, role="member")
    partners = partners_delegates()
    AgencyFactory(name="Wye Valley NHS Trust", short_name="Wye Valley")
    AgencyFactory(name="Herefordshire Schools", short_name="Schools")
    themes_ensure_defaults()
    partner = UserFactory(username="partner", password=PASSWORD)
    partner.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])

    # Wide enough for the top bar: at 1280 pixels every app's entry pushes its right-hand end
    # (notifications, account, log out) off the screen, which axe-core rightly refuses (reported).
    browser.set_window_size(WIDTH, 1000)
    log_in(browser, live_server, "jcr", PASSWORD)
    follow(browser, "Case reviews")
    follow(browser, "Record a notification")
    Select(browser.find_element(By.NAME, "review_type")).select_by_value("child")
    set_value(browser, "awareness_date", "2026-04-02")
    tick(browser, "Abuse or neglect known or suspected")
    Select(browser.find_element(By.NAME, "harm")).select_by_value("seriously_harmed")
    tick(browser, "Wye Valley NHS Trust")
    tick(browser, "Herefordshire Schools")
    tick(browser, "Neglect")
    browser.find_element(By.NAME, "child_1_pseudonym").send_keys("Child A")
    browser.find_element(By.NAME, "child_1_full_name").send_keys("Invented Name")
    screenshot(browser, "case-review-1-record-notification", width=WIDTH)
    submit(browser)
    case = CaseReview.objects.get()
    text = body(browser)
    assert "Notify the national Panel" in text and "Mon 13 Apr 2026" in text
    assert "5 working days from becoming aware of the incident — Working Together 2023" in text
    assert "Invented Name" not in text
    screenshot(browser, "case-review-2-panel-deadline", width=WIDTH)

    follow(browser, "Edit the notification")
    set_value(browser, "panel_notified_on", "2026-04-13")
    submit(browser)
    text = body(browser)
    assert "Tue 5 May 2026" in text
    assert "15 working days from the Panel notification — Panel's expectation" in text

    for agency in ("Wye Valley NHS Trust", "Herefordshire Schools"):
        follow(browser, "Request information")
        Select(browser.find_element(By.NAME, "agency")).select_by_visible_text(agency)
        set_value(browser, "requested_on", "2026-04-14")
        submit(browser)
    for button in browser.find_elements(By.XPATH, "//button[starts-with(normalize-space(), 'Received')]")[:1]:
        submit_and_wait(browser, button)
    submit_and_wait(
        browser, browser.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Received')]")
    )
    assert body(browser).count("Received") >= 2
    screenshot(browser, "case-review-3-agency-returns", width=WIDTH)

    follow(browser, "Edit the rapid review")
    Select(browser.find_element(By.NAME, "recommendation")).select_by_value("local_review")
    browser.find_element(By.NAME, "recommendation_reasons").send_keys(
        "Concerns about how health and schools worked together."
    )
    tick(browser, "Concerns two or more agencies working together")
    set_value(browser, "rapid_review_submitted_on", "2026-05-01")
    submit(browser)

    for role in ("local_authority", "icb", "police"):
        follow(browser, "Record a partner's decision")
        representative = partners[role]
        choose(browser, "representative", representative.name, f"{representative.name} (")
        Select(browser.find_element(By.NAME, "decision")).select_by_value("local_review")
        set_value(browser, "decided_on", "2026-04-30")
        submit(browser)
        if role != "police":
            assert "Not final until all three partners have decided" in body(browser)
    text = body(browser)
    assert "All three partners have decided" in text
    assert "LCSPR final report published" in text and "Fri 30 Oct 2026" in text
    assert "6 months from the decision — statutory guidance" in text
    screenshot(browser, "case-review-4-partners-decision-six-month-clock", width=WIDTH)

    follow(browser, "Add a recommendation")
    browser.find_element(By.NAME, "text").send_keys(
        "Schools and health visitors to share concerns of neglect weekly."
    )
    Select(browser.find_element(By.NAME, "owners")).select_by_visible_text(
        f"Kofi Mensah ({owner.agency.label})"
    )
    submit(browser)
    assert "with its action in the JCR log" in body(browser)
    browser.get(f"{live_server.url}/groups/{jcr.pk}/action-plan/")
    assert "share concerns of neglect weekly" in body(browser)
    screenshot(browser, "case-review-5-jcr-action-plan", width=WIDTH)

    browser.get(f"{live_server.url}/case-reviews/deadlines/")
    assert case.reference in body(browser)
    screenshot(browser, "case-review-6-deadlines-board", width=WIDTH)

    browser.get(f"{live_server.url}/case-reviews/quarterly-reports/")
    set_value(browser, "day", "2026-04-15")
    submit(browser)
    draft = browser.find_element(By.NAME, "text").get_attribute("value")
    assert "1 opened in the quarter: 1 Rapid review / LCSPR" in draft
    assert "1 decision made: 1 local child safeguarding practice review" in draft
    assert "Child A" not in draft and case.reference not in draft
    screenshot(browser, "case-review-7-quarterly-report-draft", width=WIDTH)

    browser.delete_all_cookies()
    log_in(browser, live_server, "partner", PASSWORD)
    browser.get(f"{live_server.url}/case-reviews/in-numbers/")
    text = body(browser)
    assert "Case reviews in numbers" in text and "Child A" not in text and case.reference not in text
    screenshot(browser, "case-review-8-partner-counts-only", width=WIDTH)
    browser.get(f"{live_server.url}/case-reviews/{case.pk}/")
    assert "Child A" not in body(browser)
    screenshot(browser, "case-review-9-partner-refused", width=WIDTH)
