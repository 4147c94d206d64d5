"""Choosing in a type-ahead box (static/js/typeahead.js, issue 16) in a browser journey."""

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

    wait(driver, offered, timeout=30)  # the matches come from the server, on a machine that may be busy
    offered(driver)[0].click()
    # Leave the box, so its list closes and covers nothing below.
    driver.execute_script("document.activeElement.blur();")
    wait(
        driver,
        lambda d: (
            not any(dropdown.is_displayed() for dropdown in d.find_elements(By.CSS_SELECTOR, ".ts-dropdown"))
        ),
    )


def chosen(driver, name: str) -> list[str]:
    """What the type-ahead box of field `name` shows as chosen."""
    return [item.text for item in driver.find_elements(By.CSS_SELECTOR, f"#id_{name} + .ts-wrapper .item")]
