"""Choosing in a type-ahead box (static/js/typeahead.js, issue 16) in a browser journey."""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from core.tests.browser import wait


def choose(driver, name: str, typed: str, option: str) -> None:
    """Type `typed` into the type-ahead box of field `name` and pick the option offered that
    starts with `option` (in a box taking several, once per person)."""
    wait(driver, lambda d: d.find_elements(By.ID, f"id_{name}-ts-control"), timeout=30)
    control = driver.find_element(By.CSS_SELECTOR, f"#id_{name} + .ts-wrapper .ts-control")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", control)
    control.click()  # a box holding a choice hides its text box until clicked
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == f"id_{name}-ts-control")
    ActionChains(driver).send_keys(typed).perform()

    def offered(d):
        return [
            o
            for o in d.find_elements(By.CSS_SELECTOR, ".ts-dropdown .option")
            if o.is_displayed() and o.text.startswith(option)
        ]

    # The matches come from the server, on a machine that may be busy; a late answer to an earlier
    # keystroke can redraw the list under the click, which then picks nothing: click again until
    # the choice shows in the box.
    for _attempt in range(5):
        wait(driver, offered, timeout=30)
        try:
            offered(driver)[0].click()
        except WebDriverException:
            continue
        if _chosen_starts_with(driver, name, option):
            break
    wait(driver, lambda d: _chosen_starts_with(d, name, option))
    # Leave the box, so its list closes and covers nothing below. A late answer to a keystroke can
    # open the list again after the box was left: close every box's list until none shows.
    wait(driver, _lists_closed)


def _lists_closed(driver) -> bool:
    driver.execute_script(
        "document.activeElement.blur();"
        "document.querySelectorAll('.tomselected').forEach(e => e.tomselect && e.tomselect.close());"
    )
    return not any(
        dropdown.is_displayed() for dropdown in driver.find_elements(By.CSS_SELECTOR, ".ts-dropdown")
    )


def _chosen_starts_with(driver, name: str, option: str) -> bool:
    """The box shows the choice, or the form's own select holds it (what is posted)."""
    try:
        selected = driver.execute_script(
            "return Array.from(document.getElementById(arguments[0]).selectedOptions || [], o => o.text);",
            f"id_{name}",
        )
        return any(text.startswith(option) for text in [*chosen(driver, name), *(selected or [])])
    except WebDriverException:  # the box redrawn while read
        return False


def chosen(driver, name: str) -> list[str]:
    """What the type-ahead box of field `name` shows as chosen."""
    return [item.text for item in driver.find_elements(By.CSS_SELECTOR, f"#id_{name} + .ts-wrapper .item")]
