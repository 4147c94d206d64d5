import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from core.tests.browser import browser, log_in, screenshot  # noqa: F401  (fixture)
from core.tests.typeahead import choose
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_adds_a_vice_chair_to_the_education_group_in_the_browser(browser, live_server):  # noqa: F811
    from django.contrib.auth.models import Group as AuthGroup

    from governance.permissions import SECRETARIAT_GROUP

    education = GroupFactory(name="Education Group", short_name="EDU")
    PersonFactory(name="Aisha Rahman", job_title="Safeguarding Children in Education Officer")
    user = UserFactory(username="team", password="a-long-test-password")
    user.groups.add(AuthGroup.objects.create(name=SECRETARIAT_GROUP))
    PersonFactory(user=user, name="Joanna Team")

    log_in(browser, live_server, "team", "a-long-test-password")
    browser.get(f"{live_server.url}{education.get_absolute_url()}")
    browser.find_element(By.LINK_TEXT, "Add a member").click()
    choose(browser, "person", "aisha", "Aisha Rahman")
    Select(browser.find_element(By.NAME, "role")).select_by_visible_text("Vice-chair")
    browser.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]").click()

    WebDriverWait(browser, 10).until(lambda driver: driver.current_url.endswith(education.get_absolute_url()))

    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Education Group")
    members = browser.find_element(By.CSS_SELECTOR, "table.table-members").text
    assert "Aisha Rahman" in members and "Vice-chair" in members
    assert "Saved: Aisha Rahman — Vice-chair, Education Group." in browser.page_source
    screenshot(browser, "group-after-adding-vice-chair")
