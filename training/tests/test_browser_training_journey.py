"""Issue 14's "Done means" in a real browser, as the secretariat.

The secretariat creates a course, puts two people from partner agencies in the training pool for
it, schedules a session of three places with them, fills it, waitlists a fourth person, cancels one
booking and sees the waitlisted person offered the place; the practitioner (no account) accepts
through the link in their e-mail and is booked. On the day (the session's date is moved to today,
as the calendar would), the secretariat takes the register; an attendee evaluates through their
e-mailed link; the secretariat reads the evaluations and the take-up table by agency.
"""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.core import mail
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    click,
    crispy_submit,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
    wait,
)
from core.tests.typeahead import choose
from governance.models import Sector
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import AgencyFactory, PersonFactory, UserFactory, council, police
from training.choices import BookingStatus, SessionStatus
from training.models import Booking, Course, Session
from training.tests.factories import CourseLevelFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def _link(recipient: str, subject_start: str, marker: str) -> str:
    message = next(
        m for m in reversed(mail.outbox) if m.to == [recipient] and m.subject.startswith(subject_start)
    )
    return next(line.strip() for line in message.body.splitlines() if marker in line)


def _step_out(driver) -> list[dict]:
    """Leave the secretariat's session aside (as a practitioner's own browser would have none)."""
    cookies = driver.get_cookies()
    driver.delete_all_cookies()
    return cookies


def _step_back(driver, live_server, cookies: list[dict]) -> None:
    driver.get(f"{live_server.url}/training/")
    driver.delete_all_cookies()
    for cookie in cookies:
        driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})


def _book(driver, name, email, agency):
    driver.find_element(By.NAME, "book-name").send_keys(name)
    driver.find_element(By.NAME, "book-email").send_keys(email)
    Select(driver.find_element(By.NAME, "book-agency")).select_by_visible_text(agency)
    submit_and_wait(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Book']"))


def test_the_secretariat_runs_a_session_from_course_to_take_up(browser, live_server, settings):  # noqa: F811
    settings.SITE_URL = live_server.url
    CourseLevelFactory(name="Foundation", order=1)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    PersonFactory(name="Joanna Kowalski", user=team, agency=council())
    PersonFactory(name="Aisha Rahman", agency=council())
    PersonFactory(name="Grace Oduya", agency=police())
    AgencyFactory(name="Wye Valley NHS Trust", short_name="Wye Valley", sector=Sector.HEALTH)
    AgencyFactory(name="Herefordshire Schools", short_name="Schools", sector=Sector.EDUCATION)

    log_in(browser, live_server, "secretariat", PASSWORD)

    # A course.
    browser.get(f"{live_server.url}/training/courses/new/")
    browser.find_element(By.NAME, "title").send_keys("Neglect and the Graded Care Profile 2")
    Select(browser.find_element(By.NAME, "level")).select_by_visible_text("Foundation")
    browser.find_element(By.NAME, "audience").send_keys("All practitioners working with children")
    browser.find_element(By.NAME, "learning_outcomes").send_keys(
        "Recognise the signs of neglect\nUse the Graded Care Profile 2"
    )
    browser.find_element(By.NAME, "duration_hours").send_keys("3")
    Select(browser.find_element(By.NAME, "priority")).select_by_visible_text("Neglect")
    submit_and_wait(browser, crispy_submit(browser))
    course = Course.objects.get()
    assert "Neglect and the Graded Care Profile 2" in browser.find_element(By.TAG_NAME, "h1").text
    screenshot(browser, "training-1-course")

    # Two people from partner agencies join the training pool for it.
    for name in ("Aisha Rahman", "Grace Oduya"):
        browser.get(f"{live_server.url}/training/pool/new/")
        choose(browser, "person", name, name)
        click(browser, browser.find_element(By.CSS_SELECTOR, f"input[name=courses][value='{course.pk}']"))
        submit_and_wait(browser, crispy_submit(browser))
    assert "Grace Oduya" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "training-2-pool")

    # A session of three places with both trainers.
    browser.get(f"{live_server.url}/training/sessions/new/?course={course.pk}")
    set_date(browser, "date", timezone.localdate() + datetime.timedelta(days=21))
    browser.execute_script(
        "document.querySelector('[name=start_time]').value='09:30';"
        "document.querySelector('[name=end_time]').value='12:30';"
    )
    browser.find_element(By.NAME, "venue").send_keys("Plough Lane, Hereford")
    browser.find_element(By.NAME, "capacity").send_keys("3")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=trainers]"):
        click(browser, box)
    submit_and_wait(browser, crispy_submit(browser))
    session = Session.objects.get()
    assert session.trainers.count() == 2

    # Fill it, then a fourth person goes on the waiting list.
    _book(browser, "Asha Patel", "asha.patel@wyevalley.example.org", "Wye Valley NHS Trust")
    _book(browser, "Ben Okafor", "ben.okafor@schools.example.org", "Herefordshire Schools")
    _book(browser, "Cara Jelfs", "cara.jelfs@wyevalley.example.org", "Wye Valley NHS Trust")
    _book(browser, "Dev Rudge", "dev.rudge@schools.example.org", "Herefordshire Schools")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Dev Rudge put on the waiting list" in main
    assert "Full" in main
    screenshot(browser, "training-3-full-with-waiting-list")

    # Cancel Ben's booking: Dev is offered the place.
    submit_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Cancel: Ben Okafor']"))
    dev = Booking.objects.get(name="Dev Rudge")
    assert dev.status == BookingStatus.OFFERED
    assert "Offered a place" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "training-4-offered")

    # Dev, who has no account, accepts through the e-mailed link.
    accept = _link("dev.rudge@schools.example.org", "A place is offered", "/accept/")
    staff = _step_out(browser)
    browser.get(accept)
    assert "Accept the place" in browser.page_source
    screenshot(browser, "training-5-offer-link")
    submit_and_wait(browser, browser.find_element(By.NAME, "accept"))
    assert "You are booked on this session" in browser.find_element(By.TAG_NAME, "main").text
    dev.refresh_from_db()
    assert dev.status == BookingStatus.BOOKED
    screenshot(browser, "training-6-accepted")

    # The day comes.
    Session.objects.filter(pk=session.pk).update(date=timezone.localdate())
    _step_back(browser, live_server, staff)
    browser.get(f"{live_server.url}/training/sessions/{session.pk}/register/")
    marks = {"Asha Patel": "present", "Cara Jelfs": "late", "Dev Rudge": "no_show"}
    for booking in Booking.objects.filter(session=session, status=BookingStatus.BOOKED):
        click(
            browser,
            browser.find_element(By.CSS_SELECTOR, f"input[name=b{booking.pk}][value={marks[booking.name]}]"),
        )
    screenshot(browser, "training-7-register")
    submit_and_wait(browser, crispy_submit(browser))
    session.refresh_from_db()
    assert session.status == SessionStatus.DELIVERED

    # Asha evaluates through her e-mailed link.
    evaluate = _link("asha.patel@wyevalley.example.org", "Your evaluation", "/evaluate/")
    staff = _step_out(browser)
    browser.get(evaluate)
    for name, value in (("rating", 5), ("o1_before", 2), ("o1_after", 4), ("o2_before", 1), ("o2_after", 4)):
        click(browser, browser.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{value}']"))
    browser.find_element(By.NAME, "comments").send_keys("Using the GCP2 on a real case made it click.")
    screenshot(browser, "training-8-evaluation-form")
    submit_and_wait(browser, crispy_submit(browser))
    assert "your evaluation is recorded" in browser.find_element(By.TAG_NAME, "main").text

    # The secretariat reads the evaluations and the take-up by agency.
    _step_back(browser, live_server, staff)
    browser.get(f"{live_server.url}/training/sessions/{session.pk}/evaluations/")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "average rating 5.0" in main and "Using the GCP2 on a real case" in main
    screenshot(browser, "training-9-evaluations")
    browser.get(f"{live_server.url}/training/take-up/")
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "canvas[data-chart]"))
    table = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Wye Valley NHS Trust" in table and "Herefordshire Schools" in table
    screenshot(browser, "training-10-take-up")
