"""Selenium on Debian's Chromium: nothing is downloaded, paths are explicit."""

import datetime
import os
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR", "")


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
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> None:
    """Save a full-page screenshot when SCREENSHOT_DIR is set, for a person to look at."""
    if not SCREENSHOT_DIR:
        return
    Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
    # The window's height includes the browser's own frame: add it, or the page's foot is cut off.
    height = driver.execute_script(
        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight"
    )
    driver.set_window_size(1280, max(1000, height))
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
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "form[action$='/logout/']")
    )


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(condition)


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
