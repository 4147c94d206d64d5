import pytest
from selenium.webdriver.common.by import By

from core.tests.browser import browser, log_in, screenshot  # noqa: F401  (fixture)
from governance.models import GroupKind
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_logs_in_and_opens_the_structure_page(browser, live_server):  # noqa: F811
    board = GroupFactory(name="Safeguarding Partners Board", kind=GroupKind.BOARD)
    jcr = GroupFactory(name="Joint Case Review Group")
    jcr.reports_to.set([board, GroupFactory(name="Safeguarding Adults Board", kind=GroupKind.PARTNER_BODY)])
    user = UserFactory(username="smoke", password="a-long-test-password")
    MembershipFactory(person=PersonFactory(user=user), group=board, role="member")

    log_in(browser, live_server, "smoke", "a-long-test-password")
    browser.find_element(By.CSS_SELECTOR, ".navbar-toggler").click()  # the menu folds below 1400 px
    browser.find_element(By.LINK_TEXT, "Partnership").click()
    browser.find_element(By.LINK_TEXT, "Structure").click()

    assert browser.find_element(By.TAG_NAME, "h1").text == "Partnership structure"
    assert len(browser.find_elements(By.LINK_TEXT, "Joint Case Review Group")) == 2
    screenshot(browser, "structure")
