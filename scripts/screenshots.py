"""Log in to a running server and screenshot pages, for a person to look at.

Usage: .venv/bin/python scripts/screenshots.py USER OUTDIR PATH [PATH ...]
(the server at BASE_URL, default http://127.0.0.1:8000; password DEMO_PASSWORD).
"""

import os
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
PASSWORD = os.environ.get("DEMO_PASSWORD", "hscp-demo-2026")


def main(user: str, outdir: str, paths: list[str], width: int = 1280) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_window_size(width, 900)
        driver.get(f"{BASE_URL}/accounts/login/")
        driver.find_element(By.NAME, "username").send_keys(user)
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        Path(outdir).mkdir(parents=True, exist_ok=True)
        for path in paths:
            driver.get(f"{BASE_URL}{path}")
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(width, min(max(900, height), 4000))
            name = path.strip("/").replace("/", "_").replace("?", "_") or "home"
            driver.save_screenshot(str(Path(outdir) / f"{name}-{width}.png"))
            print(f"{path}: {driver.title}")
    finally:
        driver.quit()


if __name__ == "__main__":
    width = int(os.environ.get("WIDTH", "1280"))
    main(sys.argv[1], sys.argv[2], sys.argv[3:], width=width)
