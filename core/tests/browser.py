"""Selenium on Debian's Chromium: nothing is downloaded, paths are explicit."""

import base64
import datetime
import os
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.events import AbstractEventListener, EventFiringWebDriver
from selenium.webdriver.support.ui import WebDriverWait

from conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR", "")
# axe-core, vendored from npm (static/vendor/axe-core), injected by the test driver: the CSP never has
# to allow it, and the pages never load it.
AXE_SOURCE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA: the A and AA rules of WCAG 2.0, 2.1 and 2.2.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A phone in portrait (an iPhone 12 to 15 is 390 CSS pixels wide).
PHONE_WIDTH = 390
PHONE_HEIGHT = 844


@pytest.fixture
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        skip_or_fail(
            f"Chromium not found at {CHROMIUM} / {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(5)
    driver.set_script_timeout(60)
    # Every page the journey shows is checked with axe-core before the journey leaves it.
    checked = EventFiringWebDriver(driver, AxeOnEveryPage())
    yield checked
    checked.quit()


def check_accessibility(driver) -> None:
    """Run axe-core's WCAG 2.2 AA rules on the page now shown; fail naming each violation and where."""
    if not driver.execute_script("return typeof window.axe === 'object';"):
        driver.execute_script(AXE_SOURCE.read_text())
    outcome = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
          .then(results => done(results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            where: v.nodes.slice(0, 5).map(node => node.target.join(" ") + " — " + node.failureSummary),
          }))))
          .catch(error => done({error: String(error)}));
        """,
        AXE_TAGS,
    )
    driver.execute_script("window.axeChecked = true;")
    if isinstance(outcome, dict):
        raise AssertionError(f"axe-core could not check {driver.current_url}: {outcome['error']}")
    if outcome:
        lines = [f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["where"]) for v in outcome]
        raise AssertionError(f"WCAG 2.2 AA violations on {driver.current_url}:\n" + "\n".join(lines))


class AxeOnEveryPage(AbstractEventListener):
    """Checks each page once, before the journey acts on it or leaves it (a click, typing, a script,
    another address, the end): so every page visited is checked, in the state the journey saw."""

    def _check(self, driver) -> None:
        state = driver.execute_script(
            "return [document.readyState, !!window.axeChecked, location.protocol, document.contentType];"
        )
        ready, already, protocol, content_type = state
        fresh_page = ready == "complete" and not already and protocol.startswith("http")
        if fresh_page and content_type == "text/html":
            check_accessibility(driver)

    def before_navigate_to(self, url, driver) -> None:
        self._check(driver)

    def before_click(self, element, driver) -> None:
        self._check(driver)

    def before_change_value_of(self, element, driver) -> None:
        self._check(driver)

    def before_execute_script(self, script, driver) -> None:
        self._check(driver)

    def before_quit(self, driver) -> None:
        self._check(driver)


def phone(driver) -> None:
    """Show the pages as on a phone held upright (390 CSS pixels wide)."""
    driver.set_window_size(PHONE_WIDTH, PHONE_HEIGHT)


def screenshot(driver, name: str, *, width: int = 1280) -> None:
    """Save a full-page screenshot when SCREENSHOT_DIR is set, for a person to look at."""
    if not SCREENSHOT_DIR:
        return
    Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
    # The window's height includes the browser's own frame: add it, or the page's foot is cut off.
    height = driver.execute_script(
        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight"
    )
    driver.set_window_size(width, max(1000 if width >= 576 else PHONE_HEIGHT, height))
    driver.save_screenshot(str(Path(SCREENSHOT_DIR) / f"{name}.png"))


LOGIN_PATH = "/accounts/login/"


def log_in(driver, live_server, username: str, password: str) -> None:
    """Log in and return once the page after the login has loaded for the logged-in user.

    Returning at the click let a journey on a fast machine act on the login page itself before
    the redirect landed. The wait ends when the URL has left the login page and the layout's
    log-out form is there; a refused login fails here, saying so.
    """
    driver.get(f"{live_server.url}{LOGIN_PATH}")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    if urlparse(driver.current_url).path == LOGIN_PATH:
        raise AssertionError(f"Logging in as {username!r} was refused.")
    pass_second_step(driver, username)
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "form[action$='/logout/']")
    )


SETUP_PATH = "/accounts/two-factor/set-up/"
VERIFY_PATH = "/accounts/two-factor/"


def totp_code(secret_base32: str, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for this secret (RFC 6238: SHA-1, 6 digits, 30 s)."""
    cleaned = secret_base32.replace(" ", "").upper()
    key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    return f"{TOTP(key, drift=steps_ahead).token():06d}"


def device_code(username: str) -> str:
    """A code the user's authenticator app would show that the site has not accepted yet (it refuses a
    code twice, and allows one step of drift: a second login within 30 seconds takes the next one)."""
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    ahead = 1 if device.last_t >= totp.t() else 0
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead).token():06d}"


def pass_second_step(driver, username: str) -> None:
    """After the password: set up an app when the account must have one (as a person would, from the
    key the page shows), or type the app's code; then continue to the page asked for."""
    path = urlparse(driver.current_url).path
    if path == SETUP_PATH:
        secret = driver.find_element(By.ID, "totp-secret").get_attribute("data-secret")
        driver.find_element(By.NAME, "code").send_keys(totp_code(secret))
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        submit_and_wait(driver, driver.find_element(By.LINK_TEXT, "I have saved them: continue"))
    elif path == VERIFY_PATH:
        driver.find_element(By.NAME, "code").send_keys(device_code(username))
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    if urlparse(driver.current_url).path in (SETUP_PATH, VERIFY_PATH):
        raise AssertionError(f"The second step refused {username!r}.")


def wait(driver, condition, timeout=10):
    # htmx may swap the element the condition reads between finding and reading it: read again.
    swapped = (StaleElementReferenceException,)
    return WebDriverWait(driver, timeout, ignored_exceptions=swapped).until(condition)


def click(driver, element):
    # The meeting page loads the action log review with htmx, which moves what is below it:
    # wait for it to land, so the click hits what it aims at.
    wait(driver, lambda d: "Loading the outstanding actions" not in d.page_source)
    # Bootstrap scrolls smoothly; jump instead, so the element is in view before the click.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def follow(driver, link_text):
    submit_and_wait(driver, driver.find_element(By.LINK_TEXT, link_text))


def submit_and_wait(driver, element, *, until_url_contains=None):
    """Click a link or a submit control and wait for the next page (not just the click) before reading it.

    The old page is marked; the wait ends when a page without the mark has loaded. (Polling the
    old page's elements for staleness fails now and then: Chromium may answer with another error
    while it swaps documents.)
    """
    driver.execute_script("window.journeyOldPage = true;")
    click(driver, element)
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.journeyOldPage && document.readyState === 'complete';")
    )
    if until_url_contains:
        wait(driver, lambda d: until_url_contains in d.current_url)


def crispy_submit(driver):
    return driver.find_element(By.CSS_SELECTOR, "input[type=submit][name=submit]")


def button(driver, label, within=None):
    return (within or driver).find_element(By.XPATH, f".//button[normalize-space()='{label}']")


def set_date(driver, name, value: datetime.date):
    # A date input's typed format follows the browser's locale; its value is always ISO.
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1];", field, value.isoformat())


def fetch(driver, url: str) -> tuple[str, bytes]:
    """Download with the browser session's cookies, as the browser's own download would."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers["Content-Type"], response.read()
