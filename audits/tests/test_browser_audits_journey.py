"""Issue 13's "Done means", in a real browser, as the secretariat: plan the year's programme; run
an audit with three agencies' returns (one late and chased); grade it; raise two recommendations
that appear in the Q&E group's action plan; schedule its re-audit; open a section 11 cycle, submit
one agency's self-assessment, moderate it and see the heat map; import a quarter's scorecard with
one bad row rejected, then fixed. Only the structure, the standards, grades and indicators are set
up directly; everything else goes through the pages (axe-core checks each one)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from audits.models import AgencyReturn, CaseAudit, IndicatorValue, SelfAssessment
from audits.tests.factories import IndicatorFactory, default_standards, grades
from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    click,
    crispy_submit,
    follow,
    log_in,
    screenshot,
    set_date,
    submit_and_wait,
    wait,
)
from core.tests.typeahead import choose
from governance.models import Action
from governance.permissions import SECRETARIAT_GROUP
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
# The shared top bar overflows at 1280 px with every app's link (its right-hand links land on
# white, which axe-core rightly fails; the layout is not ours): run wider, as the other journeys do.
WIDTH = 1920


def shot(driver, name: str) -> None:
    screenshot(driver, name, width=WIDTH)


def _choose(driver, name, text):
    select = Select(driver.find_element(By.NAME, name))
    select.select_by_visible_text(next(o.text for o in select.options if o.text.startswith(text)))


def _set(driver, name, value):
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1];", field, value)


def _main(driver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text


def test_the_secretariat_runs_an_audit_a_section_11_cycle_and_a_scorecard_import(
    browser,  # noqa: F811
    live_server,
    tmp_path,
):
    today = timezone.localdate()
    quality = GroupFactory(name="Quality & Effectiveness Group", short_name="Q&E")
    council = AgencyFactory(name="Herefordshire Council", short_name="Council", sector="local_authority")
    police = AgencyFactory(name="West Mercia Police", sector="police")
    health = AgencyFactory(name="Wye Valley NHS Trust", short_name="Wye Valley", sector="health")
    lead = PersonFactory(name="Chloe Thackeray", agency=council)
    MembershipFactory(person=lead, group=quality, role="member")
    PersonFactory(name="Gareth Hollis", agency=council)
    PersonFactory(name="Tomasz Nowak", agency=police)
    PersonFactory(name="Megan Howells", agency=health)
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Joanna Kowalski", user=team, agency=council)
    default_standards(count=9)
    grades()
    IndicatorFactory(
        code="CONTACT_REFERRAL",
        name="Contacts progressed to referral",
        green_threshold=Decimal(35),
        red_threshold=Decimal(25),
    )
    IndicatorFactory(
        code="S47_NFA",
        name="Section 47 enquiries ending in no further action",
        polarity="lower",
        green_threshold=Decimal(30),
        red_threshold=Decimal(40),
    )

    browser.set_window_size(WIDTH, 1000)
    log_in(browser, live_server, "secretariat", PASSWORD)

    # Plan the year's programme and its first audit.
    browser.get(f"{live_server.url}/audits/")
    follow(browser, "Plan a year's programme")
    submit_and_wait(browser, crispy_submit(browser))
    assert "Plan an audit" in _main(browser)
    follow(browser, "Plan an audit")
    browser.find_element(By.NAME, "theme").send_keys("Neglect: the use of the Graded Care Profile 2")
    _choose(browser, "reason", "Case review finding")
    browser.find_element(By.NAME, "reason_detail").send_keys(
        "Findings from case reviews about childhood neglect."
    )
    _set(browser, "target_month", f"{today:%Y-%m}")
    choose(browser, "lead", "thackeray", "Chloe Thackeray")
    browser.find_element(By.NAME, "lines_of_enquiry").send_keys("Was the Graded Care Profile 2 used?")
    submit_and_wait(browser, crispy_submit(browser))
    shot(browser, "audits-1-programme")
    follow(browser, "Neglect: the use of the Graded Care Profile 2")
    audit = CaseAudit.objects.get()

    # Three agencies' returns, due ten days ago.
    for agency, contact in (
        ("Herefordshire Council", "Gareth Hollis"),
        ("West Mercia Police", "Tomasz Nowak"),
        ("Wye Valley NHS Trust", "Megan Howells"),
    ):
        follow(browser, "Request a return")
        _choose(browser, "agency", agency)
        choose(browser, "contact", contact, contact)
        set_date(browser, "requested_on", today - datetime.timedelta(days=30))
        set_date(browser, "due_on", today - datetime.timedelta(days=10))
        submit_and_wait(browser, crispy_submit(browser))
    due = today - datetime.timedelta(days=10)
    for agency, received in ((council, due), (health, due - datetime.timedelta(days=2))):
        agency_return = AgencyReturn.objects.get(agency=agency)
        browser.get(f"{live_server.url}/audits/audit-returns/{agency_return.pk}/")
        set_date(browser, "received_on", received)
        browser.find_element(By.NAME, "findings").send_keys(
            f"{agency.name}: plans did not follow the GCP2 scores."
        )
        submit_and_wait(browser, crispy_submit(browser))
    row = browser.find_element(By.ID, f"return-{AgencyReturn.objects.get(agency=council).pk}")
    assert "Received" in row.text and "late" not in row.text.lower()  # received on its deadline
    police_row = browser.find_element(By.ID, f"return-{AgencyReturn.objects.get(agency=police).pk}")
    assert "Late" in police_row.text
    submit_and_wait(
        browser, police_row.find_element(By.XPATH, ".//button[starts-with(normalize-space(), 'Chase')]")
    )
    assert "late return is chased (chase 1). Tomasz Nowak has been told." in _main(browser)
    police_return = AgencyReturn.objects.get(agency=police)
    browser.get(f"{live_server.url}/audits/audit-returns/{police_return.pk}/")
    set_date(browser, "received_on", today)
    browser.find_element(By.NAME, "findings").send_keys(
        "Children present at incidents recorded, not their presentation."
    )
    submit_and_wait(browser, crispy_submit(browser))
    assert "Received late" in browser.find_element(By.ID, f"return-{police_return.pk}").text
    shot(browser, "audits-2-returns")

    # Findings, the voice of the child and the grade; completed.
    follow(browser, "Record findings and grade")
    browser.find_element(By.NAME, "sample_references").send_keys("HSCP-N-0412\nHSCP-N-0419\nHSCP-N-0433")
    browser.find_element(By.NAME, "strengths").send_keys("Strategy discussions were timely.")
    browser.find_element(By.NAME, "areas_for_improvement").send_keys("Plans did not follow the GCP2 scores.")
    Select(browser.find_element(By.NAME, "voice_of_child")).select_by_visible_text("Partly")
    browser.find_element(By.NAME, "voice_of_child_how").send_keys("Direct work recorded in 2 of 3 cases.")
    Select(browser.find_element(By.NAME, "grade")).select_by_visible_text("Requires improvement")
    Select(browser.find_element(By.NAME, "status")).select_by_visible_text("Completed")
    submit_and_wait(browser, crispy_submit(browser))
    assert "Grade: Requires improvement" in _main(browser)

    # Two recommendations, each an action in the Q&E group's log.
    for text in (
        "Every neglect plan to record the GCP2 scores.",
        "Record the child's own words in every case.",
    ):
        follow(browser, "Raise a recommendation")
        browser.find_element(By.NAME, "text").send_keys(text)
        choose(browser, "owners", "hollis", "Gareth Hollis")
        set_date(browser, "due_date", today + datetime.timedelta(days=60))
        submit_and_wait(browser, crispy_submit(browser))
    assert Action.objects.filter(group=quality, source="audit").count() == 2

    # The re-audit, linked to this audit.
    follow(browser, "Schedule a re-audit")
    month = (today.replace(day=1) + datetime.timedelta(days=200)).replace(day=1)
    _set(browser, "target_month", f"{month:%Y-%m}")
    submit_and_wait(browser, crispy_submit(browser))
    assert CaseAudit.objects.get(original=audit).target_month == month
    browser.get(f"{live_server.url}{audit.get_absolute_url()}")
    shot(browser, "audits-3-audit-graded")
    browser.get(f"{live_server.url}/groups/{quality.pk}/action-plan/")
    plan = _main(browser)
    assert "Every neglect plan to record the GCP2 scores." in plan
    assert "Record the child's own words in every case." in plan
    shot(browser, "audits-4-qe-action-plan")

    # A section 11 cycle: one agency's self-assessment submitted and moderated.
    browser.get(f"{live_server.url}/audits/")
    follow(browser, "Open a cycle")
    browser.find_element(By.NAME, "name").send_keys(f"Section 11 self-assessment {today.year}")
    Select(browser.find_element(By.NAME, "frequency")).select_by_visible_text("Every two years")
    set_date(browser, "opens_on", today - datetime.timedelta(days=7))
    set_date(browser, "due_on", today + datetime.timedelta(days=60))
    for agency in (police, health):
        click(browser, browser.find_element(By.XPATH, f"//label[normalize-space()='{agency.name}']"))
    submit_and_wait(browser, crispy_submit(browser))
    assessment = SelfAssessment.objects.get(agency=police)
    follow(browser, "West Mercia Police")
    follow(browser, "Answer the standards")
    for number, answer in enumerate(assessment.answers.order_by("standard__number"), start=1):
        Select(browser.find_element(By.NAME, f"a{answer.pk}-rating")).select_by_value(
            "amber" if number == 9 else "green"
        )
        browser.find_element(By.NAME, f"a{answer.pk}-evidence").send_keys(f"Evidence for standard {number}.")
    submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the answers']"))
    submit_and_wait(
        browser, browser.find_element(By.XPATH, "//button[normalize-space()='Submit to the partnership']")
    )
    assert "Submitted to the partnership for moderation." in _main(browser)
    follow(browser, "Moderate")
    supervision = assessment.answers.get(standard__number=9)
    Select(browser.find_element(By.NAME, f"m{supervision.pk}-moderated_rating")).select_by_value("red")
    browser.find_element(By.NAME, f"m{supervision.pk}-comments").send_keys(
        "No supervision records were shown."
    )
    shot(browser, "audits-5-moderate")
    submit_and_wait(
        browser, browser.find_element(By.XPATH, "//button[normalize-space()='Save the moderation']")
    )
    assessment.refresh_from_db()
    assert assessment.status == "moderated"
    browser.get(f"{live_server.url}/audits/section-11/heat-map/")
    heat = _main(browser)
    assert "West Mercia Police" in heat and "Red: not met" in heat and "(moderated)" in heat
    shot(browser, "audits-6-heat-map")

    # A quarter's scorecard: one bad row rejects the file, the corrected file is imported.
    bad = tmp_path / "q2.csv"
    bad.write_text(
        "indicator,quarter,value,commentary\n"
        "CONTACT_REFERRAL,2019/20 Q2,24,Only 24% of contacts progressed to referral\n"
        "S47_NFA,2019/20 Q2,fifty-one,51% of S47s NFA'd\n"
    )
    browser.get(f"{live_server.url}/audits/scorecard/")
    follow(browser, "Import a quarter")
    browser.find_element(By.NAME, "file").send_keys(str(bad))
    submit_and_wait(browser, crispy_submit(browser))
    assert "Row 3: the value “fifty-one” is not a number" in _main(browser)
    assert not IndicatorValue.objects.exists()
    shot(browser, "audits-7-import-rejected")
    good = tmp_path / "q2-fixed.csv"
    good.write_text(bad.read_text().replace("fifty-one", "51"))
    browser.find_element(By.NAME, "file").send_keys(str(good))
    submit_and_wait(browser, crispy_submit(browser))
    assert "2 values imported." in _main(browser)
    assert IndicatorValue.objects.count() == 2
    shot(browser, "audits-8-scorecard")
    follow(browser, "Section 47 enquiries ending in no further action")
    assert "51%" in _main(browser)
    shot(browser, "audits-9-indicator")
