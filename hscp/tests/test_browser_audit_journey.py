"""Issue 11's "Done means", the audit part, in a real browser: an admin reads an action's
history (who changed what and when) and exports a person's data (a ZIP of CSVs and a PDF)."""

import pytest
from selenium.webdriver.common.by import By

from core.tests.browser import browser, follow, log_in, screenshot, wait  # noqa: F401  (browser is a fixture)
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password"


def test_an_admin_reads_an_actions_history_and_exports_a_persons_data(browser, live_server):  # noqa: F811
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True, password=PASSWORD)
    PersonFactory(user=admin, name="Ada Admin")
    group = GroupFactory(name="Education Group", short_name="EDU")
    owner = PersonFactory(name="Olive Owner", email="olive@example.org")
    MembershipFactory(person=owner, group=group)
    action = record(group, owners=[owner], description="Draft a letter to partners")
    action.description = "Send the letter to partners"
    action._history_user = admin
    action.save()

    log_in(browser, live_server, "admin", PASSWORD)
    browser.get(f"{live_server.url}{action.get_absolute_url()}")
    follow(browser, "History")
    wait(browser, lambda d: "History" in d.find_element(By.TAG_NAME, "h1").text)
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Changed by Ada Admin" in page
    assert "Draft a letter to partners" in page and "Send the letter to partners" in page
    screenshot(browser, "audit-action-history")

    browser.get(f"{live_server.url}{owner.get_absolute_url()}")
    link = browser.find_element(By.LINK_TEXT, "Export their data")
    # Fetch what the link downloads, as the browser would, and read the archive's first bytes.
    head = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => Promise.all([r.headers.get('Content-Type'), r.arrayBuffer()]))"
        ".then(([type, body]) => done([type, Array.from(new Uint8Array(body).slice(0, 2))]));",
        link.get_attribute("href"),
    )
    assert head == ["application/zip", [0x50, 0x4B]]  # "PK": a ZIP archive
    screenshot(browser, "audit-person-with-export")
